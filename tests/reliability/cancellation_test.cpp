// Deadlines and cancellation through the C ABI and the facade: a callback or a deadline stops an
// analysis with CANCELLED, no result, and a message naming where it stopped; bad run options are
// refused; without a stop the run options change nothing.
#include <atomic>
#include <chrono>
#include <string>
#include <thread>

#include <gtest/gtest.h>

#include "drawlens/drawlens.hpp"
#include "support/fixtures.h"

namespace {

using drawlens::testing::Bytes;

// Ten pages, each a drawing sheet with a text layer: long enough to stop in the middle.
const Bytes& ten_page_pdf() {
  static const Bytes pdf = drawlens::testing::make_pdf(10, 842, 595, {{"Ø25 H7", 100, 100}, {"60 ±0.1", 300, 200}});
  return pdf;
}

struct Poll {
  std::atomic<int> calls{0};
  int stop_after = 0;  // stop from this call on; 0 = never
};

int count_and_maybe_stop(void* user_data) {
  auto* poll = static_cast<Poll*>(user_data);
  const int call = ++poll->calls;
  return poll->stop_after > 0 && call >= poll->stop_after;
}

class Cancellation : public ::testing::Test {
 protected:
  void SetUp() override {
    drawlens_options options;
    drawlens_options_default(&options);
    options.pdf_dpi = 72;
    ASSERT_EQ(drawlens_pipeline_create(&options, &pipeline_), DRAWLENS_OK);
  }
  void TearDown() override { drawlens_pipeline_free(pipeline_); }

  drawlens_status analyze(const drawlens_run_options* run, drawlens_result** result) {
    return drawlens_analyze_memory_v2(pipeline_, ten_page_pdf().data(), ten_page_pdf().size(), run, result);
  }

