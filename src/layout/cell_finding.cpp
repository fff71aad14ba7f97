// Cell candidates as connected components of the space between rulings. Anything that is not a
// ruling (text, curves, dashes) belongs to that space, so only rulings can close a cell.
#include "layout/cell_finding.h"

#include <opencv2/imgproc.hpp>

namespace drawlens::layout::detail {
namespace {

// A cell fills its bounding box; text strokes long enough to be taken for rulings take a little
// of it, while L-shaped leftovers around a table or regions leaking through a gap take far more.
constexpr double kMinFill = 0.85;

}  // namespace

std::vector<cv::Rect> find_cells(const cv::Mat& ruling_mask, const CellParams& p) {
  cv::Mat space, labels, stats, centroids;
  cv::bitwise_not(ruling_mask, space);
  const int n = cv::connectedComponentsWithStats(space, labels, stats, centroids, 4, CV_32S);
  std::vector<cv::Rect> cells;
  for (int i = 1; i < n; ++i) {
    const cv::Rect r(stats.at<int>(i, cv::CC_STAT_LEFT), stats.at<int>(i, cv::CC_STAT_TOP),
                     stats.at<int>(i, cv::CC_STAT_WIDTH), stats.at<int>(i, cv::CC_STAT_HEIGHT));
    // Open space reaching the image edge is not enclosed.
    if (r.x == 0 || r.y == 0 || r.x + r.width == space.cols || r.y + r.height == space.rows) continue;
    if (r.width < p.min_side || r.height < p.min_side) continue;
    if (static_cast<long long>(r.area()) > p.max_area) continue;
    if (stats.at<int>(i, cv::CC_STAT_AREA) < kMinFill * r.area()) continue;
    cells.push_back(r);
  }
  return cells;
}

}  // namespace drawlens::layout::detail
