// Builds the fixtures declared in fixtures.h.
#include "support/fixtures.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <tiffio.h>
#include <zlib.h>

#include <cmath>
#include <fstream>
#include <stdexcept>

#include <gtest/gtest.h>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace drawlens::testing {

cv::Mat make_drawing_page(int width, int height) {
  cv::Mat page(height, width, CV_8UC1, cv::Scalar(255));
  const int margin = width / 30, thick = std::max(2, width / 800);
  const cv::Rect frame(margin, margin, width - 2 * margin, height - 2 * margin);
  cv::rectangle(page, frame, cv::Scalar(0), thick);
  // Title block: 3 rows x 4 columns in the bottom-right corner, touching the frame.
  const int tb_w = width / 3, tb_h = height / 8;
  const int x0 = frame.br().x - tb_w, y0 = frame.br().y - tb_h;
  for (int r = 0; r <= 3; ++r) cv::line(page, {x0, y0 + r * tb_h / 3}, {frame.br().x, y0 + r * tb_h / 3}, 0, thick);
  for (int c = 0; c <= 4; ++c) cv::line(page, {x0 + c * tb_w / 4, y0}, {x0 + c * tb_w / 4, frame.br().y}, 0, thick);
  for (int r = 0; r < 3; ++r) {
    for (int c = 0; c < 4; ++c) {
      cv::putText(page, "A" + std::to_string(r * 4 + c), {x0 + c * tb_w / 4 + 8, y0 + (r + 1) * tb_h / 3 - 10},
                  cv::FONT_HERSHEY_SIMPLEX, width / 2400.0, 0, std::max(1, thick / 2));
    }
  }
  // A part outline and a circle, as a view would have.
  cv::rectangle(page, cv::Rect(width / 5, height / 5, width / 4, height / 5), 0, thick);
  cv::circle(page, {width / 5 + width / 8, height / 5 + height / 10}, height / 20, 0, thick);
  return page;
}

Bytes encode(const cv::Mat& image, const std::string& ext) {
  Bytes out;
  if (!cv::imencode(ext, image, out)) throw std::runtime_error("imencode failed for " + ext);
  return out;
}

namespace {

void put_be32(Bytes& b, std::uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) b.push_back(static_cast<std::uint8_t>(v >> shift));
}

}  // namespace

Bytes encode_png_with_dpi(const cv::Mat& image, double dpi) {
  Bytes png = encode(image, ".png");
  Bytes chunk;
  put_be32(chunk, 9);
  const char type[] = "pHYs";
  chunk.insert(chunk.end(), type, type + 4);
  const auto ppm = static_cast<std::uint32_t>(dpi / 0.0254 + 0.5);
  put_be32(chunk, ppm);
  put_be32(chunk, ppm);
  chunk.push_back(1);  // unit: metre
  const auto crc = static_cast<std::uint32_t>(crc32(0, chunk.data() + 4, 4 + 9));
  put_be32(chunk, crc);
  const std::size_t after_ihdr = 8 + 12 + 13;
  png.insert(png.begin() + static_cast<std::ptrdiff_t>(after_ihdr), chunk.begin(), chunk.end());
  return png;
}

