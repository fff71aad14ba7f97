// The CUDA devices this process can use, asked of the CUDA runtime when drawlens is built with CUDA.
// A machine without a GPU or driver is an answer ("no CUDA device: <reason>"), never an error.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace drawlens::gpu {

struct CudaDevice {
  int ordinal = 0;
  std::string name;
  int compute_major = 0;
  int compute_minor = 0;
  int multiprocessors = 0;
  std::uint64_t total_memory_bytes = 0;
  // PCI location, to match the device with NVML's view (their orders may differ).
  int pci_domain = 0, pci_bus = 0, pci_device = 0;
};

struct CudaInventory {
  bool built_with_cuda = false;
  int runtime_version = 0;  // e.g. 13000 for CUDA 13.0; 0 when unknown
  int driver_version = 0;   // highest CUDA version the driver supports; 0 without a driver
  std::vector<CudaDevice> devices;
  std::string reason;  // why devices is empty, when it is
};

CudaInventory query_cuda_devices();

struct CudaMemory {
  std::uint64_t free_bytes = 0;
  std::uint64_t total_bytes = 0;
};

// Free and total memory of a device as this process sees it (creates the device's context).
std::optional<CudaMemory> query_cuda_memory(int ordinal);

}  // namespace drawlens::gpu