  drawlens_pipeline* pipeline_ = nullptr;
};

TEST_F(Cancellation, CallbackStopsTheAnalysisWhereItSays) {
  for (const int stop_after : {1, 2, 5, 12, 25}) {
    Poll poll;
    poll.stop_after = stop_after;
    drawlens_run_options run;
    drawlens_run_options_default(&run);
    run.cancel = &count_and_maybe_stop;
    run.user_data = &poll;
    drawlens_result* result = reinterpret_cast<drawlens_result*>(&poll);  // must be reset to NULL
    EXPECT_EQ(analyze(&run, &result), DRAWLENS_CANCELLED) << "stop after " << stop_after;
    EXPECT_EQ(result, nullptr);
    const std::string message = drawlens_last_error();
    EXPECT_NE(message.find("cancel callback"), std::string::npos) << message;
    EXPECT_NE(message.find("cancelled before"), std::string::npos) << message;
  }
}

TEST_F(Cancellation, CallbackThatNeverStopsIsPolledAndChangesNothing) {
  Poll poll;
  drawlens_run_options run;
  drawlens_run_options_default(&run);
  run.cancel = &count_and_maybe_stop;
  run.user_data = &poll;
  drawlens_result* with_run = nullptr;
  drawlens_result* without = nullptr;
  ASSERT_EQ(analyze(&run, &with_run), DRAWLENS_OK) << drawlens_last_error();
  ASSERT_EQ(analyze(nullptr, &without), DRAWLENS_OK) << drawlens_last_error();
  // Before loading, then before each stage of each of 10 pages: rendering, preparation, layout,
  // detection, reading, annotation, tolerance analysis.
  EXPECT_EQ(poll.calls.load(), 1 + 10 * 7);
  size_t pages_with = 0, pages_without = 0;
  drawlens_result_page_count(with_run, &pages_with);
  drawlens_result_page_count(without, &pages_without);
  EXPECT_EQ(pages_with, 10u);
  EXPECT_EQ(pages_with, pages_without);
  drawlens_result_free(with_run);
  drawlens_result_free(without);
}

TEST_F(Cancellation, DeadlineStopsTheAnalysis) {
  drawlens_run_options run;
  drawlens_run_options_default(&run);
  run.timeout_ms = 1e-6;
  drawlens_result* result = nullptr;
  EXPECT_EQ(analyze(&run, &result), DRAWLENS_CANCELLED);
  EXPECT_EQ(result, nullptr);
  EXPECT_NE(std::string(drawlens_last_error()).find("deadline"), std::string::npos) << drawlens_last_error();
}

TEST_F(Cancellation, GenerousDeadlineLetsTheAnalysisFinish) {
  drawlens_run_options run;
  drawlens_run_options_default(&run);
  run.timeout_ms = 600000;
  drawlens_result* result = nullptr;
  EXPECT_EQ(analyze(&run, &result), DRAWLENS_OK) << drawlens_last_error();
  drawlens_result_free(result);
}

TEST_F(Cancellation, AnotherThreadCanCancel) {
  std::atomic<bool> stop{false};
  std::thread canceller([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    stop = true;
  });
  const drawlens::Pipeline pipeline(drawlens::Options().pdf_dpi(150));
  drawlens_status status = DRAWLENS_OK;
  try {
    // Analyses repeat until the stop lands in one of them.
    for (int i = 0; i < 1000 && status == DRAWLENS_OK; ++i) {
      pipeline.analyze(drawlens::Document::memory(ten_page_pdf().data(), ten_page_pdf().size()),
                       drawlens::RunOptions().cancel_when([&] { return stop.load(); }));
    }
  } catch (const drawlens::Error& e) {
    status = e.status();
  }
  canceller.join();
  EXPECT_EQ(status, DRAWLENS_CANCELLED);
}

TEST_F(Cancellation, ThrowingPredicateCountsAsStop) {
  const drawlens::Pipeline pipeline;
  try {
    pipeline.analyze(drawlens::Document::memory(ten_page_pdf().data(), ten_page_pdf().size()),
                     drawlens::RunOptions().cancel_when([]() -> bool { throw std::runtime_error("host failure"); }));
    FAIL() << "expected CANCELLED";
  } catch (const drawlens::Error& e) {
    EXPECT_EQ(e.status(), DRAWLENS_CANCELLED);
  }
}

TEST_F(Cancellation, BadRunOptionsAreRefused) {
  drawlens_run_options run;
  drawlens_run_options_default(&run);
  drawlens_result* result = nullptr;
  run.timeout_ms = -1;
  EXPECT_EQ(analyze(&run, &result), DRAWLENS_INVALID_ARGUMENT);
  EXPECT_NE(std::string(drawlens_last_error()).find("timeout_ms"), std::string::npos);
  run.timeout_ms = std::nan("");
  EXPECT_EQ(analyze(&run, &result), DRAWLENS_INVALID_ARGUMENT);
  drawlens_run_options_default(&run);
  run.struct_size = 3;
  EXPECT_EQ(analyze(&run, &result), DRAWLENS_ABI_MISMATCH);
  EXPECT_EQ(result, nullptr);
  (drawlens_run_options_default)(nullptr);  // ignored
  drawlens_run_options_default_sized(nullptr, sizeof(drawlens_run_options));
}

TEST_F(Cancellation, V2EntryPointsCheckTheirArguments) {
  drawlens_result* result = nullptr;
  EXPECT_EQ(drawlens_analyze_file_v2(pipeline_, nullptr, nullptr, &result), DRAWLENS_INVALID_ARGUMENT);
  EXPECT_EQ(drawlens_analyze_file_v2(nullptr, "x.png", nullptr, &result), DRAWLENS_INVALID_ARGUMENT);
  EXPECT_EQ(drawlens_analyze_memory_v2(pipeline_, nullptr, 10, nullptr, &result), DRAWLENS_INVALID_ARGUMENT);
  EXPECT_EQ(drawlens_analyze_pixels_v2(pipeline_, nullptr, 10, 10, DRAWLENS_PIXELS_GRAY8, 10, 0, nullptr, &result),
            DRAWLENS_INVALID_ARGUMENT);
  EXPECT_EQ(drawlens_analyze_memory_v2(pipeline_, "x", 1, nullptr, nullptr), DRAWLENS_INVALID_ARGUMENT);
  const std::vector<unsigned char> pixels(100 * 100, 255);
  drawlens_run_options run;
  drawlens_run_options_default(&run);
  run.timeout_ms = 1e-6;
  EXPECT_EQ(
      drawlens_analyze_pixels_v2(pipeline_, pixels.data(), 100, 100, DRAWLENS_PIXELS_GRAY8, 100, 0, &run, &result),
      DRAWLENS_CANCELLED);
}

}  // namespace
