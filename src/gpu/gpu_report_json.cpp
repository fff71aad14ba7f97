// The GPU assessment as JSON ("schema": "drawlens.gpu/1"): unknown readings are null, byte counts
// are numbers of bytes, versions as the CUDA API gives them (13000 for 13.0).
#include <nlohmann/json.hpp>

#include "gpu/gpu.h"

namespace drawlens::gpu {
namespace {

using json = nlohmann::ordered_json;

template <typename T>
json or_null(const std::optional<T>& value) {
  return value ? json(*value) : json(nullptr);
}

json device_json(const GpuDevice& d) {
  return {{"index", d.index},
          {"cuda_ordinal", d.cuda_ordinal >= 0 ? json(d.cuda_ordinal) : json(nullptr)},
          {"name", d.name},
          {"pci_bus_id", d.pci_bus_id.empty() ? json(nullptr) : json(d.pci_bus_id)},
          {"compute_capability",
           d.compute_major ? json(std::to_string(*d.compute_major) + "." + std::to_string(d.compute_minor.value_or(0)))
                           : json(nullptr)},
          {"multiprocessors", or_null(d.multiprocessors)},
          {"memory_total_bytes", or_null(d.memory_total_bytes)},
          {"memory_used_bytes", or_null(d.memory_used_bytes)},
          {"memory_free_bytes", or_null(d.memory_free_bytes)},
          {"temperature_c", or_null(d.temperature_c)},
          {"power_watts", or_null(d.power_watts)},
          {"power_limit_watts", or_null(d.power_limit_watts)},
          {"utilization_gpu_percent", or_null(d.utilization_gpu_percent)},
          {"utilization_memory_percent", or_null(d.utilization_memory_percent)},
          {"clock_sm_mhz", or_null(d.clock_sm_mhz)},
          {"clock_memory_mhz", or_null(d.clock_memory_mhz)},
          {"ecc_enabled", or_null(d.ecc_enabled)},
          {"mig_enabled", or_null(d.mig_enabled)}};
}

json plan_json(const GpuReport& r) {
  json stages = json::array();
  for (const PlannedStage& s : r.plan.stages) {
    stages.push_back({{"name", s.need.name},
                      {"description", s.need.description},
                      {"peak_bytes", or_null(s.need.peak_bytes)},
                      {"fits", s.fits}});
  }
  if (!r.measured) return {{"measured", false}, {"status", r.measure_status}, {"stages", stages}};
  return {{"measured", true},
          {"device", "cuda:" + std::to_string(r.plan_device)},
          {"free_bytes", r.plan.free_bytes},
          {"safety_margin", r.plan.safety_margin},
          {"budget_bytes", r.plan.budget_bytes},
          {"need_bytes", r.plan.need_bytes},
          {"stages", stages},
          {"all_fit", r.plan.all_fit}};
}

json energy_json(const GpuReport& r) {
  if (!r.measured) return {{"measured", false}, {"status", r.measure_status}};
  const EnergyMeasurement& e = r.energy;
  const double pages = e.pages > 0 ? e.pages : 1;
  json out = {{"measured", e.joules.has_value()},
              {"stage", "prepare"},
              {"pages", e.pages},
              {"seconds", e.seconds},
              {"seconds_per_page", e.seconds / pages},
              {"joules_per_page", e.joules ? json(*e.joules / pages) : json(nullptr)},
              {"mean_power_watts", or_null(e.mean_watts)}};
  if (!e.note.empty()) out["status"] = e.note;
  return out;
}

}  // namespace

std::string gpu_report_json(const GpuReport& r) {
  json devices = json::array();
  for (const GpuDevice& d : r.devices) devices.push_back(device_json(d));
  json software = json::array();
  for (const SoftwareComponent& c : r.software) {
    software.push_back({{"name", c.name},
                        {"version", c.version.empty() ? json(nullptr) : json(c.version)},
                        {"linked", c.linked},
                        {"note", c.note}});
  }
  const json report = {
      {"schema", "drawlens.gpu/1"},
      {"built_with_cuda", r.built_with_cuda},
      {"cuda_runtime_version", r.cuda_runtime_version > 0 ? json(r.cuda_runtime_version) : json(nullptr)},
      {"cuda_driver_version", r.cuda_driver_version > 0 ? json(r.cuda_driver_version) : json(nullptr)},
      {"driver_version", r.driver_version.empty() ? json(nullptr) : json(r.driver_version)},
      {"nvml", {{"loaded", r.nvml_loaded}, {"status", r.nvml_status}}},
      {"devices", devices},
      {"usable_devices", r.usable_devices},
      {"reason", r.reason},
      {"libtorch_cuda", or_null(r.libtorch_cuda)},
      {"software", software},
      {"memory_plan", plan_json(r)},
      {"energy", energy_json(r)},
      {"verdict", r.verdict},
  };
  return report.dump(2);
}

}  // namespace drawlens::gpu
