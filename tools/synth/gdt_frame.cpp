// Frame geometry after ISO 1101: compartment height twice the lettering height, the symbol
// compartment square, the others as wide as their contents plus one lettering height.
#include "gdt_frame.h"

#include <array>
#include <stdexcept>

#include "lettering.h"

namespace drawlens::synth {
namespace {

using C = parse::Characteristic;

bool is_form(C c) {
  return c == C::straightness || c == C::flatness || c == C::circularity || c == C::cylindricity;
}
bool needs_datum(C c) {
  return c == C::perpendicularity || c == C::angularity || c == C::parallelism || c == C::circular_runout ||
         c == C::total_runout || c == C::concentricity || c == C::symmetry;
}

const char* circled(char letter) {
  switch (letter) {
    case 'M': return "\u24C2";
    case 'L': return "\u24C1";
    case 'P': return "\u24C5";
    case 'F': return "\u24BB";
    case 'T': return "\u24C9";
    default: return "\u24BA";  // 'E'
  }
}

// A compartment's contents: text pieces, or circled letters (a non-zero char).
using Contents = std::vector<std::pair<std::string, char>>;

}  // namespace

FrameSpec choose_frame(RandomSource& random, C characteristic, bool feature_of_size,
                       const std::vector<std::string>& datums) {
  FrameSpec spec;
  spec.characteristic = characteristic;
  spec.tolerance = random.pick(std::array<double, 6>{0.01, 0.02, 0.05, 0.1, 0.2, 0.3});
  spec.decimals = spec.tolerance < 0.05 ? 2 : random.chance(0.5) ? 2 : 1;
  if (spec.tolerance == 0.05) spec.decimals = 2;
  const bool axis_zone = characteristic == C::position || characteristic == C::concentricity ||
                         (characteristic == C::perpendicularity && feature_of_size);
  spec.diameter_zone = axis_zone && feature_of_size && random.chance(0.85);
  if (feature_of_size && characteristic == C::position && random.chance(0.5)) {
    spec.modifiers.push_back(random.chance(0.8) ? 'M' : 'L');
  } else if (characteristic == C::flatness && random.chance(0.1)) {
    spec.modifiers.push_back('F');
  }
  if (is_form(characteristic) || datums.empty()) return spec;
  int count = needs_datum(characteristic) ? random.uniform_int(1, 2) : random.uniform_int(0, 3);
  if (characteristic == C::position && feature_of_size) count = std::max(count, 2);
  count = std::min<int>(count, static_cast<int>(datums.size()));
  for (int i = 0; i < count; ++i) {
    spec.datums.push_back(datums[i]);
    const bool mmc_datum = characteristic == C::position && i > 0 && random.chance(0.2);
    spec.datum_modifiers.push_back(mmc_datum ? 'M' : 0);
  }
  return spec;
}

FrameLabel draw_gdt_frame(const FrameSpec& spec, const FontBook& fonts, const DrawingPlan& plan) {
  LetteringStyle style = plan.lettering;
  style.line_class = LineClass::gdt;
  Lettering lettering(fonts, style);
  const double h = style.cap_height;
  const double height = 2.0 * h;
  const double baseline = -height / 2 + h / 2;

  std::vector<Contents> compartments;
  Contents tolerance;
  if (spec.diameter_zone) tolerance.push_back({"\u00D8", 0});
  tolerance.push_back({format_number(spec.tolerance, spec.decimals, plan.decimal_comma), 0});
  for (char m : spec.modifiers) tolerance.push_back({"", m});
  compartments.push_back(tolerance);
  for (std::size_t i = 0; i < spec.datums.size(); ++i) {
    Contents datum{{spec.datums[i], 0}};
    if (spec.datum_modifiers[i] != 0) datum.push_back({"", spec.datum_modifiers[i]});
    compartments.push_back(datum);
  }

  const Symbol symbol = symbol_for(spec.characteristic);
  std::string text = symbol_text(symbol);
  lettering.move_to({(height - 1.2 * h) / 2, baseline});
  lettering.symbol(symbol);
  std::vector<double> separators{height};
  double x = height;
  for (const Contents& contents : compartments) {
    text += "|";
    lettering.move_to({x + h / 2, baseline});
    for (const auto& [piece, letter] : contents) {
      if (letter != 0) {
        lettering.circled(letter);
        text += circled(letter);
      } else {
        lettering.text(piece);
        text += piece;
      }
    }
    x = std::max(lettering.pen().x + h / 2, x + height);
    separators.push_back(x);
  }
  // The ruled frame: outline and compartment separators.
  lettering.stroke(Shape::polyline({{0, 0}, {x, 0}, {x, -height}, {0, -height}}, true), LineClass::gdt);
  for (std::size_t i = 0; i + 1 < separators.size(); ++i) {
    lettering.stroke(Shape::line({separators[i], 0}, {separators[i], -height}), LineClass::gdt);
  }
  auto parsed = parse::parse_gdt(std::string_view(text));
  if (!parsed) throw std::logic_error("synth: GD&T frame '" + text + "' does not parse: " + parsed.error().message);
  if (parsed.value().confidence_penalty != 0.0 || parsed.value().characteristic != spec.characteristic ||
      parsed.value().segments.front().datums.size() != spec.datums.size()) {
    throw std::logic_error("synth: GD&T frame '" + text + "' reads back wrong");
  }
  return {lettering.finish(), text, std::move(parsed.value())};
}

}  // namespace drawlens::synth
