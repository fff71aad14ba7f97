// NVML, the NVIDIA driver's management library, loaded at run time with dlopen: libdrawlens never
// links it and runs on machines without a driver. A function this NVML lacks, or a reading the
// device does not support, leaves that value unknown (std::nullopt).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "core/status.h"

namespace drawlens::gpu {

struct NvmlReading {
  std::string name;
  std::string pci_bus_id;  // "00000000:65:00.0"
  std::optional<unsigned> pci_domain, pci_bus, pci_device;
  std::optional<int> compute_major, compute_minor;
  std::optional<std::uint64_t> memory_total_bytes, memory_used_bytes, memory_free_bytes;
  std::optional<int> temperature_c;
  std::optional<double> power_watts, power_limit_watts;
  std::optional<int> utilization_gpu_percent, utilization_memory_percent;
  std::optional<int> clock_sm_mhz, clock_memory_mhz;
  std::optional<bool> ecc_enabled, mig_enabled;
};

class NvmlLibrary {
 public:
  // Loads libnvidia-ml.so.1 and initialises it; the error (Status::gpu) says why it could not.
  static Result<NvmlLibrary> load();
  NvmlLibrary(NvmlLibrary&&) noexcept;
  NvmlLibrary& operator=(NvmlLibrary&&) noexcept;
  ~NvmlLibrary();  // nvmlShutdown, dlclose

  std::optional<std::string> driver_version() const;
  std::optional<int> cuda_driver_version() const;  // e.g. 13000
  unsigned device_count() const;
  NvmlReading read(unsigned index) const;
  std::optional<double> power_watts(unsigned index) const;

 private:
  struct Api;
  explicit NvmlLibrary(std::unique_ptr<Api> api);
  std::unique_ptr<Api> api_;
};

}  // namespace drawlens::gpu
