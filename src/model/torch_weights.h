// Loads a model file's torch payload into a network built from its header, and checks that every
// parameter kept the shape the header gave it (torch's loader replaces tensors whatever their
// shapes). Header-only, for the modules that link LibTorch; the model module itself stays torch-free.
#pragma once

#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

#include <torch/torch.h>

namespace drawlens::model {

// The archive of a torch payload. Throws c10::Error when the bytes are not one.
inline torch::serialize::InputArchive torch_archive(const std::vector<std::uint8_t>& payload) {
  std::istringstream stream(std::string(payload.begin(), payload.end()));
  torch::serialize::InputArchive archive;
  archive.load_from(stream);
  return archive;
}

// Loads `archive` into `network`: "" when every parameter kept its shape, else which did not.
// Throws c10::Error when the archive lacks a parameter.
inline std::string load_checked_weights(torch::nn::Module& network, torch::serialize::InputArchive& archive) {
  std::vector<std::vector<std::int64_t>> shapes;
  for (const auto& p : network.named_parameters()) shapes.push_back(p.value().sizes().vec());
  network.load(archive);
  std::size_t i = 0;
  for (const auto& p : network.named_parameters()) {
    if (i >= shapes.size() || p.value().sizes().vec() != shapes[i])
      return "weights do not fit the network its header describes (parameter '" + p.key() + "' has another shape)";
    ++i;
  }
  return {};
}

}  // namespace drawlens::model
