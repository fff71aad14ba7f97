// The symbol classifier's network and input (symbol_network.h).
#include "ocr/symbol_network.h"

#include <algorithm>
#include <cmath>

#include <opencv2/imgproc.hpp>

#include "ocr/gray_levels.h"

namespace drawlens::ocr {
namespace {

namespace nn = torch::nn;

void add_conv_block(nn::Sequential& layers, int in, int out) {
  layers->push_back(nn::Conv2d(nn::Conv2dOptions(in, out, 3).padding(1).bias(false)));
  layers->push_back(nn::BatchNorm2d(out));
  layers->push_back(nn::ReLU(true));
  layers->push_back(nn::MaxPool2d(nn::MaxPool2dOptions(2)));
}

}  // namespace

const std::vector<std::string>& symbol_classes() {
  static const std::vector<std::string> classes = {
      "\u23E4", "\u23E5", "\u25CB", "\u232D", "\u2312", "\u2313", "\u2220",  // ⏤ ⏥ ○ ⌭ ⌒ ⌓ ∠
      "\u27C2", "\u2AFD", "\u2316", "\u25CE", "\u232F", "\u2197", "\u2330",  // ⟂ ⫽ ⌖ ◎ ⌯ ↗ ⌰
      "\u00D8", "\u25A1", "\u2334", "\u2335", "\u21A7", "\u00B1", ""};       // Ø □ ⌴ ⌵ ↧ ± none
  return classes;
}

SymbolNetworkImpl::SymbolNetworkImpl(int classes) {
  nn::Sequential features;
  add_conv_block(features, 1, 16);   // 16x16
  add_conv_block(features, 16, 32);  // 8x8
  add_conv_block(features, 32, 64);  // 4x4
  features_ = register_module("features", features);
  head_ = register_module("head", nn::Sequential(nn::Flatten(), nn::Linear(64 * 4 * 4, 96), nn::ReLU(true),
                                                 nn::Dropout(0.2), nn::Linear(96, classes)));
}

torch::Tensor SymbolNetworkImpl::forward(const torch::Tensor& x) {
  return head_->forward(features_->forward(x));
}

cv::Mat symbol_input(const cv::Mat& gray) {
  cv::Mat out(kSymbolInputSize, kSymbolInputSize, CV_32FC1, cv::Scalar(0));
  const int paper = gray_level_at(gray, 0.99), ink = gray_level_at(gray, 0.01);
  if (paper - ink < kMinInkContrast) return out;
  cv::Mat mask = gray < (paper + ink) / 2;
  const cv::Rect bounds = cv::boundingRect(mask);
  if (bounds.empty()) return out;
  const double scale = static_cast<double>(kSymbolFittedSize) / std::max(bounds.width, bounds.height);
  const int width = std::max(1, static_cast<int>(std::lround(bounds.width * scale)));
  const int height = std::max(1, static_cast<int>(std::lround(bounds.height * scale)));
  cv::Mat resized;
  cv::resize(gray(bounds), resized, cv::Size(width, height), 0, 0, scale < 1 ? cv::INTER_AREA : cv::INTER_LINEAR);
  cv::Mat level;
  resized.convertTo(level, CV_32F, -1.0 / (paper - ink), static_cast<double>(paper) / (paper - ink));
  cv::max(level, 0.0, level);
  cv::min(level, 1.0, level);
  level.copyTo(out(cv::Rect((kSymbolInputSize - width) / 2, (kSymbolInputSize - height) / 2, width, height)));
  return out;
}

torch::Tensor symbol_batch(const std::vector<cv::Mat>& inputs) {
  auto batch = torch::zeros({static_cast<std::int64_t>(inputs.size()), 1, kSymbolInputSize, kSymbolInputSize});
  auto accessor = batch.accessor<float, 4>();
  for (std::size_t n = 0; n < inputs.size(); ++n) {
    for (int y = 0; y < kSymbolInputSize; ++y) {
      const float* row = inputs[n].ptr<float>(y);
      for (int x = 0; x < kSymbolInputSize; ++x) accessor[static_cast<std::int64_t>(n)][0][y][x] = row[x];
    }
  }
  return batch;
}

}  // namespace drawlens::ocr
