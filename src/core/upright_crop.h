// Cutting a rotated text region out of a page, upright and with a margin: the one convention the
// generator's training crops (tools/synth) and the pipeline's reading of detected regions (src/read)
// share, so that the recognizer reads at inference what it was trained on.
#pragma once

#include <array>

#include <opencv2/core.hpp>

namespace drawlens {

// Margin around the region: a sixth of its height, at least two pixels.
double upright_crop_margin(double region_height);

// corners: the region in reading order (bottom-left, bottom-right, top-right, top-left), in page
// pixels where pixel i spans [i, i+1). The crop maps the bottom-left, bottom-right and top-left
// corners to an upright rectangle of the region's size plus the margin on every side; what falls
// outside the page is white. page: CV_8UC1. An empty Mat when the region has no length or height.
cv::Mat upright_crop(const cv::Mat& page, const std::array<cv::Point2d, 4>& corners);

}  // namespace drawlens
