// Plate views. Tapped holes follow ISO 6410 (tap drill as outline, thread major diameter as a thin
// three-quarter circle); a section omits hidden edges (ISO 128-40) and hatches the cut faces.
#include "plate_views.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "lettering.h"
#include "line_work.h"
#include "symbol_shapes.h"
#include "view_labels.h"

namespace drawlens::synth {
namespace {

void draw_hole_top(Scene& scene, const ViewFrame& view, const HoleGroup& group, double u, double v) {
  const double r = group.diameter / 2;
  contour(scene, view.circle(u, v, r));
  // A counterbore's wall and a countersink's rim are edges seen from above: a second circle.
  if (group.kind == HoleKind::counterbored || group.kind == HoleKind::countersunk) {
    contour(scene, view.circle(u, v, group.outer_diameter() / 2));
  }
  if (group.kind == HoleKind::tapped_blind) {
    scene.add(view.arc(u, v, group.screw.nominal / 2.0, 90.0, 360.0), LineClass::contour, Pen::thin);
  }
  centre_cross(scene, view, u, v, group.outer_diameter() / 2);
}

void draw_pocket_top(Scene& scene, const ViewFrame& view, const Pocket& p) {
  const double r = p.corner_radius;
  const double x0 = p.x, y0 = p.y, x1 = p.x + p.width, y1 = p.y + p.height;
  contour(scene, view.line(x0 + r, y0, x1 - r, y0));
  contour(scene, view.line(x1, y0 + r, x1, y1 - r));
  contour(scene, view.line(x1 - r, y1, x0 + r, y1));
  contour(scene, view.line(x0, y1 - r, x0, y0 + r));
  contour(scene, view.arc(x0 + r, y0 + r, r, 180.0, 270.0));
  contour(scene, view.arc(x1 - r, y0 + r, r, 270.0, 360.0));
  contour(scene, view.arc(x1 - r, y1 - r, r, 0.0, 90.0));
  contour(scene, view.arc(x0 + r, y1 - r, r, 90.0, 180.0));
}

// The cutting plane (ISO 128-40): chain line, thick at its ends, arrows in the viewing direction.
void draw_cutting_plane(Scene& scene, const ViewFrame& view, const Plate& plate, double y, const FontBook& fonts,
                        const DrawingPlan& plan) {
  const double over = 6.0 / view.scale;
  centre_line(scene, view.line(-over, y, plate.length + over, y));
  for (double end : {-over, plate.length + over}) {
    const double inward = end < 0 ? 1.0 : -1.0;
    const Point tip = view.at(end, y);
    contour(scene, Shape::line(tip, tip + Point{inward * 5.0, 0.0}));
    // Arrow towards the back of the part: the front view looks from the front face.
    const Point arrow_tip = tip + Point{inward * 2.5, -7.0};
    scene.add(Shape::line(tip + Point{inward * 2.5, 0.0}, arrow_tip), LineClass::dimension, Pen::thin);
    scene.fills.push_back({arrowhead_triangle(arrow_tip, {0.0, -1.0}, 3.0, 10.0), LineClass::dimension});
    LetteringStyle style = plan.lettering;
    style.cap_height = plan.lettering.cap_height * 1.4;
    Lettering letter(fonts, style);
    letter.text("A");
    const Rect ink = letter.ink();
    scene.add(letter.finish({arrow_tip.x - inward * 3.0 - ink.centre().x, arrow_tip.y - ink.top}));
  }
}

// Material removed along the cut between u = left and u = right: v from low to high, where low
// runs linearly from low_left to low_right (a countersink's cone; equal for straight walls).
struct CutFeature {
  double left, right;
  double low_left, low_right, high;
  double low_at(double u) const { return low_left + (low_right - low_left) * (u - left) / (right - left); }
};

std::vector<CutFeature> features_at_cut(const Plate& plate, double y) {
  const double t = plate.thickness;
  std::vector<CutFeature> cut;
  for (const HoleGroup& g : plate.holes) {
    for (std::size_t i = 0; i < g.xs.size(); ++i) {
      if (std::fabs(g.ys[i] - y) > 1e-9) continue;
      const double r = g.diameter / 2, x = g.xs[i];
      if (g.kind == HoleKind::tapped_blind) {
        cut.push_back({x - r, x + r, t - g.depth, t - g.depth, t});
        continue;
      }
      cut.push_back({x - r, x + r, 0.0, 0.0, t});
      const double big = g.outer_diameter() / 2;
      if (g.kind == HoleKind::counterbored) {
        cut.push_back({x - big, x + big, t - g.screw.counterbore_depth, t - g.screw.counterbore_depth, t});
      }
      if (g.kind == HoleKind::countersunk) {
        const double bottom = t - g.countersink_depth();
        cut.push_back({x - big, x - r, t, bottom, t});
        cut.push_back({x + r, x + big, bottom, t, t});
      }
    }
  }
  if (plate.pocket && y > plate.pocket->y && y < plate.pocket->y + plate.pocket->height) {
    const double floor = t - plate.pocket->depth;
    cut.push_back({plate.pocket->x, plate.pocket->x + plate.pocket->width, floor, floor, t});
  }
  if (plate.slot && std::fabs(plate.slot->y - y) < plate.slot->width / 2) {
    const double half = plate.slot->length / 2 + plate.slot->width / 2;
    cut.push_back({plate.slot->x - half, plate.slot->x + half, 0.0, 0.0, t});
  }
  return cut;
}

void draw_plate_section(Scene& scene, const Plate& plate, const ViewFrame& view, double y, const DrawingPlan& plan) {
  const std::vector<CutFeature> cut = features_at_cut(plate, y);
  std::set<double> breaks{0.0, plate.length};
  for (const CutFeature& c : cut) breaks.insert({c.left, c.right});
  const std::vector<double> xs(breaks.begin(), breaks.end());
  const double spacing = plan.format.width > 300.0 ? 3.0 : 2.5;
  Intervals previous;
  for (std::size_t i = 0; i + 1 < xs.size(); ++i) {
    const double mid = (xs[i] + xs[i + 1]) / 2;
    // The material at both ends of the strip: a cone's flank makes them differ.
    Intervals left{{0.0, plate.thickness}}, right = left;
    for (const CutFeature& c : cut) {
      if (mid <= c.left || mid >= c.right) continue;
      left = subtract(left, c.low_at(xs[i]), c.high);
      right = subtract(right, c.low_at(xs[i + 1]), c.high);
    }
    for (const auto& [low, high] : symmetric_difference(previous, left))
      contour(scene, view.line(xs[i], low, xs[i], high));
    for (std::size_t k = 0; k < std::min(left.size(), right.size()); ++k) {
      const auto [low0, high0] = left[k];
      const auto [low1, high1] = right[k];
      contour(scene, view.line(xs[i], low0, xs[i + 1], low1));
      contour(scene, view.line(xs[i], high0, xs[i + 1], high1));
      hatch(scene, view, {{xs[i], low0}, {xs[i + 1], low1}, {xs[i + 1], high1}, {xs[i], high0}}, spacing);
    }
    previous = right;
  }
  for (const auto& [low, high] : previous) contour(scene, view.line(plate.length, low, plate.length, high));
}

// One hole seen from the side at `u`: its walls, counterbore step or drill point, and its axis.
void draw_hidden_hole(Scene& scene, const HoleGroup& g, const ViewFrame& view, double u, double t) {
  const double reach = 2.5 / view.scale;
  const double r = g.diameter / 2;
  const double bottom = g.kind == HoleKind::tapped_blind ? t - g.depth : 0.0;
  const double top = g.kind == HoleKind::counterbored  ? t - g.screw.counterbore_depth
                     : g.kind == HoleKind::countersunk ? t - g.countersink_depth()
                                                       : t;
  hidden(scene, view.line(u - r, bottom, u - r, top));
  hidden(scene, view.line(u + r, bottom, u + r, top));
  if (g.kind == HoleKind::counterbored) {
    const double big = g.screw.counterbore / 2;
    hidden(scene, view.polyline({{u - r, top}, {u - big, top}, {u - big, t}}, false));
    hidden(scene, view.polyline({{u + r, top}, {u + big, top}, {u + big, t}}, false));
  }
  if (g.kind == HoleKind::countersunk) {
    // The cone's flanks at 45° from the hole's wall to the rim on the top face.
    const double big = g.outer_diameter() / 2;
    hidden(scene, view.line(u - r, top, u - big, t));
    hidden(scene, view.line(u + r, top, u + big, t));
  }
  if (g.kind == HoleKind::tapped_blind) {
    // Drill point of 118°.
    const double tip = r / std::tan(radians(59.0));
    hidden(scene, view.polyline({{u - r, bottom}, {u, bottom - tip}, {u + r, bottom}}, false));
    hidden(scene, view.line(u - g.screw.nominal / 2.0, t - g.depth, u - g.screw.nominal / 2.0, t));
    hidden(scene, view.line(u + g.screw.nominal / 2.0, t - g.depth, u + g.screw.nominal / 2.0, t));
  }
  centre_line(scene, view.line(u, -reach, u, t + reach));
}

void draw_hidden_features(Scene& scene, const Plate& plate, const ViewFrame& view) {
  const double t = plate.thickness;
  for (const HoleGroup& g : plate.holes) {
    for (double x : std::set<double>(g.xs.begin(), g.xs.end())) draw_hidden_hole(scene, g, view, x, t);
  }
  if (plate.pocket) {
    const Pocket& p = *plate.pocket;
    hidden(scene,
           view.polyline({{p.x, t}, {p.x, t - p.depth}, {p.x + p.width, t - p.depth}, {p.x + p.width, t}}, false));
  }
  if (plate.slot) {
    const double half = plate.slot->length / 2 + plate.slot->width / 2;
    for (double u : {plate.slot->x - half, plate.slot->x + half}) hidden(scene, view.line(u, 0.0, u, t));
  }
  if (plate.chamfer_x > 0)
    hidden(scene, view.line(plate.length - plate.chamfer_x, 0.0, plate.length - plate.chamfer_x, t));
}

}  // namespace

void draw_plate_side(Scene& scene, const Plate& plate, const ViewFrame& view, bool from_right) {
  const double w = plate.width, t = plate.thickness;
  // The viewer's right is the front face (y = 0) when looking from the left.
  const auto u_of = [from_right, w](double y) { return from_right ? y : w - y; };
  contour(scene, view.polyline({{0, 0}, {w, 0}, {w, t}, {0, t}}, true));
  for (const HoleGroup& g : plate.holes) {
    for (double y : std::set<double>(g.ys.begin(), g.ys.end())) draw_hidden_hole(scene, g, view, u_of(y), t);
  }
  if (plate.pocket) {
    const Pocket& p = *plate.pocket;
    const double a = u_of(p.y), b = u_of(p.y + p.height);
    hidden(scene, view.polyline({{a, t}, {a, t - p.depth}, {b, t - p.depth}, {b, t}}, false));
  }
  if (plate.slot) {
    for (double y : {plate.slot->y - plate.slot->width / 2, plate.slot->y + plate.slot->width / 2})
      hidden(scene, view.line(u_of(y), 0.0, u_of(y), t));
  }
  if (plate.chamfer_y > 0) {
    // The chamfer at the back right faces a viewer on the right.
    const Shape edge = view.line(u_of(w - plate.chamfer_y), 0.0, u_of(w - plate.chamfer_y), t);
    if (from_right) {
      contour(scene, edge);
    } else {
      hidden(scene, edge);
    }
  }
}

double plate_section_y(const Plate& plate) {
  if (plate.holes.size() > 1 || plate.pocket || plate.slot) return plate.width / 2;
  return plate.holes.front().ys.front();
}

void draw_plate_top(Scene& scene, const Plate& plate, const ViewFrame& view, std::optional<double> section_y,
                    const FontBook& fonts, const DrawingPlan& plan) {
  const double l = plate.length, w = plate.width;
  contour(scene, view.polyline({{0, 0}, {l, 0}, {l, w - plate.chamfer_y}, {l - plate.chamfer_x, w}, {0, w}}, true));
  for (const HoleGroup& g : plate.holes) {
    for (std::size_t i = 0; i < g.xs.size(); ++i) draw_hole_top(scene, view, g, g.xs[i], g.ys[i]);
  }
  if (plate.pocket) draw_pocket_top(scene, view, *plate.pocket);
  if (plate.slot) draw_slot_outline(scene, view, *plate.slot);
  if (section_y) draw_cutting_plane(scene, view, plate, *section_y, fonts, plan);
}

void draw_plate_front(Scene& scene, const Plate& plate, const ViewFrame& view, std::optional<double> section_y,
                      const FontBook& fonts, const DrawingPlan& plan) {
  if (!section_y) {
    contour(scene,
            view.polyline({{0, 0}, {plate.length, 0}, {plate.length, plate.thickness}, {0, plate.thickness}}, true));
    draw_hidden_features(scene, plate, view);
    return;
  }
  draw_plate_section(scene, plate, view, *section_y, plan);
  const double reach = 2.5 / view.scale;
  for (const HoleGroup& g : plate.holes) {
    for (std::size_t i = 0; i < g.xs.size(); ++i) {
      if (std::fabs(g.ys[i] - *section_y) < 1e-9)
        centre_line(scene, view.line(g.xs[i], -reach, g.xs[i], plate.thickness + reach));
    }
  }
  label_view(scene, fonts, plan, "A-A", view.rect(0, 0, plate.length, plate.thickness));
}

}  // namespace drawlens::synth
