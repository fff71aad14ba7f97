// Frame geometry after ISO 1101: compartment height twice the lettering height, the symbol
// compartment square, the others as wide as their contents plus one lettering height. A composite
// frame's symbol compartment spans its rows; stacked frames each keep their own.
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
bool is_profile(C c) {
  return c == C::line_profile || c == C::surface_profile;
}
bool needs_datum(C c) {
  return c == C::perpendicularity || c == C::angularity || c == C::parallelism || c == C::circular_runout ||
         c == C::total_runout || c == C::concentricity || c == C::symmetry;
}
bool is_orientation(C c) {
  return c == C::perpendicularity || c == C::angularity || c == C::parallelism;
}

const char* circled(char letter) {
  switch (letter) {
    case 'M': return "\u24C2";
    case 'L': return "\u24C1";
    case 'P': return "\u24C5";
    case 'F': return "\u24BB";
    case 'T': return "\u24C9";
    case 'U': return "\u24CA";
    default: return "\u24BA";  // 'E'
  }
}

// The statistical tolerance symbol (ASME Y14.5): ST in an elongated hexagon; read as "<ST>".
void statistical_symbol(Lettering& lettering) {
  const double h = lettering.cap_height();
  const Point pen = lettering.pen();
  const double width = lettering.advance_of("ST", 0.8);
  const double left = pen.x + 0.1 * h, right = left + width + 0.9 * h;
  const double top = pen.y - 1.25 * h, bottom = pen.y + 0.25 * h, middle = (top + bottom) / 2;
  lettering.stroke(Shape::polyline({{left, middle},
                                    {left + 0.4 * h, top},
                                    {right - 0.4 * h, top},
                                    {right, middle},
                                    {right - 0.4 * h, bottom},
                                    {left + 0.4 * h, bottom}},
                                   true),
                   LineClass::gdt);
  lettering.text_at("ST", {left + 0.45 * h, pen.y - 0.1 * h}, 0.8);
  lettering.move_to({right + 0.2 * h, pen.y});
}

void write_modifier(Lettering& lettering, std::string& text, char modifier, const FrameSpec& row,
                    const DrawingPlan& plan) {
  auto number = [&](double value, int decimals) {
    const std::string spelled = format_number(value, decimals, plan.decimal_comma);
    lettering.text(spelled);
    text += spelled;
  };
  if (modifier == 'S') {
    statistical_symbol(lettering);
    text += "<ST>";
    return;
  }
  if (modifier == 'C') {
    lettering.text(" CF");
    text += " CF";
    return;
  }
  lettering.circled(modifier);
  text += circled(modifier);
  if (modifier == 'P') number(row.projected_height, 0);
  if (modifier == 'U') number(row.unequal_offset, 2);
}

// Letters one row's tolerance and datum compartments from x (the symbol compartment's right edge)
// on the baseline; appends the row's text and returns the compartment separators, the last one
// the row's right edge.
std::vector<double> letter_row(Lettering& lettering, const FrameSpec& row, double x, double baseline, std::string& text,
                               const DrawingPlan& plan) {
  const double h = lettering.cap_height();
  const double height = 2.0 * h;
  std::vector<double> separators;
  // The tolerance compartment.
  text += "|";
  lettering.move_to({x + h / 2, baseline});
  const std::string value =
      (row.diameter_zone ? "\u00D8" : "") + format_number(row.tolerance, row.decimals, plan.decimal_comma);
  lettering.text(value);
  text += value;
  for (char m : row.modifiers) write_modifier(lettering, text, m, row, plan);
  x = std::max(lettering.pen().x + h / 2, x + height);
  separators.push_back(x);
  for (std::size_t i = 0; i < row.datums.size(); ++i) {
    text += "|";
    lettering.move_to({x + h / 2, baseline});
    lettering.text(row.datums[i]);
    text += row.datums[i];
    if (row.datum_modifiers[i] != 0) {
      lettering.circled(row.datum_modifiers[i]);
      text += circled(row.datum_modifiers[i]);
    }
    x = std::max(lettering.pen().x + h / 2, x + height);
    separators.push_back(x);
  }
  return separators;
}

// Ruled outline of one row from `left` to its last separator, between `top` and `top + height`.
void rule_row(Lettering& lettering, double left, double top, double height, const std::vector<double>& separators) {
  const double right = separators.back(), bottom = top + height;
  lettering.stroke(Shape::polyline({{left, bottom}, {right, bottom}, {right, top}, {left, top}}, true), LineClass::gdt);
  for (std::size_t i = 0; i + 1 < separators.size(); ++i) {
    lettering.stroke(Shape::line({separators[i], top}, {separators[i], bottom}), LineClass::gdt);
  }
}

