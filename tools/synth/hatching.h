// Section hatching (ISO 128-50): thin parallel lines at 45° clipped to a cut face.
#pragma once

#include <vector>

#include "geometry.h"

namespace drawlens::synth {

struct Segment {
  Point a;
  Point b;
};

// Lines at `angle_degrees` (counter-clockwise on the page), `spacing` apart, inside the simple
// polygon (even-odd), in sheet coordinates.
std::vector<Segment> hatch_polygon(const std::vector<Point>& polygon, double angle_degrees, double spacing);

}  // namespace drawlens::synth
