// The detector network's layers and its widths' JSON form (detector_network.h).
#include "detect/detector_network.h"

#include <stdexcept>
#include <string>

namespace drawlens::detect {
namespace {

namespace nn = torch::nn;

nn::Sequential conv_norm_relu(int in_channels, int out_channels, int kernel, int stride) {
  return nn::Sequential(
      nn::Conv2d(nn::Conv2dOptions(in_channels, out_channels, kernel).stride(stride).padding(kernel / 2).bias(false)),
      nn::BatchNorm2d(out_channels), nn::ReLU(nn::ReLUOptions().inplace(true)));
}

int positive_field(const nlohmann::json& json, const char* key, int fallback) {
  if (!json.contains(key)) return fallback;
  const auto& value = json.at(key);
  if (!value.is_number_integer() || value.get<long long>() < 1 || value.get<long long>() > 1024)
    throw std::invalid_argument(std::string("detector width '") + key + "' must be an integer 1..1024");
  return value.get<int>();
}

template <std::size_t N>
std::array<int, N> positive_array(const nlohmann::json& json, const char* key, const std::array<int, N>& fallback,
                                  int minimum) {
  if (!json.contains(key)) return fallback;
  const auto& value = json.at(key);
  if (!value.is_array() || value.size() != N)
    throw std::invalid_argument(std::string("detector width '") + key + "' must be an array of " + std::to_string(N) +
                                " integers");
  std::array<int, N> out{};
  for (std::size_t i = 0; i < N; ++i) {
    if (!value[i].is_number_integer() || value[i].get<long long>() < minimum || value[i].get<long long>() > 1024)
      throw std::invalid_argument(std::string("detector width '") + key + "' has an entry out of range");
    out[i] = value[i].get<int>();
  }
  return out;
}

}  // namespace

nlohmann::json NetworkWidths::to_json() const {
  return {{"stem", stem}, {"stages", stages}, {"blocks", blocks}, {"pyramid", pyramid}};
}

NetworkWidths NetworkWidths::from_json(const nlohmann::json& json) {
  if (!json.is_object()) throw std::invalid_argument("detector widths must be a JSON object");
  NetworkWidths widths;
  widths.stem = positive_field(json, "stem", widths.stem);
  widths.stages = positive_array(json, "stages", widths.stages, 1);
  widths.blocks = positive_array(json, "blocks", widths.blocks, 0);
  widths.pyramid = positive_field(json, "pyramid", widths.pyramid);
  return widths;
}

SeparableBlockImpl::SeparableBlockImpl(int in_channels, int out_channels, int stride)
    : residual_(stride == 1 && in_channels == out_channels) {
  depthwise_ = register_module(
      "depthwise",
      nn::Conv2d(
          nn::Conv2dOptions(in_channels, in_channels, 3).stride(stride).padding(1).groups(in_channels).bias(false)));
  depthwise_norm_ = register_module("depthwise_norm", nn::BatchNorm2d(in_channels));
  pointwise_ = register_module("pointwise", nn::Conv2d(nn::Conv2dOptions(in_channels, out_channels, 1).bias(false)));
  pointwise_norm_ = register_module("pointwise_norm", nn::BatchNorm2d(out_channels));
}

torch::Tensor SeparableBlockImpl::forward(const torch::Tensor& x) {
  auto y = torch::relu(depthwise_norm_(depthwise_(x)));
  y = pointwise_norm_(pointwise_(y));
  if (residual_) y = y + x;
  return torch::relu(y);
}

DetectorNetworkImpl::DetectorNetworkImpl(const NetworkWidths& widths) : widths_(widths) {
  stem_ = register_module("stem", conv_norm_relu(1, widths.stem, 3, 2));
  int channels = widths.stem;
  for (std::size_t s = 0; s < stages_.size(); ++s) {
    nn::Sequential stage;
    stage->push_back(SeparableBlock(channels, widths.stages[s], 2));
    for (int b = 0; b < widths.blocks[s]; ++b) stage->push_back(SeparableBlock(widths.stages[s], widths.stages[s], 1));
    stages_[s] = register_module("stage" + std::to_string(s), stage);
    laterals_[s] = register_module("lateral" + std::to_string(s),
                                   nn::Conv2d(nn::Conv2dOptions(widths.stages[s], widths.pyramid, 1)));
    channels = widths.stages[s];
  }
  merge_ = register_module("merge", SeparableBlock(widths.pyramid, widths.pyramid, 1));
  // Four sub-pixels per stride-4 cell: stride-2 maps at a stride-4 cost.
  head_ = register_module("head", nn::Conv2d(nn::Conv2dOptions(widths.pyramid, kOutputChannels * 4, 1)));
  upsample_ = register_module("upsample", nn::PixelShuffle(2));
}

torch::Tensor DetectorNetworkImpl::forward(const torch::Tensor& x) {
  std::array<torch::Tensor, 4> features;
  auto y = stem_->forward(x);
  for (std::size_t s = 0; s < stages_.size(); ++s) {
    y = stages_[s]->forward(y);
    features[s] = y;
  }
  auto top = laterals_[3](features[3]);
  for (int s = 2; s >= 0; --s) {
    top = laterals_[s](features[s]) + torch::nn::functional::interpolate(
                                          top, torch::nn::functional::InterpolateFuncOptions()
                                                   .size(std::vector<int64_t>{features[s].size(2), features[s].size(3)})
                                                   .mode(torch::kNearest));
  }
  return upsample_(head_(merge_(top)));
}

}  // namespace drawlens::detect
