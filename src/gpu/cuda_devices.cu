// CUDA runtime device query behind query_cuda_devices(); built only when CUDA is enabled.
// Keeps to the runtime API (no torch headers) so nvcc compiles it in seconds.
#include <cuda_runtime_api.h>

#include "gpu/cuda_devices.h"

namespace drawlens::gpu {

CudaInventory query_cuda_devices() {
  CudaInventory inventory;
  inventory.built_with_cuda = true;
  cudaRuntimeGetVersion(&inventory.runtime_version);
  cudaDriverGetVersion(&inventory.driver_version);
  int count = 0;
  const cudaError_t status = cudaGetDeviceCount(&count);
  if (status != cudaSuccess) {
    // Without a driver or GPU the runtime reports cudaErrorInsufficientDriver/NoDevice: an answer.
    inventory.reason = std::string("no CUDA device: ") + cudaGetErrorString(status);
    cudaGetLastError();  // clear the sticky error so later calls in the host start clean
    return inventory;
  }
  for (int ordinal = 0; ordinal < count; ++ordinal) {
    cudaDeviceProp props{};
    if (cudaGetDeviceProperties(&props, ordinal) != cudaSuccess) continue;
    CudaDevice device;
    device.ordinal = ordinal;
    device.name = props.name;
    device.compute_major = props.major;
    device.compute_minor = props.minor;
    device.multiprocessors = props.multiProcessorCount;
    device.total_memory_bytes = props.totalGlobalMem;
    device.pci_domain = props.pciDomainID;
    device.pci_bus = props.pciBusID;
    device.pci_device = props.pciDeviceID;
    inventory.devices.push_back(device);
  }
  if (inventory.devices.empty()) inventory.reason = "no CUDA device: the runtime reports none";
  return inventory;
}

std::optional<CudaMemory> query_cuda_memory(int ordinal) {
  // The caller's thread gets its current device back: a host may use CUDA itself.
  int previous = -1;
  if (cudaGetDevice(&previous) != cudaSuccess) previous = -1;
  std::size_t free_bytes = 0, total_bytes = 0;
  const bool read = cudaSetDevice(ordinal) == cudaSuccess && cudaMemGetInfo(&free_bytes, &total_bytes) == cudaSuccess;
  if (!read) cudaGetLastError();
  if (previous >= 0) cudaSetDevice(previous);
  if (!read) return std::nullopt;
  return CudaMemory{free_bytes, total_bytes};
}

}  // namespace drawlens::gpu
