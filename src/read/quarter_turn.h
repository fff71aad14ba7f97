// The nearest quarter turn of a reading direction (private to src/read): what a region's span is
// turned by, and what votes for the page's reading direction.
#pragma once

#include <cmath>

namespace drawlens::read {

// angle_degrees counter-clockwise (any value) as 0, 90, 180 or 270.
inline int quarter_turn(double angle_degrees) {
  const long turns = std::lround(angle_degrees / 90.0);
  return static_cast<int>(((turns % 4) + 4) % 4) * 90;
}

}  // namespace drawlens::read
