// What the readers of drawn text share (page_marks.h).
#include "read/page_marks.h"

#include <algorithm>
#include <cctype>

#include <opencv2/imgproc.hpp>

#include "read/quarter_turn.h"

namespace drawlens::read {
cv::Rect rect(const Box& b) {
  return {b.x, b.y, b.width, b.height};
}

Box inset(const Box& b, int by) {
  return {b.x + by, b.y + by, std::max(0, b.width - 2 * by), std::max(0, b.height - 2 * by)};
}

Box clipped(const Box& b, const cv::Size& size) {
  return intersect(b, Box{0, 0, size.width, size.height});
}

cv::Mat upright_pixels(const cv::Mat& page, const Box& box, int turn) {
  return turned_upright(page(rect(box)).clone(), turn);
}

Box marks_inside(const cv::Mat& ink, const Box& region, int slack, int min_size) {
  const Box allowed =
      clipped({region.x - slack, region.y - slack, region.width + 2 * slack, region.height + 2 * slack}, ink.size());
  const Box window = clipped({allowed.x - 1, allowed.y - 1, allowed.width + 2, allowed.height + 2}, ink.size());
  if (allowed.empty() || window.empty()) return {};
  cv::Mat labels, stats, centroids;
  const int count = cv::connectedComponentsWithStats(ink(rect(window)), labels, stats, centroids, 8);
  Box marks;
  for (int c = 1; c < count; ++c) {
    const Box b{window.x + stats.at<int>(c, cv::CC_STAT_LEFT), window.y + stats.at<int>(c, cv::CC_STAT_TOP),
                stats.at<int>(c, cv::CC_STAT_WIDTH), stats.at<int>(c, cv::CC_STAT_HEIGHT)};
    if (!allowed.contains(b) || std::max(b.width, b.height) < min_size) continue;
    marks = unite(marks, b);
  }
  return marks;
}

bool starts_with_number(const std::string& text) {
  if (text.empty()) return false;
  const auto first = static_cast<unsigned char>(text[0]);
  if (std::isdigit(first)) return true;
  return (text[0] == '.' || text[0] == ',') && text.size() > 1 && std::isdigit(static_cast<unsigned char>(text[1]));
}

}  // namespace drawlens::read
