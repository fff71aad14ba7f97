// Turned part views. External threads after ISO 6410: the major diameter as outline, the minor
// diameter thin, the thread limit thick; a full section hatches both halves between bore and profile,
// a half section only the upper one.
#include "turned_views.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "line_work.h"

namespace drawlens::synth {
namespace {

std::vector<double> step_boundaries(const TurnedPart& part) {
  std::vector<double> xs{0.0};
  for (const Step& s : part.steps) xs.push_back(xs.back() + s.length);
  return xs;
}

// Profile points mirrored about the axis at v = axis.
std::vector<Point> placed(const std::vector<Point>& profile, double axis, double side) {
  std::vector<Point> out;
  for (const Point& p : profile) out.push_back({p.x, axis + side * p.y});
  return out;
}

void draw_thread_lines(Scene& scene, const TurnedPart& part, const ViewFrame& view, double axis) {
  const std::vector<double> xs = step_boundaries(part);
  const ScrewSize& screw = *part.end_thread;
  const double start = xs[xs.size() - 2] + part.steps.back().length * 0.2;
  const double end = xs.back() - part.chamfer_right;
  const double minor = screw.nominal / 2.0 - 0.6134 * screw.pitch;
  for (double side : {-1.0, 1.0})
    scene.add(view.line(start, axis + side * minor, end, axis + side * minor), LineClass::contour, Pen::thin);
  contour(scene, view.line(start, axis - screw.nominal / 2.0, start, axis + screw.nominal / 2.0));
}

// Flange section cut through two bolt holes: the flange splits into an outer ring and the body.
void draw_flange_section(Scene& scene, const TurnedPart& part, const ViewFrame& view, double axis, double spacing,
                         const std::vector<double>& sides) {
  const BoltCircle& bc = *part.bolt_circle;
  const double flange = part.steps[0].length, big = part.steps[0].diameter / 2, hub = part.steps[1].diameter / 2;
  const double total = part.total_length(), rb = part.bore / 2, cl = part.chamfer_left, cr = part.chamfer_right;
  const double low = bc.pitch_diameter / 2 - bc.hole_diameter / 2, high = bc.pitch_diameter / 2 + bc.hole_diameter / 2;
  const std::vector<Point> ring{{0, high}, {0, big - cl}, {cl, big}, {flange, big}, {flange, high}};
  const std::vector<Point> body{{0, rb},           {0, low},          {flange, low}, {flange, hub},
                                {total - cr, hub}, {total, hub - cr}, {total, rb}};
  for (double side : sides) {
    for (const auto* face : {&ring, &body}) {
      contour(scene, view.polyline(placed(*face, axis, side), true));
      hatch(scene, view, placed(*face, axis, side), spacing);
    }
    centre_line(scene, view.line(-2.5 / view.scale, axis + side * bc.pitch_diameter / 2, flange + 2.5 / view.scale,
                                 axis + side * bc.pitch_diameter / 2));
  }
}

// The dome's outline from `from` to `to` degrees about its centre on the axis (0: the apex).
void dome_arc(Scene& scene, const TurnedPart& part, const ViewFrame& view, double axis, double from, double to) {
  contour(scene, view.arc(part.total_length() - part.dome_radius, axis, part.dome_radius, from, to));
}

// Edges seen edge-on in an outside view: the chamfer circles and the shoulders, across the whole
// diameter, or in a half view from the axis to the lower outline.
void draw_edges_seen(Scene& scene, const TurnedPart& part, const ViewFrame& view, double axis, bool whole) {
  const std::vector<double> xs = step_boundaries(part);
  const auto edge = [&](double u, double r) { contour(scene, view.line(u, axis - r, u, whole ? axis + r : axis)); };
  edge(part.chamfer_left, part.steps.front().diameter / 2);
  edge(xs.back() - part.right_end_inset(), part.steps.back().diameter / 2);
  for (std::size_t i = 0; i + 1 < part.steps.size(); ++i)
    edge(xs[i + 1], std::min(part.steps[i].diameter, part.steps[i + 1].diameter) / 2);
}

// Hidden bore and bolt holes of an outside view.
void draw_hidden_inside(Scene& scene, const TurnedPart& part, const ViewFrame& view, double axis) {
  const std::vector<double> xs = step_boundaries(part);
  if (part.bore > 0) {
    for (double side : {-1.0, 1.0})
      hidden(scene, view.line(0.0, axis + side * part.bore / 2, xs.back(), axis + side * part.bore / 2));
  }
  if (!part.bolt_circle) return;
  const BoltCircle& bc = *part.bolt_circle;
  const double x1 = xs[bc.step + 1];
  for (double side : {-1.0, 1.0}) {
    const double v = axis + side * bc.pitch_diameter / 2;
    hidden(scene, view.line(xs[bc.step], v - bc.hole_diameter / 2, x1, v - bc.hole_diameter / 2));
    hidden(scene, view.line(xs[bc.step], v + bc.hole_diameter / 2, x1, v + bc.hole_diameter / 2));
    centre_line(scene, view.line(xs[bc.step] - 2.5 / view.scale, v, x1 + 2.5 / view.scale, v));
  }
}

}  // namespace

std::vector<Point> upper_profile(const TurnedPart& part) {
  const std::vector<double> xs = step_boundaries(part);
  const auto& steps = part.steps;
  std::vector<Point> out{{0.0, steps[0].diameter / 2 - part.chamfer_left}, {part.chamfer_left, steps[0].diameter / 2}};
  for (std::size_t i = 0; i + 1 < steps.size(); ++i) {
    out.push_back({xs[i + 1], steps[i].diameter / 2});
    out.push_back({xs[i + 1], steps[i + 1].diameter / 2});
  }
  out.push_back({xs.back() - part.right_end_inset(), steps.back().diameter / 2});
  if (part.dome_radius <= 0) out.push_back({xs.back(), steps.back().diameter / 2 - part.chamfer_right});
  return out;
}

void draw_turned_front(Scene& scene, const TurnedPart& part, const ViewFrame& view, TurnedCut cut) {
  // Only solid shafts are domed (part_model.cpp) and they are drawn uncut (view_choice.cpp).
  if (part.dome_radius > 0 && cut != TurnedCut::none) throw std::logic_error("synth: a domed shaft is drawn uncut");
  const double axis = part.max_diameter() / 2;
  const double total = part.total_length();
  const std::vector<Point> profile = upper_profile(part);
  const double spacing = std::clamp(part.max_diameter() * view.scale / 12.0, 2.0, 4.0);
  // The upper half is cut in both sections, the lower half only in a full one.
  const std::vector<double> cut_sides = cut == TurnedCut::full   ? std::vector<double>{-1.0, 1.0}
                                        : cut == TurnedCut::half ? std::vector<double>{1.0}
                                                                 : std::vector<double>{};
  if (!cut_sides.empty() && part.bolt_circle) {
    draw_flange_section(scene, part, view, axis, spacing, cut_sides);
  } else if (!cut_sides.empty()) {
    std::vector<Point> half{{0.0, part.bore / 2}};
    half.insert(half.end(), profile.begin(), profile.end());
    half.push_back({total, part.bore / 2});
    for (double side : cut_sides) {
      contour(scene, view.polyline(placed(half, axis, side), true));
      hatch(scene, view, placed(half, axis, side), spacing);
    }
  }
  const double reach =
      part.dome_radius > 0 ? std::asin(part.steps.back().diameter / 2 / part.dome_radius) * 180.0 / kPi : 0.0;
  if (cut == TurnedCut::none) {
    std::vector<Point> outline = placed(profile, axis, 1.0);
    const std::vector<Point> lower = placed(profile, axis, -1.0);
    outline.insert(outline.end(), lower.rbegin(), lower.rend());
    // A dome closes the outline with its arc; otherwise the right end face does.
    contour(scene, view.polyline(outline, part.dome_radius <= 0));
    if (part.dome_radius > 0) dome_arc(scene, part, view, axis, -reach, reach);
    draw_edges_seen(scene, part, view, axis, true);
    draw_hidden_inside(scene, part, view, axis);
  } else if (cut == TurnedCut::half) {
    // The outside half: the lower profile closed to the axis at both end faces.
    std::vector<Point> outline{{0.0, axis}};
    const std::vector<Point> lower = placed(profile, axis, -1.0);
    outline.insert(outline.end(), lower.begin(), lower.end());
    outline.push_back({total, axis});
    contour(scene, view.polyline(outline, false));
    draw_edges_seen(scene, part, view, axis, false);
  }
  if (part.end_thread) draw_thread_lines(scene, part, view, axis);
  centre_line(scene, view.line(-3.0 / view.scale, axis, total + 3.0 / view.scale, axis));
}

void draw_turned_end(Scene& scene, const TurnedPart& part, const ViewFrame& view, bool right_end) {
  const double c = part.max_diameter() / 2;
  std::vector<Step> from_viewer = part.steps;
  if (right_end) std::reverse(from_viewer.begin(), from_viewer.end());
  const double chamfer = right_end ? part.chamfer_right : part.chamfer_left;
  const double near = from_viewer.front().diameter / 2;
  // A domed end shows its rim alone: the cap's silhouette is the step's circle itself.
  if (chamfer > 0) contour(scene, view.circle(c, c, near - chamfer));
  double widest = 0.0;
  for (const Step& s : from_viewer) {
    if (s.diameter / 2 > widest + 1e-9) contour(scene, view.circle(c, c, s.diameter / 2));
    widest = std::max(widest, s.diameter / 2);
  }
  if (part.bore > 0) contour(scene, view.circle(c, c, part.bore / 2));
  if (part.end_thread && right_end) {
    const double minor = part.end_thread->nominal / 2.0 - 0.6134 * part.end_thread->pitch;
    scene.add(view.arc(c, c, minor, 90.0, 360.0), LineClass::contour, Pen::thin);
  }
  if (part.bolt_circle) {
    const BoltCircle& bc = *part.bolt_circle;
    centre_line(scene, view.circle(c, c, bc.pitch_diameter / 2));
    for (int k = 0; k < bc.count; ++k) {
      const double angle = 90.0 + 360.0 * k / bc.count;
      const Point centre{c + bc.pitch_diameter / 2 * std::cos(radians(angle)),
                         c + bc.pitch_diameter / 2 * std::sin(radians(angle))};
      contour(scene, view.circle(centre.x, centre.y, bc.hole_diameter / 2));
      const double reach = bc.hole_diameter / 2 + 2.0 / view.scale;
      const Point radial{std::cos(radians(angle)), std::sin(radians(angle))};
      centre_line(scene, view.line(centre.x - radial.x * reach, centre.y - radial.y * reach,
                                   centre.x + radial.x * reach, centre.y + radial.y * reach));
    }
  }
  centre_cross(scene, view, c, c, c, 3.0);
}

}  // namespace drawlens::synth
