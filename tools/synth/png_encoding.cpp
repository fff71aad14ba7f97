// OpenCV writes the PNG; the pHYs chunk (PNG spec 11.3.5.3: pixels per metre, before IDAT) is
// inserted right after IHDR with its CRC from zlib.
#include "png_encoding.h"

#include <cmath>
#include <stdexcept>

#include <zlib.h>
#include <opencv2/imgcodecs.hpp>

namespace drawlens::synth {
namespace {

void put_u32(std::vector<std::uint8_t>& out, std::uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<std::uint8_t>(v >> shift));
}

}  // namespace

std::vector<std::uint8_t> encode_png_with_dpi(const cv::Mat& gray, double dpi) {
  std::vector<std::uint8_t> png;
  // Level 1: most of a drawing is paper, which deflates well even at the fastest level.
  if (!cv::imencode(".png", gray, png, {cv::IMWRITE_PNG_COMPRESSION, 1}))
    throw std::runtime_error("PNG encoding failed");
  constexpr std::size_t kAfterIhdr = 8 + 8 + 13 + 4;  // signature, IHDR header, data, CRC
  const auto per_metre = static_cast<std::uint32_t>(std::lround(dpi / 0.0254));
  std::vector<std::uint8_t> chunk;
  put_u32(chunk, 9);
  const std::size_t type_at = chunk.size();
  for (char c : {'p', 'H', 'Y', 's'}) chunk.push_back(static_cast<std::uint8_t>(c));
  put_u32(chunk, per_metre);
  put_u32(chunk, per_metre);
  chunk.push_back(1);  // unit: metre
  const uLong crc = crc32(0L, chunk.data() + type_at, static_cast<uInt>(chunk.size() - type_at));
  put_u32(chunk, static_cast<std::uint32_t>(crc));
  png.insert(png.begin() + kAfterIhdr, chunk.begin(), chunk.end());
  return png;
}

}  // namespace drawlens::synth
