// Lettering of dimension values: the stacked forms sit at 0.7 of the text height beside the value
// (ISO 129-1 / ASME Y14.5 practice); hole symbols are vector shapes.
#include "dimension_text.h"

#include <array>
#include <cmath>
#include <stdexcept>

#include "lettering.h"

namespace drawlens::synth {
namespace {

using parse::SizeType;

std::string deviation_text(double value, int decimals, bool comma) {
  if (std::fabs(value) < 1e-12) return "0";
  return (value > 0 ? "+" : "-") + format_number(std::fabs(value), decimals, comma);
}

struct LabelWriter {
  Lettering& lettering;
  std::string text;
  void put(const std::string& s) {
    text += s;
    lettering.text(s);
  }
  void symbol(Symbol s) {
    text += symbol_text(s);
    lettering.symbol(s);
  }
};

std::string size_prefix(SizeType kind) {
  switch (kind) {
    case SizeType::diameter: return "\u00D8";
    case SizeType::radius: return "R";
    case SizeType::spherical_diameter: return "S\u00D8";
    case SizeType::spherical_radius: return "SR";
    default: return "";
  }
}

void write_value(LabelWriter& w, const DimensionSpec& spec, const DrawingPlan& plan) {
  const bool comma = plan.decimal_comma;
  const std::string value = format_number(spec.nominal, spec.decimals, comma);
  const double h = w.lettering.cap_height();
  switch (spec.kind) {
    case SizeType::thread: w.put(spec.thread); return;
    case SizeType::angle: w.put(value + "\u00B0"); return;
    case SizeType::chamfer: w.put(value + "x45\u00B0"); return;
    default: break;
  }
  if (spec.form == ToleranceForm::limits) {
    const int d = spec.deviation_decimals;
    const std::string upper = format_number(spec.nominal + spec.upper, d, comma);
    const std::string lower = format_number(spec.nominal + spec.lower, d, comma);
    const std::string prefix = size_prefix(spec.kind);
    if (!prefix.empty()) {
      w.text += prefix;
      w.lettering.move_to({w.lettering.pen().x, -0.65 * h});
      w.lettering.text(prefix);
    }
    const double x = w.lettering.pen().x;
    const double width = std::max(w.lettering.text_at(upper, {x, -1.35 * h}), w.lettering.text_at(lower, {x, 0.0}));
    w.text += upper + "\n" + lower;
    w.lettering.move_to({x + width, 0.0});
    return;
  }
  if (spec.form == ToleranceForm::reference) w.put("(");
  const double box_left = w.lettering.pen().x;
  if (spec.form == ToleranceForm::basic) {
    w.text += "[";
    w.lettering.advance(0.5);
  }
  w.put(size_prefix(spec.kind) + value);
  if (spec.form == ToleranceForm::basic) {
    w.text += "]";
    w.lettering.advance(0.5);
    const double right = w.lettering.pen().x;
    w.lettering.stroke(Shape::polyline({{box_left + 0.15 * h, -1.45 * h},
                                        {right - 0.15 * h, -1.45 * h},
                                        {right - 0.15 * h, 0.45 * h},
                                        {box_left + 0.15 * h, 0.45 * h}},
                                       true),
                       LineClass::dimension);
  }
  if (spec.form == ToleranceForm::reference) w.put(")");
}

void write_tolerance(LabelWriter& w, const DimensionSpec& spec, const DrawingPlan& plan) {
  const bool comma = plan.decimal_comma;
  const int d = spec.deviation_decimals;
  const double h = w.lettering.cap_height();
  const std::string degree = spec.kind == SizeType::angle ? "\u00B0" : "";
  switch (spec.form) {
    case ToleranceForm::symmetric: w.put(" \u00B1" + format_number(spec.upper, d, comma) + degree); break;
    case ToleranceForm::deviations: {
      const std::string upper = deviation_text(spec.upper, d, comma);
      const std::string lower = deviation_text(spec.lower, d, comma);
      const double x = w.lettering.pen().x + 0.3 * h;
      const double width =
          std::max(w.lettering.text_at(upper, {x, -0.55 * h}, 0.7), w.lettering.text_at(lower, {x, 0.3 * h}, 0.7));
      w.text += " " + upper + "\n" + lower;
      w.lettering.move_to({x + width, 0.0});
      break;
    }
    case ToleranceForm::fit: w.put(" " + (spec.hole_class.empty() ? spec.shaft_class : spec.hole_class)); break;
    case ToleranceForm::fit_pair: w.put(" " + spec.hole_class + "/" + spec.shaft_class); break;
    case ToleranceForm::fit_with_deviations:
      w.put(" " + (spec.hole_class.empty() ? spec.shaft_class : spec.hole_class) + " (" +
            deviation_text(spec.upper, 3, comma) + "/" + deviation_text(spec.lower, 3, comma) + ")");
      break;
    default: break;
  }
}

void write_qualifiers(LabelWriter& w, const DimensionSpec& spec, const DrawingPlan& plan) {
  const bool comma = plan.decimal_comma;
  if (spec.thru) w.put(" THRU");
  if (spec.counterbore_diameter) {
    w.put(" ");
    w.symbol(Symbol::counterbore);
    w.put("\u00D8" + format_number(*spec.counterbore_diameter, 1, comma));
    if (spec.counterbore_depth) {
      w.put(" ");
      w.symbol(Symbol::depth);
      w.put(format_number(*spec.counterbore_depth, 1, comma));
    }
  }
  if (spec.countersink_diameter) {
    // The included angle of metric flat heads (ISO 10642, ISO 2009).
    w.put(" ");
    w.symbol(Symbol::countersink);
    const double d = *spec.countersink_diameter;
    w.put("\u00D8" + format_number(d, std::fabs(d - std::round(d)) > 1e-9 ? 1 : 0, comma) + "x90\u00B0");
  }
  if (spec.depth) {
    w.put(" ");
    w.symbol(Symbol::depth);
    w.put(format_number(*spec.depth, 0, comma));
  }
}

bool near(double a, double b) {
  return std::fabs(a - b) < 1e-9;
}

parse::ToleranceKind expected_kind(ToleranceForm form) {
  using K = parse::ToleranceKind;
  switch (form) {
    case ToleranceForm::symmetric: return K::symmetric;
    case ToleranceForm::deviations: return K::deviation;
    case ToleranceForm::limits: return K::limits;
    case ToleranceForm::fit:
    case ToleranceForm::fit_pair:
    case ToleranceForm::fit_with_deviations: return K::fit;
    default: return K::none;
  }
}

// Empty when the reading matches the spec, else what differs.
std::string mismatch(const parse::Dimension& d, const DimensionSpec& spec) {
  if (d.confidence_penalty != 0.0) return "repair penalty " + std::to_string(d.confidence_penalty);
  if (d.size_type != spec.kind) return "size type";
  if (d.count != spec.count) return "count";
  const bool limits = spec.form == ToleranceForm::limits;
  const double nominal = limits ? spec.nominal + (spec.upper + spec.lower) / 2 : spec.nominal;
  if (spec.kind != parse::SizeType::thread && !near(d.nominal, nominal)) return "nominal " + std::to_string(d.nominal);
  const parse::ToleranceKind kind = expected_kind(spec.form);
  const bool general_ok = kind == parse::ToleranceKind::none && d.tolerance.kind == parse::ToleranceKind::general;
  if (d.tolerance.kind != kind && !general_ok) return "tolerance kind";
  const bool explicit_deviations = spec.form == ToleranceForm::symmetric || spec.form == ToleranceForm::deviations ||
                                   spec.form == ToleranceForm::fit_with_deviations;
  if (explicit_deviations && (!d.tolerance.deviations || !near(d.tolerance.deviations->upper, spec.upper) ||
                              !near(d.tolerance.deviations->lower, spec.lower))) {
    return "deviations";
  }
  if (limits && (!d.tolerance.deviations || !near(d.tolerance.deviations->upper, (spec.upper - spec.lower) / 2))) {
    return "limits";
  }
  if (spec.form == ToleranceForm::basic && !d.has(parse::DimensionFlag::basic)) return "basic flag";
  if (spec.form == ToleranceForm::reference && !d.has(parse::DimensionFlag::reference)) return "reference flag";
  if (spec.counterbore_diameter &&
      (!d.hole || !d.hole->counterbore || !near(d.hole->counterbore->diameter, *spec.counterbore_diameter))) {
    return "counterbore";
  }
  if (spec.countersink_diameter &&
      (!d.hole || !d.hole->countersink || !near(d.hole->countersink->diameter, *spec.countersink_diameter) ||
       !d.hole->countersink->angle || !near(*d.hole->countersink->angle, 90.0))) {
    return "countersink";
  }
  return "";
}

}  // namespace

DimensionLabel letter_dimension(const DimensionSpec& spec, const FontBook& fonts, const DrawingPlan& plan,
                                const parse::DimensionContext& context) {
  LetteringStyle style = plan.lettering;
  style.line_class = LineClass::text;
  Lettering lettering(fonts, style);
  LabelWriter w{lettering, {}};
  if (spec.count > 1) w.put(std::to_string(spec.count) + "x ");
  write_value(w, spec, plan);
  write_tolerance(w, spec, plan);
  write_qualifiers(w, spec, plan);
  auto parsed = parse::parse_dimension(w.text, context);
  if (!parsed)
    throw std::logic_error("synth: dimension text '" + w.text + "' does not parse: " + parsed.error().message);
  const std::string problem = mismatch(parsed.value(), spec);
  if (!problem.empty()) throw std::logic_error("synth: dimension text '" + w.text + "' reads back wrong: " + problem);
  return {lettering.finish(), w.text, std::move(parsed.value())};
}

DimensionSpec size_spec(RandomSource& random, parse::SizeType kind, double nominal, bool allow_fit, bool shaft) {
  DimensionSpec spec;
  spec.kind = kind;
  spec.nominal = nominal;
  spec.decimals = std::fabs(nominal - std::round(nominal)) > 1e-9 ? 1 : 0;
  choose_tolerance(spec, random, allow_fit, shaft);
  return spec;
}

void choose_tolerance(DimensionSpec& spec, RandomSource& random, bool allow_fit, bool shaft) {
  const double pick = random.uniform_real(0.0, 1.0);
  spec.form = ToleranceForm::none;
  if (spec.kind == SizeType::angle) {
    if (pick < 0.3) {
      spec.form = ToleranceForm::symmetric;
      spec.upper = random.pick(std::array<double, 3>{0.5, 1.0, 0.25});
      spec.lower = -spec.upper;
      spec.deviation_decimals = spec.upper == 0.25 ? 2 : 1;
    }
    return;
  }
  if (allow_fit && pick < 0.45) {
    static constexpr std::array<const char*, 7> kHoles{"H7", "H8", "G7", "K7", "N7", "H9", "F8"};
    static constexpr std::array<const char*, 7> kShafts{"h6", "g6", "f7", "k6", "m6", "p6", "h9"};
    const std::string hole = random.pick(kHoles);
    const std::string shaft_class = random.pick(kShafts);
    const double second = random.uniform_real(0.0, 1.0);
    const std::string own = shaft ? shaft_class : hole;
    auto limits = parse::iso286_limits(spec.nominal, own);
    if (!limits) return;
    if (second < 0.55) {
      spec.form = ToleranceForm::fit;
    } else if (second < 0.8 && !shaft) {
      spec.form = ToleranceForm::fit_pair;
      spec.shaft_class = shaft_class;
      if (!parse::iso286_limits(spec.nominal, shaft_class)) spec.form = ToleranceForm::fit;
    } else {
      spec.form = ToleranceForm::fit_with_deviations;
      spec.upper = limits.value().upper;
      spec.lower = limits.value().lower;
    }
    (shaft ? spec.shaft_class : spec.hole_class) = own;
    if (spec.form == ToleranceForm::fit && shaft) spec.hole_class.clear();
    return;
  }
  if (pick < 0.45) return;
  if (pick < 0.6) {
    spec.form = ToleranceForm::symmetric;
    spec.upper = random.pick(std::array<double, 4>{0.1, 0.05, 0.2, 0.02});
    spec.lower = -spec.upper;
    spec.deviation_decimals = spec.upper == 0.1 || spec.upper == 0.2 ? 1 : 2;
  } else if (pick < 0.75) {
    static constexpr std::array<std::array<double, 2>, 6> kPairs{
        {{0.1, 0.0}, {0.0, -0.1}, {0.2, -0.1}, {0.05, -0.02}, {-0.02, -0.05}, {0.3, 0.1}}};
    const auto& pair = random.pick(kPairs);
    spec.form = ToleranceForm::deviations;
    spec.upper = pair[0];
    spec.lower = pair[1];
    spec.deviation_decimals = 2;
  } else if (pick < 0.85 && spec.kind != SizeType::radius && spec.nominal >= 2.0) {
    // Limits of a small size differ by more than the parse stage's 12 % and read as two sizes.
    spec.form = ToleranceForm::limits;
    spec.upper = random.pick(std::array<double, 3>{0.1, 0.05, 0.2});
    spec.lower = 0.0;
    spec.deviation_decimals = 2;
  } else if (pick < 0.93) {
    spec.form = ToleranceForm::reference;
  } else {
    spec.form = ToleranceForm::basic;
  }
}

}  // namespace drawlens::synth
