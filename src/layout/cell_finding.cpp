// Cell candidates as connected components of the space between rulings. Anything that is not a
// ruling (text, curves, dashes) belongs to that space, so only rulings can close a cell.
#include "layout/cell_finding.h"

#include <algorithm>
#include <limits>

#include <opencv2/imgproc.hpp>

namespace drawlens::layout::detail {
namespace {

// A cell fills its bounding box, less any small boxed symbol inside it; L-shaped leftovers around a
// table, rings around an enclosed box and regions leaking through a gap fill far less.
constexpr double kMinFill = 0.85;

struct Region {
  int x0 = std::numeric_limits<int>::max(), y0 = std::numeric_limits<int>::max();
  int x1 = -1, y1 = -1;
  long long area = 0;
};

// Area and extent of every labelled region, walking each row by stretches of equal label: the
// space between rulings comes in long stretches, so this beats a per-pixel statistics pass.
std::vector<Region> regions(const cv::Mat& labels, int count) {
  std::vector<Region> out(count);
  for (int y = 0; y < labels.rows; ++y) {
    const int* l = labels.ptr<int>(y);
    int x = 0;
    while (x < labels.cols) {
      const int label = l[x];
      const int start = x;
      while (x < labels.cols && l[x] == label) ++x;
      Region& r = out[label];
      r.x0 = std::min(r.x0, start);
      r.x1 = std::max(r.x1, x);
      r.y0 = std::min(r.y0, y);
      r.y1 = y + 1;
      r.area += x - start;
    }
  }
  return out;
}

}  // namespace

std::vector<cv::Rect> find_cells(const cv::Mat& ruling_mask, const CellParams& p) {
  cv::Mat space, labels;
  cv::bitwise_not(ruling_mask, space);
  const int n = cv::connectedComponents(space, labels, 4, CV_32S);
  const std::vector<Region> found = regions(labels, n);
  std::vector<cv::Rect> cells;
  for (int i = 1; i < n; ++i) {
    const Region& region = found[i];
    const cv::Rect r(region.x0, region.y0, region.x1 - region.x0, region.y1 - region.y0);
    // Open space reaching the image edge is not enclosed.
    if (r.x == 0 || r.y == 0 || r.x + r.width == space.cols || r.y + r.height == space.rows) continue;
    if (r.width < p.min_side || r.height < p.min_side) continue;
    if (static_cast<long long>(r.area()) > p.max_area) continue;
    if (static_cast<double>(region.area) < kMinFill * r.area()) continue;
    cells.push_back(r);
  }
  return cells;
}

}  // namespace drawlens::layout::detail
