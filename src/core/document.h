// A loaded document: its pages as 8-bit gray images with their resolution and, for PDFs, the
// words of the text layer in page pixels.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <opencv2/core/mat.hpp>

#include "core/geometry.h"

namespace drawlens {

enum class Format { png, jpeg, tiff, bmp, webp, pdf, pixels };

const char* format_name(Format format);

// Where a page's dpi came from: PDF rendering, the image file's metadata, the caller (pixel
// input), or the configured default.
enum class DpiSource { render, file, caller, assumed };

const char* dpi_source_name(DpiSource source);

struct Word {
  std::string text;  // UTF-8
  Box box;           // page pixels
  int rotation = 0;  // reading direction in degrees counter-clockwise from horizontal: 0, 90, 180, 270
};

struct Page {
  int index = 0;  // 0-based page number in the source document
  cv::Mat gray;   // CV_8UC1, dark ink on light paper
  double dpi = 0;
  DpiSource dpi_source = DpiSource::assumed;
  std::vector<Word> words;  // PDF text layer; empty for raster input
  // Damage the decoder worked around, each naming the input; reported as load warnings.
  std::vector<std::string> load_warnings;
};

struct Document {
  std::string name;  // file name for path input, empty otherwise
  Format format = Format::pixels;
  std::uint64_t bytes = 0;  // size of the encoded input
  int page_count = 0;       // pages in the source (the loaded pages may be a subset)
  std::vector<Page> pages;
};

}  // namespace drawlens
