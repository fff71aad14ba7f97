// The libpng and libjpeg decoders give the same gray page as OpenCV's cv::imdecode(IMREAD_UNCHANGED)
// followed by to_gray8, which drawlens used before: over the real drawings in tests/data/real, and
// over PNGs and JPEGs written here in every colour type, bit depth and layout.
#include <gtest/gtest.h>
#include <jpeglib.h>
#include <png.h>

#include <algorithm>
#include <csetjmp>
#include <cstdlib>
#include <filesystem>
#include <random>

#include <opencv2/imgcodecs.hpp>

#include "load/decoders.h"
#include "load/load.h"
#include "support/fixtures.h"

namespace drawlens {
namespace {

using testing::Bytes;

void expect_same_page_as_opencv(const Bytes& bytes) {
  auto doc = load::load_memory(bytes.data(), bytes.size(), {}, "fixture");
  ASSERT_TRUE(doc.ok()) << doc.error().message;
  const cv::Mat encoded(1, static_cast<int>(bytes.size()), CV_8UC1, const_cast<std::uint8_t*>(bytes.data()));
  const cv::Mat opencv = cv::imdecode(encoded, cv::IMREAD_UNCHANGED);
  ASSERT_FALSE(opencv.empty());
  const cv::Mat expected = load::to_gray8(opencv);
  const cv::Mat& page = doc.value().pages.at(0).gray;
  ASSERT_EQ(page.size(), expected.size());
  ASSERT_EQ(page.type(), CV_8UC1);
  EXPECT_EQ(cv::norm(page, expected, cv::NORM_INF), 0) << cv::countNonZero(page != expected) << " pixels differ";
  EXPECT_TRUE(doc.value().pages[0].load_warnings.empty());
}

TEST(DecoderParity, RealPngAndJpegDrawings) {
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(testing::data_path("real"))) {
    std::string ext = entry.path().extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    if (ext != ".png" && ext != ".jpg" && ext != ".jpeg") continue;
    SCOPED_TRACE(entry.path().string());
    expect_same_page_as_opencv(testing::read_file(entry.path().string()));
    ++files;
  }
  EXPECT_GE(files, 4);  // edocr2: one PNG, three JPEGs
}

// ---- PNGs written with libpng, in layouts cv::imencode cannot write ----

struct PngLayout {
  const char* name;
  int color_type;
  int bit_depth;
  bool transparency;  // a tRNS chunk
  bool interlaced;
};

void append_to(png_structp png, png_bytep data, png_size_t size) {
  auto* out = static_cast<Bytes*>(png_get_io_ptr(png));
  out->insert(out->end(), data, data + size);
}

int channels_of(int color_type) {
  switch (color_type) {
    case PNG_COLOR_TYPE_GRAY_ALPHA: return 2;
    case PNG_COLOR_TYPE_RGB: return 3;
    case PNG_COLOR_TYPE_RGB_ALPHA: return 4;
    default: return 1;  // gray, palette index
  }
}

// Samples that cover the whole range of the bit depth, with a gradient so that the picture varies
// smoothly as well as randomly; packed rows as PNG stores them (big-endian 16-bit, MSB-first bits).
std::vector<Bytes> png_rows(const PngLayout& layout, int width, int height) {
  const int samples = width * channels_of(layout.color_type);
  const int max_value = (1 << layout.bit_depth) - 1;
  std::mt19937 random(static_cast<std::uint32_t>(layout.color_type * 100 + layout.bit_depth));
  std::vector<Bytes> rows(height, Bytes((samples * layout.bit_depth + 7) / 8, 0));
  for (int y = 0; y < height; ++y) {
    for (int i = 0; i < samples; ++i) {
      const int value =
          (y % 2 == 0) ? static_cast<int>(random() % (max_value + 1)) : (i * 37 + y * 11) % (max_value + 1);
      if (layout.bit_depth == 16) {
        rows[y][2 * i] = static_cast<std::uint8_t>(value >> 8);
        rows[y][2 * i + 1] = static_cast<std::uint8_t>(value & 0xff);
      } else {
        const int bit = i * layout.bit_depth;
        rows[y][bit / 8] |= static_cast<std::uint8_t>(value << (8 - layout.bit_depth - bit % 8));
      }
    }
  }
  return rows;
}

void describe_colours(png_structp png, png_infop info, const PngLayout& layout) {
  std::mt19937 random(99);
  if (layout.color_type == PNG_COLOR_TYPE_PALETTE) {
    std::vector<png_color> palette(1u << layout.bit_depth);
    for (auto& c : palette)
      c = {static_cast<png_byte>(random()), static_cast<png_byte>(random()), static_cast<png_byte>(random())};
    png_set_PLTE(png, info, palette.data(), static_cast<int>(palette.size()));
    if (layout.transparency) {
      std::vector<png_byte> alpha(palette.size() / 2 + 1);
      for (auto& a : alpha) a = static_cast<png_byte>(random());
      png_set_tRNS(png, info, alpha.data(), static_cast<int>(alpha.size()), nullptr);
    }
  } else if (layout.transparency) {
    png_color_16 colour{};
    colour.gray = colour.red = colour.green = colour.blue = 1;
    png_set_tRNS(png, info, nullptr, 0, &colour);
  }
}

Bytes write_png(const PngLayout& layout, int width, int height) {
  Bytes out;
  const std::vector<Bytes> rows = png_rows(layout, width, height);
  std::vector<png_const_bytep> row_pointers;
  for (const Bytes& row : rows) row_pointers.push_back(row.data());
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  png_infop info = png_create_info_struct(png);
  if (setjmp(png_jmpbuf(png))) {
    png_destroy_write_struct(&png, &info);
    return {};
  }
  png_set_write_fn(png, &out, append_to, nullptr);
  png_set_IHDR(png, info, width, height, layout.bit_depth, layout.color_type,
               layout.interlaced ? PNG_INTERLACE_ADAM7 : PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
               PNG_FILTER_TYPE_DEFAULT);
  describe_colours(png, info, layout);
  png_set_gAMA(png, info, 0.7);  // a gamma that OpenCV ignores; so must drawlens
  png_write_info(png, info);
  png_write_image(png, const_cast<png_bytepp>(row_pointers.data()));
  png_write_end(png, nullptr);
  png_destroy_write_struct(&png, &info);
  return out;
}

class EachPngLayout : public ::testing::TestWithParam<PngLayout> {};

TEST_P(EachPngLayout, SamePageAsOpenCv) {
  const Bytes png = write_png(GetParam(), 37, 23);  // odd width: rows end inside a byte
  ASSERT_FALSE(png.empty());
  expect_same_page_as_opencv(png);
}

constexpr int kGray = PNG_COLOR_TYPE_GRAY;
constexpr int kPalette = PNG_COLOR_TYPE_PALETTE;
constexpr int kGrayAlpha = PNG_COLOR_TYPE_GRAY_ALPHA;
constexpr int kRgb = PNG_COLOR_TYPE_RGB;
constexpr int kRgba = PNG_COLOR_TYPE_RGB_ALPHA;

INSTANTIATE_TEST_SUITE_P(
    Layouts, EachPngLayout,
    ::testing::Values(
        PngLayout{"gray1", kGray, 1, false, false}, PngLayout{"gray2", kGray, 2, false, false},
        PngLayout{"gray4", kGray, 4, false, false}, PngLayout{"gray8", kGray, 8, false, false},
        PngLayout{"gray16", kGray, 16, false, false}, PngLayout{"gray8_trns", kGray, 8, true, false},
        PngLayout{"gray16_trns", kGray, 16, true, false}, PngLayout{"palette1", kPalette, 1, false, false},
        PngLayout{"palette4", kPalette, 4, false, false}, PngLayout{"palette8", kPalette, 8, false, false},
        PngLayout{"palette2_trns", kPalette, 2, true, false}, PngLayout{"palette8_trns", kPalette, 8, true, false},
        PngLayout{"gray_alpha8", kGrayAlpha, 8, false, false}, PngLayout{"gray_alpha16", kGrayAlpha, 16, false, false},
        PngLayout{"rgb8", kRgb, 8, false, false}, PngLayout{"rgb8_trns", kRgb, 8, true, false},
        PngLayout{"rgb16", kRgb, 16, false, false}, PngLayout{"rgba8", kRgba, 8, false, false},
        PngLayout{"rgba16", kRgba, 16, false, false}, PngLayout{"gray1_interlaced", kGray, 1, false, true},
        PngLayout{"gray8_interlaced", kGray, 8, false, true},
        PngLayout{"palette8_trns_interlaced", kPalette, 8, true, true},
        PngLayout{"rgb16_interlaced", kRgb, 16, false, true}, PngLayout{"rgba8_interlaced", kRgba, 8, false, true}),
    [](const auto& info) { return std::string(info.param.name); });

// ---- JPEGs: OpenCV writes gray, YCbCr and progressive ones; libjpeg writes CMYK and YCCK ----

cv::Mat colour_drawing() {
  cv::Mat bgr(180, 250, CV_8UC3);
  cv::randu(bgr, 0, 256);
  const cv::Mat page = testing::make_drawing_page(250, 180);
  for (int c = 0; c < 3; ++c) {
    cv::Mat channel;
    cv::extractChannel(bgr, channel, c);
    channel = (channel / 4) + (page / 2);
    cv::insertChannel(channel, bgr, c);
  }
  return bgr;
}

Bytes imencode(const cv::Mat& image, const std::vector<int>& params) {
  Bytes out;
  EXPECT_TRUE(cv::imencode(".jpg", image, out, params));
  return out;
}

TEST(DecoderParity, GrayJpeg) {
  expect_same_page_as_opencv(imencode(testing::make_drawing_page(301, 207), {}));
}

TEST(DecoderParity, ColourJpeg) {
  expect_same_page_as_opencv(imencode(colour_drawing(), {cv::IMWRITE_JPEG_QUALITY, 80}));
}

TEST(DecoderParity, ProgressiveJpeg) {
  expect_same_page_as_opencv(imencode(colour_drawing(), {cv::IMWRITE_JPEG_PROGRESSIVE, 1}));
}

Bytes write_four_component_jpeg(J_COLOR_SPACE stored_as) {
  const cv::Mat bgr = colour_drawing();
  jpeg_compress_struct info{};
  jpeg_error_mgr errors{};
  info.err = jpeg_std_error(&errors);
  jpeg_create_compress(&info);
  unsigned char* buffer = nullptr;
  unsigned long size = 0;
  jpeg_mem_dest(&info, &buffer, &size);
  info.image_width = static_cast<JDIMENSION>(bgr.cols);
  info.image_height = static_cast<JDIMENSION>(bgr.rows);
  info.input_components = 4;
  info.in_color_space = JCS_CMYK;
  jpeg_set_defaults(&info);
  jpeg_set_colorspace(&info, stored_as);  // JCS_CMYK or JCS_YCCK; libjpeg adds the Adobe marker
  jpeg_start_compress(&info, TRUE);
  std::vector<std::uint8_t> row(static_cast<std::size_t>(bgr.cols) * 4);
  for (int y = 0; y < bgr.rows; ++y) {
    const auto* p = bgr.ptr<std::uint8_t>(y);
    for (int x = 0; x < bgr.cols; ++x) {
      const std::uint8_t k = static_cast<std::uint8_t>(std::max({p[3 * x], p[3 * x + 1], p[3 * x + 2]}));
      row[4 * x] = p[3 * x + 2];
      row[4 * x + 1] = p[3 * x + 1];
      row[4 * x + 2] = p[3 * x];
      row[4 * x + 3] = k;
    }
    JSAMPROW pointer = row.data();
    jpeg_write_scanlines(&info, &pointer, 1);
  }
  jpeg_finish_compress(&info);
  jpeg_destroy_compress(&info);
  Bytes out(buffer, buffer + size);
  std::free(buffer);  // allocated by libjpeg's jpeg_mem_dest
  return out;
}

TEST(DecoderParity, CmykJpeg) {
  expect_same_page_as_opencv(write_four_component_jpeg(JCS_CMYK));
}

TEST(DecoderParity, YcckJpeg) {
  expect_same_page_as_opencv(write_four_component_jpeg(JCS_YCCK));
}

}  // namespace
}  // namespace drawlens