void add_rare_modifier(RandomSource& random, FrameSpec& spec, bool feature_of_size) {
  const C c = spec.characteristic;
  const double pick = random.uniform_real(0.0, 1.0);
  if (is_orientation(c) && !feature_of_size && pick < 0.12) {
    spec.modifiers.push_back('T');
  } else if (is_profile(c) && spec.tolerance > 0.02 && pick < 0.25) {
    // The zone's offset towards the outside of the material, smaller than the zone.
    spec.modifiers.push_back('U');
    spec.unequal_offset = spec.tolerance > 0.1 ? random.pick(std::array<double, 2>{0.05, 0.1}) : 0.01;
  } else if ((c == C::circularity || c == C::straightness) && pick < 0.1) {
    spec.modifiers.push_back('F');
  } else if ((c == C::cylindricity || c == C::flatness || c == C::straightness) && pick < 0.2) {
    spec.modifiers.push_back('C');
  } else if ((c == C::position || is_profile(c) || c == C::circular_runout) && pick < 0.06) {
    spec.modifiers.push_back('S');
  }
}

std::string expected_frame_type(const FrameSpec& spec) {
  if (spec.lower_rows.empty()) return "single";
  return spec.composite ? "composite" : "stacked";
}

parse::FrameType frame_type(const FrameSpec& spec) {
  if (spec.lower_rows.empty()) return parse::FrameType::single;
  return spec.composite ? parse::FrameType::composite : parse::FrameType::stacked;
}

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
  if (spec.modifiers.empty()) add_rare_modifier(random, spec, feature_of_size);
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

FrameSpec composite_position(RandomSource& random, const std::vector<std::string>& datums) {
  FrameSpec upper;
  upper.characteristic = C::position;
  upper.diameter_zone = true;
  upper.tolerance = random.pick(std::array<double, 4>{0.2, 0.3, 0.4, 0.5});
  upper.decimals = 1;
  upper.modifiers.push_back('M');
  upper.datums = datums;
  upper.datum_modifiers.assign(datums.size(), 0);
  FrameSpec lower = upper;
  lower.tolerance = random.pick(std::array<double, 3>{0.05, 0.1, 0.15});
  lower.decimals = 2;
  const std::size_t kept = std::min<std::size_t>(datums.size(), random.chance(0.6) ? 1 : 2);
  lower.datums.resize(kept);
  lower.datum_modifiers.resize(kept);
  upper.lower_rows.push_back(std::move(lower));
  upper.composite = true;
  return upper;
}

FrameSpec stacked(FrameSpec upper, FrameSpec lower) {
  upper.lower_rows.push_back(std::move(lower));
  upper.composite = false;
  return upper;
}

FrameLabel draw_gdt_frame(const FrameSpec& spec, const FontBook& fonts, const DrawingPlan& plan) {
  LetteringStyle style = plan.lettering;
  style.line_class = LineClass::gdt;
  Lettering lettering(fonts, style);
  const double h = style.cap_height;
  const double height = 2.0 * h;
  const int rows = 1 + static_cast<int>(spec.lower_rows.size());
  const double frame_top = -rows * height;

  std::string text;
  for (int r = 0; r < rows; ++r) {
    const FrameSpec& row = r == 0 ? spec : spec.lower_rows[static_cast<std::size_t>(r - 1)];
    const double top = frame_top + r * height;
    const double baseline = top + height / 2 + h / 2;
    if (r > 0) text += "\n";
    const bool own_symbol = r == 0 || !spec.composite;
    if (own_symbol) {
      // A composite frame's symbol is centred on all its rows.
      const double symbol_baseline = spec.composite ? frame_top + rows * height / 2 + h / 2 : baseline;
      const Symbol symbol = symbol_for(row.characteristic);
      text += symbol_text(symbol);
      lettering.move_to({(height - 1.2 * h) / 2, symbol_baseline});
      lettering.symbol(symbol);
    }
    std::vector<double> separators = letter_row(lettering, row, height, baseline, text, plan);
    if (own_symbol && !spec.composite) separators.insert(separators.begin(), height);
    rule_row(lettering, spec.composite ? height : 0.0, top, height, separators);
  }
  if (spec.composite) {
    // The symbol compartment spans the rows; its right edge is the rows' left edge.
    lettering.stroke(Shape::polyline({{height, frame_top}, {0, frame_top}, {0, 0}, {height, 0}}, false),
                     LineClass::gdt);
  }
  auto parsed = parse::parse_gdt(std::string_view(text));
  if (!parsed) throw std::logic_error("synth: GD&T frame '" + text + "' does not parse: " + parsed.error().message);
  const parse::GdtFrame& frame = parsed.value();
  bool same = frame.confidence_penalty == 0.0 && frame.characteristic == spec.characteristic &&
              frame.frame_type == frame_type(spec) && frame.segments.size() == static_cast<std::size_t>(rows);
  for (int r = 0; same && r < rows; ++r) {
    const FrameSpec& row = r == 0 ? spec : spec.lower_rows[static_cast<std::size_t>(r - 1)];
    same = frame.segments[static_cast<std::size_t>(r)].datums.size() == row.datums.size() &&
           frame.segments[static_cast<std::size_t>(r)].modifiers.size() == row.modifiers.size();
  }
  if (!same)
    throw std::logic_error("synth: GD&T frame '" + text + "' reads back wrong (meant " + expected_frame_type(spec) +
                           ")");
  return {lettering.finish(), text, std::move(parsed.value())};
}

}  // namespace drawlens::synth
