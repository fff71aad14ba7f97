// NvmlLibrary: dlopen("libnvidia-ml.so.1"), the few NVML functions drawlens reads, and readings
// that stay unknown wherever a function is missing or the device does not support it.
#include "gpu/nvml_library.h"

#include <dlfcn.h>

#include <utility>

namespace drawlens::gpu {
namespace {

// The slice of nvml.h drawlens uses, declared with the header's ABI (enums are int-sized).
using nvmlReturn_t = int;
using nvmlDevice_t = struct nvmlDevice_st*;
struct nvmlMemory_t {
  unsigned long long total, free, used;
};
struct nvmlUtilization_t {
  unsigned int gpu, memory;
};
struct nvmlPciInfo_t {  // the layout nvmlDeviceGetPciInfo_v3 fills
  char busIdLegacy[16];
  unsigned int domain, bus, device, pciDeviceId, pciSubSystemId;
  char busId[32];
};
constexpr nvmlReturn_t kSuccess = 0;
constexpr int kTemperatureGpu = 0;  // NVML_TEMPERATURE_GPU
constexpr int kClockSm = 1;         // NVML_CLOCK_SM
constexpr int kClockMemory = 2;     // NVML_CLOCK_MEM
constexpr int kEnabled = 1;         // NVML_FEATURE_ENABLED, NVML_DEVICE_MIG_ENABLE
constexpr unsigned kNameBytes = 96;
constexpr unsigned kDriverVersionBytes = 80;

// Calls an NVML function that may be missing; true when it exists and succeeded.
template <typename Function, typename... Args>
bool call(Function function, Args... args) {
  return function != nullptr && function(args...) == kSuccess;
}

}  // namespace

struct NvmlLibrary::Api {
  void* library = nullptr;
  bool initialised = false;
  nvmlReturn_t (*init)() = nullptr;
  nvmlReturn_t (*shutdown)() = nullptr;
  const char* (*error_string)(nvmlReturn_t) = nullptr;
  nvmlReturn_t (*driver_version)(char*, unsigned) = nullptr;
  nvmlReturn_t (*cuda_driver_version)(int*) = nullptr;
  nvmlReturn_t (*device_count)(unsigned*) = nullptr;
  nvmlReturn_t (*device_by_index)(unsigned, nvmlDevice_t*) = nullptr;
  nvmlReturn_t (*name)(nvmlDevice_t, char*, unsigned) = nullptr;
  nvmlReturn_t (*pci_info)(nvmlDevice_t, nvmlPciInfo_t*) = nullptr;
  nvmlReturn_t (*compute_capability)(nvmlDevice_t, int*, int*) = nullptr;
  nvmlReturn_t (*memory)(nvmlDevice_t, nvmlMemory_t*) = nullptr;
  nvmlReturn_t (*temperature)(nvmlDevice_t, int, unsigned*) = nullptr;
  nvmlReturn_t (*power)(nvmlDevice_t, unsigned*) = nullptr;
  nvmlReturn_t (*power_limit)(nvmlDevice_t, unsigned*) = nullptr;
  nvmlReturn_t (*utilization)(nvmlDevice_t, nvmlUtilization_t*) = nullptr;
  nvmlReturn_t (*clock)(nvmlDevice_t, int, unsigned*) = nullptr;
  nvmlReturn_t (*ecc_mode)(nvmlDevice_t, int*, int*) = nullptr;
  nvmlReturn_t (*mig_mode)(nvmlDevice_t, unsigned*, unsigned*) = nullptr;

  Api() = default;
  Api(const Api&) = delete;
  Api& operator=(const Api&) = delete;
  ~Api() {
    if (initialised) shutdown();
    if (library != nullptr) dlclose(library);
  }

  template <typename Function>
  void bind(Function& function, const char* symbol) {
    function = reinterpret_cast<Function>(dlsym(library, symbol));
  }

  void bind_all() {
    bind(init, "nvmlInit_v2");
    bind(shutdown, "nvmlShutdown");
    bind(error_string, "nvmlErrorString");
    bind(driver_version, "nvmlSystemGetDriverVersion");
    bind(cuda_driver_version, "nvmlSystemGetCudaDriverVersion_v2");
    bind(device_count, "nvmlDeviceGetCount_v2");
    bind(device_by_index, "nvmlDeviceGetHandleByIndex_v2");
    bind(name, "nvmlDeviceGetName");
    bind(pci_info, "nvmlDeviceGetPciInfo_v3");
    bind(compute_capability, "nvmlDeviceGetCudaComputeCapability");
    bind(memory, "nvmlDeviceGetMemoryInfo");
    bind(temperature, "nvmlDeviceGetTemperature");
    bind(power, "nvmlDeviceGetPowerUsage");
    bind(power_limit, "nvmlDeviceGetEnforcedPowerLimit");
    bind(utilization, "nvmlDeviceGetUtilizationRates");
    bind(clock, "nvmlDeviceGetClockInfo");
    bind(ecc_mode, "nvmlDeviceGetEccMode");
    bind(mig_mode, "nvmlDeviceGetMigMode");
  }

