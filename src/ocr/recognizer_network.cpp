// The recognizer's network and its input (recognizer_network.h).
#include "ocr/recognizer_network.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include <opencv2/imgproc.hpp>

#include "ocr/alphabet.h"
#include "ocr/gray_levels.h"

namespace drawlens::ocr {
namespace {

namespace nn = torch::nn;

void add_conv_norm_relu(nn::Sequential& layers, int in, int out, std::array<std::int64_t, 2> stride) {
  layers->push_back(nn::Conv2d(nn::Conv2dOptions(in, out, 3).stride(stride).padding(1).bias(false)));
  layers->push_back(nn::BatchNorm2d(out));
  layers->push_back(nn::ReLU(true));
}

// Depthwise 3x3 then pointwise, each normalised; the stride halves the height only.
void add_separable_down(nn::Sequential& layers, int in, int out) {
  layers->push_back(nn::Conv2d(nn::Conv2dOptions(in, in, 3).stride({2, 1}).padding(1).groups(in).bias(false)));
  layers->push_back(nn::BatchNorm2d(in));
  layers->push_back(nn::ReLU(true));
  layers->push_back(nn::Conv2d(nn::Conv2dOptions(in, out, 1).bias(false)));
  layers->push_back(nn::BatchNorm2d(out));
  layers->push_back(nn::ReLU(true));
}

// A residual 1-D block: depthwise (kernel 5, dilated) and pointwise, normalised.
class SequenceBlockImpl : public nn::Module {
 public:
  SequenceBlockImpl(int channels, int dilation)
      : depthwise_(register_module("depthwise", nn::Conv1d(nn::Conv1dOptions(channels, channels, 5)
                                                               .padding(2 * dilation)
                                                               .dilation(dilation)
                                                               .groups(channels)
                                                               .bias(false)))),
        pointwise_(register_module("pointwise", nn::Conv1d(nn::Conv1dOptions(channels, channels, 1).bias(false)))),
        norm_(register_module("norm", nn::BatchNorm1d(channels))) {}
  torch::Tensor forward(const torch::Tensor& x) { return torch::relu(x + norm_(pointwise_(depthwise_(x)))); }

