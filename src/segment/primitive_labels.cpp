// primitive_labels(): each primitive's class by a vote of the class mask under its trace.
#include <algorithm>
#include <array>
#include <cmath>

#include "segment/segment.h"

namespace drawlens::segment {

std::vector<int> primitive_labels(const Vectorization& v, const cv::Mat& class_mask) {
  std::vector<int> labels(v.primitives.size(), -1);
  if (class_mask.empty() || class_mask.type() != CV_8UC1) return labels;
  // The trace runs along the middle of the stroke at the working resolution: look a working pixel
  // around each point, so a thin line's labelled pixels are found whatever the rounding.
  const int reach = std::max(1, static_cast<int>(std::ceil(v.scale)));
  for (std::size_t i = 0; i < v.primitives.size(); ++i) {
    std::array<int, kClassCount> votes{};
    for (const cv::Point2f& p : v.primitives[i].trace) {
      const int cx = static_cast<int>(std::lround(p.x)), cy = static_cast<int>(std::lround(p.y));
      std::array<bool, kClassCount> seen{};
      for (int y = std::max(0, cy - reach); y <= std::min(class_mask.rows - 1, cy + reach); ++y) {
        const std::uint8_t* row = class_mask.ptr<std::uint8_t>(y);
        for (int x = std::max(0, cx - reach); x <= std::min(class_mask.cols - 1, cx + reach); ++x)
          if (row[x] >= 1 && row[x] <= kClassCount) seen[row[x] - 1] = true;
      }
      for (int c = 0; c < kClassCount; ++c) votes[c] += seen[c];
    }
    const auto best = std::max_element(votes.begin(), votes.end());
    if (*best > 0) labels[i] = static_cast<int>(best - votes.begin());
  }
  return labels;
}

}  // namespace drawlens::segment
