// Measures the GPU stages on a device: each stage run once on an A3 300-dpi page for its peak
// device memory, then a short batch of pages with NVML power samples for time and energy per page.
// Today the stages are image preparation; each model stage adds its own measurement when it lands.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "gpu/memory_plan.h"
#include "gpu/nvml_library.h"

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

// nvml may be null (no energy then); nvml_index is the same device in NVML's numbering.
Result<StageMeasurements> measure_stages(int cuda_ordinal, const NvmlLibrary* nvml, unsigned nvml_index,
                                         double energy_seconds);

}  // namespace drawlens::gpu
