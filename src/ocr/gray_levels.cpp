// Gray levels of a crop (gray_levels.h).
#include "ocr/gray_levels.h"

#include <cstdint>

namespace drawlens::ocr {

int gray_level_at(const cv::Mat& gray, double share) {
  int histogram[256] = {};
  for (int y = 0; y < gray.rows; ++y) {
    const auto* row = gray.ptr<std::uint8_t>(y);
    for (int x = 0; x < gray.cols; ++x) ++histogram[row[x]];
  }
  const double wanted = share * static_cast<double>(gray.total());
  double seen = 0;
  for (int level = 0; level < 256; ++level) {
    seen += histogram[level];
    if (seen >= wanted) return level;
  }
  return 255;
}

}  // namespace drawlens::ocr
