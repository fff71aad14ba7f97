// Quarter turns of the page (private to src/read): the nearest quarter turn of a reading direction
// (what a region's span is turned by, and what votes for the page's reading direction), the page
// turned so that such text stands upright, and boxes across the turn.
#pragma once

#include <cmath>

#include <opencv2/core.hpp>

#include "core/geometry.h"

namespace drawlens::read {

// angle_degrees counter-clockwise (any value) as 0, 90, 180 or 270.
inline int quarter_turn(double angle_degrees) {
  const long turns = std::lround(angle_degrees / 90.0);
  return static_cast<int>(((turns % 4) + 4) % 4) * 90;
}

// The page turned so that text reading in direction `turn` (degrees counter-clockwise) reads upright.
cv::Mat turned_upright(const cv::Mat& image, int turn);

// A page box in the page turned upright by `turn`; `page` is the unturned page's size.
Box box_turned_upright(const Box& b, int turn, const cv::Size& page);

// A box of the upright page back on the page (the inverse of box_turned_upright).
Box box_from_upright(const Box& b, int turn, const cv::Size& page);

}  // namespace drawlens::read
