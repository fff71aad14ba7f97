// Text form of the GPU assessment, laid out like the report it replaces (hardware, software,
// memory plan, verdict), with every figure measured here and unknown ones said to be unknown.
#include "gpu_report_text.h"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <sstream>
#include <string>

namespace drawlens::cli {
namespace {

constexpr double kJoulesPerKwh = 3.6e6;
constexpr double kMiB = 1024.0 * 1024.0;

std::string cuda_version_text(int version) {
  if (version <= 0) return "none";
  return std::to_string(version / 1000) + "." + std::to_string(version % 1000 / 10);
}

std::string mib(const std::optional<long long>& bytes) {
  if (!bytes) return "?";
  std::ostringstream s;
  s << std::fixed << std::setprecision(0) << static_cast<double>(*bytes) / kMiB << " MiB";
  return s.str();
}

// A reading with its unit, or "?" when it is unknown.
template <typename T>
std::string number(const std::optional<T>& value, const std::string& unit, int decimals = 0) {
  if (!value) return "?";
  std::ostringstream s;
  s << std::fixed << std::setprecision(decimals) << static_cast<double>(*value) << unit;
  return s.str();
}

// Three significant digits without an exponent: costs per page are tiny.
std::string significant(double value) {
  int decimals = 2;
  if (value > 0 && value < 1) decimals = std::min(9, static_cast<int>(std::ceil(-std::log10(value))) + 2);
  std::ostringstream s;
  s << std::fixed << std::setprecision(decimals) << value;
  return s.str();
}

std::string on_off(const std::optional<bool>& value) {
  return value ? (*value ? "on" : "off") : "?";
}

void print_device(std::ostream& out, const GpuDevice& d) {
  const std::string label = d.cuda_ordinal ? "cuda:" + std::to_string(*d.cuda_ordinal) : "(not usable by CUDA here)";
  out << "  " << label << "  " << d.name;
  if (d.compute_major) out << ", compute " << *d.compute_major << "." << d.compute_minor.value_or(0);
  if (d.multiprocessors) out << ", " << *d.multiprocessors << " SMs";
  if (!d.pci_bus_id.empty()) out << ", PCI " << d.pci_bus_id;
  out << "\n    VRAM:        " << mib(d.memory_total_bytes) << " total, " << mib(d.memory_used_bytes) << " used, "
      << mib(d.memory_free_bytes) << " free\n"
      << "    temperature: " << number(d.temperature_c, " C") << "; power " << number(d.power_watts, " W") << " of "
      << number(d.power_limit_watts, " W") << "\n"
      << "    utilization: " << number(d.utilization_gpu_percent, "%") << " GPU, "
      << number(d.utilization_memory_percent, "%") << " memory; clocks SM " << number(d.clock_sm_mhz, " MHz")
      << ", memory " << number(d.clock_memory_mhz, " MHz") << "\n"
      << "    ECC " << on_off(d.ecc_enabled) << ", MIG " << on_off(d.mig_enabled) << "\n";
}

void print_hardware(std::ostream& out, const GpuSummary& s, const std::vector<GpuDevice>& devices) {
  out << "Hardware\n  drawlens built " << (s.built_with_cuda ? "with" : "without") << " CUDA";
  if (s.built_with_cuda) out << " (runtime " << cuda_version_text(s.cuda_runtime_version) << ")";
  out << "\n  NVIDIA driver: ";
  if (s.driver_version.empty() && s.cuda_driver_version <= 0) {
    out << "none found";
  } else {
    out << (s.driver_version.empty() ? "version unknown" : s.driver_version) << ", supports CUDA "
        << cuda_version_text(s.cuda_driver_version);
  }
  out << "\n  " << (s.nvml_loaded ? "NVML loaded" : s.nvml_status) << "\n";
  if (s.usable_device_count == 0) out << "  " << s.reason << "\n";
  for (const GpuDevice& d : devices) print_device(out, d);
}

void print_software(std::ostream& out, const std::vector<GpuComponent>& components,
                    const std::optional<bool>& libtorch_cuda) {
  out << "\nSoftware\n";
  for (const GpuComponent& c : components) {
    out << "  " << (c.linked ? "[linked] " : "[   -  ] ") << std::left << std::setw(13) << c.name << std::setw(10)
        << (c.version.empty() ? "-" : c.version) << c.note << "\n";
  }
  out << "  LibTorch sees CUDA: " << (libtorch_cuda ? (*libtorch_cuda ? "yes" : "no") : "unknown (not linked yet)")
      << "\n";
}

void print_memory_plan(std::ostream& out, const GpuPlan& plan) {
  out << "\nMemory plan\n";
  if (!plan.measured) {
    out << "  not measured: " << plan.status << "\n";
    return;
  }
  out << "  cuda:" << plan.cuda_ordinal.value_or(0) << ": " << mib(plan.free_bytes) << " free; keeping "
      << number(std::optional<double>(plan.safety_margin * 100), "%") << " back leaves " << mib(plan.budget_bytes)
      << "\n";
  for (const GpuStage& stage : plan.stages) {
    out << "  " << std::left << std::setw(10) << stage.name << std::right << std::setw(10) << mib(stage.peak_bytes)
        << (stage.fits ? "  fits       " : "  too large  ") << stage.description << "\n";
  }
  out << "  together: " << mib(plan.need_bytes) << (plan.all_fit ? ", all fit" : ", not all fit")
      << " (model stages add their figures when they land)\n";
}

void print_energy_and_cost(std::ostream& out, const GpuPlan& plan, const Prices& prices) {
  out << "\nEnergy and cost (image preparation of A3 300-dpi pages, transfers included)\n";
  if (!plan.measured) {
    out << "  cannot be measured: " << plan.status << "\n";
    return;
  }
  const std::optional<double> ms =
      plan.seconds_per_page ? std::optional<double>(*plan.seconds_per_page * 1000) : std::nullopt;
  out << "  " << plan.energy_pages << " pages: " << number(ms, " ms", 1) << " per page, mean board power "
      << number(plan.mean_power_watts, " W") << ", " << number(plan.joules_per_page, " J", 2) << " per page\n";
  const ThousandDrawings cost = cost_of_thousand(plan, prices);
  out << "  per 1,000 drawings: " << (cost.kwh ? significant(*cost.kwh) : "?") << " kWh";
  if (cost.energy_cost) out << " = " << significant(*cost.energy_cost) << " at " << *prices.per_kwh << " per kWh";
  out << "; " << (cost.gpu_hours ? significant(*cost.gpu_hours) : "?") << " GPU hours";
  if (cost.cloud_cost) {
    out << " = " << significant(*cost.cloud_cost) << " at " << *prices.per_gpu_hour << " per cloud GPU hour";
  }
  out << "\n";
  if (!prices.per_kwh || !prices.per_gpu_hour) out << "  (--kwh-price and --cloud-price turn these into costs)\n";
}

}  // namespace

ThousandDrawings cost_of_thousand(const GpuPlan& plan, const Prices& prices) {
  ThousandDrawings cost;
  if (plan.joules_per_page) cost.kwh = *plan.joules_per_page * 1000 / kJoulesPerKwh;
  if (plan.seconds_per_page) cost.gpu_hours = *plan.seconds_per_page * 1000 / 3600;
  if (cost.kwh && prices.per_kwh) cost.energy_cost = *cost.kwh * *prices.per_kwh;
  if (cost.gpu_hours && prices.per_gpu_hour) cost.cloud_cost = *cost.gpu_hours * *prices.per_gpu_hour;
  return cost;
}

void print_gpu_report(std::ostream& out, const GpuProbe& probe, const Prices& prices) {
  const GpuSummary summary = probe.summary();
  const GpuPlan plan = probe.plan();
  out << "drawlens " << version() << " GPU assessment\n\n";
  print_hardware(out, summary, probe.devices());
  print_software(out, probe.components(), summary.libtorch_cuda);
  print_memory_plan(out, plan);
  print_energy_and_cost(out, plan, prices);
  out << "\nVerdict\n  " << summary.verdict << "\n";
}

}  // namespace drawlens::cli
