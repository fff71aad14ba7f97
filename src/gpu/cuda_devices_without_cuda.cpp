// query_cuda_devices() and query_cuda_memory() for builds without CUDA (DRAWLENS_CUDA=OFF or no
// toolkit found).
#include "gpu/cuda_devices.h"

namespace drawlens::gpu {

CudaInventory query_cuda_devices() {
  CudaInventory inventory;
  inventory.reason = "no CUDA device: drawlens was built without CUDA";
  return inventory;
}

std::optional<CudaMemory> query_cuda_memory(int) {
  return std::nullopt;
}

}  // namespace drawlens::gpu
