// Header parsing for PNG (IHDR, pHYs), JPEG (SOFn, JFIF density), BMP (info header) and WebP
// (VP8/VP8L/VP8X) following each format's specification.
#include "load/raster_header.h"

#include "load/decoders.h"

#include <cstring>

namespace drawlens::load {
namespace {

constexpr double kMetersPerInch = 0.0254;
constexpr double kCentimetersPerInch = 2.54;

std::uint32_t be32(const std::uint8_t* p) {
  return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) | p[3];
}
std::uint16_t be16(const std::uint8_t* p) {
  return static_cast<std::uint16_t>((p[0] << 8) | p[1]);
}
std::uint32_t le32(const std::uint8_t* p) {
  return (std::uint32_t{p[3]} << 24) | (std::uint32_t{p[2]} << 16) | (std::uint32_t{p[1]} << 8) | p[0];
}
std::uint32_t le24(const std::uint8_t* p) {
  return (std::uint32_t{p[2]} << 16) | (std::uint32_t{p[1]} << 8) | p[0];
}
std::uint16_t le16(const std::uint8_t* p) {
  return static_cast<std::uint16_t>((p[1] << 8) | p[0]);
}

Error cut_off(const char* what) {
  return make_error(Status::truncated, std::string("file ends inside the ") + what);
}
Error malformed(const char* what) {
  return make_error(Status::decode, std::string("malformed ") + what);
}

Result<RasterHeader> png_header(const std::uint8_t* d, std::size_t n) {
  if (n < 33) return cut_off("PNG header");
  if (std::memcmp(d + 12, "IHDR", 4) != 0) return malformed("PNG header: first chunk is not IHDR");
  RasterHeader h;
  const std::uint32_t w = be32(d + 16), ht = be32(d + 20);
  if (w == 0 || ht == 0 || w > 0x7fffffffu || ht > 0x7fffffffu) return malformed("PNG header: invalid size");
  h.width = static_cast<int>(w);
  h.height = static_cast<int>(ht);
  // pHYs must precede the first IDAT (PNG spec 11.3.5.3).
  for (std::size_t pos = 8; pos + 12 <= n;) {
    const std::uint32_t length = be32(d + pos);
    const std::uint8_t* type = d + pos + 4;
    if (std::memcmp(type, "IDAT", 4) == 0) break;
    if (std::memcmp(type, "pHYs", 4) == 0 && length >= 9 && pos + 8 + 9 <= n && d[pos + 16] == 1) {
      h.dpi = be32(d + pos + 8) * kMetersPerInch;
    }
    if (length > n) break;
    pos += 12 + static_cast<std::size_t>(length);
  }
  return h;
}

bool is_sof_marker(std::uint8_t m) {
  return m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC;
}

Result<RasterHeader> jpeg_header(const std::uint8_t* d, std::size_t n) {
  RasterHeader h;
  std::size_t pos = 2;
  while (pos + 4 <= n) {
    if (d[pos] != 0xFF) return malformed("JPEG: expected a marker");
    const std::uint8_t marker = d[pos + 1];
    if (marker == 0xFF) {  // fill byte
      ++pos;
      continue;
    }
    const std::size_t length = be16(d + pos + 2);
    if (length < 2) return malformed("JPEG: segment length below 2");
    if (pos + 2 + length > n) return cut_off("JPEG header");
    const std::uint8_t* seg = d + pos + 4;
    if (marker == 0xE0 && length >= 14 && std::memcmp(seg, "JFIF\0", 5) == 0) {
      const std::uint8_t units = seg[7];
      const double density = be16(seg + 8);
      if (units == 1) h.dpi = density;
      if (units == 2) h.dpi = density * kCentimetersPerInch;
    }
    if (is_sof_marker(marker)) {
      if (length < 7) return malformed("JPEG frame header");
      h.height = be16(seg + 1);
      h.width = be16(seg + 3);
      if (h.width == 0 || h.height == 0) return malformed("JPEG frame header: zero size");
      return h;
    }
    if (marker == 0xDA) break;  // scan data without a frame header
    pos += 2 + length;
  }
  return pos + 4 > n ? cut_off("JPEG header") : malformed("JPEG: no frame header before the scan");
}

Result<RasterHeader> bmp_header(const std::uint8_t* d, std::size_t n) {
  if (n < 26) return cut_off("BMP header");
  RasterHeader h;
  const std::uint32_t info_size = le32(d + 14);
  if (info_size == 12) {  // OS/2 BITMAPCOREHEADER
    h.width = le16(d + 18);
    h.height = le16(d + 20);
  } else if (info_size >= 40) {
    if (n < 46) return cut_off("BMP header");
    const auto w = static_cast<std::int32_t>(le32(d + 18));
    const auto ht = static_cast<std::int32_t>(le32(d + 22));
    if (w <= 0 || ht == 0 || ht == INT32_MIN) return malformed("BMP header: invalid size");
    h.width = w;
    h.height = ht < 0 ? -ht : ht;  // negative height marks a top-down bitmap
    const auto ppm = static_cast<std::int32_t>(le32(d + 38));
    if (ppm > 0) h.dpi = ppm * kMetersPerInch;
  } else {
    return malformed("BMP header: unknown info header size");
  }
  if (h.width == 0 || h.height == 0) return malformed("BMP header: zero size");
  return h;
}

Result<RasterHeader> webp_header(const std::uint8_t* d, std::size_t n) {
  if (n < 30) return cut_off("WebP header");
  RasterHeader h;
  const std::uint8_t* chunk = d + 12;
  if (std::memcmp(chunk, "VP8X", 4) == 0) {
    h.width = static_cast<int>(le24(d + 24)) + 1;
    h.height = static_cast<int>(le24(d + 27)) + 1;
  } else if (std::memcmp(chunk, "VP8L", 4) == 0) {
    if (d[20] != 0x2f) return malformed("WebP lossless signature");
    const std::uint32_t bits = le32(d + 21);
    h.width = static_cast<int>(bits & 0x3fff) + 1;
    h.height = static_cast<int>((bits >> 14) & 0x3fff) + 1;
  } else if (std::memcmp(chunk, "VP8 ", 4) == 0) {
    if (d[23] != 0x9d || d[24] != 0x01 || d[25] != 0x2a) return malformed("WebP lossy start code");
    h.width = le16(d + 26) & 0x3fff;
    h.height = le16(d + 28) & 0x3fff;
  } else {
    return malformed("WebP: unknown first chunk");
  }
  if (h.width == 0 || h.height == 0) return malformed("WebP header: zero size");
  return h;
}

}  // namespace

Result<RasterHeader> read_raster_header(Format format, const std::uint8_t* data, std::size_t size) {
  switch (format) {
    case Format::png: return png_header(data, size);
    case Format::jpeg: return jpeg_header(data, size);
    case Format::bmp: return bmp_header(data, size);
    case Format::webp: return webp_header(data, size);
    default: return make_error(Status::internal, "read_raster_header: not a PNG, JPEG, BMP or WebP format");
  }
}

bool is_truncated(Format format, const std::uint8_t* data, std::size_t size) {
  // Writers may append a few bytes of padding after the end marker; look a little further back.
  constexpr std::size_t kTrailerWindow = 4096;
  switch (format) {
    case Format::png: return !has_end_marker(data, size, "IEND", kTrailerWindow);
    case Format::jpeg: return !has_end_marker(data, size, "\xff\xd9", kTrailerWindow);
    case Format::bmp: return size >= 6 && le32(data + 2) > size;          // declared file size
    case Format::webp: return size >= 8 && le32(data + 4) + 8ull > size;  // RIFF chunk size
    default: return false;
  }
}

}  // namespace drawlens::load
