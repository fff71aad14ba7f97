// Progress reports through the C ABI and the facade: one report per finished stage of each page,
// steps numbered 1..total once each, from several worker threads; none after a stop; a throwing
// facade callback changes nothing.
#include <algorithm>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "drawlens/drawlens.hpp"
#include "support/fixtures.h"

namespace {

using drawlens::testing::Bytes;

const Bytes& six_page_pdf() {
  static const Bytes pdf = drawlens::testing::make_pdf(6, 842, 595, {{"Ø25 H7", 100, 100}, {"60 ±0.1", 300, 200}});
  return pdf;
}

struct Reports {
  std::mutex mutex;
  std::vector<drawlens_progress> seen;
  std::vector<std::string> stages;
  int stop_after = 0;  // the cancel callback says stop once this many reports came; 0 = never
};

void record(const drawlens_progress* progress, void* user_data) {
  auto* reports = static_cast<Reports*>(user_data);
  const std::lock_guard lock(reports->mutex);
  reports->seen.push_back(*progress);
  reports->stages.emplace_back(progress->stage);
}

int stop_when_enough(void* user_data) {
  auto* reports = static_cast<Reports*>(user_data);
  const std::lock_guard lock(reports->mutex);
  return reports->stop_after > 0 && static_cast<int>(reports->seen.size()) >= reports->stop_after;
}

class Progress : public ::testing::Test {
 protected:
  void SetUp() override {
    drawlens_options options;
    drawlens_options_default(&options);
    options.pdf_dpi = 72;
    ASSERT_EQ(drawlens_pipeline_create(&options, &pipeline_), DRAWLENS_OK) << drawlens_last_error();
  }
  void TearDown() override { drawlens_pipeline_free(pipeline_); }

  drawlens_status analyze(Reports& reports, drawlens_result** result) {
    drawlens_run_options run;
    drawlens_run_options_default(&run);
    run.progress = &record;
    run.progress_user_data = &reports;
    run.cancel = &stop_when_enough;
    run.user_data = &reports;
    return drawlens_analyze_memory_v2(pipeline_, six_page_pdf().data(), six_page_pdf().size(), &run, result);
  }

  drawlens_pipeline* pipeline_ = nullptr;
};

TEST_F(Progress, EveryStageOfEveryPageIsReportedOnce) {
  Reports reports;
  drawlens_result* result = nullptr;
  ASSERT_EQ(analyze(reports, &result), DRAWLENS_OK) << drawlens_last_error();
  drawlens_result_free(result);
  ASSERT_FALSE(reports.seen.empty());
  const int total = reports.seen.front().steps_total;
  EXPECT_EQ(static_cast<int>(reports.seen.size()), total);
  EXPECT_EQ(total % 6, 0) << "pages x stages";
  std::vector<int> steps;
  std::set<std::pair<int, std::string>> page_stages;
  for (std::size_t k = 0; k < reports.seen.size(); ++k) {
    const drawlens_progress& p = reports.seen[k];
    EXPECT_EQ(p.struct_size, sizeof(drawlens_progress));
    EXPECT_EQ(p.page_count, 6);
    EXPECT_EQ(p.steps_total, total);
    EXPECT_GE(p.page, 0);
    EXPECT_LT(p.page, 6);
    steps.push_back(p.steps_done);
    EXPECT_TRUE(page_stages.insert({p.page, reports.stages[k]}).second)
        << "page " << p.page << " " << reports.stages[k];
  }
  std::sort(steps.begin(), steps.end());
  for (int k = 0; k < total; ++k) EXPECT_EQ(steps[static_cast<std::size_t>(k)], k + 1);
  const std::set<std::string> stages(reports.stages.begin(), reports.stages.end());
  EXPECT_EQ(static_cast<int>(stages.size()) * 6, total);
  EXPECT_TRUE(stages.count("layout") && stages.count("annotate")) << "stages reported: " << stages.size();
}

TEST_F(Progress, AStopEndsTheReports) {
  Reports reports;
  reports.stop_after = 3;
  drawlens_result* result = nullptr;
  EXPECT_EQ(analyze(reports, &result), DRAWLENS_CANCELLED);
  EXPECT_EQ(result, nullptr);
  const std::lock_guard lock(reports.mutex);
  // Workers already inside a stage when the stop came finish it (one per worker at most).
  EXPECT_GE(reports.seen.size(), 3u);
  EXPECT_LT(static_cast<int>(reports.seen.size()), reports.seen.front().steps_total);
}

TEST(ProgressFacade, ReportsArriveAndAThrowingCallbackChangesNothing) {
  const drawlens::Pipeline pipeline(drawlens::Options().pdf_dpi(72));
  const auto document = drawlens::Document::memory(six_page_pdf().data(), six_page_pdf().size());
  std::mutex mutex;
  std::vector<drawlens::Progress> seen;
  const drawlens::Result plain = pipeline.analyze(document);
  const drawlens::Result reported = pipeline.analyze(document, drawlens::RunOptions().on_progress([&](const auto& p) {
    const std::lock_guard lock(mutex);
    seen.push_back(p);
  }));
  ASSERT_FALSE(seen.empty());
  EXPECT_EQ(static_cast<int>(seen.size()), seen.front().steps_total);
  EXPECT_EQ(reported.page_count(), plain.page_count());
  const drawlens::Result thrown = pipeline.analyze(
      document, drawlens::RunOptions().on_progress([](const drawlens::Progress&) { throw std::runtime_error("no"); }));
  EXPECT_EQ(thrown.page_count(), plain.page_count());
  EXPECT_EQ(thrown.page(0).dimensions.size(), plain.page(0).dimensions.size());
}

}  // namespace