 private:
  nn::Conv1d depthwise_, pointwise_;
  nn::BatchNorm1d norm_;
};
TORCH_MODULE(SequenceBlock);

int positive(const nlohmann::json& json, const char* key, int fallback) {
  if (!json.contains(key)) return fallback;
  if (!json.at(key).is_number_integer() || json.at(key).get<int>() < 1 || json.at(key).get<int>() > 1024)
    throw std::invalid_argument(std::string("widths.") + key + " must be an integer 1..1024");
  return json.at(key).get<int>();
}

}  // namespace

nlohmann::json NetworkWidths::to_json() const {
  return {{"stem", stem},
          {"reduce", reduce},
          {"height", height},
          {"sequence", sequence},
          {"sequence_blocks", sequence_blocks}};
}

NetworkWidths NetworkWidths::from_json(const nlohmann::json& json) {
  if (!json.is_object()) throw std::invalid_argument("widths must be an object");
  NetworkWidths w;
  w.stem = positive(json, "stem", w.stem);
  w.reduce = positive(json, "reduce", w.reduce);
  if (json.contains("height")) {
    const auto& h = json.at("height");
    if (!h.is_array() || h.size() != 2) throw std::invalid_argument("widths.height must be two integers");
    for (std::size_t i = 0; i < 2; ++i) {
      if (!h[i].is_number_integer() || h[i].get<int>() < 1 || h[i].get<int>() > 1024)
        throw std::invalid_argument("widths.height must be two integers 1..1024");
      w.height[i] = h[i].get<int>();
    }
  }
  w.sequence = positive(json, "sequence", w.sequence);
  w.sequence_blocks = positive(json, "sequence_blocks", w.sequence_blocks);
  if (w.sequence_blocks > 16) throw std::invalid_argument("widths.sequence_blocks must be 1..16");
  return w;
}

RecognizerNetworkImpl::RecognizerNetworkImpl(const NetworkWidths& widths, int characters)
    : widths_(widths), characters_(characters) {
  nn::Sequential encoder;
  add_conv_norm_relu(encoder, 1, widths.stem, {2, 2});
  add_conv_norm_relu(encoder, widths.stem, widths.reduce, {2, 2});
  add_separable_down(encoder, widths.reduce, widths.height[0]);
  add_separable_down(encoder, widths.height[0], widths.height[1]);
  encoder_ = register_module("encoder", encoder);
  // The remaining 2 rows of height[1] channels become the 1-D features.
  collapse_ = register_module(
      "collapse", nn::Sequential(nn::Conv1d(nn::Conv1dOptions(2 * widths.height[1], widths.sequence, 1).bias(false)),
                                 nn::BatchNorm1d(widths.sequence), nn::ReLU(true)));
  sequence_ = register_module("sequence", nn::ModuleList());
  const int dilations[] = {1, 2, 4, 1};
  for (int i = 0; i < widths.sequence_blocks; ++i)
    sequence_->push_back(SequenceBlock(widths.sequence, dilations[i % 4]));
  head_ = register_module("head", nn::Linear(widths.sequence, 1 + characters + kTrackCount));
}

torch::Tensor RecognizerNetworkImpl::forward(const torch::Tensor& x) {
  auto features = encoder_->forward(x);     // [N, C, 2, W/4]
  features = features.flatten(1, 2);        // [N, 2C, W/4]
  features = collapse_->forward(features);  // [N, S, W/4]
  for (const auto& block : *sequence_) features = block->as<SequenceBlock>()->forward(features);
  return head_->forward(features.transpose(1, 2));  // [N, W/4, 1 + C + tracks]
}

torch::Tensor joint_log_probabilities(const torch::Tensor& logits, int characters) {
  const auto blank = logits.slice(2, 0, 1);
  const auto character = torch::log_softmax(logits.slice(2, 1, 1 + characters), 2);
  const auto track = torch::log_softmax(logits.slice(2, 1 + characters, 1 + characters + kTrackCount), 2);
  // p(blank) = sigmoid(b); p(character, track) = (1 - sigmoid(b)) p(character) p(track).
  const auto pairs = torch::log_sigmoid(-blank).unsqueeze(3) + character.unsqueeze(3) + track.unsqueeze(2);
  return torch::cat({torch::log_sigmoid(blank), pairs.flatten(2, 3)}, 2);
}

cv::Mat network_input(const cv::Mat& gray) {
  const int width =
      std::clamp(static_cast<int>(std::lround(gray.cols * static_cast<double>(kInputHeight) / std::max(1, gray.rows))),
                 kMinInputWidth, kMaxInputWidth);
  cv::Mat resized;
  cv::resize(gray, resized, cv::Size(width, kInputHeight), 0, 0,
             gray.rows > kInputHeight ? cv::INTER_AREA : cv::INTER_LINEAR);
  // Paper: the 80th percentile of the gray levels; ink: the 2nd.
  const int paper = gray_level_at(resized, 0.8), ink = gray_level_at(resized, 0.02);
  cv::Mat out(resized.size(), CV_32FC1, cv::Scalar(0));
  if (paper - ink < kMinInkContrast) return out;
  resized.convertTo(out, CV_32F, -1.0 / (paper - ink), static_cast<double>(paper) / (paper - ink));
  cv::max(out, 0.0, out);
  cv::min(out, 1.0, out);
  return out;
}

torch::Tensor batch_inputs(const std::vector<cv::Mat>& inputs, std::vector<int>& columns) {
  int widest = kMinInputWidth;
  for (const cv::Mat& input : inputs) widest = std::max(widest, input.cols);
  widest = (widest + kWidthStride - 1) / kWidthStride * kWidthStride;
  auto batch = torch::zeros({static_cast<std::int64_t>(inputs.size()), 1, kInputHeight, widest});
  columns.clear();
  auto accessor = batch.accessor<float, 4>();
  for (std::size_t n = 0; n < inputs.size(); ++n) {
    const cv::Mat& input = inputs[n];
    for (int y = 0; y < kInputHeight; ++y) {
      const float* row = input.ptr<float>(y);
      for (int x = 0; x < input.cols; ++x) accessor[static_cast<std::int64_t>(n)][0][y][x] = row[x];
    }
    columns.push_back((input.cols + kWidthStride - 1) / kWidthStride);
  }
  return batch;
}

}  // namespace drawlens::ocr
