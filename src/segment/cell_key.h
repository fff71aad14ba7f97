// The hash-map key of a cell of a uniform grid (the spatial lookups of the graph, the dimension
// links and dash joining): both cell coordinates in 32 bits each.
#pragma once

#include <cstdint>

namespace drawlens::segment {

// Cells next to the page's edge are negative: the key is built unsigned (shifting a negative value
// is undefined).
inline std::uint64_t cell_key(long long x, long long y) {
  return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(y)) << 32) | static_cast<std::uint32_t>(x);
}

}  // namespace drawlens::segment
