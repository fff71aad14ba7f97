// Crossings between horizontal and vertical ruling pieces, and peeling of the crossing graph down
// to its 2-core, so that cells are bounded only by rulings that form closed loops.
#include "layout/ruling_graph.h"

#include <algorithm>
#include <utility>
#include <vector>

#include <opencv2/imgproc.hpp>

namespace drawlens::layout::detail {

RulingPieces label_pieces(const cv::Mat& mask) {
  RulingPieces p;
  cv::Mat centroids;
  p.count = cv::connectedComponentsWithStats(mask, p.labels, p.stats, centroids, 8, CV_32S);
  return p;
}

cv::Mat closing_rulings(const RulingPieces& h, const RulingPieces& v) {
  // Runs are bridged past their ends, so two rulings that meet share at least one pixel.
  std::vector<std::pair<int, int>> crossings;
  for (int y = 0; y < h.labels.rows; ++y) {
    const int* lh = h.labels.ptr<int>(y);
    const int* lv = v.labels.ptr<int>(y);
    for (int x = 0; x < h.labels.cols; ++x) {
      if (lh[x] && lv[x]) crossings.emplace_back(lh[x], lv[x]);
    }
  }
  std::sort(crossings.begin(), crossings.end());
  crossings.erase(std::unique(crossings.begin(), crossings.end()), crossings.end());

  // Nodes: horizontal pieces first, then vertical ones offset by h.count.
  const int nodes = h.count + v.count;
  std::vector<std::vector<int>> adjacent(nodes);
  for (const auto& [a, b] : crossings) {
    adjacent[a].push_back(h.count + b);
    adjacent[h.count + b].push_back(a);
  }
  std::vector<int> degree(nodes);
  std::vector<int> doomed;
  for (int i = 0; i < nodes; ++i) {
    degree[i] = static_cast<int>(adjacent[i].size());
    if (degree[i] < 2) doomed.push_back(i);
  }
  std::vector<bool> kept(nodes, true);
  while (!doomed.empty()) {
    const int i = doomed.back();
    doomed.pop_back();
    if (!kept[i]) continue;
    kept[i] = false;
    for (int j : adjacent[i]) {
      if (kept[j] && --degree[j] < 2) doomed.push_back(j);
    }
  }

  cv::Mat mask = cv::Mat::zeros(h.labels.size(), CV_8U);
  for (int y = 0; y < mask.rows; ++y) {
    const int* lh = h.labels.ptr<int>(y);
    const int* lv = v.labels.ptr<int>(y);
    unsigned char* out = mask.ptr<unsigned char>(y);
    for (int x = 0; x < mask.cols; ++x) {
      if ((lh[x] && kept[lh[x]]) || (lv[x] && kept[h.count + lv[x]])) out[x] = 255;
    }
  }
  return mask;
}

}  // namespace drawlens::layout::detail
