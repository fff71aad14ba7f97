// Lists the software components with what is actually known about each. The DRAWLENS_FOUND_*
// definitions come from cmake/DrawlensSoftwareVersions.cmake, for this file only.
#include "gpu/software_inventory.h"

#include <opencv2/core/version.hpp>

namespace drawlens::gpu {
namespace {

SoftwareComponent found_at_build_time(const std::string& name, const std::string& version, const std::string& extra) {
  if (version.empty()) return {name, "", false, "not found at build time"};
  return {name, version, false, "found at build time, not linked yet" + extra};
}

}  // namespace

std::vector<SoftwareComponent> software_components(bool built_with_cuda) {
  std::vector<SoftwareComponent> components;
  components.push_back({"OpenCV", CV_VERSION, true, ""});
  if (built_with_cuda) {
    components.push_back(
        {"CUDA runtime", DRAWLENS_CUDA_TOOLKIT, true, "linked statically; the driver loads at run time"});
  } else {
    components.push_back({"CUDA runtime", "", false, "drawlens was built without CUDA"});
  }
  components.push_back(found_at_build_time("cuDNN", DRAWLENS_FOUND_CUDNN, ""));
  components.push_back(found_at_build_time("LibTorch", DRAWLENS_FOUND_LIBTORCH,
                                           "; CUDA availability unknown until a model stage links it"));
  components.push_back(found_at_build_time("Tesseract", DRAWLENS_FOUND_TESSERACT, ""));
  components.push_back(found_at_build_time("XGBoost", DRAWLENS_FOUND_XGBOOST, ""));
  return components;
}

}  // namespace drawlens::gpu
