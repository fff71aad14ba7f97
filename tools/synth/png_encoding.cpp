// A gray PNG written directly with zlib (PNG spec: IHDR, pHYs before IDAT, IEND), every row with
// filter type 0: libpng's adaptive filter choice cost more than the whole drawing's rendering, and
// line drawings and class masks are long runs that deflate well unfiltered.
#include "png_encoding.h"

#include <cmath>
#include <stdexcept>

#include <zlib.h>

namespace drawlens::synth {
namespace {

void put_u32(std::vector<std::uint8_t>& out, std::uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<std::uint8_t>(v >> shift));
}

void put_chunk(std::vector<std::uint8_t>& out, const char (&type)[5], const std::vector<std::uint8_t>& data) {
  put_u32(out, static_cast<std::uint32_t>(data.size()));
  const std::size_t type_at = out.size();
  out.insert(out.end(), type, type + 4);
  out.insert(out.end(), data.begin(), data.end());
  const uLong crc = crc32(0L, out.data() + type_at, static_cast<uInt>(out.size() - type_at));
  put_u32(out, static_cast<std::uint32_t>(crc));
}

// Rows prefixed by their filter byte (0), deflated at the fastest level with run-length matching.
std::vector<std::uint8_t> deflated_rows(const cv::Mat& gray) {
  z_stream stream{};
  if (deflateInit2(&stream, 1, Z_DEFLATED, 15, 8, Z_RLE) != Z_OK) throw std::runtime_error("zlib init failed");
  std::vector<std::uint8_t> out(deflateBound(&stream, static_cast<uLong>(gray.total() + gray.rows)));
  stream.next_out = out.data();
  stream.avail_out = static_cast<uInt>(out.size());
  Bytef filter_none = 0;
  for (int y = 0; y < gray.rows; ++y) {
    stream.next_in = &filter_none;
    stream.avail_in = 1;
    deflate(&stream, Z_NO_FLUSH);
    stream.next_in = const_cast<Bytef*>(gray.ptr<Bytef>(y));
    stream.avail_in = static_cast<uInt>(gray.cols);
    deflate(&stream, Z_NO_FLUSH);
  }
  const int status = deflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  if (status != Z_STREAM_END) throw std::runtime_error("PNG encoding failed");
  return out;
}

}  // namespace

std::vector<std::uint8_t> encode_png_with_dpi(const cv::Mat& gray, double dpi) {
  if (gray.type() != CV_8UC1 || gray.empty())
    throw std::invalid_argument("PNG encoding needs a non-empty 8-bit gray image");
  std::vector<std::uint8_t> png = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  std::vector<std::uint8_t> header;
  put_u32(header, static_cast<std::uint32_t>(gray.cols));
  put_u32(header, static_cast<std::uint32_t>(gray.rows));
  header.insert(header.end(), {8, 0, 0, 0, 0});  // bit depth 8, gray, deflate, filter method 0, no interlace
  put_chunk(png, "IHDR", header);
  std::vector<std::uint8_t> physical;
  const auto per_metre = static_cast<std::uint32_t>(std::lround(dpi / 0.0254));
  put_u32(physical, per_metre);
  put_u32(physical, per_metre);
  physical.push_back(1);  // unit: metre
  put_chunk(png, "pHYs", physical);
  put_chunk(png, "IDAT", deflated_rows(gray));
  put_chunk(png, "IEND", {});
  return png;
}

}  // namespace drawlens::synth
