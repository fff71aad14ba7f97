// Scan-like degradations of a rendered page (OpenCV, deterministic for a seed): lower resolution,
// faded ink, skew, blur, noise, speckle and JPEG artifacts; heavy is more of each.
#pragma once

#include <cstdint>

#include <opencv2/core/mat.hpp>

#include "geometry.h"
#include "random_source.h"
#include "synth.h"

namespace drawlens::synth {

struct DegradedPage {
  cv::Mat image;
  cv::Mat mask;      // the class mask under the same geometric steps (nearest neighbour); empty if none given
  Affine transform;  // from the rendered page's pixels to the degraded page's pixels
  double dpi = 0.0;
};

// Turns the page by `degrees` counter-clockwise as displayed on a canvas grown to hold all of it,
// `paper` filling the corners; `mask` (may be empty) turns with it, nearest neighbour. Returns the
// map of truth coordinates (pixel i spans [i, i + 1)) from the old page to the turned one.
Affine skew(cv::Mat& gray, cv::Mat& mask, double degrees, std::uint8_t paper);

// `mask` (may be empty) goes through the same resampling and skew as the page, nothing else.
DegradedPage degrade_page(const cv::Mat& gray, const cv::Mat& mask, double dpi, Degradation level,
                          RandomSource& random);

}  // namespace drawlens::synth
