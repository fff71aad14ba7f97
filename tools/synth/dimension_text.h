// What a dimension says and how it is lettered: size kind, value, count, hole qualifiers and every
// tolerance form the parse stage reads (±, stacked deviations, limits, fits, reference, basic).
// The text as drawn is parsed at generation time and must read back, without repair, as meant.
#pragma once

#include <optional>
#include <string>

#include "drawing_plan.h"
#include "fonts.h"
#include "scene.h"

namespace drawlens::synth {

enum class ToleranceForm { none, symmetric, deviations, limits, fit, fit_pair, fit_with_deviations, reference, basic };

struct DimensionSpec {
  // linear, diameter, radius, spherical_diameter, spherical_radius, angle, chamfer, thread
  parse::SizeType kind = parse::SizeType::linear;
  int count = 1;
  double nominal = 0.0;  // mm, or degrees for angles
  int decimals = 0;
  ToleranceForm form = ToleranceForm::none;
  double upper = 0.0;  // deviations from nominal (symmetric: upper = -lower)
  double lower = 0.0;
  int deviation_decimals = 2;
  std::string hole_class;   // "H7"
  std::string shaft_class;  // "g6"
  std::string thread;       // designation for kind thread: "M8x1.25-6H"
  bool thru = false;
  std::optional<double> depth;                 // ↧ depth of a blind hole or thread
  std::optional<double> counterbore_diameter;  // ⌴Ø..
  std::optional<double> counterbore_depth;
  std::optional<double> countersink_diameter;  // ⌵Ø..x90°
};

struct DimensionLabel {
  TextItem item;  // laid out at its own origin
  std::string text;
  parse::Dimension value;
};

// Letters the dimension, parses the text under `context` and checks it reads back as the spec
// says with no repair penalty; throws std::logic_error naming the text when it does not.
DimensionLabel letter_dimension(const DimensionSpec& spec, const FontBook& fonts, const DrawingPlan& plan,
                                const parse::DimensionContext& context);

// Picks a tolerance form and values suited to the size (fits only where allowed and defined).
void choose_tolerance(DimensionSpec& spec, RandomSource& random, bool allow_fit, bool shaft);

// A size of `kind` lettered with as many decimals as it has (0 or 1) and a chosen tolerance.
DimensionSpec size_spec(RandomSource& random, parse::SizeType kind, double nominal, bool allow_fit, bool shaft = false);

}  // namespace drawlens::synth
