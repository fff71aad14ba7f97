// What the readers of drawn text share (private to src/read): boxes clipped and inset, whether a
// box's centre lies in another, the page's pixels of a box turned upright, the ink marks lying
// wholly in a region, and whether text starts with a number.
#pragma once

#include <string>

#include <opencv2/core.hpp>

#include "core/geometry.h"

namespace drawlens::read {

Box inset(const Box& b, int by);
Box clipped(const Box& b, const cv::Size& size);
cv::Rect rect(const Box& b);

// The page pixels of `box`, turned so that text read in direction `turn` stands upright.
cv::Mat upright_pixels(const cv::Mat& page, const Box& box, int turn);

// The union of the ink components lying wholly inside `region` (give or take `slack`) whose longer
// side is at least `min_size`: a symbol's strokes, not a line passing through (components are
// taken in a window one pixel wider, so a line going on outside reaches beyond). Empty when none.
Box marks_inside(const cv::Mat& ink, const Box& region, int slack, int min_size);

// "12", ".5", ",5": a number, perhaps a decimal with its leading zero left out.
bool starts_with_number(const std::string& text);

}  // namespace drawlens::read
