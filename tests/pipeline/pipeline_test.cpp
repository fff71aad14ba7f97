// The Pipeline: stage selection, timings, diagnostics, page-parallel results equal to serial ones,
// and layout on drawing-like pages.
#include <gtest/gtest.h>

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
  EXPECT_EQ(stages, (std::vector<std::string>{"load", "layout", "annotate", "total"}));
  EXPECT_TRUE(analysis.value().pages[0].layout_ran);
  EXPECT_TRUE(analysis.value().pages[0].annotations_ran);
  ASSERT_EQ(analysis.value().diagnostics.size(), 2u);
  EXPECT_NE(analysis.value().diagnostics[0].message.find("assumed"), std::string::npos);  // no dpi in the PNG
  EXPECT_NE(analysis.value().diagnostics[1].message.find("no text layer"), std::string::npos);
}

TEST(Pipeline, LayoutCanBeSwitchedOff) {
  PipelineOptions options;
  options.run_layout = false;
  const auto png = testing::encode(testing::make_drawing_page(600, 400), ".png");
  auto analysis = make(options).analyze_memory(png.data(), png.size());
  ASSERT_TRUE(analysis.ok());
  EXPECT_FALSE(analysis.value().pages[0].layout_ran);
  EXPECT_FALSE(analysis.value().pages[0].layout.border.has_value());
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
    const auto& la = a.value().pages[i].layout;
    const auto& lb = b.value().pages[i].layout;
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
  const auto& layout = analysis.value().pages[0].layout;
  ASSERT_TRUE(layout.title_block.has_value());
  bool found = false;
  for (const auto& cell : layout.title_block->cells) found = found || cell.text.find("DWG") != std::string::npos;
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace drawlens
