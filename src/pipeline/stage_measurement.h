// Measures the GPU stages on a device for the GPU probe (gpu::ProbeOptions::measure_stages): each
// stage run once on an A3 300-dpi page for its peak device memory, then a short batch of pages with
// NVML power samples for time and energy per page. Today the stages are image preparation; each model
// stage adds its own measurement when it lands. It lives here, not in gpu/, because it runs stages.
#pragma once

#include "core/status.h"
#include "gpu/gpu.h"

namespace drawlens {

// nvml may be null (no energy then); nvml_index is the same device in NVML's numbering.
Result<gpu::StageMeasurements> measure_stages(int cuda_ordinal, const gpu::NvmlLibrary* nvml, unsigned nvml_index,
                                              double energy_seconds);

}  // namespace drawlens
