// Loading raster formats: sizes, pages, dpi, formats sniffed from bytes, and every kind of bad input.
#include <gtest/gtest.h>

#include <random>

#include "load/load.h"
#include "support/fixtures.h"

namespace drawlens {
namespace {

using testing::Bytes;

Result<Document> load(const Bytes& bytes, const load::Options& options = {}) {
  return load::load_memory(bytes.data(), bytes.size(), options, "fixture");
}

class EachRasterFormat : public ::testing::TestWithParam<std::pair<const char*, Format>> {};

TEST_P(EachRasterFormat, LoadsWithRightSizeAndFormat) {
  const cv::Mat page = testing::make_drawing_page(1200, 850);
  auto doc = load(testing::encode(page, GetParam().first));
  ASSERT_TRUE(doc.ok()) << doc.error().message;
  EXPECT_EQ(doc.value().format, GetParam().second);
  ASSERT_EQ(doc.value().pages.size(), 1u);
  const Page& p = doc.value().pages[0];
  EXPECT_EQ(p.gray.cols, 1200);
  EXPECT_EQ(p.gray.rows, 850);
  EXPECT_EQ(p.gray.type(), CV_8UC1);
  EXPECT_TRUE(p.words.empty());
  // The frame line near the left edge is ink, the page centre-left margin is paper.
  EXPECT_LT(p.gray.at<std::uint8_t>(425, 40), 128);
  EXPECT_GT(p.gray.at<std::uint8_t>(425, 10), 200);
}

INSTANTIATE_TEST_SUITE_P(Formats, EachRasterFormat,
                         ::testing::Values(std::make_pair(".png", Format::png), std::make_pair(".jpg", Format::jpeg),
                                           std::make_pair(".bmp", Format::bmp), std::make_pair(".webp", Format::webp),
                                           std::make_pair(".tiff", Format::tiff)));

TEST(RasterLoading, FormatComesFromBytesNotName) {
  const Bytes png = testing::encode(testing::make_drawing_page(300, 200), ".png");
  const std::string path = testing::write_temp("really_a_png.pdf", png);
  auto doc = load::load_file(path, {});
  ASSERT_TRUE(doc.ok()) << doc.error().message;
  EXPECT_EQ(doc.value().format, Format::png);
  EXPECT_EQ(doc.value().name, path);
}

TEST(RasterLoading, PngResolutionFromPhysChunk) {
  auto doc = load(testing::encode_png_with_dpi(testing::make_drawing_page(300, 200), 150));
  ASSERT_TRUE(doc.ok()) << doc.error().message;
  EXPECT_NEAR(doc.value().pages[0].dpi, 150, 0.1);
  EXPECT_EQ(doc.value().pages[0].dpi_source, DpiSource::file);
}

TEST(RasterLoading, NoResolutionMetadataUsesAssumedDpi) {
  load::Options options;
  options.assumed_dpi = 200;
  auto doc = load(testing::encode(testing::make_drawing_page(300, 200), ".png"), options);
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc.value().pages[0].dpi, 200);
  EXPECT_EQ(doc.value().pages[0].dpi_source, DpiSource::assumed);
}

// 1654 x 2339 pixels make an A4 sheet at 200 dpi; at a screen's 96 dpi they would be 438 x 619 mm.
TEST(RasterLoading, AScreensResolutionOnAStandardSheetGivesWayToTheSheets) {
  auto doc = load(testing::encode_png_with_dpi(testing::make_drawing_page(1654, 2339), 96));
  ASSERT_TRUE(doc.ok()) << doc.error().message;
  const Page& page = doc.value().pages[0];
  EXPECT_EQ(page.dpi, 200);
  EXPECT_EQ(page.dpi_source, DpiSource::assumed);
  EXPECT_TRUE(page.load_warnings.empty());  // they are for damage; the load stage explains the dpi
}

TEST(RasterLoading, NoResolutionOnAStandardSheetTakesTheSheets) {
  load::Options options;
  options.assumed_dpi = 300;
  auto doc = load(testing::encode(testing::make_drawing_page(3308, 2339), ".png"), options);  // A3, 200 dpi
  ASSERT_TRUE(doc.ok()) << doc.error().message;
  EXPECT_EQ(doc.value().pages[0].dpi, 200);
  EXPECT_EQ(doc.value().pages[0].dpi_source, DpiSource::assumed);
}

TEST(RasterLoading, AResolutionThatIsNoScreensIsTakenWhateverTheSize) {
  auto doc = load(testing::encode_png_with_dpi(testing::make_drawing_page(1654, 2339), 150));
  ASSERT_TRUE(doc.ok()) << doc.error().message;
  EXPECT_NEAR(doc.value().pages[0].dpi, 150, 0.1);
  EXPECT_EQ(doc.value().pages[0].dpi_source, DpiSource::file);
  EXPECT_TRUE(doc.value().pages[0].load_warnings.empty());
}

TEST(RasterLoading, AScreensResolutionOnNoStandardSheetIsTaken) {
  auto doc = load(testing::encode_png_with_dpi(testing::make_drawing_page(300, 200), 96));
  ASSERT_TRUE(doc.ok()) << doc.error().message;
  EXPECT_NEAR(doc.value().pages[0].dpi, 96, 0.1);
  EXPECT_EQ(doc.value().pages[0].dpi_source, DpiSource::file);
  EXPECT_TRUE(doc.value().pages[0].load_warnings.empty());
}

TEST(SheetResolution, StandardSheetsAtUsualResolutionsEitherWayUp) {
  const auto a4 = load::sheet_resolution(2480, 3508);  // also A2 at 150 dpi: 300 is the commoner
  ASSERT_TRUE(a4.has_value());
  EXPECT_EQ(a4->dpi, 300);
  EXPECT_EQ(a4->sheet, "A4");
  const auto landscape = load::sheet_resolution(3508, 2480);
  ASSERT_TRUE(landscape.has_value());
  EXPECT_EQ(landscape->dpi, 300);
  const auto letter = load::sheet_resolution(2200, 1700);
  ASSERT_TRUE(letter.has_value());
  EXPECT_EQ(letter->dpi, 200);
  EXPECT_EQ(letter->sheet, "ANSI A");
  const auto ansi_d = load::sheet_resolution(6800, 4400);  // ANSI D at 200 dpi (ANSI B at 400)
  ASSERT_TRUE(ansi_d.has_value());
  EXPECT_EQ(ansi_d->dpi, 200);
  EXPECT_EQ(ansi_d->sheet, "ANSI D");
  EXPECT_FALSE(load::sheet_resolution(1000, 1000).has_value());
  EXPECT_FALSE(load::sheet_resolution(2480, 3300).has_value());  // 6 % short of A4's long side
  EXPECT_FALSE(load::sheet_resolution(0, 0).has_value());
  EXPECT_FALSE(load::sheet_resolution(-2480, -3508).has_value());
}

TEST(RasterLoading, TransparentBackgroundBecomesWhitePaper) {
  cv::Mat bgra(100, 100, CV_8UC4, cv::Scalar(0, 0, 0, 0));  // black but fully transparent
  bgra(cv::Rect(40, 40, 20, 20)).setTo(cv::Scalar(0, 0, 0, 255));
  auto doc = load(testing::encode(bgra, ".png"));
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc.value().pages[0].gray.at<std::uint8_t>(5, 5), 255);
  EXPECT_EQ(doc.value().pages[0].gray.at<std::uint8_t>(50, 50), 0);
}