Bytes make_multipage_tiff(const std::vector<cv::Mat>& pages) {
  const std::string path = temp_path("multipage.tiff");
  TIFF* tif = TIFFOpen(path.c_str(), "w");
  if (tif == nullptr) throw std::runtime_error("cannot create " + path);
  for (const cv::Mat& page : pages) {
    TIFFSetField(tif, TIFFTAG_IMAGEWIDTH, page.cols);
    TIFFSetField(tif, TIFFTAG_IMAGELENGTH, page.rows);
    TIFFSetField(tif, TIFFTAG_SAMPLESPERPIXEL, 1);
    TIFFSetField(tif, TIFFTAG_BITSPERSAMPLE, 8);
    TIFFSetField(tif, TIFFTAG_PHOTOMETRIC, PHOTOMETRIC_MINISBLACK);
    TIFFSetField(tif, TIFFTAG_PLANARCONFIG, PLANARCONFIG_CONTIG);
    TIFFSetField(tif, TIFFTAG_COMPRESSION, COMPRESSION_DEFLATE);
    TIFFSetField(tif, TIFFTAG_XRESOLUTION, 200.0f);
    TIFFSetField(tif, TIFFTAG_YRESOLUTION, 200.0f);
    TIFFSetField(tif, TIFFTAG_RESOLUTIONUNIT, RESUNIT_INCH);
    TIFFSetField(tif, TIFFTAG_SUBFILETYPE, FILETYPE_PAGE);
    for (int y = 0; y < page.rows; ++y)
      TIFFWriteScanline(tif, const_cast<std::uint8_t*>(page.ptr<std::uint8_t>(y)), y, 0);
    TIFFWriteDirectory(tif);
  }
  TIFFClose(tif);
  return read_file(path);
}

namespace {

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<Bytes*>(closure)->insert(static_cast<Bytes*>(closure)->end(), data, data + length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

Bytes make_pdf(int pages, double width_pt, double height_pt, const std::vector<PdfWord>& words) {
  Bytes out;
  cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(append_bytes, &out, width_pt, height_pt);
  cairo_t* cr = cairo_create(surface);
  for (int p = 0; p < pages; ++p) {
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_set_source_rgb(cr, 0, 0, 0);
    cairo_set_line_width(cr, 1.0);
    cairo_rectangle(cr, 20, 20, width_pt - 40, height_pt - 40);
    cairo_stroke(cr);
    cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, 12);
    for (const PdfWord& w : words) {
      cairo_move_to(cr, w.x_pt, w.y_pt);
      cairo_show_text(cr, w.text.c_str());
    }
    cairo_show_page(cr);
  }
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  cairo_surface_destroy(surface);
  return out;
}

cv::Mat letter_crop(const std::string& text, const std::string& family, double em_pixels) {
  cairo_surface_t* probe = cairo_image_surface_create(CAIRO_FORMAT_A8, 1, 1);
  cairo_t* measure = cairo_create(probe);
  cairo_select_font_face(measure, family.c_str(), CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size(measure, em_pixels);
  cairo_text_extents_t extents;
  cairo_text_extents(measure, text.c_str(), &extents);
  cairo_destroy(measure);
  cairo_surface_destroy(probe);
  const double margin = em_pixels / 5;
  const int width = static_cast<int>(std::ceil(extents.x_advance + 2 * margin));
  const int height = static_cast<int>(std::ceil(em_pixels * 1.2 + 2 * margin));
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_A8, width, height);
  cairo_t* cr = cairo_create(surface);
  cairo_select_font_face(cr, family.c_str(), CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size(cr, em_pixels);
  cairo_move_to(cr, margin, margin + em_pixels * 0.95);
  cairo_show_text(cr, text.c_str());
  cairo_destroy(cr);
  cairo_surface_flush(surface);
  const cv::Mat alpha(height, width, CV_8UC1, cairo_image_surface_get_data(surface),
                      static_cast<std::size_t>(cairo_image_surface_get_stride(surface)));
  cv::Mat crop = 255 - alpha;
  cairo_surface_destroy(surface);
  return crop;
}

std::string temp_path(const std::string& name) {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  const std::string prefix = info != nullptr ? std::string(info->test_suite_name()) + "_" + info->name() + "_" : "";
  return ::testing::TempDir() + "drawlens_" + prefix + name;
}

std::string write_temp(const std::string& name, const Bytes& bytes) {
  const std::string path = temp_path(name);
  std::ofstream out(path, std::ios::binary);
  out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
  return path;
}

Bytes read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return Bytes(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::string data_path(const std::string& name) {
  return std::string(DRAWLENS_TEST_DATA_DIR) + "/" + name;
}

}  // namespace drawlens::testing
