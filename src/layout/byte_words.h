// Word-at-a-time reads of 8-bit mask rows, used to skip the empty stretches that make up most of a
// drawing page (masks hold only 0 and 255).
#pragma once

#include <cstdint>
#include <cstring>

namespace drawlens::layout::detail {

constexpr int kWordBytes = 8;
constexpr std::uint64_t kAllSet = ~std::uint64_t{0};

// The 8 bytes at p, read without alignment requirements.
inline std::uint64_t word_at(const unsigned char* p) {
  std::uint64_t w;
  std::memcpy(&w, p, sizeof w);
  return w;
}

}  // namespace drawlens::layout::detail
