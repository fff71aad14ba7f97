// Drawing symbols as vector shapes, because the lettering fonts lack them: the 14 GD&T
// characteristics (ISO 1101 / ASME Y14.5) and the hole symbols counterbore, countersink and depth.
#pragma once

#include <vector>

#include "scene.h"

namespace drawlens::synth {

enum class Symbol {
  straightness,
  flatness,
  circularity,
  cylindricity,
  line_profile,
  surface_profile,
  perpendicularity,
  angularity,
  parallelism,
  position,
  concentricity,
  symmetry,
  circular_runout,
  total_runout,
  counterbore,
  countersink,
  depth,
};

Symbol symbol_for(parse::Characteristic characteristic);
// The Unicode character the parser reads for the symbol (e.g. "⌖", "⌴").
const char* symbol_text(Symbol symbol);

// Appends the symbol at `origin` (baseline-left, y down), `height` the capital height it stands
// beside; returns its advance width.
double draw_symbol(Symbol symbol, Point origin, double height, LineClass line_class, std::vector<Stroke>& strokes,
                   std::vector<Fill>& fills);

// A filled arrowhead with its tip at `tip`, pointing along `toward` (unit), `length` long.
Shape arrowhead_triangle(Point tip, Point toward, double length, double half_angle_degrees);

}  // namespace drawlens::synth
