// Loading PDFs: rendering at a chosen dpi, the text layer as words with boxes in page pixels,
// page ranges, and encrypted, zero-page, truncated and corrupt files.
#include <gtest/gtest.h>

#include <opencv2/core.hpp>

#include "load/load.h"
#include "support/fixtures.h"

namespace drawlens {
namespace {

using testing::Bytes;

constexpr double kA4WidthPt = 595.0, kA4HeightPt = 842.0;

Result<Document> load(const Bytes& bytes, const load::Options& options = {}) {
  return load::load_memory(bytes.data(), bytes.size(), options, "test.pdf");
}

const Word* find_word(const Page& page, const std::string& text) {
  for (const Word& w : page.words) {
    if (w.text == text) return &w;
  }
  return nullptr;
}

TEST(PdfLoading, RendersAtRequestedDpi) {
  const Bytes pdf = testing::make_pdf(1, kA4WidthPt, kA4HeightPt, {});
  for (double dpi : {72.0, 150.0, 300.0}) {
    load::Options options;
    options.pdf_dpi = dpi;
    auto doc = load(pdf, options);
    ASSERT_TRUE(doc.ok()) << doc.error().message;
    const Page& p = doc.value().pages[0];
    EXPECT_NEAR(p.gray.cols, kA4WidthPt * dpi / 72, 1.0);
    EXPECT_NEAR(p.gray.rows, kA4HeightPt * dpi / 72, 1.0);
    EXPECT_EQ(p.dpi, dpi);
    EXPECT_EQ(p.dpi_source, DpiSource::render);
    // The frame drawn 20 pt from the left edge is ink.
    const int frame_x = static_cast<int>(20 * dpi / 72 + 0.5);
    EXPECT_LT(p.gray.at<std::uint8_t>(p.gray.rows / 2, frame_x), 160);
  }
}

TEST(PdfLoading, TextLayerWordsAndBoxesMatchTheDrawnText) {
  const std::vector<testing::PdfWord> words = {
      {"Ø25", 100, 200}, {"H7", 140, 200}, {"SCALE", 400, 700}, {"1:2", 460, 700}};
  load::Options options;
  options.pdf_dpi = 200;
  auto doc = load(testing::make_pdf(1, kA4WidthPt, kA4HeightPt, words), options);
  ASSERT_TRUE(doc.ok()) << doc.error().message;
  const Page& page = doc.value().pages[0];
  const double scale = 200.0 / 72.0;
  for (const auto& expected : words) {
    const Word* w = find_word(page, expected.text);
    ASSERT_NE(w, nullptr) << "missing word " << expected.text;
    // The box starts at the pen position and holds the 12 pt glyphs above the baseline.
    EXPECT_NEAR(w->box.x, expected.x_pt * scale, 3 * scale);
    EXPECT_LE(w->box.y, expected.y_pt * scale);
    EXPECT_GE(w->box.bottom(), expected.y_pt * scale - 2 * scale);
    EXPECT_NEAR(w->box.height, 12 * scale, 6 * scale);
    EXPECT_EQ(w->rotation, 0);
    // Ink lies inside the word's box.
    const cv::Mat crop = page.gray(cv::Rect(w->box.x, w->box.y, w->box.width, w->box.height));
    double min_value = 255;
    cv::minMaxLoc(crop, &min_value);
    EXPECT_LT(min_value, 100);
  }
}

TEST(PdfLoading, EveryPageAndPageRanges) {
  const Bytes pdf = testing::make_pdf(4, 300, 200, {{"x", 50, 50}});
  auto all = load(pdf);
  ASSERT_TRUE(all.ok()) << all.error().message;
  EXPECT_EQ(all.value().page_count, 4);
  EXPECT_EQ(all.value().pages.size(), 4u);
  load::Options range;
  range.first_page = 2;
  range.last_page = 3;
  auto some = load(pdf, range);
  ASSERT_TRUE(some.ok());
  ASSERT_EQ(some.value().pages.size(), 2u);
  EXPECT_EQ(some.value().pages[0].index, 1);
  EXPECT_EQ(some.value().pages[1].index, 2);
  range.first_page = 9;
  range.last_page = 0;
  auto outside = load(pdf, range);
  ASSERT_FALSE(outside.ok());
  EXPECT_EQ(outside.error().status, Status::invalid_argument);
}

TEST(PdfLoading, PageOverMegapixelLimitIsRefusedBeforeRendering) {
  load::Options options;
  options.pdf_dpi = 1200;
  options.limits.max_megapixels = 50;  // A4 at 1200 dpi is 139 MP
  auto doc = load(testing::make_pdf(1, kA4WidthPt, kA4HeightPt, {}), options);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.error().status, Status::limit_exceeded);
  EXPECT_NE(doc.error().message.find("page 1"), std::string::npos);
}

TEST(PdfLoading, EncryptedPdfIsEncrypted) {
  auto doc = load(testing::read_file(testing::data_path("encrypted.pdf")));
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.error().status, Status::encrypted) << doc.error().message;
}

TEST(PdfLoading, ZeroPagePdfHasNoPages) {
  auto doc = load(testing::read_file(testing::data_path("zero_pages.pdf")));
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.error().status, Status::no_pages) << doc.error().message;
  EXPECT_NE(doc.error().message.find("test.pdf"), std::string::npos);
}

TEST(PdfLoading, TruncatedPdfIsTruncated) {
  Bytes pdf = testing::make_pdf(2, 300, 200, {{"x", 50, 50}});
  pdf.resize(pdf.size() * 2 / 3);
  auto doc = load(pdf);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.error().status, Status::truncated);
}

TEST(PdfLoading, GarbageAfterHeaderIsDecodeError) {
  std::string text = "%PDF-1.7\n";
  for (int i = 0; i < 200; ++i) text += "garbage that is not a pdf object ";
  text += "\n%%EOF\n";
  auto doc = load(Bytes(text.begin(), text.end()));
  ASSERT_FALSE(doc.ok());
  EXPECT_TRUE(doc.error().status == Status::decode || doc.error().status == Status::no_pages) << doc.error().message;
}

}  // namespace
}  // namespace drawlens
