// Layout on real drawings (tests/data/real): what a user of these files must get.
#include <gtest/gtest.h>

#include "drawlens/drawlens.hpp"
#include "support/fixtures.h"

namespace {

drawlens::Result analyze(const std::string& name) {
  static const drawlens::Pipeline pipeline(drawlens::Options().pdf_dpi(200));
  return pipeline.analyze(drawlens::Document::file(drawlens::testing::data_path("real/" + name)));
}

TEST(RealDrawings, SolidWorksPdfHasFrameAndTitleBlockWithText) {
  const auto page = analyze("edocr2_Aufspannung.PDF").page(0);
  ASSERT_TRUE(page.border.has_value());
  EXPECT_GT(page.border->width, page.width * 8 / 10);
  ASSERT_TRUE(page.title_block.has_value());
  // The title block sits in the lower part of the frame.
  EXPECT_GT(page.title_block->box.y, page.height / 2);
  bool has_drawing_number = false;
  for (const auto& cell : page.title_block->cells) {
    has_drawing_number = has_drawing_number || cell.text.find("Micro_Vu-4.20") != std::string::npos;
  }
  EXPECT_TRUE(has_drawing_number);
}

TEST(RealDrawings, RasterDrawingsHaveFrameAndTitleBlock) {
  for (const char* name : {"edocr2_Candle_holder.jpg", "edocr2_example_dwg.png"}) {
    const auto page = analyze(name).page(0);
    EXPECT_TRUE(page.border.has_value()) << name;
    ASSERT_TRUE(page.title_block.has_value()) << name;
    EXPECT_GE(page.title_block->cells.size(), 6u) << name;
    EXPECT_GT(page.title_block->box.y + page.title_block->box.height, page.height * 3 / 4) << name;
  }
}

TEST(RealDrawings, FreeTextTitleSheetsGetNoRuledTitleBlock) {
  for (const char* name : {"odri_motor_shaft.PDF", "odri_center_pulley_at3_t10.PDF", "nist_ftc_11_asme1_rb.pdf"}) {
    const auto result = analyze(name);
    for (const auto& page : result.pages()) EXPECT_FALSE(page.title_block.has_value()) << name << " p" << page.index;
  }
}

TEST(RealDrawings, RotatedNistPagesRenderLandscape) {
  const auto result = analyze("nist_ftc_11_asme1_rb.pdf");
  ASSERT_EQ(result.page_count(), 2u);
  const auto page = result.page(0);
  EXPECT_GT(page.width, page.height);
  EXPECT_GT(page.words.size(), 20u);
}

}  // namespace
