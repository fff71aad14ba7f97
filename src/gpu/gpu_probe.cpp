// probe_gpus: merges the CUDA runtime's and NVML's views of the GPUs (matched by PCI location,
// since their orders may differ), adds the software half, measures the stages when asked, and
// writes the verdict.
#include "gpu/gpu.h"

#include <algorithm>
#include <cstdio>

namespace drawlens::gpu {
namespace {

std::string bytes_text(std::uint64_t bytes) {
  char text[32];
  const double mib = static_cast<double>(bytes) / (1024.0 * 1024.0);
  if (mib >= 1024) {
    std::snprintf(text, sizeof text, "%.1f GiB", mib / 1024);
  } else {
    std::snprintf(text, sizeof text, "%.0f MiB", mib);
  }
  return text;
}

bool same_pci_location(const NvmlReading& nvml, const CudaDevice& cuda) {
  return nvml.pci_bus && static_cast<int>(*nvml.pci_domain) == cuda.pci_domain &&
         static_cast<int>(*nvml.pci_bus) == cuda.pci_bus && static_cast<int>(*nvml.pci_device) == cuda.pci_device;
}

// The CUDA runtime knows the SM count and which ordinal this process uses; it also fills in what
// NVML did not give.
void add_cuda_facts(GpuDevice& device, const CudaDevice& cuda) {
  device.cuda_ordinal = cuda.ordinal;
  device.multiprocessors = cuda.multiprocessors;
  device.compute_major = cuda.compute_major;
  device.compute_minor = cuda.compute_minor;
  if (device.name.empty()) device.name = cuda.name;
  if (!device.memory_total_bytes) device.memory_total_bytes = cuda.total_memory_bytes;
}

std::vector<GpuDevice> merge_devices(const CudaInventory& cuda, const NvmlLibrary* nvml) {
  std::vector<GpuDevice> devices;
  std::vector<bool> matched(cuda.devices.size(), false);
  for (unsigned i = 0; nvml != nullptr && i < nvml->device_count(); ++i) {
    GpuDevice device;
    static_cast<NvmlReading&>(device) = nvml->read(i);
    device.index = static_cast<int>(i);
    for (std::size_t c = 0; c < cuda.devices.size(); ++c) {
      if (matched[c] || !same_pci_location(device, cuda.devices[c])) continue;
      add_cuda_facts(device, cuda.devices[c]);
      matched[c] = true;
      break;
    }
    devices.push_back(device);
  }
  for (std::size_t c = 0; c < cuda.devices.size(); ++c) {
    if (matched[c]) continue;
    GpuDevice device;
    device.index = cuda.devices[c].ordinal;
    add_cuda_facts(device, cuda.devices[c]);
    devices.push_back(device);
  }
  return devices;
}

std::string no_device_reason(const CudaInventory& cuda, std::size_t gpus_seen) {
  std::string reason = cuda.reason.empty() ? "no CUDA device: none is visible to this process" : cuda.reason;
  if (gpus_seen > 0) reason += " (NVML sees " + std::to_string(gpus_seen) + " GPU(s))";
  return reason;
}

const GpuDevice* device_with_ordinal(const GpuReport& report, int ordinal) {
  for (const GpuDevice& device : report.devices) {
    if (device.cuda_ordinal == ordinal) return &device;
  }
  return nullptr;
}

void measure(GpuReport& report, const ProbeOptions& options, const NvmlLibrary* nvml) {
  report.plan_device = 0;
  const GpuDevice* device = device_with_ordinal(report, report.plan_device);
  const auto nvml_index = static_cast<unsigned>(device != nullptr ? device->index : 0);
  // Free memory is read before the stages allocate anything, after this process's context exists.
  const std::optional<CudaMemory> memory = query_cuda_memory(report.plan_device);
  auto measured = options.measure_stages(report.plan_device, nvml, nvml_index, options.energy_seconds);
  if (!measured) {
    report.measure_status = "measurement failed: " + measured.error().message;
    return;
  }
  report.measured = true;
  report.plan = plan_memory(measured.value().needs, memory ? memory->free_bytes : 0, options.safety_margin);
  report.energy = measured.value().energy;
}

std::string stage_list(const MemoryPlan& plan, bool fitting) {
  std::string list;
  for (const PlannedStage& stage : plan.stages) {
    if (stage.fits != fitting) continue;
    if (!list.empty()) list += ", ";
    list += stage.need.name + " (" + (stage.need.peak_bytes ? bytes_text(*stage.need.peak_bytes) : "unmeasured") + ")";
  }
  return list.empty() ? "none" : list;
}

std::string make_verdict(const GpuReport& r) {
  if (r.usable_devices == 0) {
    std::string verdict = r.reason + ". drawlens runs every stage on the CPU";
    if (!r.built_with_cuda) verdict += "; build it with DRAWLENS_CUDA=ON where the CUDA toolkit is installed";
    return verdict + ".";
  }
  const GpuDevice* device = device_with_ordinal(r, 0);
  const std::string head =
      "cuda:0 (" + (device != nullptr ? device->name : std::string("?")) + ") can run drawlens' CUDA stages";
  if (!r.measured) return head + "; stage memory not measured (" + r.measure_status + ").";
  std::string verdict = head + ". Keeping " + std::to_string(static_cast<int>(r.plan.safety_margin * 100 + 0.5)) +
                        "% of free VRAM back, the budget is " + bytes_text(r.plan.budget_bytes) + " of " +
                        bytes_text(r.plan.free_bytes) + " free: ";
  if (r.plan.all_fit) {
    return verdict + "all measured stages fit together, " + stage_list(r.plan, true) + ", " +
           bytes_text(r.plan.need_bytes) + " in all.";
  }
  return verdict + "these fit: " + stage_list(r.plan, true) + "; these do not: " + stage_list(r.plan, false) + ".";
}

Result<bool> check(const ProbeOptions& o) {
  if (!(o.safety_margin >= 0 && o.safety_margin < 1)) {
    return make_error(Status::invalid_argument, "invalid option: safety_margin must be at least 0 and below 1");
  }
  if (!(o.energy_seconds >= 0.1 && o.energy_seconds <= 60)) {
    return make_error(Status::invalid_argument, "invalid option: energy_seconds must be 0.1 to 60");
  }
  return true;
}

}  // namespace

Result<GpuReport> probe_gpus(const ProbeOptions& options) {
  if (auto valid = check(options); !valid) return valid.error();
  GpuReport report;
  const CudaInventory cuda = query_cuda_devices();
  report.built_with_cuda = cuda.built_with_cuda;
  report.cuda_runtime_version = cuda.runtime_version;
  report.cuda_driver_version = cuda.driver_version;
  const Result<NvmlLibrary> nvml = NvmlLibrary::load();
  const NvmlLibrary* loaded = nvml ? &nvml.value() : nullptr;
  report.nvml_loaded = loaded != nullptr;
  if (loaded != nullptr) {
    report.driver_version = loaded->driver_version().value_or("");
    if (report.cuda_driver_version == 0) report.cuda_driver_version = loaded->cuda_driver_version().value_or(0);
  } else {
    report.nvml_status = nvml.error().message;
  }
  report.devices = merge_devices(cuda, loaded);
  report.usable_devices = static_cast<std::size_t>(std::count_if(
      report.devices.begin(), report.devices.end(), [](const GpuDevice& d) { return d.cuda_ordinal >= 0; }));
  report.software = software_components(cuda.built_with_cuda);
  if (report.usable_devices == 0) {
    report.reason = no_device_reason(cuda, report.devices.size());
    report.measure_status = report.reason;
  } else if (!options.measure) {
    report.measure_status = "not requested";
  } else if (!options.measure_stages) {
    report.measure_status = "no stage measurement was supplied";
  } else {
    measure(report, options, loaded);
  }
  report.verdict = make_verdict(report);
  return report;
}

}  // namespace drawlens::gpu
