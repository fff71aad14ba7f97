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

// Loads `archive` into `network`: "" when every parameter and buffer kept its shape, else which
// did not.
// Throws c10::Error when the archive lacks a parameter.
inline std::string load_checked_weights(torch::nn::Module& network, torch::serialize::InputArchive& archive) {
  // Parameters and buffers (batch norm's running statistics) alike.
  auto tensors = [&network] {
    auto all = network.named_parameters();
    for (const auto& b : network.named_buffers()) all.insert(b.key(), b.value());
    return all;
  };
  std::vector<std::vector<std::int64_t>> shapes;
  for (const auto& t : tensors()) shapes.push_back(t.value().sizes().vec());
  network.load(archive);
  std::size_t i = 0;
  for (const auto& t : tensors()) {
    if (i >= shapes.size() || t.value().sizes().vec() != shapes[i])
      return "weights do not fit the network its header describes (tensor '" + t.key() + "' has another shape)";
    ++i;
  }
  return {};
}

}  // namespace drawlens::model
