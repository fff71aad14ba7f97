// GpuProbe: the GPU assessment drawlens gives of the machine it runs on. Hardware from the CUDA
// runtime and NVML (loaded at run time), the software drawlens was built with, and, on request,
// each GPU stage's measured memory need against free VRAM and its energy per page (the stages are
// measured by the caller's measure_stages: gpu/ knows no stage). A machine without a GPU, driver
// or CUDA build is an answer ("no CUDA device: <reason>"), never an error.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "gpu/cuda_devices.h"
#include "gpu/memory_plan.h"
#include "gpu/nvml_library.h"
#include "gpu/software_inventory.h"

namespace drawlens::gpu {

struct EnergyMeasurement {
  int pages = 0;
  double seconds = 0;
  std::optional<double> joules;  // needs NVML power readings
  std::optional<double> mean_watts;
  std::string note;  // why energy is unknown, when it is
};

struct StageMeasurements {
  std::vector<StageNeed> needs;
  EnergyMeasurement energy;
};

// Runs the GPU stages on cuda_ordinal for their peak memory, then energy_seconds of pages for time
// and energy per page. nvml may be null (no energy then); nvml_index is the same device in NVML's
// numbering. The pipeline module supplies it (drawlens::measure_stages), so gpu/ depends on no stage.
using StageMeasurer = std::function<Result<StageMeasurements>(int cuda_ordinal, const NvmlLibrary* nvml,
                                                              unsigned nvml_index, double energy_seconds)>;

struct ProbeOptions {
  bool measure = false;          // run the GPU stages on cuda:0 (takes about energy_seconds + 1 s)
  double safety_margin = 0.2;    // share of free VRAM the memory plan leaves free, [0, 1)
  double energy_seconds = 3;     // length of the energy run, [0.1, 60]
  StageMeasurer measure_stages;  // required when measure is set
};

struct GpuDevice : NvmlReading {
  int index = 0;          // NVML's index, or the CUDA ordinal when NVML is missing
  int cuda_ordinal = -1;  // "cuda:N" in this process; -1 when CUDA cannot use it here
  std::optional<int> multiprocessors;
};

struct GpuReport {
  bool built_with_cuda = false;
  int cuda_runtime_version = 0;  // 0 unknown
  int cuda_driver_version = 0;   // 0 without a driver
  std::string driver_version;    // "" unknown
  bool nvml_loaded = false;
  std::string nvml_status;  // why NVML is missing; "" when loaded
  std::vector<GpuDevice> devices;
  std::size_t usable_devices = 0;
  std::string reason;                 // "no CUDA device: ..." when usable_devices is 0
  std::optional<bool> libtorch_cuda;  // unknown until a model stage links LibTorch
  std::vector<SoftwareComponent> software;

  bool measured = false;
  std::string measure_status;  // why not measured; "" when measured
  int plan_device = -1;        // CUDA ordinal the plan is for
  MemoryPlan plan;
  EnergyMeasurement energy;

  std::string verdict;
};

Result<GpuReport> probe_gpus(const ProbeOptions& options);

std::string gpu_report_json(const GpuReport& report);

}  // namespace drawlens::gpu
