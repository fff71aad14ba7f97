// Scan-like degradations of a rendered page (OpenCV, deterministic for a seed): lower resolution,
// faded ink, skew, blur, noise, speckle and JPEG artifacts; heavy is more of each.
#pragma once

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

// `mask` (may be empty) goes through the same resampling and skew as the page, nothing else.
DegradedPage degrade_page(const cv::Mat& gray, const cv::Mat& mask, double dpi, Degradation level,
                          RandomSource& random);

}  // namespace drawlens::synth
