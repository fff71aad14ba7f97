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
  Affine transform;  // from the rendered page's pixels to the degraded page's pixels
  double dpi = 0.0;
};

DegradedPage degrade_page(const cv::Mat& gray, double dpi, Degradation level, RandomSource& random);

}  // namespace drawlens::synth
