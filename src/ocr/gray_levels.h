// Gray levels of a crop (private to src/ocr): where its paper and its ink lie, as the recognizer's
// input, its second look at loose crops and the symbol classifier's input all measure them.
#pragma once

#include <opencv2/core/mat.hpp>

namespace drawlens::ocr {

// Paper and ink closer than this (gray levels) hold no text: a blank or all-ink crop.
inline constexpr int kMinInkContrast = 32;

// The gray level at `share` (0..1) of a CV_8UC1 image's pixels, darkest first; 255 when empty.
int gray_level_at(const cv::Mat& gray, double share);

}  // namespace drawlens::ocr
