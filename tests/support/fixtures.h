// Test fixtures made in the test: drawing-like pages, encoded files of every format, PDFs with a
// known text layer (cairo), multi-page TIFFs (libtiff), and temporary files.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <opencv2/core/mat.hpp>

namespace drawlens::testing {

using Bytes = std::vector<std::uint8_t>;

// A white page with a drawing frame and a ruled title block in its bottom-right corner.
cv::Mat make_drawing_page(int width, int height);

// ext: ".png", ".jpg", ".bmp", ".webp", ".tiff"
Bytes encode(const cv::Mat& image, const std::string& ext);

// PNG bytes with a pHYs chunk declaring dpi.
Bytes encode_png_with_dpi(const cv::Mat& image, double dpi);

Bytes make_multipage_tiff(const std::vector<cv::Mat>& pages);

struct PdfWord {
  std::string text;
  double x_pt, y_pt;  // text baseline origin, points from the top-left
};

// A PDF of `pages` pages (width x height points); every page carries `words` in DejaVu Sans 12 pt.
Bytes make_pdf(int pages, double width_pt, double height_pt, const std::vector<PdfWord>& words);

// One line of UTF-8 text lettered in `family` (cairo, antialiased) at `em_pixels`, black on white,
// with a margin of a fifth of the em: a crop as a detector would cut it from a clean export.
cv::Mat letter_crop(const std::string& text, const std::string& family, double em_pixels);

std::string temp_path(const std::string& name);
std::string write_temp(const std::string& name, const Bytes& bytes);
Bytes read_file(const std::string& path);

// Path of a committed fixture under tests/data.
std::string data_path(const std::string& name);

}  // namespace drawlens::testing
