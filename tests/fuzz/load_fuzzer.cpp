// libFuzzer target for the loading stage: bytes from strangers as PNG, JPEG, TIFF, BMP, WebP or
// PDF (the format is sniffed, so every decoder is reached). Limits are tight so that each input
// stays cheap; the limit checks themselves are under test too.
#include <cstddef>
#include <cstdint>

#include "load/load.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  drawlens::load::Options options;
  options.pdf_dpi = 36;
  options.limits.max_megapixels = 4;
  options.limits.max_pages = 3;
  auto doc = drawlens::load::load_memory(data, size, options);
  if (doc.ok()) {
    for (const drawlens::Page& page : doc.value().pages) {
      // A loaded page must be what the contract says: 8-bit gray, inside the limit.
      if (page.gray.type() != CV_8UC1 || page.gray.total() > 4'000'000) __builtin_trap();
    }
  }
  return 0;
}
