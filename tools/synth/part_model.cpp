// Plausible parts: plate sizes on 5 mm steps with corner screw holes and one or two further
// features, turned parts from preferred diameters; the screw table is the ISO/DIN data cited.
#include "part_model.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace drawlens::synth {
namespace {

// ISO 261 coarse pitch, ISO 273 medium clearance, DIN 974-1 counterbore for ISO 4762, ISO 2306 tap drill,
// 90° countersink diameter: the ISO 10642 theoretical head diameter dk (M4 8.96, M5 11.2, M6 13.44,
// M8 17.92, M10 22.4, M12 26.88 mm) rounded up to the next 0.5 mm, so the head sits flush.
constexpr std::array<ScrewSize, 6> kScrews{{
    {4, 0.7, 4.5, 8.0, 4.6, 3.3, 9.0},
    {5, 0.8, 5.5, 10.0, 5.7, 4.2, 11.5},
    {6, 1.0, 6.6, 11.0, 6.8, 5.0, 13.5},
    {8, 1.25, 9.0, 15.0, 9.0, 6.8, 18.0},
    {10, 1.5, 11.0, 18.0, 11.0, 8.5, 22.5},
    {12, 1.75, 13.5, 20.0, 13.0, 10.2, 27.0},
}};

constexpr std::array<double, 17> kPreferredDiameters{10, 12, 15, 16, 17, 20, 22, 25, 28,
                                                     30, 32, 35, 40, 45, 50, 55, 60};

double step_of(RandomSource& random, double low, double high, double step) {
  const int count = static_cast<int>((high - low) / step);
  return low + step * random.uniform_int(0, std::max(0, count));
}

HoleGroup corner_holes(RandomSource& random, const Plate& plate) {
  HoleGroup group;
  const double limit = std::min(plate.length, plate.width);
  const int max_screw = limit >= 120 ? 5 : limit >= 80 ? 3 : 2;
  group.screw = kScrews[random.uniform_int(0, max_screw)];
  const double pick = random.uniform_real(0.0, 1.0);
  group.kind = pick < 0.3    ? HoleKind::through
               : pick < 0.55 ? HoleKind::counterbored
               : pick < 0.75 ? HoleKind::countersunk
                             : HoleKind::tapped_blind;
  group.diameter = group.kind == HoleKind::tapped_blind ? group.screw.tap_drill : group.screw.clearance;
  group.depth = std::min(plate.thickness - 2.0, 2.0 * group.screw.nominal);
  if (group.kind == HoleKind::tapped_blind && group.depth < 1.5 * group.screw.nominal) group.kind = HoleKind::through;
  if (group.kind == HoleKind::counterbored && group.screw.counterbore_depth > plate.thickness - 3.0) {
    group.kind = HoleKind::through;
  }
  if (group.kind == HoleKind::countersunk && group.countersink_depth() > plate.thickness - 3.0) {
    group.kind = HoleKind::through;
  }
  // 4 mm of material beyond the widest hole rim, on a half-millimetre step.
  const double rim = std::ceil(std::max(group.screw.counterbore, group.outer_diameter()) + 8.0) / 2;
  const double inset = std::max(rim, step_of(random, 8.0, 20.0, 2.0));
  group.xs = {inset, plate.length - inset, inset, plate.length - inset};
  group.ys = {inset, inset, plate.width - inset, plate.width - inset};
  return group;
}

Plate invent_plate(RandomSource& random) {
  Plate plate;
  plate.length = step_of(random, 80.0, 240.0, 5.0);
  plate.width = step_of(random, 50.0, std::max(50.0, plate.length * 0.8), 5.0);
  plate.thickness = random.pick(std::array<double, 7>{8, 10, 12, 15, 16, 20, 25});
  if (random.chance(0.4)) {
    plate.chamfer_y = step_of(random, 6.0, 16.0, 2.0);
    plate.chamfer_x = random.chance(0.5) ? plate.chamfer_y : plate.chamfer_y * 1.7320508075688772;
  }
  plate.holes.push_back(corner_holes(random, plate));
  const double inner_left = plate.holes[0].xs[0] + 12.0;
  const double inner_right = plate.length - inner_left;
  const double inner_bottom = plate.holes[0].ys[0] + 10.0;
  const double inner_top = plate.width - inner_bottom;
  const double room_x = inner_right - inner_left;
  const double room_y = inner_top - inner_bottom;
  const double feature = random.uniform_real(0.0, 1.0);
  if (feature < 0.4 && room_x > 20 && room_y > 20) {
    HoleGroup bore;
    bore.kind = HoleKind::through;
    bore.fitted = true;
    bore.diameter = std::min(40.0, step_of(random, 10.0, std::min(room_x, room_y) * 0.6, 2.0));
    bore.xs = {plate.length / 2};
    bore.ys = {plate.width / 2};
    plate.holes.push_back(bore);
  } else if (feature < 0.75 && room_x > 30 && room_y > 20) {
    Pocket pocket;
    pocket.width = step_of(random, 20.0, room_x * 0.8, 5.0);
    pocket.height = step_of(random, 12.0, room_y * 0.8, 2.0);
    pocket.x = plate.length / 2 - pocket.width / 2;
    pocket.y = plate.width / 2 - pocket.height / 2;
    pocket.depth = std::min(plate.thickness / 2, step_of(random, 2.0, 8.0, 1.0));
    pocket.corner_radius = std::min(pocket.height / 2 - 1.0, random.pick(std::array<double, 4>{3, 4, 5, 6}));
    plate.pocket = pocket;
  } else if (room_x > 30 && room_y > 12) {
    Slot slot;
    slot.width = random.pick(std::array<double, 5>{6.6, 8, 9, 10, 11});
    slot.length = step_of(random, 10.0, std::max(10.0, room_x * 0.6), 5.0);
    slot.x = plate.length / 2;
    slot.y = plate.width / 2;
    plate.slot = slot;
  }
  return plate;
}

TurnedPart invent_turned(RandomSource& random, int variant) {
  TurnedPart part;
  if (variant == 0) {  // stepped shaft
    const int steps = random.uniform_int(3, 5);
    const int peak = random.uniform_int(1, steps - 2);
    int index = random.uniform_int(4, 10);
    for (int i = 0; i < steps; ++i) {
      const int d = std::clamp(index, 0, static_cast<int>(kPreferredDiameters.size()) - 1);
      part.steps.push_back({kPreferredDiameters[d], step_of(random, 12.0, 50.0, 2.0)});
      index += i < peak ? random.uniform_int(1, 3) : -random.uniform_int(1, 3);
    }
    if (random.chance(0.5)) {
      const double last = part.steps.back().diameter;
      for (auto screw = kScrews.rbegin(); screw != kScrews.rend(); ++screw) {
        if (screw->nominal <= last && screw->nominal >= 6) {
          part.end_thread = *screw;
          part.steps.back().diameter = screw->nominal;
          break;
        }
      }
    }
    part.chamfer_left = random.pick(std::array<double, 3>{0.5, 1.0, 1.5});
    part.chamfer_right = part.chamfer_left;
    // A domed end on three plain shafts in five: a spherical cap of 0.75 to 1.5 diameters radius,
    // whole millimetres, meeting the cylinder without a chamfer.
    if (!part.end_thread && random.chance(0.6)) {
      const double d = part.steps.back().diameter;
      part.dome_radius = std::round(d * random.pick(std::array<double, 3>{0.75, 1.0, 1.5}));
      part.chamfer_right = 0.0;
      part.steps.back().length = std::max(part.steps.back().length, 2.0 * std::ceil(part.dome_height() / 2 + 4.0));
    }
    return part;
  }
  if (variant == 1) {  // flange with hub
    double flange = step_of(random, 80.0, 160.0, 10.0);
    const double hub = step_of(random, 40.0, flange * 0.6, 5.0);
    const ScrewSize& screw = kScrews[random.uniform_int(2, 4)];
    // Room for the bolt holes between hub and rim.
    flange = std::max(flange, 10.0 * std::ceil((hub + 2 * screw.clearance + 12.0) / 10.0));
    part.steps = {{flange, step_of(random, 10.0, 20.0, 2.0)}, {hub, step_of(random, 20.0, 45.0, 5.0)}};
    part.bore = step_of(random, 16.0, hub * 0.6, 2.0);
    part.bolt_circle = BoltCircle{random.pick(std::array<int, 3>{4, 6, 8}), screw.clearance, (flange + hub) / 2, 0};
    part.chamfer_left = 1.0;
    part.chamfer_right = 1.0;
    return part;
  }
  const double outer = step_of(random, 20.0, 60.0, 2.0);  // bushing
  part.steps = {{outer, step_of(random, 16.0, 60.0, 2.0)}};
  part.bore = step_of(random, 2.0 * std::ceil(outer * 0.2), outer * 0.7, 2.0);  // even millimetres
  part.chamfer_left = 1.0;
  part.chamfer_right = 1.0;
  return part;
}

}  // namespace

