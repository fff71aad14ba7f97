// Training crops for the detector, made on the fly from generated drawings: the page at a jittered
// scale of the network's resolution, turned by quarter turns, small angles or (a fifth of the pages)
// any angle, thickened or thinned ink, contrast and noise (never mirrored: text is read one way),
// crops centred on objects of categories drawn evenly, and per crop the targets the network learns
// — each category's region kernels and the reading direction inside them.
#pragma once

#include <cstdint>
#include <vector>

#include <torch/torch.h>

#include "detect/detect.h"

namespace drawlens::train {

struct SampleOptions {
  std::uint64_t seed = 1;  // the drawing series; drawing i is the same whatever else runs
  double network_dpi = 100;
  int crop = 384;  // pixels at the network's resolution, a multiple of 32
  int crops_per_drawing = 4;
};

// One batch: inputs [N,1,crop,crop]; kernels [N,C,crop/2,crop/2] (0/1); geometry [N,3,..] (cos and
// sin of the reading direction, short_side_code of the region's shorter side); geometry_weight
// [N,1,..] (1 inside any kernel).
struct Batch {
  torch::Tensor inputs, kernels, geometry, geometry_weight;
};

// The crops of drawings first .. first+count-1 of the series.
Batch make_batch(const SampleOptions& options, std::int64_t first_drawing, int drawing_count);

// A held-out page as the Detector would see it, with its truth (the result schema).
struct EvaluationPage {
  cv::Mat gray;
  double dpi = 0;
  nlohmann::json truth;
};
EvaluationPage evaluation_page(std::uint64_t seed, int index);

}  // namespace drawlens::train
