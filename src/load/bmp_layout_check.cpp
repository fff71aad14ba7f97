// Checks that everything OpenCV's BMP decoder will read lies inside the buffer. OpenCV throws when
// it reads past the end or meets an unknown compression, and cv::imdecode prints such exceptions
// to std::cerr ("imdecode_(''): can't read header: ..."), so they must not be reachable.
#include <cstdint>
#include <string>

#include "load/raster_header.h"

namespace drawlens::load {
namespace {

constexpr std::size_t kFileHeaderBytes = 14;
enum BmpCompression : std::uint32_t { kRgb = 0, kRle8 = 1, kRle4 = 2, kBitfields = 3 };

std::uint32_t le32(const std::uint8_t* p) {
  return (std::uint32_t{p[3]} << 24) | (std::uint32_t{p[2]} << 16) | (std::uint32_t{p[1]} << 8) | p[0];
}
std::uint16_t le16(const std::uint8_t* p) {
  return static_cast<std::uint16_t>((p[1] << 8) | p[0]);
}

Error past_end(const std::string& what) {
  return make_error(Status::truncated, " is truncated: its " + what + " runs past the end of the file");
}

// Walks the run-length codes from `pos` to the end-of-bitmap code, reading what OpenCV reads for
// each code; OpenCV stops at that code or earlier, so it never reads beyond where this walk did.
bool rle_ends_inside(const std::uint8_t* d, std::size_t n, std::size_t pos, bool rle4) {
  while (pos + 2 <= n) {
    const int count = d[pos];
    const int code = d[pos + 1];
    pos += 2;
    if (count != 0 || code == 0) continue;  // a run, or the end of a line
    if (code == 1) return true;             // the end of the bitmap
    if (code == 2) {
      pos += 2;  // a jump by (x, y)
    } else {     // `code` literal pixels, padded to 16 bits
      pos += rle4 ? (((code + 1) >> 1) + 1) & ~1 : (code + 1) & ~1;
    }
  }
  return false;
}

}  // namespace

Result<bool> check_bmp_layout(const std::uint8_t* d, std::size_t n) {
  if (n < kFileHeaderBytes + 4) return past_end("header");
  const std::uint32_t info_size = le32(d + 14);
  if (info_size > n - kFileHeaderBytes) return past_end("info header");
  const bool os2 = info_size == 12;
  if (!os2 && info_size < 40) return make_error(Status::decode, ": malformed BMP header: unknown info header size");
  const std::uint64_t width = os2 ? le16(d + 18) : le32(d + 18);
  const std::int64_t signed_height = static_cast<std::int32_t>(os2 ? le16(d + 20) : le32(d + 22));
  const auto height = static_cast<std::uint64_t>(signed_height < 0 ? -signed_height : signed_height);
  const int bpp = le16(d + (os2 ? 24 : 28));
  const std::uint32_t compression = os2 ? kRgb : le32(d + 30);
  if (compression > kBitfields) {
    return make_error(Status::unsupported_format,
                      ": BMP compression type " + std::to_string(compression) + " is not supported");
  }
  // The palette (or the 16-bit colour masks) follows the info header.
  const std::uint64_t colours_used = os2 ? 0 : le32(d + 46);
  if (bpp <= 8 && colours_used > 256) return make_error(Status::decode, ": malformed BMP header: over 256 colours");
  const std::uint64_t entries = colours_used != 0 ? colours_used : std::uint64_t{1} << (bpp <= 8 ? bpp : 0);
  const std::uint64_t table = bpp <= 8 ? entries * (os2 ? 3 : 4) : (bpp == 16 && compression == kBitfields ? 12 : 0);
  if (kFileHeaderBytes + info_size + table > n) return past_end("colour table");

  const std::uint64_t offset = le32(d + 10);
  if (offset >= n) return past_end("pixel data");
  if (compression == kRle8 || compression == kRle4) {
    if (!rle_ends_inside(d, n, offset, compression == kRle4)) return past_end("run-length data");
    return true;
  }
  const std::uint64_t row_bytes = ((width * static_cast<std::uint64_t>(bpp) + 7) / 8 + 3) & ~std::uint64_t{3};
  if (offset + row_bytes * height > n) return past_end("pixel data");
  return true;
}

}  // namespace drawlens::load