TEST(RasterLoading, MultiPageTiffLoadsEveryPageAndHonoursRange) {
  std::vector<cv::Mat> pages;
  for (int i = 0; i < 3; ++i) pages.push_back(testing::make_drawing_page(400 + 100 * i, 300));
  const Bytes tiff = testing::make_multipage_tiff(pages);
  auto all = load(tiff);
  ASSERT_TRUE(all.ok()) << all.error().message;
  EXPECT_EQ(all.value().page_count, 3);
  ASSERT_EQ(all.value().pages.size(), 3u);
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(all.value().pages[i].gray.cols, 400 + 100 * i);
    EXPECT_EQ(all.value().pages[i].index, i);
    EXPECT_NEAR(all.value().pages[i].dpi, 200, 0.01);
  }
  load::Options second_only;
  second_only.first_page = 2;
  second_only.last_page = 2;
  auto one = load(tiff, second_only);
  ASSERT_TRUE(one.ok());
  ASSERT_EQ(one.value().pages.size(), 1u);
  EXPECT_EQ(one.value().pages[0].index, 1);
  EXPECT_EQ(one.value().pages[0].gray.cols, 500);
}

// Opening checks the document and counts its pages; each page is decoded only when asked for, so
// a bad page is found when it is reached and the pages before it are usable.
TEST(OpenedDocument, DecodesPagesOnDemand) {
  std::vector<cv::Mat> pages{testing::make_drawing_page(300, 200), testing::make_drawing_page(2000, 1000),
                             testing::make_drawing_page(500, 200)};
  const Bytes tiff = testing::make_multipage_tiff(pages);
  load::Options options;
  options.limits.max_megapixels = 1.0;  // only the second page is over it
  auto opened = load::open_memory(tiff.data(), tiff.size(), options, "three.tiff");
  ASSERT_TRUE(opened.ok()) << opened.error().message;
  const load::OpenedDocument& doc = opened.value();
  EXPECT_EQ(doc.format(), Format::tiff);
  EXPECT_EQ(doc.page_count(), 3);
  EXPECT_EQ(doc.selected_count(), 3);
  EXPECT_EQ(doc.name(), "three.tiff");
  EXPECT_EQ(doc.bytes(), tiff.size());
  auto third = doc.decode_page(2);
  ASSERT_TRUE(third.ok()) << third.error().message;
  EXPECT_EQ(third.value().index, 2);
  EXPECT_EQ(third.value().gray.cols, 500);
  auto second = doc.decode_page(1);
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.error().status, Status::limit_exceeded);
  EXPECT_NE(second.error().message.find("'three.tiff' page 2"), std::string::npos) << second.error().message;
  auto first = doc.decode_page(0);
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first.value().gray.cols, 300);
}

