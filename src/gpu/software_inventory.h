// The software half of the GPU assessment: the libraries drawlens links now, and the versions of
// those it will link (Tesseract, XGBoost, LibTorch, cuDNN) as found when it was built.
#pragma once

#include <string>
#include <vector>

namespace drawlens::gpu {

struct SoftwareComponent {
  std::string name;
  std::string version;  // "" when not found at build time
  bool linked = false;  // libdrawlens links it now
  std::string note;     // what the version means, or why it is missing
};

std::vector<SoftwareComponent> software_components(bool built_with_cuda);

}  // namespace drawlens::gpu
