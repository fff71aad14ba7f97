// plan_memory: cumulative placement of the stages' measured peaks against the free-memory budget.
#include "gpu/memory_plan.h"

namespace drawlens::gpu {

MemoryPlan plan_memory(const std::vector<StageNeed>& needs, std::uint64_t free_bytes, double safety_margin) {
  MemoryPlan plan;
  plan.free_bytes = free_bytes;
  plan.safety_margin = safety_margin;
  plan.budget_bytes = static_cast<std::uint64_t>(static_cast<double>(free_bytes) * (1.0 - safety_margin));
  plan.all_fit = !needs.empty();
  for (const StageNeed& need : needs) {
    PlannedStage stage{need, false};
    if (need.peak_bytes) {
      plan.need_bytes += *need.peak_bytes;
      stage.fits = plan.need_bytes <= plan.budget_bytes;
    }
    plan.all_fit = plan.all_fit && stage.fits;
    plan.stages.push_back(stage);
  }
  return plan;
}

}  // namespace drawlens::gpu
