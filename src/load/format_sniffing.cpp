// Magic-byte signatures of the formats drawlens reads.
#include "load/format_sniffing.h"

#include <cstring>

namespace drawlens::load {
namespace {

bool starts_with(const std::uint8_t* data, std::size_t size, const char* magic, std::size_t n) {
  return size >= n && std::memcmp(data, magic, n) == 0;
}

// PDF readers accept the header anywhere in the first 1024 bytes (ISO 32000-1, annex H.3).
bool has_pdf_header(const std::uint8_t* data, std::size_t size) {
  const std::size_t window = size < 1024 ? size : 1024;
  for (std::size_t i = 0; i + 5 <= window; ++i) {
    if (std::memcmp(data + i, "%PDF-", 5) == 0) return true;
  }
  return false;
}

}  // namespace

std::optional<Format> sniff_format(const std::uint8_t* data, std::size_t size) {
  if (starts_with(data, size, "\x89PNG\r\n\x1a\n", 8)) return Format::png;
  if (starts_with(data, size, "\xff\xd8\xff", 3)) return Format::jpeg;
  if (starts_with(data, size, "II*\0", 4) || starts_with(data, size, "MM\0*", 4)) return Format::tiff;
  if (starts_with(data, size, "BM", 2) && size >= 26) return Format::bmp;
  if (size >= 12 && std::memcmp(data, "RIFF", 4) == 0 && std::memcmp(data + 8, "WEBP", 4) == 0) return Format::webp;
  if (has_pdf_header(data, size)) return Format::pdf;
  return std::nullopt;
}

}  // namespace drawlens::load
