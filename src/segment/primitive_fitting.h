// One traced stroke as lines, circular arcs and cubic Béziers within an error bound.
#pragma once

#include <array>
#include <vector>

#include <opencv2/core/types.hpp>

#include "segment/segment.h"

namespace drawlens::segment {

// A fitted piece in the stroke's own (working pixel) coordinates; pixels first..last (inclusive)
// of the stroke lie within the tolerance of it.
struct FittedPiece {
  PrimitiveKind kind = PrimitiveKind::line;
  std::array<cv::Point2d, 4> points{};  // as Primitive::points
  cv::Point2d centre;
  double radius = 0;
  double length = 0;
  int first = 0;
  int last = 0;
};

// Tries a line, then an arc (sweep of at least 15 degrees), then a cubic Bézier; a piece none fits
// within `tolerance` is split at its sharpest turn (or near its middle when no turn exceeds
// `corner_degrees`) and each part fitted again. A closed stroke is fitted as its pixels with the
// first repeated at the end (the indices count that one too), cut in two first.
std::vector<FittedPiece> fit_stroke(const std::vector<cv::Point>& pixels, bool closed, double tolerance,
                                    double corner_degrees);

}  // namespace drawlens::segment
