// Bracket dimensioning: outside dimensions of the bent part (as sheet-metal drawings give them),
// the inside bend radius on a leader, hole positions from the outside face of the left flange,
// datum A the underside of the base with the flanges perpendicular to it.
#include "bracket_annotation.h"

#include <cmath>
#include <set>

#include "plate_annotation.h"

namespace drawlens::synth {
namespace {

using parse::Characteristic;
using parse::SizeType;

constexpr Point kUp{0.0, -1.0}, kDown{0.0, 1.0}, kLeft{-1.0, 0.0}, kRight{1.0, 0.0};

DimensionSpec plain(Annotator& a, double value) {
  return size_spec(a.random(), SizeType::linear, std::round(value * 10) / 10, false);
}

void dimension_profile(Annotator& a, const Bracket& b, const BracketSheetViews& v) {
  const ViewFrame& f = v.front;
  const double t = b.thickness, r = b.bend_radius, bz = r + t, h = b.height, l = b.length;
  a.linear(f.at(0, 0), f.at(l, 0), kDown, a.tier_level(kDown, f.at(0, 0), 0), plain(a, l));
  a.linear(f.at(0, 0), f.at(0, h), kLeft, a.tier_level(kLeft, f.at(0, 0), 0), plain(a, h));
  if (b.u_shape) {
    a.linear(f.at(l - t, h), f.at(l, h), kUp, a.tier_level(kUp, f.at(l, h), 0), plain(a, t));
  } else {
    a.linear(f.at(l, 0), f.at(l, t), kRight, a.tier_level(kRight, f.at(l, 0), 0), plain(a, t));
  }
  DimensionSpec radius = size_spec(a.random(), SizeType::radius, r, false);
  radius.form = ToleranceForm::none;
  radius.count = b.bends();
  const double diagonal = r / std::sqrt(2.0);
  const Point inside = unit(Point{1.0, -1.0});
  a.leader(f.at(bz - diagonal, bz - diagonal), inside, radius, std::nullopt);
  a.datum(f.at(b.u_shape ? l * 0.5 : l * 0.7, 0.0), kDown, "A");
  a.frame_leader(f.at(0.0, h * 0.75), kLeft, choose_frame(a.random(), Characteristic::perpendicularity, false, {"A"}));
}

void dimension_plan(Annotator& a, const Bracket& b, const BracketSheetViews& v) {
  const ViewFrame& p = v.plan;
  const Point away = v.plan_above_front ? kUp : kDown;
  const double edge = v.plan_above_front ? b.width : 0.0;
  a.linear(p.at(b.length, 0), p.at(b.length, b.width), kRight, a.tier_level(kRight, p.at(b.length, 0), 0),
           plain(a, b.width));
  if (b.base_slot) {
    const Slot& s = *b.base_slot;
    a.linear(p.at(0, edge), p.at(s.x - s.length / 2, s.y), away, a.tier_level(away, p.at(0, edge), 0),
             plain(a, s.x - s.length / 2));
    a.linear(p.at(s.x - s.length / 2, s.y), p.at(s.x + s.length / 2, s.y), away, a.tier_level(away, p.at(0, edge), 1),
             plain(a, s.length));
    a.linear(p.at(s.x + s.length / 2, s.y - s.width / 2), p.at(s.x + s.length / 2, s.y + s.width / 2), kLeft,
             a.tier_level(kLeft, p.at(0, 0), 0), size_spec(a.random(), SizeType::linear, s.width, true));
    return;
  }
  const HoleGroup& holes = b.base_holes;
  const std::set<double> us(holes.xs.begin(), holes.xs.end()), ys(holes.ys.begin(), holes.ys.end());
  const double first_u = *us.begin(), last_u = *us.rbegin(), low_y = *ys.begin(), high_y = *ys.rbegin();
  const double near_y = v.plan_above_front ? high_y : low_y;
  a.linear(p.at(0, edge), p.at(first_u, near_y), away, a.tier_level(away, p.at(0, edge), 0), plain(a, first_u));
  if (us.size() > 1) {
    a.linear(p.at(first_u, near_y), p.at(last_u, near_y), away, a.tier_level(away, p.at(0, edge), 1),
             plain(a, last_u - first_u));
  }
  if (ys.size() > 1) {
    a.linear(p.at(last_u, low_y), p.at(last_u, high_y), kRight, a.tier_level(kRight, p.at(b.length, 0), 1),
             plain(a, high_y - low_y));
  }
  const Point out = unit(Point{1.0, -1.0});
  a.leader(p.at(last_u, high_y) + out * (holes.diameter / 2 * p.scale), out, hole_callout(holes, b.thickness),
           std::nullopt);
}

void dimension_side(Annotator& a, const Bracket& b, const BracketSheetViews& v) {
  const ViewFrame& s = *v.side;
  const HoleGroup& holes = b.flange_holes;
  const auto u_of = [&](double y) { return v.side_from_right ? y : b.width - y; };
  const double u0 = std::min(u_of(holes.xs.front()), u_of(holes.xs.back()));
  const double u1 = std::max(u_of(holes.xs.front()), u_of(holes.xs.back()));
  const double hv = holes.ys.front();
  a.linear(s.at(u0, hv), s.at(u1, hv), kUp, a.tier_level(kUp, s.at(0, b.height), 0), plain(a, u1 - u0));
  a.linear(s.at(b.width, 0), s.at(u1, hv), kRight, a.tier_level(kRight, s.at(b.width, 0), 0), plain(a, hv));
  const Point out = unit(Point{-1.0, -1.0});
  DimensionSpec callout = hole_callout(holes, b.thickness);
  callout.count *= b.bends();
  a.leader(s.at(u0, hv) + out * (holes.diameter / 2 * s.scale), out, callout, std::nullopt);
}

void dimension_flat(Annotator& a, const Bracket& b, const BracketSheetViews& v) {
  const ViewFrame& f = *v.flat;
  const double flat = b.flat_length();
  a.linear(f.at(0, b.width), f.at(flat, b.width), kUp, a.tier_level(kUp, f.at(0, b.width), 1), plain(a, flat));
  a.linear(f.at(0, 0), f.at(0, b.width), kLeft, a.tier_level(kLeft, f.at(0, 0), 0), plain(a, b.width));
}

}  // namespace

void annotate_bracket(Annotator& annotator, const Bracket& bracket, const BracketSheetViews& views) {
  dimension_profile(annotator, bracket, views);
  dimension_plan(annotator, bracket, views);
  if (views.side && !bracket.flange_holes.xs.empty()) dimension_side(annotator, bracket, views);
  if (views.flat) dimension_flat(annotator, bracket, views);
}

}  // namespace drawlens::synth
