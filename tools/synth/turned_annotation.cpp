// Turned part dimensioning: lengths from the left face in a chain, diameters with shaft fits on
// the bearing seats, the bore with a hole fit, the bolt circle basic with its position frame.
#include "turned_annotation.h"

#include <array>
#include <cmath>

#include "turned_views.h"

namespace drawlens::synth {
namespace {

using parse::Characteristic;
using parse::SizeType;

// 1.25 → "1.25", 1.5 → "1.5", 1 → "1".
std::string pitch_text(double pitch) {
  std::string text = format_number(pitch, 2, false);
  while (text.back() == '0') text.pop_back();
  if (text.back() == '.') text.pop_back();
  return text;
}

std::vector<double> boundaries(const TurnedPart& part) {
  std::vector<double> xs{0.0};
  for (const Step& s : part.steps) xs.push_back(xs.back() + s.length);
  return xs;
}

// The enlarged chamfer (the right one, or the left one beside a domed right end): its length along
// the axis and the chamfer callout.
void dimension_detail(Annotator& a, const TurnedPart& part, const ViewFrame& detail) {
  const bool left = part.dome_radius > 0;
  const double c = left ? part.chamfer_left : part.chamfer_right;
  const double face = left ? 0.0 : part.total_length(), inward = left ? 1.0 : -1.0;
  const double top = part.max_diameter() / 2 + (left ? part.steps.front() : part.steps.back()).diameter / 2;
  const Point up{0.0, -1.0};
  // Dimension lines above the detail's circle: its top is 3 chamfers or 3 mm above the chamfer.
  const Point circle_top = detail.at(face + inward * c / 2, top - c / 2 + std::max(3.0, 3.0 * c));
  DimensionSpec length = size_spec(a.random(), SizeType::linear, c, false);
  a.linear(detail.at(std::min(face, face + inward * c), top), detail.at(std::max(face, face + inward * c), top), up,
           a.tier_level(up, circle_top, 1), length);
  DimensionSpec chamfer;
  chamfer.kind = SizeType::chamfer;
  chamfer.nominal = c;
  chamfer.decimals = c == std::round(c) ? 0 : 1;
  const Point out = unit(Point{-inward, -1.0});
  a.leader(detail.at(face + inward * c / 2, top - c / 2), out, chamfer, std::nullopt);
}

// The domed end's spherical radius on a leader whose arrow ends on the arc, pointing from its centre.
void dimension_dome(Annotator& a, const TurnedPart& part, const ViewFrame& front) {
  const double axis = part.max_diameter() / 2, big = part.dome_radius;
  const double reach = std::asin(part.steps.back().diameter / 2 / big);
  const double angle = reach * 0.5;
  const Point radial = unit(Point{std::cos(angle), -std::sin(angle)});  // on the sheet, y down
  const Point on_arc = front.at(part.total_length() - big, axis) + radial * (big * front.scale);
  DimensionSpec spec;
  spec.kind = SizeType::spherical_radius;
  spec.nominal = big;
  a.leader(on_arc, radial, spec, std::nullopt);
}

}  // namespace

void annotate_turned_diameters(Annotator& a, const TurnedPart& part, const TurnedSheetViews& v) {
  const double axis = part.max_diameter() / 2;
  const std::vector<double> xs = boundaries(part);
  for (std::size_t i = 0; i < part.steps.size(); ++i) {
    const double r = part.steps[i].diameter / 2;
    const double u = (xs[i] + xs[i + 1]) / 2;
    const Point bottom = v.front.at(u, axis - r), top = v.front.at(u, axis + r);
    DimensionSpec spec;
    if (i + 1 == part.steps.size() && part.end_thread) {
      spec.kind = SizeType::thread;
      spec.nominal = part.end_thread->nominal;
      spec.thread = "M" + std::to_string(part.end_thread->nominal) + "x" + pitch_text(part.end_thread->pitch) + "-6g";
    } else {
      spec = size_spec(a.random(), SizeType::diameter, part.steps[i].diameter, true, true);
    }
    a.linear(bottom, top, {1.0, 0.0}, bottom.x, spec);
  }
}

void annotate_turned(Annotator& a, const TurnedPart& part, const TurnedSheetViews& v) {
  const double axis = part.max_diameter() / 2;
  const std::vector<double> xs = boundaries(part);
  const Point down{0.0, 1.0};
  const double base = v.front.at(0, 0).y;
  const double r_first = part.steps.front().diameter / 2;
  // Datum A on the first step (a bearing seat), placed before the lengths take the space below.
  for (double along : {0.3, 0.6, 0.85}) {
    if (a.datum(v.front.at(part.steps[0].length * along, axis - r_first), down, "A")) break;
  }
  for (std::size_t i = 0; i < part.steps.size() && part.steps.size() > 1; ++i) {
    const double r = part.steps[i].diameter / 2;
    const bool apex = i + 1 == part.steps.size() && part.dome_radius > 0;
    a.linear(v.front.at(xs[i], axis - r), v.front.at(xs[i + 1], apex ? axis : axis - r), down, base + 10.0,
             size_spec(a.random(), SizeType::linear, part.steps[i].length, false, false));
  }
  // A domed end is measured to its apex on the axis.
  const double right_v = part.dome_radius > 0 ? axis : axis - part.steps.back().diameter / 2;
  a.linear(v.front.at(0, axis - r_first), v.front.at(xs.back(), right_v), down, base + 18.0,
           size_spec(a.random(), SizeType::linear, part.total_length(), false, false));
  if (part.dome_radius > 0) dimension_dome(a, part, v.front);

  DimensionSpec chamfer;
  chamfer.kind = SizeType::chamfer;
  chamfer.nominal = part.chamfer_left;
  chamfer.decimals = part.chamfer_left == std::round(part.chamfer_left) ? 0 : 1;
  // The enlarged chamfer is dimensioned on its detail when there is one (the left one beside a dome).
  chamfer.count = part.chamfer_right == part.chamfer_left && !v.detail ? 2 : 1;
  const Point chamfer_mid = v.front.at(part.chamfer_left / 2, axis + r_first - part.chamfer_left / 2);
  if (!v.detail || part.dome_radius <= 0) a.leader(chamfer_mid, unit(Point{-1.0, -1.0}), chamfer, std::nullopt);

  // Form and runout frames on the steps after the datum step.
  static constexpr std::array<Characteristic, 5> kAxial{Characteristic::circular_runout, Characteristic::total_runout,
                                                        Characteristic::cylindricity, Characteristic::circularity,
                                                        Characteristic::concentricity};
  for (std::size_t i = 1; i < part.steps.size() && i <= 2; ++i) {
    const double u = xs[i] + part.steps[i].length * 0.3;
    a.frame_leader(v.front.at(u, axis + part.steps[i].diameter / 2), {0.0, -1.0},
                   choose_frame(a.random(), a.random().pick(kAxial), true, {"A"}));
  }
  a.surface_finish(v.front.at(xs[0] + part.steps[0].length * 0.6, axis + r_first));
  if (v.detail) dimension_detail(a, part, *v.detail);

  const double c = part.max_diameter() / 2;
  if (part.bore > 0) {
    const Point dir = unit(Point{1.0, -1.0});
    const Point tip = v.end->at(c, c) + dir * (part.bore / 2 * v.end->scale);
    a.leader(tip, dir, size_spec(a.random(), SizeType::diameter, part.bore, true, false), std::nullopt);
  }
  if (part.bolt_circle) {
    const BoltCircle& bc = *part.bolt_circle;
    a.datum(v.front.at(0, axis + part.steps[0].diameter * 0.3), {-1.0, 0.0}, "B");
    DimensionSpec holes;
    holes.kind = SizeType::diameter;
    holes.count = bc.count;
    holes.nominal = bc.hole_diameter;
    holes.decimals = bc.hole_diameter == std::round(bc.hole_diameter) ? 0 : 1;
    holes.thru = true;
    const Point hole = v.end->at(c, c + bc.pitch_diameter / 2);
    const Point dir = unit(Point{1.0, -1.0});
    a.leader(hole + dir * (bc.hole_diameter / 2 * v.end->scale), dir, holes,
             a.random().chance(0.35) ? composite_position(a.random(), {"A", "B"})
                                     : choose_frame(a.random(), Characteristic::position, true, {"A", "B"}));
    DimensionSpec pitch;
    pitch.kind = SizeType::diameter;
    pitch.nominal = bc.pitch_diameter;
    pitch.decimals = bc.pitch_diameter == std::round(bc.pitch_diameter) ? 0 : 1;
    pitch.form = ToleranceForm::basic;
    const Point on_circle = v.end->at(c, c) + unit(Point{-1.0, 1.0}) * (bc.pitch_diameter / 2 * v.end->scale);
    a.leader(on_circle, unit(Point{-1.0, 1.0}), pitch, std::nullopt);
  }
}

}  // namespace drawlens::synth