TEST(OpenedDocument, PagesOutsideTheSelectionAreRefused) {
  std::vector<cv::Mat> pages(4, testing::make_drawing_page(300, 200));
  const Bytes tiff = testing::make_multipage_tiff(pages);
  load::Options options;
  options.first_page = 2;
  options.last_page = 3;
  auto opened = load::open_memory(tiff.data(), tiff.size(), options);
  ASSERT_TRUE(opened.ok());
  const load::OpenedDocument& doc = opened.value();
  EXPECT_EQ(doc.selected_count(), 2);
  EXPECT_EQ(doc.source_index(0), 1);
  EXPECT_EQ(doc.decode_page(1).value().index, 2);
  for (int outside : {-1, 2}) {
    auto page = doc.decode_page(outside);
    ASSERT_FALSE(page.ok());
    EXPECT_EQ(page.error().status, Status::invalid_argument);
    EXPECT_NE(page.error().message.find("2 selected"), std::string::npos) << page.error().message;
  }
}

TEST(RasterLoading, EmptyInputIsEmptyInput) {
  auto doc = load(Bytes{});
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.error().status, Status::empty_input);
  EXPECT_NE(doc.error().message.find("fixture"), std::string::npos);
}

TEST(RasterLoading, EmptyFileIsEmptyInput) {
  auto doc = load::load_file(testing::write_temp("empty.png", {}), {});
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.error().status, Status::empty_input);
}

TEST(RasterLoading, RandomBytesAreUnsupportedFormat) {
  std::mt19937 rng(42);
  Bytes noise(4096);
  for (auto& b : noise) b = static_cast<std::uint8_t>(rng());
  noise[0] = 'x';
  auto doc = load(noise);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.error().status, Status::unsupported_format);
}

TEST(RasterLoading, CorruptImageDataIsDecodeError) {
  Bytes png = testing::encode(testing::make_drawing_page(400, 300), ".png");
  for (std::size_t i = 60; i < png.size() - 20; ++i) png[i] ^= 0x5a;  // keep header and IEND
  auto doc = load(png);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.error().status, Status::decode);
}

class EachTruncatedFormat : public ::testing::TestWithParam<const char*> {};

TEST_P(EachTruncatedFormat, IsTruncated) {
  Bytes bytes = testing::encode(testing::make_drawing_page(800, 600), GetParam());
  bytes.resize(bytes.size() / 2);
  auto doc = load(bytes);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.error().status, Status::truncated) << doc.error().message;
  EXPECT_NE(doc.error().message.find("fixture"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Formats, EachTruncatedFormat, ::testing::Values(".png", ".jpg", ".tiff", ".bmp", ".webp"));

TEST(RasterLoading, HugePngHeaderIsRefusedBeforeDecoding) {
  Bytes png = testing::encode(cv::Mat(8, 8, CV_8UC1, cv::Scalar(255)), ".png");
  const std::uint32_t side = 100000;
  for (int k = 0; k < 2; ++k) {
    for (int b = 0; b < 4; ++b) png[16 + 4 * k + b] = static_cast<std::uint8_t>(side >> (24 - 8 * b));
  }
  auto doc = load(png);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.error().status, Status::limit_exceeded);
  EXPECT_NE(doc.error().message.find("100000x100000"), std::string::npos) << doc.error().message;
}

