// Searches the tail of an input for its format's end marker (truncation checks).
#include <cstring>

#include "load/decoders.h"

namespace drawlens::load {

bool has_end_marker(const std::uint8_t* data, std::size_t size, std::string_view marker, std::size_t window) {
  const std::size_t len = marker.size();
  const std::size_t start = size > window ? size - window : 0;
  for (std::size_t i = size >= len ? size - len + 1 : 0; i-- > start;) {
    if (std::memcmp(data + i, marker.data(), len) == 0) return true;
  }
  return false;
}

}  // namespace drawlens::load
