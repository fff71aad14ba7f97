// Crossings between horizontal and vertical ruling pieces, and peeling of the crossing graph down
// to its 2-core, so that cells are bounded only by rulings that form closed loops.
#include "layout/ruling_graph.h"

#include <algorithm>
#include <utility>
#include <vector>

#include <opencv2/imgproc.hpp>

#include "layout/byte_words.h"

namespace drawlens::layout::detail {

RulingPieces label_pieces(const cv::Mat& mask) {
  RulingPieces p;
  p.mask = mask;
  // Boxes are gathered here from the set pixels only; OpenCV's statistics pass visits every
  // pixel and costs several times the labelling itself on a sparse mask.
  p.count = cv::connectedComponents(mask, p.labels, 8, CV_32S);
  std::vector<cv::Point> lo(p.count, {mask.cols, mask.rows}), hi(p.count, {-1, -1});
  const int w = mask.cols;
  for (int y = 0; y < mask.rows; ++y) {
    const unsigned char* m = mask.ptr<unsigned char>(y);
    const int* l = p.labels.ptr<int>(y);
    for (int x = 0; x < w; ++x) {
      if (x + kWordBytes <= w && word_at(m + x) == 0) {
        x += kWordBytes - 1;
        continue;
      }
      if (!m[x]) continue;
      cv::Point& a = lo[l[x]];
      cv::Point& b = hi[l[x]];
      a.x = std::min(a.x, x);
      a.y = std::min(a.y, y);
      b.x = std::max(b.x, x);
      b.y = std::max(b.y, y);
    }
  }
  p.boxes.resize(p.count);
  for (int i = 1; i < p.count; ++i) p.boxes[i] = cv::Rect(lo[i], hi[i] + cv::Point(1, 1));
  return p;
}

cv::Mat closing_rulings(const RulingPieces& h, const RulingPieces& v) {
  // Runs are bridged past their ends, so two rulings that meet share at least one pixel.
  std::vector<std::pair<int, int>> crossings;
  const int w = h.mask.cols;
  for (int y = 0; y < h.mask.rows; ++y) {
    const unsigned char* mh = h.mask.ptr<unsigned char>(y);
    const unsigned char* mv = v.mask.ptr<unsigned char>(y);
    for (int x = 0; x < w; ++x) {
      if (x + kWordBytes <= w && (word_at(mh + x) & word_at(mv + x)) == 0) {
        x += kWordBytes - 1;
        continue;
      }
      if (mh[x] && mv[x]) crossings.emplace_back(h.labels.ptr<int>(y)[x], v.labels.ptr<int>(y)[x]);
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

  cv::Mat mask = cv::Mat(h.mask.size(), CV_8U, cv::Scalar(0));
  for (int y = 0; y < mask.rows; ++y) {
    const unsigned char* mh = h.mask.ptr<unsigned char>(y);
    const unsigned char* mv = v.mask.ptr<unsigned char>(y);
    const int* lh = h.labels.ptr<int>(y);
    const int* lv = v.labels.ptr<int>(y);
    unsigned char* out = mask.ptr<unsigned char>(y);
    for (int x = 0; x < w; ++x) {
      if (x + kWordBytes <= w && (word_at(mh + x) | word_at(mv + x)) == 0) {
        x += kWordBytes - 1;
        continue;
      }
      if ((mh[x] && kept[lh[x]]) || (mv[x] && kept[h.count + lv[x]])) out[x] = 255;
    }
  }
  return mask;
}

}  // namespace drawlens::layout::detail
