// From the network's maps to boxes: each connected set of cells above the threshold in a category's
// probability map is a kernel; its minimum-area rectangle, turned to the mean predicted reading
// direction and grown by region_of, is the detection.
#pragma once

#include <array>
#include <vector>

#include <opencv2/core/mat.hpp>

#include "detect/detect.h"

namespace drawlens::detect {

// Maps at `stride` pixels per cell, all CV_32FC1 of one size: probability per category, the
// reading direction's cosine and sine (counter-clockwise, as displayed), and the region's short
// side (short_side_code of network pixels).
struct OutputMaps {
  std::array<cv::Mat, kCategoryCount> probability;
  cv::Mat cosine, sine, short_side;
  int stride = 2;
};

// Detections in the pixels of the image the maps were computed from, before overlap suppression.
std::vector<Detection> decode_kernels(const OutputMaps& maps, double threshold, double min_score);

}  // namespace drawlens::detect