  nvmlDevice_t device(unsigned index) const {
    nvmlDevice_t handle = nullptr;
    return call(device_by_index, index, &handle) ? handle : nullptr;
  }
};

NvmlLibrary::NvmlLibrary(std::unique_ptr<Api> api) : api_(std::move(api)) {}
NvmlLibrary::NvmlLibrary(NvmlLibrary&&) noexcept = default;
NvmlLibrary& NvmlLibrary::operator=(NvmlLibrary&&) noexcept = default;
NvmlLibrary::~NvmlLibrary() = default;

Result<NvmlLibrary> NvmlLibrary::load() {
  auto api = std::make_unique<Api>();
  api->library = dlopen("libnvidia-ml.so.1", RTLD_NOW | RTLD_LOCAL);
  if (api->library == nullptr) {
    const char* why = dlerror();
    return make_error(Status::gpu, std::string("NVML not loaded: ") + (why != nullptr ? why : "libnvidia-ml.so.1"));
  }
  api->bind_all();
  if (api->init == nullptr || api->shutdown == nullptr || api->device_count == nullptr ||
      api->device_by_index == nullptr) {
    return make_error(Status::gpu, "NVML not loaded: libnvidia-ml.so.1 lacks nvmlInit_v2 or the device functions");
  }
  const nvmlReturn_t started = api->init();
  if (started != kSuccess) {
    const char* why = api->error_string != nullptr ? api->error_string(started) : nullptr;
    return make_error(
        Status::gpu, "NVML did not start: " + (why != nullptr ? std::string(why) : "error " + std::to_string(started)));
  }
  api->initialised = true;
  return NvmlLibrary(std::move(api));
}

std::optional<std::string> NvmlLibrary::driver_version() const {
  char text[kDriverVersionBytes] = {};
  if (!call(api_->driver_version, text, kDriverVersionBytes)) return std::nullopt;
  return std::string(text);
}

std::optional<int> NvmlLibrary::cuda_driver_version() const {
  int version = 0;
  if (!call(api_->cuda_driver_version, &version)) return std::nullopt;
  return version;
}

unsigned NvmlLibrary::device_count() const {
  unsigned count = 0;
  return call(api_->device_count, &count) ? count : 0;
}

std::optional<double> NvmlLibrary::power_watts(unsigned index) const {
  unsigned milliwatts = 0;
  if (!call(api_->power, api_->device(index), &milliwatts)) return std::nullopt;
  return milliwatts / 1000.0;
}

NvmlReading NvmlLibrary::read(unsigned index) const {
  const Api& a = *api_;
  NvmlReading r;
  nvmlDevice_t device = a.device(index);
  if (device == nullptr) return r;
  char name[kNameBytes] = {};
  if (call(a.name, device, name, kNameBytes)) r.name = name;
  nvmlPciInfo_t pci{};
  if (call(a.pci_info, device, &pci)) {
    r.pci_bus_id = pci.busId;
    r.pci_domain = pci.domain;
    r.pci_bus = pci.bus;
    r.pci_device = pci.device;
  }
  int major = 0, minor = 0;
  if (call(a.compute_capability, device, &major, &minor)) {
    r.compute_major = major;
    r.compute_minor = minor;
  }
  nvmlMemory_t memory{};
  if (call(a.memory, device, &memory)) {
    r.memory_total_bytes = memory.total;
    r.memory_used_bytes = memory.used;
    r.memory_free_bytes = memory.free;
  }
  unsigned value = 0;
  if (call(a.temperature, device, kTemperatureGpu, &value)) r.temperature_c = static_cast<int>(value);
  r.power_watts = power_watts(index);
  if (call(a.power_limit, device, &value)) r.power_limit_watts = value / 1000.0;
  nvmlUtilization_t utilization{};
  if (call(a.utilization, device, &utilization)) {
    r.utilization_gpu_percent = static_cast<int>(utilization.gpu);
    r.utilization_memory_percent = static_cast<int>(utilization.memory);
  }
  if (call(a.clock, device, kClockSm, &value)) r.clock_sm_mhz = static_cast<int>(value);
  if (call(a.clock, device, kClockMemory, &value)) r.clock_memory_mhz = static_cast<int>(value);
  int ecc = 0, ecc_pending = 0;
  if (call(a.ecc_mode, device, &ecc, &ecc_pending)) r.ecc_enabled = ecc == kEnabled;
  unsigned mig = 0, mig_pending = 0;
  if (call(a.mig_mode, device, &mig, &mig_pending)) r.mig_enabled = mig == static_cast<unsigned>(kEnabled);
  return r;
}

}  // namespace drawlens::gpu
