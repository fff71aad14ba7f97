// Resource limits as a host meets them through the C ABI: decompression bombs, a PDF of 10,000
// pages, a page over the megapixel limit and a 1 GB file are refused with LIMIT_EXCEEDED and a
// message naming the limit, before anything is decoded (time and memory: limits_benchmark).
#include <string>

#include <gtest/gtest.h>

#include "drawlens/drawlens.h"
#include "hostile_inputs.h"
#include "support/fixtures.h"

namespace {

using drawlens::hostile::Bytes;

class Limits : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(drawlens_pipeline_create(nullptr, &pipeline_), DRAWLENS_OK); }
  void TearDown() override { drawlens_pipeline_free(pipeline_); }

  drawlens_status analyze(const Bytes& bytes) {
    drawlens_result* result = nullptr;
    const drawlens_status status = drawlens_analyze_memory(pipeline_, bytes.data(), bytes.size(), &result);
    EXPECT_EQ(result, nullptr);
    drawlens_result_free(result);
    return status;
  }

  drawlens_pipeline* pipeline_ = nullptr;
};

TEST_F(Limits, PngBombIsRefusedFromItsHeader) {
  const Bytes bomb = drawlens::hostile::png_bomb(100000, 100000);  // 10 GP in under 100 bytes
  ASSERT_LT(bomb.size(), 200u);
  EXPECT_EQ(analyze(bomb), DRAWLENS_LIMIT_EXCEEDED);
  EXPECT_NE(std::string(drawlens_last_error()).find("max_megapixels"), std::string::npos) << drawlens_last_error();
}

TEST_F(Limits, TiffBombIsRefusedFromItsDirectory) {
  EXPECT_EQ(analyze(drawlens::hostile::tiff_bomb(60000, 60000)), DRAWLENS_LIMIT_EXCEEDED);
  EXPECT_NE(std::string(drawlens_last_error()).find("max_megapixels"), std::string::npos) << drawlens_last_error();
}

TEST_F(Limits, PageOf200MegapixelsIsRefused) {
  EXPECT_EQ(analyze(drawlens::hostile::png_bomb(20000, 10000)), DRAWLENS_LIMIT_EXCEEDED);
  // A PDF sheet of 4800 x 3000 pt renders to 20000 x 12500 px (250 MP) at the default 300 dpi.
  EXPECT_EQ(analyze(drawlens::hostile::pdf_with_pages(1, 4800, 3000)), DRAWLENS_LIMIT_EXCEEDED);
  EXPECT_NE(std::string(drawlens_last_error()).find("max_megapixels"), std::string::npos) << drawlens_last_error();
}

// Fuzzer finding: a media box of 7e77 points overflowed the cast that printed it in the message.
TEST_F(Limits, PageWithAbsurdMediaBoxIsRefused) {
  EXPECT_EQ(analyze(drawlens::hostile::pdf_with_pages(1, 7e77, 7e77)), DRAWLENS_LIMIT_EXCEEDED);
  EXPECT_NE(std::string(drawlens_last_error()).find("over 10^15"), std::string::npos) << drawlens_last_error();
}

TEST_F(Limits, PdfOfTenThousandPagesIsRefused) {
  EXPECT_EQ(analyze(drawlens::hostile::pdf_with_pages(10000)), DRAWLENS_LIMIT_EXCEEDED);
  EXPECT_NE(std::string(drawlens_last_error()).find("max_pages"), std::string::npos) << drawlens_last_error();
}

TEST_F(Limits, PdfOfTenThousandPagesIsReadWhenTheRangeIsSmall) {
  drawlens_options options;
  drawlens_options_default(&options);
  options.first_page = 9999;
  options.last_page = 10000;
  options.pdf_dpi = 36;
  drawlens_pipeline* pipeline = nullptr;
  ASSERT_EQ(drawlens_pipeline_create(&options, &pipeline), DRAWLENS_OK);
  const Bytes pdf = drawlens::hostile::pdf_with_pages(10000);
  drawlens_result* result = nullptr;
  ASSERT_EQ(drawlens_analyze_memory(pipeline, pdf.data(), pdf.size(), &result), DRAWLENS_OK) << drawlens_last_error();
  size_t pages = 0;
  EXPECT_EQ(drawlens_result_page_count(result, &pages), DRAWLENS_OK);
  EXPECT_EQ(pages, 2u);
  drawlens_result_free(result);
  drawlens_pipeline_free(pipeline);
}

TEST_F(Limits, FileOfOneGigabyteIsRefusedWithoutReadingIt) {
  const std::string path = drawlens::testing::temp_path("one_gigabyte.png");
  if (!drawlens::hostile::make_sparse_file(path, 1ull << 30)) GTEST_SKIP() << "no sparse files here";
  drawlens_result* result = nullptr;
  EXPECT_EQ(drawlens_analyze_file(pipeline_, path.c_str(), &result), DRAWLENS_LIMIT_EXCEEDED);
  EXPECT_NE(std::string(drawlens_last_error()).find("max_file_bytes"), std::string::npos) << drawlens_last_error();
  EXPECT_EQ(result, nullptr);
  std::remove(path.c_str());
}

TEST_F(Limits, TightLimitsAreHonoured) {
  drawlens_options options;
  drawlens_options_default(&options);
  options.max_megapixels = 0.5;
  options.max_file_bytes = 1000;
  drawlens_pipeline* pipeline = nullptr;
  ASSERT_EQ(drawlens_pipeline_create(&options, &pipeline), DRAWLENS_OK);
  const Bytes page = drawlens::testing::encode(drawlens::testing::make_drawing_page(1000, 700), ".png");
  drawlens_result* result = nullptr;
  EXPECT_EQ(drawlens_analyze_memory(pipeline, page.data(), page.size(), &result), DRAWLENS_LIMIT_EXCEEDED);
  EXPECT_NE(std::string(drawlens_last_error()).find("max_file_bytes"), std::string::npos) << drawlens_last_error();
  drawlens_pipeline_free(pipeline);
}

}  // namespace
