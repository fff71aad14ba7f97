// Drawing-wide choices, weighted towards what real drawings use: osifont (ISO 3098) lettering
// mostly, ISO 128-20 line groups 0.5 and 0.35, first angle in ISO and third angle in ASME.
#include "drawing_plan.h"

#include <array>
#include <cmath>
#include <cstdio>

namespace drawlens::synth {

std::string format_number(double value, int decimals, bool decimal_comma) {
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  std::string out = buffer;
  if (out.find_first_not_of("-0.") == std::string::npos && out[0] == '-') out.erase(0, 1);
  if (decimal_comma) {
    for (char& c : out) {
      if (c == '.') c = ',';
    }
  }
  return out;
}

DrawingPlan plan_drawing(RandomSource& random, SheetStyle style, SheetSize sheet, const FontBook& fonts) {
  DrawingPlan plan;
  plan.style = style;
  static constexpr std::array<SheetFormat, 2> kFormats{{{"A3", 420.0, 297.0}, {"A4", 297.0, 210.0}}};
  const bool a3 = random.chance(0.65);
  plan.format = kFormats[sheet == SheetSize::a3 || (sheet == SheetSize::mixed && a3) ? 0 : 1];
  const bool iso = style == SheetStyle::iso;
  plan.third_angle = iso ? random.chance(0.25) : random.chance(0.9);
  if (iso) {
    const double pick = random.uniform_real(0.0, 1.0);
    const bool korean_available = fonts.installed(Typeface::nanum_gothic);
    plan.language = pick < 0.45                       ? Language::english
                    : pick < 0.8 || !korean_available ? Language::german
                                                      : Language::korean;
  }
  const auto& latin = fonts.latin_typefaces();
  plan.lettering.face = random.chance(0.7) ? Typeface::osifont : latin[random.index(latin.size())];
  plan.lettering.cap_height = plan.format.width > 300.0 ? random.pick(std::array<double, 3>{3.5, 3.5, 3.0})
                                                        : random.pick(std::array<double, 3>{2.5, 3.0, 3.5});
  plan.thick_width = random.chance(0.6) ? 0.5 : 0.35;
  plan.lettering.thin_width = plan.thick_width / 2;
  plan.lettering.line_class = LineClass::dimension;
  plan.decimal_comma = iso && plan.language == Language::german && random.chance(0.7);
  const double arrow_pick = random.uniform_real(0.0, 1.0);
  plan.arrowhead = arrow_pick < 0.7    ? Arrowhead::closed_filled
                   : arrow_pick < 0.82 ? Arrowhead::open
                   : arrow_pick < 0.91 ? Arrowhead::oblique_stroke
                                       : Arrowhead::dot;
  plan.aligned_text = iso ? random.chance(0.85) : random.chance(0.15);
  static constexpr std::array<const char*, 6> kGeneral{"ISO 2768-mK", "ISO 2768-m", "ISO 2768-fH",
                                                       "ISO 2768-mH", "ISO 2768-f", "ISO 2768-c"};
  plan.general_tolerance = random.pick(kGeneral);
  plan.crowded = random.chance(0.2);
  if (plan.crowded) plan.lettering.cap_height = 2.5;
  plan.slanted_leaders = random.chance(0.3);
  return plan;
}

double annotation_ink(RandomSource& random) {
  return random.chance(0.25) ? random.uniform_real(0.35, 0.8) : 1.0;
}

}  // namespace drawlens::synth
