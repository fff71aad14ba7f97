// The Pipeline: stage selection, timings, diagnostics, page-parallel results equal to serial ones,
// layout on drawing-like pages, and failures on worker threads turned into errors.
#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <new>
#include <set>
#include <stdexcept>
#include <thread>

#include <opencv2/core.hpp>

#include "pipeline/pipeline.h"
#include "support/fixtures.h"

namespace drawlens {
namespace {

Pipeline make(const PipelineOptions& options) {
  auto p = Pipeline::create(options);
  EXPECT_TRUE(p.ok()) << p.error().message;
  return std::move(p).value();
}

TEST(Pipeline, TimesEachStageThatRan) {
  const auto png = testing::encode(testing::make_drawing_page(1200, 850), ".png");
  auto analysis = make({}).analyze_memory(png.data(), png.size());
  ASSERT_TRUE(analysis.ok());
  std::vector<std::string> stages;
  for (const auto& [stage, ms] : analysis.value().timings_ms) {
    stages.push_back(stage);
    EXPECT_GE(ms, 0);
  }
  EXPECT_EQ(stages, (std::vector<std::string>{"load", "prepare", "layout", "detect", "read", "annotate", "tolerance",
                                              "total"}));
  EXPECT_TRUE(analysis.value().pages[0].detections.has_value());  // a raster page
  EXPECT_TRUE(analysis.value().pages[0].tolerances.has_value());
  EXPECT_TRUE(analysis.value().pages[0].layout.has_value());
  EXPECT_TRUE(analysis.value().pages[0].annotations.has_value());
  EXPECT_TRUE(analysis.value().pages[0].readings.has_value());
  ASSERT_FALSE(analysis.value().diagnostics.empty());
  EXPECT_NE(analysis.value().diagnostics[0].message.find("assumed"), std::string::npos);  // no dpi in the PNG
}

// 1654 x 2339 pixels stating a screen's 96 dpi are an A4 sheet at 200 dpi; the load stage says so.
TEST(Pipeline, TheLoadStageSaysWhenASheetGaveTheResolution) {
  PipelineOptions options;
  options.stages = StageSet();  // loading only
  const auto png = testing::encode_png_with_dpi(testing::make_drawing_page(1654, 2339), 96);
  auto analysis = make(options).analyze_memory(png.data(), png.size());
  ASSERT_TRUE(analysis.ok()) << analysis.error().message;
  EXPECT_EQ(analysis.value().pages[0].dpi, 200);
  EXPECT_EQ(analysis.value().pages[0].dpi_source, DpiSource::assumed);
  ASSERT_EQ(analysis.value().diagnostics.size(), 1u);
  EXPECT_EQ(analysis.value().diagnostics[0].stage, "load");
  EXPECT_NE(analysis.value().diagnostics[0].message.find("make an A4 sheet at 200 dpi, which is assumed"),
            std::string::npos)
      << analysis.value().diagnostics[0].message;
}

TEST(Pipeline, LayoutCanBeSwitchedOff) {
  PipelineOptions options;
  options.stages = StageSet::defaults().without(Stage::layout);
  const auto png = testing::encode(testing::make_drawing_page(600, 400), ".png");
  auto analysis = make(options).analyze_memory(png.data(), png.size());
  ASSERT_TRUE(analysis.ok());
  EXPECT_FALSE(analysis.value().pages[0].layout.has_value());
  EXPECT_TRUE(analysis.value().pages[0].annotations.has_value());
  std::vector<std::string> stages;
  for (const auto& timing : analysis.value().timings_ms) stages.push_back(timing.first);
  // prepare runs only for the stages that need it; detection reads the page, annotation the words.
  EXPECT_EQ(stages, (std::vector<std::string>{"load", "detect", "read", "annotate", "tolerance", "total"}));
}

TEST(Pipeline, AStagePullsInTheStagesItNeeds) {
  PipelineOptions options;
  options.stages = StageSet().with(Stage::layout);
  const Pipeline pipeline = make(options);
  EXPECT_TRUE(pipeline.options().stages.contains(Stage::load));
  EXPECT_TRUE(pipeline.options().stages.contains(Stage::prepare));
  EXPECT_FALSE(pipeline.options().stages.contains(Stage::annotate));
  const auto png = testing::encode(testing::make_drawing_page(600, 400), ".png");
  auto analysis = pipeline.analyze_memory(png.data(), png.size());
  ASSERT_TRUE(analysis.ok());
  EXPECT_TRUE(analysis.value().pages[0].layout.has_value());
  EXPECT_FALSE(analysis.value().pages[0].annotations.has_value());
}

TEST(Pipeline, StageNamesAreTheTimingKeys) {
  EXPECT_STREQ(stage_name(Stage::load), "load");
  EXPECT_STREQ(stage_name(Stage::prepare), "prepare");
  EXPECT_STREQ(stage_name(Stage::layout), "layout");
  EXPECT_STREQ(stage_name(Stage::annotate), "annotate");
}

// Whatever a stage throws on a worker thread (an OpenCV error, bad_alloc, anything) comes back as
// the analysis's error naming the stage and page, never std::terminate in the host.
TEST(Pipeline, AThrowOnAWorkerThreadBecomesAnError) {
  std::vector<cv::Mat> pages;
  for (int i = 0; i < 6; ++i) pages.push_back(testing::make_drawing_page(500, 350));
  const auto tiff = testing::make_multipage_tiff(pages);
  struct Case {
    std::function<void()> thrower;
    Status status;
    std::string text;
  };
  const std::vector<Case> cases = {
      {[] { throw std::runtime_error("boom"); }, Status::internal, "boom"},
      {[] { throw std::bad_alloc(); }, Status::out_of_memory, "out of memory"},
      {[] { throw cv::Exception(-215, "assertion", "fn", "file", 1); }, Status::internal, "OpenCV error"},
      {[] { throw 42; }, Status::internal, "unknown exception"},
  };
  for (const Case& c : cases) {
    bool armed = true;
    PipelineOptions options;
    options.threads = 3;
    options.on_stage = [&](Stage stage, int page) {
      if (armed && stage == Stage::layout && page == 4) c.thrower();
    };
    const Pipeline pipeline = make(options);
    auto analysis = pipeline.analyze_memory(tiff.data(), tiff.size());
    ASSERT_FALSE(analysis.ok());
    EXPECT_EQ(analysis.error().status, c.status);
    EXPECT_EQ(analysis.error().message.rfind("layout of page 5: ", 0), 0u) << analysis.error().message;
    EXPECT_NE(analysis.error().message.find(c.text), std::string::npos) << analysis.error().message;
    // The pipeline and its workers are still good.
    armed = false;
    EXPECT_TRUE(pipeline.analyze_memory(tiff.data(), tiff.size()).ok());
  }
}

// The pool is created with the pipeline: however many host threads call at once, stages only run
// on its workers, so the busy threads stay bounded.
TEST(Pipeline, ManyCallersShareTheBoundedPool) {
  std::mutex mutex;
  std::set<std::thread::id> stage_threads;
  std::atomic<int> running{0}, most_running{0};
  PipelineOptions options;
  options.threads = 2;
  options.on_stage = [&](Stage, int) {
    const int now = ++running;
    int seen = most_running.load();
    while (now > seen && !most_running.compare_exchange_weak(seen, now)) {
    }
    {
      std::lock_guard<std::mutex> lock(mutex);
      stage_threads.insert(std::this_thread::get_id());
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
    --running;
  };
  const Pipeline pipeline = make(options);
  EXPECT_EQ(pipeline.worker_count(), 2);
  const auto png = testing::encode(testing::make_drawing_page(400, 300), ".png");
  std::vector<std::thread> callers;
  std::atomic<int> good{0};
  for (int t = 0; t < 8; ++t) {
    callers.emplace_back([&] {
      for (int k = 0; k < 3; ++k) good += pipeline.analyze_memory(png.data(), png.size()).ok() ? 1 : 0;
    });
  }
  for (auto& caller : callers) caller.join();
  EXPECT_EQ(good.load(), 24);
  EXPECT_LE(most_running.load(), 2);
  EXPECT_LE(stage_threads.size(), 2u);
  for (auto& caller : callers) EXPECT_EQ(stage_threads.count(caller.get_id()), 0u);
}

TEST(Pipeline, ParallelPagesEqualSerialPages) {
  std::vector<cv::Mat> pages;
  for (int i = 0; i < 4; ++i) pages.push_back(testing::make_drawing_page(1400 + 100 * i, 1000));
  const auto tiff = testing::make_multipage_tiff(pages);
  PipelineOptions serial, parallel;
  serial.threads = 1;
  parallel.threads = 4;
  auto a = make(serial).analyze_memory(tiff.data(), tiff.size());
  auto b = make(parallel).analyze_memory(tiff.data(), tiff.size());
  ASSERT_TRUE(a.ok() && b.ok());
  ASSERT_EQ(a.value().pages.size(), 4u);
  for (std::size_t i = 0; i < 4; ++i) {
    ASSERT_TRUE(a.value().pages[i].layout && b.value().pages[i].layout);
    const auto& la = *a.value().pages[i].layout;
    const auto& lb = *b.value().pages[i].layout;
    ASSERT_TRUE(la.border && lb.border);
    EXPECT_EQ(*la.border, *lb.border);
    ASSERT_TRUE(la.title_block && lb.title_block);
    EXPECT_EQ(la.title_block->box, lb.title_block->box);
    EXPECT_EQ(la.title_block->cells.size(), lb.title_block->cells.size());
  }
}

// Pages are decoded as workers reach them, so a document with several bad pages must still report
// the lowest-numbered one, whatever the scheduling.
TEST(Pipeline, SeveralBadPagesReportTheFirstWhateverTheThreads) {
  std::vector<cv::Mat> pages;
  for (int i = 0; i < 8; ++i) pages.push_back(testing::make_drawing_page(i == 3 || i == 6 ? 1500 : 300, 700));
  const auto tiff = testing::make_multipage_tiff(pages);
  PipelineOptions options;
  options.load.limits.max_megapixels = 1.0;  // pages 4 and 7 are 1.05 MP
  options.threads = 4;
  const Pipeline pipeline = make(options);
  for (int run = 0; run < 20; ++run) {
    auto analysis = pipeline.analyze_memory(tiff.data(), tiff.size());
    ASSERT_FALSE(analysis.ok());
    EXPECT_EQ(analysis.error().status, Status::limit_exceeded);
    EXPECT_NE(analysis.error().message.find("page 4 is 1500x700"), std::string::npos) << analysis.error().message;
  }
}

TEST(Pipeline, PageRangeSelectsSourcePages) {
  std::vector<cv::Mat> pages;
  for (int i = 0; i < 5; ++i) pages.push_back(testing::make_drawing_page(400 + 100 * i, 300));
  const auto tiff = testing::make_multipage_tiff(pages);
  PipelineOptions options;
  options.load.first_page = 2;
  options.load.last_page = 4;
  options.threads = 2;
  auto analysis = make(options).analyze_memory(tiff.data(), tiff.size());
  ASSERT_TRUE(analysis.ok()) << analysis.error().message;
  EXPECT_EQ(analysis.value().page_count, 5);
  ASSERT_EQ(analysis.value().pages.size(), 3u);
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(analysis.value().pages[i].index, i + 1);
    EXPECT_EQ(analysis.value().pages[i].width, 500 + 100 * i);
  }
}

TEST(Pipeline, TitleBlockCellsGetTextLayerWords) {
  // The real sample drawing's title block carries "DWG. NO." in its PDF text layer.
  auto analysis = make({}).analyze_file(testing::data_path("real/edocr2_Aufspannung.PDF"));
  ASSERT_TRUE(analysis.ok()) << analysis.error().message;
  ASSERT_TRUE(analysis.value().pages[0].layout.has_value());
  const auto& layout = *analysis.value().pages[0].layout;
  ASSERT_TRUE(layout.title_block.has_value());
  bool found = false;
  for (const auto& cell : layout.title_block->cells) found = found || cell.text.find("DWG") != std::string::npos;
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace drawlens
