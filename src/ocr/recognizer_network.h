// The recognizer's network: a narrow convolutional encoder that brings a 32-pixel-high text line to
// one feature column per 4 pixels of width, a stack of dilated depthwise-separable 1-D convolutions
// along the line (no recurrence: it is faster on two cores and as accurate here), and a head that
// gives, per column, the CTC blank, the character and the track (alphabet.h). Shared by the
// Recognizer (inference) and tools/train/recognizer (training); torch stays out of other headers.
#pragma once

#include <array>

#include <torch/torch.h>
#include <nlohmann/json.hpp>
#include <opencv2/core/mat.hpp>

namespace drawlens::ocr {

inline constexpr int kInputHeight = 32;
inline constexpr int kWidthStride = 4;  // input pixels per output column
inline constexpr int kMinInputWidth = 16;
inline constexpr int kMaxInputWidth = 1536;  // longer lines are squeezed to this

// Channel widths; the model file's hyperparameters carry them, so a trained file rebuilds its net.
struct NetworkWidths {
  int stem = 24;                         // stride 2
  int reduce = 48;                       // stride 4
  std::array<int, 2> height = {64, 96};  // halve the height twice (8 -> 4 -> 2)
  int sequence = 128;                    // 1-D channels
  int sequence_blocks = 4;               // dilations 1, 2, 4, 1, ...

  nlohmann::json to_json() const;
  // Throws std::invalid_argument naming the bad field.
  static NetworkWidths from_json(const nlohmann::json& json);
};

class RecognizerNetworkImpl : public torch::nn::Module {
 public:
  RecognizerNetworkImpl(const NetworkWidths& widths, int characters);
  // x: [N, 1, kInputHeight, W], W a multiple of kWidthStride (network_input's scale, 0 paper, 1 ink).
  // Returns logits [N, W / kWidthStride, 1 + characters + kTrackCount]: blank, characters, tracks.
  torch::Tensor forward(const torch::Tensor& x);
  const NetworkWidths& widths() const { return widths_; }
  int characters() const { return characters_; }

 private:
  NetworkWidths widths_;
  int characters_;
  torch::nn::Sequential encoder_{nullptr};
  torch::nn::Sequential collapse_{nullptr};
  torch::nn::ModuleList sequence_{nullptr};
  torch::nn::Linear head_{nullptr};
};
TORCH_MODULE(RecognizerNetwork);

// The CTC distribution of the logits: [N, T, 1 + characters * kTrackCount] log-probabilities,
// index 0 the blank and 1 + character * kTrackCount + track the pair.
torch::Tensor joint_log_probabilities(const torch::Tensor& logits, int characters);

// A gray crop (CV_8UC1, dark text on light paper, upright) as the network reads it: height
// kInputHeight, width in proportion (clamped to kMinInputWidth..kMaxInputWidth), CV_32FC1 with 0
// for paper and 1 for full ink, contrast stretched between the crop's paper and ink levels. An
// image with no contrast (blank, all ink) gives all zeros.
cv::Mat network_input(const cv::Mat& gray);

// Stacks inputs into [N, 1, kInputHeight, W], W the widest rounded up to kWidthStride, padded with
// paper; `columns` receives each input's own output column count.
torch::Tensor batch_inputs(const std::vector<cv::Mat>& inputs, std::vector<int>& columns);

}  // namespace drawlens::ocr
