// The memory planner: which stages fit together in a device's free memory while a safety margin
// stays free (for the driver, other processes and allocator slack).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace drawlens::gpu {

struct StageNeed {
  std::string name;                         // "prepare"
  std::string description;                  // what was run to measure it
  std::optional<std::uint64_t> peak_bytes;  // unknown when the stage could not be measured
};

struct PlannedStage {
  StageNeed need;
  bool fits = false;  // fits the budget together with every stage before it
};

struct MemoryPlan {
  std::uint64_t free_bytes = 0;
  double safety_margin = 0;
  std::uint64_t budget_bytes = 0;  // free_bytes * (1 - safety_margin)
  std::uint64_t need_bytes = 0;    // the measured stages together
  std::vector<PlannedStage> stages;
  bool all_fit = false;
};

// Stages are placed in pipeline order, each on top of the ones before it, because a page passes
// through them all and their models stay loaded.
MemoryPlan plan_memory(const std::vector<StageNeed>& needs, std::uint64_t free_bytes, double safety_margin);

}  // namespace drawlens::gpu
