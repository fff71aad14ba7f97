// The symbol classifier's network and input: a small convolutional network that names the symbol in
// a 32x32 crop, fitted to the symbol's ink: the 14 GD&T characteristics, the size and hole symbols
// CAD systems draw as lines beside text-layer numbers (Ø □ ⌴ ⌵ ↧ ±), or none of them. Shared by the
// SymbolClassifier (inference) and tools/train/symbols (training); torch stays out of other headers.
#pragma once

#include <string>
#include <vector>

#include <torch/torch.h>
#include <nlohmann/json.hpp>
#include <opencv2/core/mat.hpp>

namespace drawlens::ocr {

inline constexpr int kSymbolInputSize = 32;
inline constexpr int kSymbolFittedSize = 28;  // the ink's longer side, centred in the input

// The classes, in the network's output order: the characteristics as the parser reads them
// (straightness … total runout), then Ø □ ⌴ ⌵ ↧ ±, then "" for anything else (a digit, a letter,
// an arrowhead, a line's end).
const std::vector<std::string>& symbol_classes();
inline constexpr int kCharacteristicClasses = 14;

class SymbolNetworkImpl : public torch::nn::Module {
 public:
  explicit SymbolNetworkImpl(int classes);
  // x: [N, 1, 32, 32] (symbol_input's scale). Returns logits [N, classes].
  torch::Tensor forward(const torch::Tensor& x);

 private:
  torch::nn::Sequential features_{nullptr};
  torch::nn::Sequential head_{nullptr};
};
TORCH_MODULE(SymbolNetwork);

// A gray crop (CV_8UC1, dark ink on light paper) as the network reads it: the ink's bounding box
// scaled so that its longer side is kSymbolFittedSize and centred in a kSymbolInputSize square,
// CV_32FC1 with 0 for paper and 1 for ink. A crop with no contrast gives all zeros.
cv::Mat symbol_input(const cv::Mat& gray);

// Stacks inputs into [N, 1, 32, 32].
torch::Tensor symbol_batch(const std::vector<cv::Mat>& inputs);

}  // namespace drawlens::ocr
