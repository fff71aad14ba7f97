// The header-only C++ facade: RAII handles, value results, errors thrown as drawlens::Error.
#include <gtest/gtest.h>

#include <type_traits>

#include "drawlens/drawlens.hpp"
#include "support/fixtures.h"

namespace {

static_assert(!std::is_copy_constructible_v<drawlens::Pipeline>, "pipelines are move-only");
static_assert(std::is_nothrow_move_constructible_v<drawlens::Pipeline>);
static_assert(!std::is_copy_constructible_v<drawlens::Result>, "results are move-only");

TEST(Facade, AnalyzesMemoryIntoValueTypes) {
  const auto png = drawlens::testing::encode(drawlens::testing::make_drawing_page(2000, 1400), ".png");
  const drawlens::Pipeline pipeline(drawlens::Options().threads(1));
  const drawlens::Result result = pipeline.analyze(drawlens::Document::memory(png.data(), png.size()));
  ASSERT_EQ(result.page_count(), 1u);
  const drawlens::Page page = result.page(0);
  EXPECT_EQ(page.width, 2000);
  ASSERT_TRUE(page.border.has_value());
  ASSERT_TRUE(page.title_block.has_value());
  EXPECT_EQ(page.title_block->rows, 3);
  EXPECT_EQ(page.title_block->cols, 4);
  EXPECT_NE(result.json().find("\"title_block\""), std::string::npos);
}

TEST(Facade, FailuresThrowErrorWithStatus) {
  const drawlens::Pipeline pipeline;
  try {
    pipeline.analyze(drawlens::Document::file("/no/such/drawing.tif"));
    FAIL() << "expected drawlens::Error";
  } catch (const drawlens::Error& e) {
    EXPECT_EQ(e.status(), DRAWLENS_IO);
    EXPECT_STREQ(e.status_name(), "DRAWLENS_IO");
    EXPECT_NE(std::string(e.what()).find("/no/such/drawing.tif"), std::string::npos);
  }
  EXPECT_THROW(drawlens::Pipeline(drawlens::Options().pdf_dpi(5)), drawlens::Error);
}

TEST(Facade, PipelineMovesKeepWorking) {
  drawlens::Pipeline a;
  drawlens::Pipeline b = std::move(a);
  const auto png = drawlens::testing::encode(drawlens::testing::make_drawing_page(300, 200), ".png");
  EXPECT_EQ(b.analyze(drawlens::Document::memory(png.data(), png.size())).page_count(), 1u);
}

TEST(Facade, OverlayIsPng) {
  const auto png = drawlens::testing::encode(drawlens::testing::make_drawing_page(800, 600), ".png");
  const drawlens::Pipeline pipeline(drawlens::Options().keep_page_images(true));
  const auto overlay = pipeline.analyze(drawlens::Document::memory(png.data(), png.size())).overlay_png(0);
  ASSERT_GT(overlay.size(), 8u);
  EXPECT_EQ(overlay[1], 'P');
}

}  // namespace
