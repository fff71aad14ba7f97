// The detector's network: a narrow depthwise-separable encoder (strides 2..32), a top-down feature
// pyramid merged at stride 4, and a sub-pixel head that gives, at stride 2 of its input, one logit
// map per annotation category and the reading direction (cos, sin) of the region under each cell.
// Shared by the Detector (inference) and tools/train/detector (training); torch stays out of every
// other header.
#pragma once

#include <array>
#include <cstdint>

#include <torch/torch.h>
#include <nlohmann/json.hpp>
#include <opencv2/core/mat.hpp>

#include "detect/detect.h"

namespace drawlens::detect {

// Channel widths; the model file's "hyperparameters" carry them, so a trained file rebuilds its net.
struct NetworkWidths {
  int stem = 16;
  std::array<int, 4> stages = {32, 64, 96, 128};  // strides 4, 8, 16, 32
  std::array<int, 4> blocks = {0, 2, 2, 1};       // blocks after each stage's strided one
  int pyramid = 32;

  nlohmann::json to_json() const;
  // Throws std::invalid_argument naming the bad field.
  static NetworkWidths from_json(const nlohmann::json& json);
};

// Output channels: the categories' logits, cos and sin of the reading direction, the short side's
// code (short_side_code of the side in network pixels).
inline constexpr int kCosineChannel = kCategoryCount;
inline constexpr int kSineChannel = kCategoryCount + 1;
inline constexpr int kShortSideChannel = kCategoryCount + 2;
inline constexpr int kOutputChannels = kCategoryCount + 3;

// Depthwise 3x3 (stride 1 or 2) and pointwise 1x1, each with batch norm and ReLU; a residual sum
// when the shapes agree.
class SeparableBlockImpl : public torch::nn::Module {
 public:
  SeparableBlockImpl(int in_channels, int out_channels, int stride);
  torch::Tensor forward(const torch::Tensor& x);

 private:
  torch::nn::Conv2d depthwise_{nullptr}, pointwise_{nullptr};
  torch::nn::BatchNorm2d depthwise_norm_{nullptr}, pointwise_norm_{nullptr};
  bool residual_ = false;
};
TORCH_MODULE(SeparableBlock);

class DetectorNetworkImpl : public torch::nn::Module {
 public:
  explicit DetectorNetworkImpl(const NetworkWidths& widths = {});
  // x: [N, 1, H, W] from network_input, H and W multiples of kInputMultiple.
  // Returns [N, kOutputChannels, H / 2, W / 2] (the channels above).
  torch::Tensor forward(const torch::Tensor& x);
  const NetworkWidths& widths() const { return widths_; }

 private:
  NetworkWidths widths_;
  torch::nn::Sequential stem_{nullptr};
  std::array<torch::nn::Sequential, 4> stages_{};
  std::array<torch::nn::Conv2d, 4> laterals_{nullptr, nullptr, nullptr, nullptr};
  SeparableBlock merge_{nullptr};
  torch::nn::Conv2d head_{nullptr};
  torch::nn::PixelShuffle upsample_{nullptr};
};
TORCH_MODULE(DetectorNetwork);

inline constexpr int kInputMultiple = 32;  // the coarsest stride
inline constexpr int kOutputStride = 2;

// A gray page (CV_8UC1) as the network reads it: CV_32FC1, 0 for paper of `paper` gray level and
// 1 for black ink, clamped. Training and inference both use it.
cv::Mat network_input(const cv::Mat& gray, int paper);

// The page at the network's resolution, run whole or in overlapping tiles (batched) when a side is
// over options.max_tile, maps stitched, kernels decoded, overlaps suppressed; boxes in gray's
// pixels. The network must be in eval mode on `device` (float32, or float16 on CUDA).
std::vector<Detection> detect_page(DetectorNetwork& network, const cv::Mat& gray, double dpi, double network_dpi,
                                   const DetectorOptions& options, const torch::Device& device,
                                   torch::ScalarType dtype);

}  // namespace drawlens::detect
