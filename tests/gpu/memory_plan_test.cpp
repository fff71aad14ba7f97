// The memory planner: stages stack in pipeline order against free memory less the safety margin.
#include <gtest/gtest.h>

#include "gpu/memory_plan.h"

namespace drawlens::gpu {
namespace {

constexpr std::uint64_t kMiB = 1024 * 1024;

TEST(MemoryPlan, StagesStackAgainstTheBudget) {
  const MemoryPlan plan = plan_memory({{"prepare", "", 300 * kMiB}, {"detect", "", 500 * kMiB}}, 1000 * kMiB, 0.2);
  EXPECT_EQ(plan.budget_bytes, 800 * kMiB);
  EXPECT_EQ(plan.need_bytes, 800 * kMiB);
  EXPECT_TRUE(plan.stages[0].fits);
  EXPECT_TRUE(plan.stages[1].fits);
  EXPECT_TRUE(plan.all_fit);
}

TEST(MemoryPlan, TheMarginIsKeptFree) {
  const MemoryPlan plan = plan_memory({{"prepare", "", 300 * kMiB}, {"detect", "", 501 * kMiB}}, 1000 * kMiB, 0.2);
  EXPECT_TRUE(plan.stages[0].fits);
  EXPECT_FALSE(plan.stages[1].fits);
  EXPECT_FALSE(plan.all_fit);
}

TEST(MemoryPlan, UnmeasuredStagesDoNotFit) {
  const MemoryPlan plan = plan_memory({{"prepare", "", std::nullopt}}, 1000 * kMiB, 0.2);
  EXPECT_FALSE(plan.stages[0].fits);
  EXPECT_FALSE(plan.all_fit);
  EXPECT_FALSE(plan_memory({}, 1000 * kMiB, 0.2).all_fit);
}

}  // namespace
}  // namespace drawlens::gpu
