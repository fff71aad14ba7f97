// Device requests: "auto" prefers a CUDA device when the build and machine have one, "cuda" demands it.
#include "pipeline/device_selection.h"

#include <cstdlib>

#include "gpu/gpu.h"

namespace drawlens {
namespace {

bool parse_ordinal(const std::string& text, int& ordinal) {
  if (text.empty() || text.size() > 3) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  ordinal = std::atoi(text.c_str());
  return true;
}

}  // namespace

Result<std::string> select_device(const std::string& request) {
  if (request == "cpu") return std::string("cpu");
  int ordinal = 0;
  const bool wants_cuda =
      request == "cuda" || (request.rfind("cuda:", 0) == 0 && parse_ordinal(request.substr(5), ordinal));
  if (request != "auto" && !wants_cuda) {
    return make_error(Status::invalid_argument,
                      "invalid option: device '" + request + "' (use auto, cpu, cuda or cuda:N)");
  }
  const gpu::CudaInventory inventory = gpu::query_cuda_devices();
  if (request == "auto") {
    return inventory.devices.empty() ? std::string("cpu") : std::string("cuda:0");
  }
  if (inventory.devices.empty()) {
    return make_error(Status::gpu, "device '" + request + "' requested but " + inventory.reason);
  }
  if (ordinal >= static_cast<int>(inventory.devices.size())) {
    return make_error(Status::gpu, "device '" + request + "' requested but only " +
                                       std::to_string(inventory.devices.size()) + " CUDA device(s) exist");
  }
  return "cuda:" + std::to_string(ordinal);
}

}  // namespace drawlens
