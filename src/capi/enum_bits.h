// A C enum argument read as its integer: a caller may pass any bit pattern, and loading an enum
// whose value has no enumerator is undefined in C++, so the bytes are copied out instead.
#pragma once

#include <cstring>
#include <type_traits>

namespace drawlens::capi {

template <typename Enum>
long long bits_of(const Enum& value) {
  std::underlying_type_t<Enum> raw;
  std::memcpy(&raw, &value, sizeof raw);
  return static_cast<long long>(raw);
}

// True when the enum's integer is in [0, count).
template <typename Enum>
bool in_range(const Enum& value, long long count) {
  return bits_of(value) >= 0 && bits_of(value) < count;
}

}  // namespace drawlens::capi
