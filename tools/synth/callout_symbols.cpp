// Proportions in lettering heights h, after the standards' figures: datum triangle 1.2h wide, box
// 2h square; surface symbol legs 1.4h and 3h high at 60° to the surface.
#include "callout_symbols.h"

#include <array>
#include <cmath>
#include <stdexcept>

#include "lettering.h"

namespace drawlens::synth {

TextItem datum_feature_symbol(const FontBook& fonts, const DrawingPlan& plan, const std::string& letter,
                              Point outward) {
  LetteringStyle style = plan.lettering;
  style.line_class = LineClass::gdt;
  Lettering lettering(fonts, style);
  const double h = style.cap_height;
  const Point across = left_normal(outward);
  const Point apex = outward * h;
  lettering.stroke(Shape::polyline({across * (0.6 * h), across * (-0.6 * h), apex}, true), LineClass::gdt);
  const Point box_centre = outward * (3.5 * h);
  lettering.stroke(Shape::line(apex, box_centre - outward * h), LineClass::gdt);
  lettering.stroke(Shape::polyline({box_centre + Point{-h, -h}, box_centre + Point{h, -h}, box_centre + Point{h, h},
                                    box_centre + Point{-h, h}},
                                   true),
                   LineClass::gdt);
  const double width = lettering.advance_of(letter);
  lettering.text_at(letter, {box_centre.x - width / 2, box_centre.y + h / 2});
  TextItem item = lettering.finish();
  // Filled triangle, as ISO 5459 and ASME Y14.5 both draw it.
  item.fills.push_back({Shape::polyline({across * (0.6 * h), across * (-0.6 * h), apex}, true), LineClass::gdt});
  return item;
}

SurfaceSymbol surface_texture_symbol(const FontBook& fonts, const DrawingPlan& plan, RandomSource& random) {
  LetteringStyle style = plan.lettering;
  style.line_class = LineClass::gdt;
  Lettering lettering(fonts, style);
  const double h = style.cap_height;
  const double tan60 = std::sqrt(3.0);
  const double short_leg = 1.4 * h;
  const double long_leg = 3.0 * h;
  static constexpr std::array<const char*, 8> kRequirements{"Ra 0.8",  "Ra 1.6", "Ra 3.2", "Ra 6.3",
                                                            "Ra 12.5", "Rz 6.3", "Rz 16",  "Ra 0.4"};
  std::string text = random.pick(kRequirements);
  if (plan.decimal_comma) {
    for (char& c : text) {
      if (c == '.') c = ',';
    }
  }
  const Point long_end{long_leg / tan60, -long_leg};
  const double text_left = long_end.x + 0.5;
  const double text_width = lettering.text_at(text, {text_left, -long_leg + 0.8 + h});
  lettering.stroke(
      Shape::polyline(
          {{-short_leg / tan60, -short_leg}, {0.0, 0.0}, long_end, {text_left + text_width + 0.5, -long_leg}}, false),
      LineClass::gdt);
  const double pick = random.uniform_real(0.0, 1.0);
  std::string removal = "any";
  if (pick < 0.55) {
    removal = "required";
    lettering.stroke(Shape::line({-short_leg / tan60, -short_leg}, {short_leg / tan60, -short_leg}), LineClass::gdt);
  } else if (pick < 0.65) {
    removal = "prohibited";
    const double centre = 0.75 * short_leg;
    lettering.stroke(Shape::circle({0.0, -centre}, centre / 2), LineClass::gdt);
  }
  auto parsed = parse::parse_surface_texture(text);
  if (!parsed || parsed.value().confidence_penalty != 0.0) {
    throw std::logic_error("synth: surface texture '" + text + "' does not read back unrepaired");
  }
  return {lettering.finish(), std::move(parsed.value()), removal};
}

TextItem datum_target_frame(const FontBook& fonts, const DrawingPlan& plan, const std::string& label, double& radius) {
  LetteringStyle style = plan.lettering;
  style.line_class = LineClass::gdt;
  Lettering lettering(fonts, style);
  const double h = style.cap_height;
  radius = std::max(1.6 * h, lettering.advance_of(label) / 2 + 0.8 * h);
  lettering.stroke(Shape::circle({0.0, 0.0}, radius), LineClass::gdt);
  lettering.stroke(Shape::line({-radius, 0.0}, {radius, 0.0}), LineClass::gdt);
  // The label's capitals centred in the lower half (y down).
  lettering.text_at(label, {-lettering.advance_of(label) / 2, (radius + h) / 2});
  return lettering.finish();
}

TextItem item_balloon(const FontBook& fonts, const DrawingPlan& plan, int item, double& radius) {
  LetteringStyle style = plan.lettering;
  style.line_class = LineClass::dimension;
  Lettering lettering(fonts, style);
  const double h = style.cap_height;
  const std::string number = std::to_string(item);
  radius = std::max(1.3 * h, lettering.advance_of(number) / 2 + 0.6 * h);
  lettering.stroke(Shape::circle({0.0, 0.0}, radius), LineClass::dimension);
  lettering.text_at(number, {-lettering.advance_of(number) / 2, h / 2});
  return lettering.finish();
}

}  // namespace drawlens::synth
