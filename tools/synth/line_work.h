// Line types of views (ISO 128-20): visible outlines, hidden edges, centre lines, section cuts.
#pragma once

#include <vector>

#include "part_model.h"
#include "scene.h"
#include "view_frame.h"

namespace drawlens::synth {

inline void contour(Scene& scene, Shape shape) {
  scene.add(std::move(shape), LineClass::contour, Pen::thick);
}
inline void hidden(Scene& scene, Shape shape) {
  scene.add(std::move(shape), LineClass::hidden, Pen::thin, Dash::dashed);
}
inline void centre_line(Scene& scene, Shape shape) {
  scene.add(std::move(shape), LineClass::centre, Pen::thin, Dash::chain);
}

// Centre lines crossing at (u, v), reaching `overhang` sheet millimetres beyond `radius`.
void centre_cross(Scene& scene, const ViewFrame& view, double u, double v, double radius, double overhang = 2.5);

// A slot's outline seen from above, with its centre lines.
void draw_slot_outline(Scene& scene, const ViewFrame& view, const Slot& slot);

// Hatches a cut face given in view coordinates.
void hatch(Scene& scene, const ViewFrame& view, const std::vector<Point>& face_uv, double spacing);

// Material intervals along one line of a cut: [low, high] pairs, sorted, disjoint.
using Intervals = std::vector<std::pair<double, double>>;
Intervals subtract(const Intervals& from, double low, double high);
// Where exactly one of the two sets has material: the edges between neighbouring strips.
Intervals symmetric_difference(const Intervals& a, const Intervals& b);

}  // namespace drawlens::synth
