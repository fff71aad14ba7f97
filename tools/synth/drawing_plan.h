// The choices made once per drawing before anything is drawn: sheet, projection method, language,
// lettering, pens, arrowheads, decimal sign and the general tolerance.
#pragma once

#include <string>

#include "fonts.h"
#include "lettering.h"
#include "random_source.h"
#include "synth.h"

namespace drawlens::synth {

enum class Language { english, german, korean };
enum class Arrowhead { closed_filled, open, dot, oblique_stroke };

struct SheetFormat {
  const char* name;
  double width;  // mm, landscape
  double height;
};

struct DrawingPlan {
  SheetStyle style = SheetStyle::iso;
  SheetFormat format{"A3", 420.0, 297.0};
  bool third_angle = false;
  Language language = Language::english;
  LetteringStyle lettering;
  double thick_width = 0.5;
  bool decimal_comma = false;
  Arrowhead arrowhead = Arrowhead::closed_filled;
  bool aligned_text = true;       // ISO: text along the dimension line; else horizontal (ASME unidirectional)
  std::string general_tolerance;  // e.g. "ISO 2768-mK"
  // A crowded sheet: 2.5 mm lettering, dimension tiers closer together, more dimensions.
  bool crowded = false;
  // Leader callouts without a frame run straight and slanted, their text along the leader.
  bool slanted_leaders = false;
};

DrawingPlan plan_drawing(RandomSource& random, SheetStyle style, SheetSize sheet, const FontBook& fonts);

// The ink of a drawing's lettering and dimension lines: black, or on a quarter of drawings the grey
// that CAD exports (SolidWorks' among them) print annotations in.
double annotation_ink(RandomSource& random);

// A number as drawn: fixed decimals, '.' or ',' as decimal sign; a "-0" reads "0".
std::string format_number(double value, int decimals, bool decimal_comma);

}  // namespace drawlens::synth
