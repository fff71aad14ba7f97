// The probe's measurement on a real GPU (label gpu): the preparation stage's peak memory, the
// plan against free VRAM, and time (and, with NVML, energy) per page. Skips without a device.
#include <gtest/gtest.h>

#include "gpu/gpu.h"
#include "pipeline/pipeline.h"

namespace drawlens::gpu {
namespace {

TEST(GpuProbeMeasure, PreparationIsMeasuredAndPlanned) {
  ProbeOptions options;
  options.measure = true;
  options.energy_seconds = 1;
  options.measure_stages = drawlens::measure_stages;
  auto report = probe_gpus(options);
  ASSERT_TRUE(report.ok()) << report.error().message;
  const GpuReport& r = report.value();
  if (r.usable_devices == 0) GTEST_SKIP() << r.reason;
  ASSERT_TRUE(r.measured) << r.measure_status;
  ASSERT_EQ(r.plan.stages.size(), 1u);
  const PlannedStage& prepare = r.plan.stages[0];
  EXPECT_EQ(prepare.need.name, "prepare");
  // Two 64-bit integral images of an A3 300-dpi page, at least.
  EXPECT_GT(prepare.need.peak_bytes.value_or(0), 2ull * 8 * 4961 * 3509);
  EXPECT_GT(r.plan.free_bytes, 0u);
  EXPECT_EQ(prepare.fits, *prepare.need.peak_bytes <= r.plan.budget_bytes);
  EXPECT_GE(r.energy.pages, 1);
  EXPECT_GT(r.energy.seconds, 0.5);
  if (r.nvml_loaded) {
    EXPECT_TRUE(r.energy.joules.has_value()) << r.energy.note;
    EXPECT_GT(r.energy.mean_watts.value_or(0), 0);
    ASSERT_FALSE(r.devices.empty());
    EXPECT_FALSE(r.driver_version.empty());
    EXPECT_TRUE(r.devices[0].memory_total_bytes.has_value());
  }
  EXPECT_NE(r.verdict.find("prepare"), std::string::npos) << r.verdict;
}

}  // namespace
}  // namespace drawlens::gpu
