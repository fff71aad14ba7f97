// What the Recognizer and the SymbolClassifier share in loading: the error naming a model file, the
// check of the RecognizerOptions fields and the device (and number type) a network runs on.
#pragma once

#include <string>

#include <torch/torch.h>

#include "core/status.h"
#include "ocr/ocr.h"

namespace drawlens::ocr {

// MODEL: "'<label>' <what>".
inline Error model_file_error(const std::string& label, const std::string& what) {
  return make_error(Status::model, "'" + label + "' " + what);
}

// "" when the options are valid, else what is wrong ("batch must be 1..1024").
std::string options_problem(const RecognizerOptions& options);

struct NetworkPlacement {
  torch::Device device = torch::kCPU;
  torch::ScalarType dtype = torch::kFloat32;
};

// The CPU in float32 for cuda_device -1; that CUDA device in float16 otherwise, or GPU naming `who`
// when LibTorch cannot use it. Also sets LibTorch's intra-op threads when options.threads > 0.
Result<NetworkPlacement> place_network(torch::nn::Module& network, const RecognizerOptions& options, const char* who);

}  // namespace drawlens::ocr
