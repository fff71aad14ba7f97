// Bracket views. Bend tangent lines (where the bend meets a flat face) are thin continuous lines
// (ISO 128-20 01.1, imaginary lines of intersection); holes seen edge-on are hidden edges.
#include "bracket_views.h"

#include <optional>
#include <set>
#include <string>

#include "lettering.h"
#include "line_work.h"
#include "view_labels.h"

namespace drawlens::synth {
namespace {

void tangent_line(Scene& scene, Shape shape) {
  scene.add(std::move(shape), LineClass::contour, Pen::thin);
}

// u of the flanges' outside faces and the direction into the base from each.
struct FlangeSide {
  double outside;
  double inward;
};

std::vector<FlangeSide> flange_sides(const Bracket& b) {
  std::vector<FlangeSide> sides{{0.0, 1.0}};
  if (b.u_shape) sides.push_back({b.length, -1.0});
  return sides;
}

void draw_hole_circles(Scene& scene, const ViewFrame& view, const HoleGroup& holes,
                       double (*u_of)(const Bracket&, double), const Bracket& b) {
  for (std::size_t i = 0; i < holes.xs.size(); ++i) {
    const double u = u_of(b, holes.xs[i]);
    contour(scene, view.circle(u, holes.ys[i], holes.diameter / 2));
    centre_cross(scene, view, u, holes.ys[i], holes.diameter / 2);
  }
}

// Holes through the sheet seen edge-on: two hidden lines across the thickness and the axis.
void draw_edge_on_hole(Scene& scene, const ViewFrame& view, double centre, double radius, double from, double to,
                       bool across_u) {
  const double reach = 2.0 / view.scale;
  for (double side : {-radius, radius}) {
    hidden(scene, across_u ? view.line(from, centre + side, to, centre + side)
                           : view.line(centre + side, from, centre + side, to));
  }
  const double low = std::min(from, to) - reach, high = std::max(from, to) + reach;
  centre_line(scene, across_u ? view.line(low, centre, high, centre) : view.line(centre, low, centre, high));
}

std::string bend_note(const Bracket& b, const DrawingPlan& plan) {
  const std::string radius =
      "R" + format_number(b.bend_radius, b.bend_radius == static_cast<int>(b.bend_radius) ? 0 : 1, plan.decimal_comma);
  if (plan.language == Language::german) return "90\u00B0 nach oben " + radius;
  if (plan.language == Language::korean) return "\uC704\uB85C 90\u00B0 " + radius;
  return "UP 90\u00B0 " + radius;
}

const char* flat_title(const DrawingPlan& plan) {
  if (plan.language == Language::german) return "ABWICKLUNG";
  if (plan.language == Language::korean) return "\uC804\uAC1C\uB3C4";
  return "FLAT PATTERN";
}

}  // namespace

void draw_bracket_front(Scene& scene, const Bracket& b, const ViewFrame& view) {
  const double t = b.thickness, r = b.bend_radius, bz = r + t, h = b.height, l = b.length;
  // The base between the bend zones, then each flange with its bend.
  const double base_left = bz, base_right = b.u_shape ? l - bz : l;
  contour(scene, view.line(base_left, 0, base_right, 0));
  contour(scene, view.line(base_left, t, base_right, t));
  if (!b.u_shape) contour(scene, view.line(l, 0, l, t));
  for (const FlangeSide& f : flange_sides(b)) {
    const double centre = f.outside + f.inward * bz;
    const double inner_face = f.outside + f.inward * t;
    contour(scene, view.line(f.outside, bz, f.outside, h));
    contour(scene, view.line(inner_face, bz, inner_face, h));
    contour(scene, view.line(f.outside, h, inner_face, h));
    const double from = f.inward > 0 ? 180.0 : 270.0, to = from + 90.0;
    contour(scene, view.arc(centre, bz, bz, from, to));
    contour(scene, view.arc(centre, bz, r, from, to));
  }
  for (std::size_t i = 0; i < b.base_holes.xs.size(); ++i) {
    if (i > 0 && b.base_holes.xs[i] == b.base_holes.xs[i - 1]) continue;  // a row seen as one
    draw_edge_on_hole(scene, view, b.base_holes.xs[i], b.base_holes.diameter / 2, 0.0, t, false);
  }
  if (b.base_slot) {
    const double half = b.base_slot->length / 2 + b.base_slot->width / 2;
    for (double u : {b.base_slot->x - half, b.base_slot->x + half}) hidden(scene, view.line(u, 0.0, u, t));
  }
  if (!b.flange_holes.ys.empty()) {
    for (const FlangeSide& f : flange_sides(b)) {
      draw_edge_on_hole(scene, view, b.flange_holes.ys[0], b.flange_holes.diameter / 2, f.outside,
                        f.outside + f.inward * t, true);
    }
  }
}

void draw_bracket_plan(Scene& scene, const Bracket& b, const ViewFrame& view) {
  const double t = b.thickness, bz = b.bend_radius + t, w = b.width;
  contour(scene, view.polyline({{0, 0}, {b.length, 0}, {b.length, w}, {0, w}}, true));
  for (const FlangeSide& f : flange_sides(b)) {
    contour(scene, view.line(f.outside + f.inward * t, 0, f.outside + f.inward * t, w));
    tangent_line(scene, view.line(f.outside + f.inward * bz, 0, f.outside + f.inward * bz, w));
    for (double y : b.flange_holes.xs)
      draw_edge_on_hole(scene, view, y, b.flange_holes.diameter / 2, f.outside, f.outside + f.inward * t, true);
  }
  draw_hole_circles(
      scene, view, b.base_holes, [](const Bracket&, double u) { return u; }, b);
  if (b.base_slot) draw_slot_outline(scene, view, *b.base_slot);
}

void draw_bracket_side(Scene& scene, const Bracket& b, const ViewFrame& view, bool from_right) {
  const double t = b.thickness, bz = b.bend_radius + t, w = b.width, h = b.height;
  contour(scene, view.polyline({{0, 0}, {w, 0}, {w, h}, {0, h}}, true));
  // Seen from the right, an L bracket shows the base's end face and the flange's inside.
  const bool inside = from_right && !b.u_shape;
  if (inside) {
    contour(scene, view.line(0, t, w, t));
  } else {
    hidden(scene, view.line(0, t, w, t));
  }
  tangent_line(scene, view.line(0, bz, w, bz));
  // u across the view: the viewer's right is the front (y = 0) when looking from the left.
  const auto u_of = [from_right, w](double y) { return from_right ? y : w - y; };
  for (std::size_t i = 0; i < b.flange_holes.xs.size(); ++i) {
    const double u = u_of(b.flange_holes.xs[i]);
    contour(scene, view.circle(u, b.flange_holes.ys[i], b.flange_holes.diameter / 2));
    centre_cross(scene, view, u, b.flange_holes.ys[i], b.flange_holes.diameter / 2);
  }
  for (double y : std::set<double>(b.base_holes.ys.begin(), b.base_holes.ys.end()))
    draw_edge_on_hole(scene, view, u_of(y), b.base_holes.diameter / 2, 0.0, t, false);
}

void draw_bracket_flat(Scene& scene, const Bracket& b, const ViewFrame& view, const FontBook& fonts,
                       const DrawingPlan& plan, bool chain_bend_lines) {
  const double flat = b.flat_length(), w = b.width;
  contour(scene, view.polyline({{0, 0}, {flat, 0}, {flat, w}, {0, w}}, true));
  draw_hole_circles(
      scene, view, b.base_holes, [](const Bracket& br, double u) { return br.flat_u_of_base(u); }, b);
  if (b.base_slot) {
    Slot slot = *b.base_slot;
    slot.x = b.flat_u_of_base(slot.x);
    draw_slot_outline(scene, view, slot);
  }
  for (int flange = 0; flange < b.bends(); ++flange) {
    for (std::size_t i = 0; i < b.flange_holes.xs.size(); ++i) {
      const double u = b.flat_u_of_flange(b.flange_holes.ys[i], flange);
      contour(scene, view.circle(u, b.flange_holes.xs[i], b.flange_holes.diameter / 2));
      centre_cross(scene, view, u, b.flange_holes.xs[i], b.flange_holes.diameter / 2);
    }
  }
  label_view(scene, fonts, plan, flat_title(plan), view.rect(0, 0, flat, w));
  LetteringStyle style = plan.lettering;
  style.cap_height = std::min(plan.lettering.cap_height, 3.0);
  if (plan.language == Language::korean) style.face = Typeface::nanum_gothic;
  std::optional<Rect> previous;
  for (int bend = 0; bend < b.bends(); ++bend) {
    const double u = b.flat_bend_centre(bend);
    const Shape line = view.line(u, 0, u, w);
    if (chain_bend_lines) {
      centre_line(scene, line);
    } else {
      tangent_line(scene, line);
    }
    const std::string text = bend_note(b, plan);
    Lettering note(fonts, style);
    note.text(text);
    const Rect ink = note.ink();
    const Point foot = view.at(u, 0);
    TextItem item = note.finish({foot.x - ink.centre().x, foot.y + 3.0 - ink.top});
    if (previous && previous->expanded(1.5).intersects(item.sheet_bounds())) {
      item.origin.y = previous->bottom + 1.5 - ink.top;  // under the first note when they would touch
    }
    previous = item.sheet_bounds();
    scene.notes.push_back({text, scene.add(item)});
  }
}

}  // namespace drawlens::synth
