// Loading stage: turns a path, a memory buffer or caller pixels into a Document, detecting the
// format from magic bytes and refusing over-limit input before decoding it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "core/document.h"
#include "core/status.h"
#include "core/stop_token.h"

namespace drawlens::load {

struct Limits {
  double max_megapixels = 150.0;                // per page; A0 at 300 dpi is 139 MP
  int max_pages = 500;                          // pages selected for decoding
  std::uint64_t max_file_bytes = 512ull << 20;  // encoded input size
};

struct Options {
  double pdf_dpi = 300.0;      // PDF rendering resolution
  double assumed_dpi = 300.0;  // reported for raster input without resolution metadata
  int first_page = 1;          // 1-based, inclusive
  int last_page = 0;           // 1-based, inclusive; 0 means the last page
  Limits limits;
};

// Checks every field's range; the message names the offending field and its allowed range.
Result<bool> validate(const Options& options);

enum class PixelFormat { gray8 = 1, rgb8 = 3, rgba8 = 4 };

// Multi-page documents poll `stop` before each page and return CANCELLED when it says so.
Result<Document> load_file(const std::string& path, const Options& options, const StopToken& stop = {});

// name appears in messages only (may be empty).
Result<Document> load_memory(const std::uint8_t* data, std::size_t size, const Options& options,
                             const std::string& name = {}, const StopToken& stop = {});

// Copies caller pixels (rows `stride` bytes apart) into a one-page Document.
Result<Document> load_pixels(const std::uint8_t* pixels, int width, int height, PixelFormat format, std::size_t stride,
                             double dpi, const Options& options);

}  // namespace drawlens::load
