// Points along a primitive, for drawing it and for writing curves to formats without arcs.
#include <algorithm>
#include <cmath>

#include "segment/circle_fit.h"
#include "segment/segment.h"

namespace drawlens::segment {

std::vector<cv::Point2d> sample_points(const Primitive& p, int count) {
  count = std::max(2, count);
  std::vector<cv::Point2d> out;
  out.reserve(static_cast<std::size_t>(count));
  const auto& c = p.points;
  // An arc's sweep is twice the turn from its start to its middle point (less than half a turn).
  double start = 0, half = 0;
  if (p.kind == PrimitiveKind::arc) {
    start = std::atan2(c[0].y - p.centre.y, c[0].x - p.centre.x);
    half = turn_about(c[0], c[1], p.centre);
  }
  for (int i = 0; i < count; ++i) {
    const double t = static_cast<double>(i) / (count - 1), u = 1 - t;
    switch (p.kind) {
      case PrimitiveKind::line: out.push_back(u * c[0] + t * c[1]); break;
      case PrimitiveKind::arc: {
        const double angle = start + 2 * half * t;
        out.push_back(p.centre + p.radius * cv::Point2d(std::cos(angle), std::sin(angle)));
        break;
      }
      case PrimitiveKind::bezier:
        out.push_back(u * u * u * c[0] + 3 * u * u * t * c[1] + 3 * u * t * t * c[2] + t * t * t * c[3]);
        break;
    }
  }
  return out;
}

}  // namespace drawlens::segment
