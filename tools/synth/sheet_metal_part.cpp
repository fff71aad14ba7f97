// Bracket sizes: sheet thicknesses and inside radii from the preferred series of DIN 6935, screw
// clearance holes after ISO 273; the developed length after DIN 6935 (correction factor k).
#include "geometry.h"
#include "part_model.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace drawlens::synth {
namespace {

// Sheet thickness and the smallest inside radius DIN 6935 (Beiblatt 1) gives for cold bending
// S235JR across the rolling direction; a designer picks it or the next preferred radius.
struct SheetGauge {
  double thickness;
  double min_radius;
};
constexpr std::array<SheetGauge, 6> kGauges{{{1.0, 1.0}, {1.5, 1.6}, {2.0, 2.5}, {2.5, 3.0}, {3.0, 4.0}, {4.0, 6.0}}};
// DIN 6935 preferred inside radii.
constexpr std::array<double, 9> kRadii{1.0, 1.6, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0};
// ISO 273 medium clearance holes for M4, M5, M6, M8.
constexpr std::array<double, 4> kClearance{4.5, 5.5, 6.6, 9.0};

double step_of(RandomSource& random, double low, double high, double step) {
  const int count = static_cast<int>((high - low) / step);
  return low + step * random.uniform_int(0, std::max(0, count));
}

}  // namespace

double Bracket::k_factor() const {
  // DIN 6935: k = 0.65 + 0.5 lg(r/s) for r/s < 5, else 1.
  const double ratio = bend_radius / thickness;
  return ratio >= 5.0 ? 1.0 : std::min(1.0, 0.65 + 0.5 * std::log10(ratio));
}

double Bracket::bend_allowance() const {
  return kPi / 2 * (bend_radius + thickness / 2 * k_factor());
}

double Bracket::flat_length() const {
  // Outside dimensions less the bend zones (r + t each side of every bend) plus the neutral fibre.
  const double bend_zone = bend_radius + thickness;
  return length + bends() * (height - 2 * bend_zone + bend_allowance());
}

double Bracket::flat_bend_centre(int index) const {
  const double flange_flat = height - bend_radius - thickness;
  if (index == 0) return flange_flat + bend_allowance() / 2;
  return flat_length() - flange_flat - bend_allowance() / 2;
}

double Bracket::flat_u_of_base(double u) const {
  // The base's flat part starts after the left flange and its bend.
  const double bend_zone = bend_radius + thickness;
  return height - bend_zone + bend_allowance() + (u - bend_zone);
}

double Bracket::flat_u_of_flange(double v, int flange) const {
  return flange == 0 ? height - v : flat_length() - (height - v);
}

Bracket invent_bracket(RandomSource& random) {
  Bracket b;
  b.u_shape = random.chance(0.4);
  const SheetGauge& gauge = kGauges[random.uniform_int(0, static_cast<int>(kGauges.size()) - 1)];
  b.thickness = gauge.thickness;
  const auto first = std::find_if(kRadii.begin(), kRadii.end(), [&](double r) { return r >= gauge.min_radius; });
  const auto index = static_cast<std::size_t>(first - kRadii.begin());
  b.bend_radius = kRadii[std::min(kRadii.size() - 1, index + static_cast<std::size_t>(random.uniform_int(0, 1)))];
  b.length = step_of(random, b.u_shape ? 50.0 : 40.0, 160.0, 5.0);
  b.width = step_of(random, 30.0, 90.0, 5.0);
  b.height = step_of(random, 25.0, b.u_shape ? 60.0 : 90.0, 5.0);
  const double hole = kClearance[random.uniform_int(0, static_cast<int>(kClearance.size()) - 1)];
  const double bend_zone = b.bend_radius + b.thickness;
  // Holes stay clear of the bend zone by at least their diameter (distortion), and of the edges.
  const double first_u = std::ceil(std::max(bend_zone + 1.5 * hole, step_of(random, 12.0, 20.0, 2.0)));
  const double inset_y = std::ceil(std::max(hole + 2.0, step_of(random, 8.0, 14.0, 1.0)));
  if (b.length - first_u - (b.u_shape ? first_u : 0.0) > 20.0 && random.chance(0.3)) {
    Slot slot;
    slot.width = hole;
    slot.x = b.u_shape ? b.length / 2 : (first_u + b.length) / 2;
    slot.length = step_of(random, 10.0, std::max(10.0, (b.length - 2 * first_u) * 0.5), 5.0);
    slot.y = b.width / 2;
    b.base_slot = slot;
  } else {
    b.base_holes.kind = HoleKind::through;
    b.base_holes.diameter = hole;
    const double last_u = b.u_shape ? b.length - first_u : b.length - inset_y;
    const bool four = b.width > 4 * inset_y && random.chance(0.6);
    for (double u : {first_u, last_u}) {
      for (double y : four ? std::vector<double>{inset_y, b.width - inset_y} : std::vector<double>{b.width / 2}) {
        b.base_holes.xs.push_back(u);
        b.base_holes.ys.push_back(y);
      }
    }
  }
  if (!random.chance(0.75)) return b;
  b.flange_holes.kind = HoleKind::through;
  b.flange_holes.diameter = hole;
  const double hole_v = std::max(bend_zone + 1.5 * hole, b.height - std::max(hole + 3.0, b.height * 0.4));
  if (b.height - hole_v >= hole) {
    for (double y : {inset_y, b.width - inset_y}) {
      b.flange_holes.xs.push_back(y);
      b.flange_holes.ys.push_back(std::round(hole_v));
    }
  }
  return b;
}

}  // namespace drawlens::synth
