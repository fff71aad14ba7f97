// Parts modelled before they are drawn: a prismatic plate with holes, a pocket and a slot, a
// turned part (stepped shaft, flange, bushing) with bore, chamfers and a bolt circle, or a bent
// sheet-metal bracket. Millimetres.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "random_source.h"

namespace drawlens::synth {

enum class HoleKind { through, counterbored, countersunk, tapped_blind, plain_blind };

// Metric screw sizes with their clearance, counterbore and tap-drill diameters.
struct ScrewSize {
  int nominal;         // M nominal diameter
  double pitch;        // ISO 261 coarse pitch
  double clearance;    // ISO 273 medium series
  double counterbore;  // DIN 974-1 for ISO 4762 cap screws
  double counterbore_depth;
  double tap_drill;    // ISO 2306
  double countersink;  // 90° countersink for ISO 10642 / ISO 2009 flat heads
};

// A group of equal holes ("4x ...") at their centres, top view (x right, y back from the front face).
struct HoleGroup {
  HoleKind kind = HoleKind::through;
  ScrewSize screw{};
  double diameter = 0.0;  // drilled diameter
  double depth = 0.0;     // blind holes: drilled depth; tapped: thread depth
  bool fitted = false;    // a reamed hole with an ISO 286 class (single bores)
  std::vector<double> xs;
  std::vector<double> ys;  // centres are (xs[i], ys[i])
  // A 90° countersink is as deep as half the difference of its and the hole's diameters.
  double countersink_depth() const { return (screw.countersink - diameter) / 2; }
  // The largest circle seen from above: counterbore, countersink, thread major or drilled diameter.
  double outer_diameter() const;
};

struct Pocket {
  double x = 0.0, y = 0.0;  // lower-left corner, top view
  double width = 0.0, height = 0.0, depth = 0.0, corner_radius = 0.0;
};

struct Slot {
  double x = 0.0, y = 0.0;  // centre
  double length = 0.0;      // centre to centre of the end arcs
  double width = 0.0;
};

struct Plate {
  double length = 0.0, width = 0.0, thickness = 0.0;
  double chamfer_x = 0.0, chamfer_y = 0.0;  // corner cut at the back right (x = length, y = width)
  std::vector<HoleGroup> holes;
  std::optional<Pocket> pocket;
  std::optional<Slot> slot;
};

struct Step {
  double diameter = 0.0;
  double length = 0.0;
};

struct BoltCircle {
  int count = 0;
  double hole_diameter = 0.0;
  double pitch_diameter = 0.0;
  int step = 0;  // the step (flange) the holes go through
};

struct TurnedPart {
  std::vector<Step> steps;                         // left to right along the axis
  double bore = 0.0;                               // through bore diameter, 0 for none
  double chamfer_left = 0.0, chamfer_right = 0.0;  // 45° edge chamfers
  std::optional<ScrewSize> end_thread;             // external thread on the last step
  std::optional<BoltCircle> bolt_circle;
  double dome_radius = 0.0;  // spherical cap ending the last step at the right, 0 for a flat end face
  double total_length() const;
  // How far the cap reaches beyond the last step's cylinder (0 without a dome).
  double dome_height() const;
  // Where the last step's cylinder ends on the right: before the dome or the chamfer.
  double right_end_inset() const { return dome_radius > 0 ? dome_height() : chamfer_right; }
  double max_diameter() const;
};

// A bent sheet-metal bracket (sheet_metal_part.cpp).
struct Bracket {
  bool u_shape = false;      // flanges at both ends of the base; else one flange at the left (u = 0)
  double thickness = 0.0;    // sheet thickness t
  double bend_radius = 0.0;  // inside radius r
  double length = 0.0;       // base, outside to outside (u)
  double width = 0.0;        // across the bends (y, back from the front edge)
  double height = 0.0;       // flange, outside of the base to its free edge (v)
  HoleGroup base_holes;      // xs: u from the left outside face, ys: y; empty when the base has a slot
  std::optional<Slot> base_slot;
  HoleGroup flange_holes;         // xs: y across the flange, ys: v height from the base's underside
  double k_factor() const;        // DIN 6935 correction factor for r/t
  double bend_allowance() const;  // length of the neutral fibre in one 90° bend
  double flat_length() const;     // developed length, every bend opened flat
  // Flat pattern u of the middle of bend `index` (0: the left bend) and where a folded u (base) or
  // flange height maps to.
  double flat_bend_centre(int index) const;
  double flat_u_of_base(double u) const;
  double flat_u_of_flange(double v, int flange) const;
  int bends() const { return u_shape ? 2 : 1; }
};

struct Part {
  enum class Kind { plate, turned, bracket };
  Kind kind = Kind::plate;
  std::string kind_name;  // "plate", "shaft", "flange", "bushing", "l_bracket", "u_bracket"
  std::string name_english, name_german, name_korean;
  Plate plate;
  TurnedPart turned;
  Bracket bracket;
};

Part invent_part(RandomSource& random);
Bracket invent_bracket(RandomSource& random);

// The screw whose ISO 273 medium clearance hole is `clearance` mm; nullptr when none is.
const ScrewSize* screw_for_clearance(double clearance);

}  // namespace drawlens::synth
