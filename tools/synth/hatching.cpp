// Scanline clipping in a frame turned so the hatch lines are horizontal; a vertex on a scanline
// counts for the edge that starts there only (half-open edges), so crossings always pair up.
#include "hatching.h"

#include <algorithm>
#include <cmath>

namespace drawlens::synth {

std::vector<Segment> hatch_polygon(const std::vector<Point>& polygon, double angle_degrees, double spacing) {
  std::vector<Segment> out;
  if (polygon.size() < 3) return out;
  const Point along = direction(angle_degrees);
  const Point across = left_normal(along);
  std::vector<Point> turned;
  for (const Point& p : polygon) turned.push_back({dot(p, along), dot(p, across)});
  double low = turned[0].y, high = turned[0].y;
  for (const Point& p : turned) {
    low = std::min(low, p.y);
    high = std::max(high, p.y);
  }
  // Lines on a fixed lattice, so neighbouring faces' hatching lines up.
  for (double level = std::ceil(low / spacing) * spacing; level < high; level += spacing) {
    std::vector<double> crossings;
    for (std::size_t i = 0; i < turned.size(); ++i) {
      const Point p = turned[i];
      const Point q = turned[(i + 1) % turned.size()];
      if ((p.y <= level && q.y > level) || (q.y <= level && p.y > level)) {
        crossings.push_back(p.x + (level - p.y) * (q.x - p.x) / (q.y - p.y));
      }
    }
    std::sort(crossings.begin(), crossings.end());
    for (std::size_t i = 0; i + 1 < crossings.size(); i += 2) {
      if (crossings[i + 1] - crossings[i] < 1e-6) continue;
      out.push_back({along * crossings[i] + across * level, along * crossings[i + 1] + across * level});
    }
  }
  return out;
}

}  // namespace drawlens::synth
