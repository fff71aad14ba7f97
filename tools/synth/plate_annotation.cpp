// Plate dimensioning as a designer would: datum A the bottom face, B the left side, C the front
// side; hole positions from B and C; every group called out once with its count.
#include "plate_annotation.h"

#include <array>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

namespace drawlens::synth {
namespace {

using parse::Characteristic;
using parse::SizeType;

}  // namespace

DimensionSpec hole_callout(const HoleGroup& g, double thickness) {
  DimensionSpec spec;
  spec.count = static_cast<int>(g.xs.size());
  if (g.kind == HoleKind::tapped_blind) {
    spec.kind = SizeType::thread;
    spec.thread = "M" + std::to_string(g.screw.nominal) + (g.screw.nominal >= 8 ? "-6H" : "");
    spec.nominal = g.screw.nominal;
    spec.depth = g.depth;
    return spec;
  }
  spec.kind = SizeType::diameter;
  spec.nominal = g.diameter;
  spec.decimals = std::fabs(g.diameter - std::round(g.diameter)) > 1e-9 ? 1 : 0;
  spec.thru = g.diameter < thickness * 3;
  if (g.kind == HoleKind::counterbored) {
    spec.thru = true;
    spec.counterbore_diameter = g.screw.counterbore;
    spec.counterbore_depth = g.screw.counterbore_depth;
  }
  if (g.kind == HoleKind::countersunk) {
    spec.thru = true;
    spec.countersink_diameter = g.screw.countersink;
  }
  return spec;
}

namespace {

// A refinement stacked under a frame is tighter than it: at most half its zone, at least 0.01.
bool tighten(FrameSpec& refinement, double upper_tolerance) {
  if (refinement.tolerance <= upper_tolerance / 2) return true;
  if (upper_tolerance < 0.02 - 1e-9) return false;
  refinement.tolerance = upper_tolerance >= 0.1 ? 0.05 : 0.01;
  refinement.decimals = 2;
  return true;
}

// The chamfered corner: its slanted edge's length aligned with it, its angle, an angularity frame.
void dimension_chamfer(Annotator& a, const Plate& plate, const ViewFrame& top) {
  // The slanted edge's length, aligned with it, as a reference (the legs define the corner).
  const Point start = top.at(plate.length - plate.chamfer_x, plate.width);
  const Point end = top.at(plate.length, plate.width - plate.chamfer_y);
  const Point outward = unit(Point{end.y - start.y, start.x - end.x});
  DimensionSpec edge;
  edge.nominal = std::round(std::hypot(plate.chamfer_x, plate.chamfer_y) * 10.0) / 10.0;
  edge.decimals = std::fabs(edge.nominal - std::round(edge.nominal)) > 1e-9 ? 1 : 0;
  edge.form = ToleranceForm::reference;
  // Beyond the cut-off corner: the view's box still holds it.
  const double corner = dot(outward, top.at(plate.length, plate.width) - start);
  a.linear(start, end, outward, dot(outward, start) + corner + 8.0, edge);
  const Point vertex = top.at(plate.length, plate.width - plate.chamfer_y);
  const double slope = std::atan2(plate.chamfer_y, plate.chamfer_x) * 180.0 / kPi;
  DimensionSpec angle = size_spec(a.random(), SizeType::angle, std::round(90.0 - slope), false);
  a.angle(vertex, 90.0, 180.0 - slope, 12.0, 0.0, angle);
  const Point chamfer_mid = top.at(plate.length - plate.chamfer_x / 2, plate.width - plate.chamfer_y / 2);
  a.frame_leader(chamfer_mid, unit(Point{1.0, -1.0}),
                 choose_frame(a.random(), Characteristic::angularity, false, {"B"}));
}

// A size lettered as it is, with no tolerance of its own (the general tolerance applies).
DimensionSpec plain_size(double value, ToleranceForm form = ToleranceForm::none) {
  DimensionSpec spec;
  spec.nominal = value;
  spec.decimals = std::fabs(value - std::round(value)) > 1e-9 ? 1 : 0;
  spec.form = form;
  return spec;
}

// Where positions in the top view are measured from: the view, the direction away from the part
// across the front edge (datum C), that edge's v, and the corner holes' insets.
struct TopPositions {
  const ViewFrame& top;
  Point away;
  double edge_v;
  double inset_x, inset_y;
};

TopPositions top_positions(const Plate& plate, const PlateSheetViews& v) {
  const HoleGroup& corners = plate.holes.front();
  return {v.top,
          {0.0, v.top_above_front ? -1.0 : 1.0},
          v.top_above_front ? plate.width : 0.0,
          corners.xs[0],
          corners.ys[0]};
}

// Ordinate dimensioning: a 0 at datums B (left side) and C (front side), then each corner hole,
// bore and the far edges by their coordinate from it, lettered at the end of its extension line.
void ordinate_positions(Annotator& a, const Plate& plate, const PlateSheetViews& v) {
  const auto [top, away, edge_v, inset_x, inset_y] = top_positions(plate, v);
  const double near_v = v.top_above_front ? plate.width - inset_y : inset_y;
  std::vector<std::pair<double, double>> along{{inset_x, near_v}, {plate.length - inset_x, near_v}};
  std::vector<std::pair<double, double>> up{{inset_y, inset_x}, {plate.width - inset_y, inset_x}};
  for (std::size_t i = 1; i < plate.holes.size(); ++i) {
    along.emplace_back(plate.holes[i].xs[0], plate.holes[i].ys[0]);
    up.emplace_back(plate.holes[i].ys[0], plate.holes[i].xs[0]);
  }
  along.emplace_back(plate.length, edge_v);
  up.emplace_back(plate.width, 0.0);
  const double x_level = a.tier_level(away, top.at(0, edge_v), 0);
  a.ordinate_origin(top.at(0, edge_v), away, x_level);
  for (const auto& [x, y] : along) a.ordinate(top.at(x, y), away, x_level, plain_size(x));
  const Point left{-1.0, 0.0};
  const double y_level = a.tier_level(left, top.at(0, 0), 0);
  a.ordinate_origin(top.at(0, 0), left, y_level);
  for (const auto& [y, x] : up) a.ordinate(top.at(x, y), left, y_level, plain_size(y));
}

// Hole positions from datum B (left side), chained or as baseline dimensions all from B, then the
// overall length; the widths on the left. A crowded sheet chains every position on one tier (the
// last link a reference) and places each bore from B and C too.
void linear_positions(Annotator& a, const Plate& plate, const PlateSheetViews& v) {
  const auto [top, away, edge_v, inset_x, inset_y] = top_positions(plate, v);
  const bool crowded = a.plan().crowded;
  const bool baseline = !crowded && a.random().chance(0.4);
  const Point bottom_left = top.at(0, edge_v);
  a.linear(bottom_left, top.at(inset_x, v.top_above_front ? plate.width - inset_y : inset_y), away,
           a.tier_level(away, bottom_left, 0), size_spec(a.random(), SizeType::linear, inset_x, false));
  const double second_from = baseline ? 0.0 : inset_x;
  const int chain_tier = crowded ? 0 : 1;
  a.linear(top.at(second_from, edge_v), top.at(plate.length - inset_x, edge_v), away,
           a.tier_level(away, bottom_left, chain_tier),
           size_spec(a.random(), SizeType::linear, plate.length - inset_x - second_from, false));
  if (crowded) {
    a.linear(top.at(plate.length - inset_x, edge_v), top.at(plate.length, edge_v), away,
             a.tier_level(away, bottom_left, 0), plain_size(inset_x, ToleranceForm::reference));
  }
  a.linear(bottom_left, top.at(plate.length, edge_v), away, a.tier_level(away, bottom_left, chain_tier + 1),
           size_spec(a.random(), SizeType::linear, plate.length, false));
  const Point left{-1.0, 0.0};
  const Point origin = top.at(0, 0);
  if (crowded) {
    a.linear(origin, top.at(0, inset_y), left, a.tier_level(left, origin, 0),
             size_spec(a.random(), SizeType::linear, inset_y, false));
    a.linear(top.at(0, plate.width - inset_y), top.at(0, plate.width), left, a.tier_level(left, origin, 0),
             plain_size(inset_y, ToleranceForm::reference));
  }
  a.linear(top.at(0, inset_y), top.at(0, plate.width - inset_y), left, a.tier_level(left, origin, 0),
           size_spec(a.random(), SizeType::linear, plate.width - 2 * inset_y, false));
  a.linear(origin, top.at(0, plate.width), left, a.tier_level(left, origin, 1),
           size_spec(a.random(), SizeType::linear, plate.width, false));
  if (!crowded) return;
  for (std::size_t i = 1; i < plate.holes.size(); ++i) {
    const Point centre = top.at(plate.holes[i].xs[0], plate.holes[i].ys[0]);
    a.linear(bottom_left, centre, away, a.tier_level(away, bottom_left, 2),
             size_spec(a.random(), SizeType::linear, plate.holes[i].xs[0], false));
    a.linear(origin, centre, left, a.tier_level(left, origin, 2),
             size_spec(a.random(), SizeType::linear, plate.holes[i].ys[0], false));
  }
}

void dimension_top(Annotator& a, const Plate& plate, const PlateSheetViews& v, bool ordinate) {
  const auto [top, away, edge_v, inset_x, inset_y] = top_positions(plate, v);
  const HoleGroup& corners = plate.holes.front();
  // The chamfered corner first: its aligned dimension needs the room beyond the corner.
  if (plate.chamfer_x > 0) dimension_chamfer(a, plate, top);
  if (ordinate) {
    ordinate_positions(a, plate, v);
  } else {
    linear_positions(a, plate, v);
  }

  std::optional<FrameSpec> position;
  if (a.random().chance(0.65)) {
    position = a.random().chance(0.3) ? composite_position(a.random(), {"A", "B", "C"})
                                      : choose_frame(a.random(), Characteristic::position, true, {"A", "B", "C"});
    // A tapped hole's zone is projected above the part, as high as the part screwed onto it.
    if (corners.kind == HoleKind::tapped_blind && a.random().chance(0.5)) {
      position->modifiers.push_back('P');
      position->projected_height = a.random().pick(std::array<double, 4>{10, 12, 15, 20});
    }
  }
  const double corner_u = plate.length - inset_x, corner_v = plate.width - inset_y;
  const double reach = corners.kind == HoleKind::tapped_blind ? corners.diameter / 2 : corners.outer_diameter() / 2;
  const Point out = unit(Point{1.0, -1.0});
  a.leader(top.at(corner_u, corner_v) + out * (reach * top.scale), out, hole_callout(corners, plate.thickness),
           position);

  for (std::size_t i = 1; i < plate.holes.size(); ++i) {
    const HoleGroup& bore = plate.holes[i];
    DimensionSpec spec = size_spec(a.random(), SizeType::diameter, bore.diameter, bore.fitted);
    std::optional<FrameSpec> frame;
    if (a.random().chance(0.6)) {
      const Characteristic c = a.random().chance(0.5) ? Characteristic::perpendicularity : Characteristic::position;
      frame = choose_frame(a.random(), c, true, {"A", "B", "C"});
      if (c == Characteristic::position && a.random().chance(0.35)) {
        // The bore's axis also held square to the face, in a frame stacked under the position.
        FrameSpec square = choose_frame(a.random(), Characteristic::perpendicularity, true, {"A"});
        if (tighten(square, frame->tolerance)) frame = stacked(*frame, square);
      }
    }
    const Point dir = unit(Point{-1.0, -1.0});
    a.leader(top.at(bore.xs[0], bore.ys[0]) + dir * (bore.diameter / 2 * top.scale), dir, spec, frame);
  }
  if (plate.pocket) {
    const Pocket& p = *plate.pocket;
    a.linear(top.at(p.x, p.y + p.height), top.at(p.x + p.width, p.y + p.height), away,
             a.tier_level(away, top.at(0, edge_v), 3), size_spec(a.random(), SizeType::linear, p.width, false));
    DimensionSpec radius = size_spec(a.random(), SizeType::radius, p.corner_radius, false);
    radius.count = 4;
    radius.form = ToleranceForm::none;
    const double r = p.corner_radius;
    const Point corner_dir = unit(Point{1.0, 1.0});
    const Point on_arc = top.at(p.x + p.width - r, p.y + r) + corner_dir * (r * top.scale);
    a.leader(on_arc, corner_dir, radius, std::nullopt);
  }
  if (plate.slot) {
    const Slot& s = *plate.slot;
    DimensionSpec width = size_spec(a.random(), SizeType::linear, s.width, true);
    const Point right{1.0, 0.0};
    a.linear(top.at(s.x + s.length / 2, s.y - s.width / 2), top.at(s.x + s.length / 2, s.y + s.width / 2), right,
             a.tier_level(right, top.at(plate.length, 0), 0), width);
    // A symmetry frame on the slot: its truth is the frame as drawn, not a checked design intent.
    a.frame_leader(top.at(s.x - s.length / 4, s.y + s.width / 2), unit(Point{-1.0, -1.0}),
                   choose_frame(a.random(), Characteristic::symmetry, true, {"C"}));
  }
  if (plate.pocket && a.random().chance(0.5)) {
    const Pocket& p = *plate.pocket;
    a.frame_leader(top.at(p.x, p.y + p.height / 2), {-1.0, 0.0},
                   choose_frame(a.random(), Characteristic::symmetry, true, {"B"}));
  }
}

void dimension_front(Annotator& a, const Plate& plate, const PlateSheetViews& v) {
  const ViewFrame& front = v.front;
  const Point left{-1.0, 0.0};
  a.linear(front.at(0, 0), front.at(0, plate.thickness), left, a.tier_level(left, front.at(0, 0), 0),
           size_spec(a.random(), SizeType::linear, plate.thickness, false));
  const Point right{1.0, 0.0};
  if (plate.pocket) {
    const Pocket& p = *plate.pocket;
    a.linear(front.at(p.x + p.width, plate.thickness - p.depth), front.at(p.x + p.width, plate.thickness), right,
             a.tier_level(right, front.at(plate.length, 0), 0),
             size_spec(a.random(), SizeType::linear, p.depth, false));
  }
  const Point down{0.0, 1.0};
  const Point up{0.0, -1.0};
  // Datums: A the bottom face, B the left side, C the front side (the top view's lower edge).
  a.datum(front.at(plate.length * 0.2, 0.0), down, "A");
  a.datum(v.top.at(0, plate.width * 0.65), left, "B");
  a.datum(v.top.at(plate.length * 0.65, 0.0), down, "C");

  static constexpr std::array<Characteristic, 5> kSurfaceFrames{
      Characteristic::flatness, Characteristic::parallelism, Characteristic::surface_profile,
      Characteristic::straightness, Characteristic::line_profile};
  const Characteristic c = a.random().pick(kSurfaceFrames);
  FrameSpec top_face = choose_frame(a.random(), c, false, {"A"});
  if (c == Characteristic::parallelism && a.random().chance(0.4)) {
    // Parallel to A within the upper zone and flat within the smaller one below.
    FrameSpec flat = choose_frame(a.random(), Characteristic::flatness, false, {});
    if (tighten(flat, top_face.tolerance)) top_face = stacked(top_face, flat);
  }
  a.frame_leader(front.at(plate.length * 0.6, plate.thickness), up, top_face);
  a.frame_leader(front.at(plate.length, plate.thickness * 0.5), right,
                 choose_frame(a.random(), Characteristic::perpendicularity, false, {"A", "B"}));
  a.surface_finish(front.at(plate.length * 0.35, plate.thickness));
}

// Datum A set up on three point targets of the bottom face, seen edge-on in the front view: the
// three points of a plane, spread along the length (ISO 5459 / ASME Y14.5 datum targets).
void target_datum_a(Annotator& a, const Plate& plate, const ViewFrame& front) {
  static constexpr std::array<double, 3> kAlong{0.1, 0.5, 0.9};
  int number = 0;
  for (double along : kAlong) {
    const std::string label = "A" + std::to_string(number + 1);
    if (a.datum_target(front.at(plate.length * along, 0.0), unit(Point{along < 0.5 ? -0.5 : 0.5, 1.0}), label)) {
      ++number;
    }
  }
}

}  // namespace

bool annotate_plate(Annotator& annotator, const Plate& plate, const PlateSheetViews& views) {
  const bool ordinate = annotator.random().chance(0.3);
  dimension_top(annotator, plate, views, ordinate);
  dimension_front(annotator, plate, views);
  if (annotator.random().chance(0.3)) target_datum_a(annotator, plate, views.front);
  return ordinate;
}

}  // namespace drawlens::synth
