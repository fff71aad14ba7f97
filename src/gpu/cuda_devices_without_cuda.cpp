// query_cuda_devices() for builds without CUDA (DRAWLENS_CUDA=OFF or no toolkit found).
#include "gpu/cuda_devices.h"

namespace drawlens::gpu {

CudaInventory query_cuda_devices() {
  CudaInventory inventory;
  inventory.reason = "no CUDA device: drawlens was built without CUDA";
  return inventory;
}

}  // namespace drawlens::gpu
