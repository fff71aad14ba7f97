// PNG bytes of a gray page with its resolution recorded (pHYs), so loaders read the dpi from the file.
#pragma once

#include <cstdint>
#include <vector>

#include <opencv2/core/mat.hpp>

namespace drawlens::synth {

std::vector<std::uint8_t> encode_png_with_dpi(const cv::Mat& gray, double dpi);

}  // namespace drawlens::synth