double HoleGroup::outer_diameter() const {
  switch (kind) {
    case HoleKind::counterbored: return screw.counterbore;
    case HoleKind::countersunk: return screw.countersink;
    case HoleKind::tapped_blind: return screw.nominal;
    default: return diameter;
  }
}

double TurnedPart::total_length() const {
  double total = 0.0;
  for (const Step& s : steps) total += s.length;
  return total;
}

double TurnedPart::dome_height() const {
  if (dome_radius <= 0) return 0.0;
  const double r = steps.back().diameter / 2;
  return dome_radius - std::sqrt(dome_radius * dome_radius - r * r);
}

double TurnedPart::max_diameter() const {
  double d = 0.0;
  for (const Step& s : steps) d = std::max(d, s.diameter);
  return d;
}

Part invent_part(RandomSource& random) {
  Part part;
  const double pick = random.uniform_real(0.0, 1.0);
  if (pick < 0.4) {
    part.kind = Part::Kind::plate;
    part.kind_name = "plate";
    part.plate = invent_plate(random);
    const int name = random.uniform_int(0, 2);
    static constexpr const char* kNames[3][3] = {{"MOUNTING PLATE", "Grundplatte", "베이스 플레이트"},
                                                 {"BEARING PLATE", "Lagerplatte", "베어링 플레이트"},
                                                 {"ADAPTER PLATE", "Adapterplatte", "어댑터 플레이트"}};
    part.name_english = kNames[name][0];
    part.name_german = kNames[name][1];
    part.name_korean = kNames[name][2];
    return part;
  }
  if (pick < 0.6) {
    part.kind = Part::Kind::bracket;
    part.bracket = invent_bracket(random);
    part.kind_name = part.bracket.u_shape ? "u_bracket" : "l_bracket";
    static constexpr const char* kNames[2][3] = {{"ANGLE BRACKET", "Winkel", "앵글 브래킷"},
                                                 {"U-BRACKET", "U-Halter", "U 브래킷"}};
    const int name = part.bracket.u_shape ? 1 : 0;
    part.name_english = kNames[name][0];
    part.name_german = kNames[name][1];
    part.name_korean = kNames[name][2];
    return part;
  }
  part.kind = Part::Kind::turned;
  const int variant = random.uniform_int(0, 2);
  part.turned = invent_turned(random, variant);
  static constexpr const char* kKinds[3] = {"shaft", "flange", "bushing"};
  part.kind_name = kKinds[variant];
  static constexpr const char* kNames[3][3] = {
      {"DRIVE SHAFT", "Antriebswelle", "구동축"}, {"FLANGE", "Flansch", "플랜지"}, {"BUSHING", "Buchse", "부싱"}};
  part.name_english = kNames[variant][0];
  part.name_german = kNames[variant][1];
  part.name_korean = kNames[variant][2];
  return part;
}

const ScrewSize* screw_for_clearance(double clearance) {
  for (const ScrewSize& screw : kScrews) {
    if (std::fabs(screw.clearance - clearance) < 1e-9) return &screw;
  }
  return nullptr;
}

}  // namespace drawlens::synth