TEST(RasterLoading, FileOverByteLimitIsRefused) {
  load::Options options;
  options.limits.max_file_bytes = 100;
  const std::string path =
      testing::write_temp("big.png", testing::encode(testing::make_drawing_page(300, 200), ".png"));
  auto doc = load::load_file(path, options);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.error().status, Status::limit_exceeded);
  EXPECT_NE(doc.error().message.find("max_file_bytes"), std::string::npos);
}

TEST(RasterLoading, TiffPagesOverLimitAreRefused) {
  load::Options options;
  options.limits.max_pages = 2;
  std::vector<cv::Mat> pages(3, testing::make_drawing_page(200, 100));
  auto doc = load(testing::make_multipage_tiff(pages), options);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.error().status, Status::limit_exceeded);
  EXPECT_NE(doc.error().message.find("max_pages"), std::string::npos);
}

TEST(RasterLoading, MissingFileIsIoError) {
  auto doc = load::load_file("/nonexistent/drawing.png", {});
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.error().status, Status::io);
  EXPECT_NE(doc.error().message.find("/nonexistent/drawing.png"), std::string::npos);
}

TEST(RasterLoading, DirectoryIsIoError) {
  auto doc = load::load_file(::testing::TempDir(), {});
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.error().status, Status::io);
  EXPECT_NE(doc.error().message.find("directory"), std::string::npos);
}

TEST(PixelLoading, GrayRgbRgbaWithStride) {
  const int w = 50, h = 40;
  std::vector<std::uint8_t> rgba(static_cast<std::size_t>(h) * (w * 4 + 16), 255);
  rgba[(10 * (w * 4 + 16)) + 20 * 4 + 3] = 255;
  rgba[(10 * (w * 4 + 16)) + 20 * 4 + 0] = 0;  // a red-free pixel: darker in gray
  auto doc = load::load_pixels(rgba.data(), w, h, load::PixelFormat::rgba8, w * 4 + 16, 0, {});
  ASSERT_TRUE(doc.ok()) << doc.error().message;
  EXPECT_EQ(doc.value().pages[0].gray.cols, w);
  EXPECT_LT(doc.value().pages[0].gray.at<std::uint8_t>(10, 20), 255);
  EXPECT_EQ(doc.value().pages[0].gray.at<std::uint8_t>(11, 20), 255);
  auto bad_stride = load::load_pixels(rgba.data(), w, h, load::PixelFormat::rgba8, w, 0, {});
  ASSERT_FALSE(bad_stride.ok());
  EXPECT_EQ(bad_stride.error().status, Status::invalid_argument);
}

TEST(LoadOptions, OutOfRangeValuesAreNamed) {
  load::Options options;
  options.pdf_dpi = 5000;
  auto v = load::validate(options);
  ASSERT_FALSE(v.ok());
  EXPECT_NE(v.error().message.find("pdf_dpi"), std::string::npos);
  options = {};
  options.first_page = 0;
  EXPECT_FALSE(load::validate(options).ok());
  options = {};
  options.first_page = 3;
  options.last_page = 2;
  EXPECT_FALSE(load::validate(options).ok());
  EXPECT_TRUE(load::validate(load::Options{}).ok());
}

// Fuzzer finding: a 404-byte TIFF whose directory made libtiff ask for gigabytes of strip buffer.
// It must fail as a decode error, with memory bounded by the megapixel limit.
TEST(TiffLoading, DirectoryAskingForHugeStripBufferIsRefused) {
  const auto bytes = testing::read_file(DRAWLENS_TEST_DATA_DIR "/../fuzz/corpus/load/regression-tiff-strip-buffer-oom");
  ASSERT_EQ(bytes.size(), 404u);
  load::Options options;
  options.limits.max_megapixels = 4;
  auto doc = load::load_memory(bytes.data(), bytes.size(), options);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.error().status, Status::decode) << doc.error().message;
}

}  // namespace
}  // namespace drawlens
