// Dimension grammar, first half: the entry point, counts, size symbols, values, angles, chamfers
// and enclosed (reference / basic) values.
#include <algorithm>

#include "parse/dimension_grammar.h"

namespace drawlens::parse {
namespace {

bool is_whole(const PrintedNumber& number) {
  return number.decimals == 0 && number.value >= 1.0 && number.value <= kMaxFeatureCount;
}

}  // namespace

void DimensionGrammar::append(const std::string& piece) {
  if (!glue_next_ && !spelled_.empty()) spelled_ += ' ';
  spelled_ += piece;
  glue_next_ = false;
}

void DimensionGrammar::parse() {
  if (in_.done()) in_.fail("empty dimension text");
  dimension_.unit = context_.default_unit;
  parse_leading_deviation();
  parse_count_prefix();
  parse_body();
  parse_tolerance();
  parse_qualifiers();
  finish();
}

// eDOCr-style readings put the upper deviation of a stacked pair first: "+0.40 4xØ6.60-0.10".
void DimensionGrammar::parse_leading_deviation() {
  const std::size_t start = in_.index();
  if (auto deviation = in_.accept_signed(false); deviation && !in_.done()) {
    leading_deviation_ = deviation;
    return;
  }
  in_.rewind(start);
}

void DimensionGrammar::parse_count_prefix() {
  if (!in_.at_number() || !in_.at_symbol(symbol::times, 1)) return;
  const PrintedNumber count{in_.peek()->value, in_.peek()->decimals, false};
  if (!is_whole(count)) return;  // "0.5x45°" is a chamfer
  const bool chamfer_follows = in_.at_number(2) && in_.at_symbol(symbol::degree, 3);
  const bool two_leg_chamfer = count.value < 2.0 && in_.at_number(2);
  if (chamfer_follows || two_leg_chamfer) return;
  in_.next();
  in_.next();
  dimension_.count = static_cast<int>(count.value);
  append(format_number(count.value, 0) + "x");
}

void DimensionGrammar::parse_body() {
  if (in_.at_symbol(U'(')) return parse_enclosed_value(U')', DimensionFlag::reference);
  if (in_.at_symbol(U'[')) return parse_enclosed_value(U']', DimensionFlag::basic);
  if (in_.at_symbol(U'|')) return parse_enclosed_value(U'|', DimensionFlag::basic);
  if (at_thread_start()) return parse_thread();
  // C1 and CH1 (glued to their number), CHAMFER 0.2 (a word of its own): a 45° chamfer.
  const bool glued_chamfer = (in_.at_word("C") || in_.at_word("CH")) && in_.at_number(1) && !in_.peek(1)->space_before;
  if (glued_chamfer || (in_.at_word("CHAMFER") && in_.at_number(1))) {
    in_.next();
    nominal_ = in_.expect_number("a chamfer size");
    has_value_ = true;
    dimension_.size_type = SizeType::chamfer;
    dimension_.nominal = nominal_.value;
    dimension_.chamfer = Chamfer{nominal_.value, 45.0, std::nullopt};
    append("C" + format_number(nominal_.value, nominal_.decimals));
    return;
  }
  parse_size_symbol();
  parse_value();
}

void DimensionGrammar::parse_size_symbol() {
  const auto take = [&](SizeType type, const std::string& spelled, int tokens) {
    for (int k = 0; k < tokens; ++k) in_.next();
    dimension_.size_type = type;
    append(spelled);
    glue_next_ = true;  // "Ø25", not "Ø 25"
  };
  const bool number_follows = in_.at_number(1);
  if (in_.at_symbol(symbol::diameter)) return take(SizeType::diameter, "Ø", 1);
  if (in_.at_word("S") && in_.at_symbol(symbol::diameter, 1)) return take(SizeType::spherical_diameter, "SØ", 2);
  if (in_.at_word("SR") && number_follows) return take(SizeType::spherical_radius, "SR", 1);
  if (in_.at_word("R") && number_follows) return take(SizeType::radius, "R", 1);
  if (in_.at_word("CR") && number_follows) {
    add_flag(DimensionFlag::controlled_radius, "");
    return take(SizeType::radius, "CR", 1);
  }
  if (in_.at_word("DIA") && number_follows) return take(SizeType::diameter, "Ø", 1);
  if (in_.at_word("SW") && number_follows) return take(SizeType::width_across_flats, "SW", 1);
  if (in_.at_symbol(symbol::square)) return take(SizeType::square, "□", 1);
  if (in_.at_symbol(symbol::arc)) return take(SizeType::arc_length, "⌒", 1);
  if (in_.at_symbol(symbol::depth)) return take(SizeType::depth, "↧", 1);
}

void DimensionGrammar::parse_value() {
  if (!in_.at_number()) in_.fail("expected a size");
  nominal_ = *in_.accept_number();
  has_value_ = true;
  dimension_.nominal = nominal_.value;
  if (nominal_.leading_point && context_.default_unit == Unit::mm) dimension_.unit = Unit::inch;
  if (in_.at_symbol(symbol::degree)) return parse_angle_value(nominal_);
  if (in_.at_symbol(symbol::times) && in_.at_number(1)) return parse_chamfer_after(nominal_);
  value_offset_ = spelled_.size();
  value_glued_ = glue_next_;
  append(format_number(nominal_.value, nominal_.decimals));
}

// Degrees with optional minutes and seconds: 45°, 45,0°, 30°15', 10°5'30".
double DimensionGrammar::read_angle_part(const PrintedNumber& first, std::string& spelled) {
  in_.expect_symbol(symbol::degree, "°");
  double degrees = first.value;
  spelled = format_number(first.value, first.decimals) + "°";
  if (in_.at_number() && in_.at_symbol(symbol::minute, 1)) {
    const PrintedNumber minutes = *in_.accept_number();
    in_.next();
    if (minutes.value >= 60.0) in_.fail("minutes must be below 60");
    degrees += minutes.value / 60.0;
    spelled += format_number(minutes.value, minutes.decimals) + "'";
    if (in_.at_number() && in_.at_symbol(symbol::second, 1)) {
      const PrintedNumber seconds = *in_.accept_number();
      in_.next();
      if (seconds.value >= 60.0) in_.fail("seconds must be below 60");
      degrees += seconds.value / 3600.0;
      spelled += format_number(seconds.value, seconds.decimals) + "\"";
    }
  }
  return degrees;
}

void DimensionGrammar::parse_angle_value(const PrintedNumber& degrees) {
  std::string spelled;
  const double value = read_angle_part(degrees, spelled);
  if (in_.at_symbol(symbol::times) && in_.at_number(1)) {  // "45° x 1": angle first
    in_.next();
    const PrintedNumber size = in_.expect_number("a chamfer size");
    if (value <= 0.0 || value >= 90.0) in_.fail("a chamfer angle must lie between 0° and 90°");
    dimension_.size_type = SizeType::chamfer;
    dimension_.nominal = size.value;
    dimension_.chamfer = Chamfer{size.value, value, std::nullopt};
    nominal_ = size;
    append(format_number(size.value, size.decimals) + "x" + spelled);
    return;
  }
  if (value >= 360.0) in_.fail("an angle must be below 360°");
  if (dimension_.size_type != SizeType::linear) in_.fail("an angle cannot carry a size symbol");
  angle_ = true;
  dimension_.size_type = SizeType::angle;
  dimension_.unit = Unit::deg;
  dimension_.nominal = value;
  append(spelled);
}

// "1x45°" (leg x angle) or "1x2" (two legs).
void DimensionGrammar::parse_chamfer_after(const PrintedNumber& first) {
  in_.next();  // ×
  const PrintedNumber second = in_.expect_number("a chamfer angle or second leg");
  std::string spelled = format_number(first.value, first.decimals) + "x";
  Chamfer chamfer{first.value, std::nullopt, std::nullopt};
  if (in_.at_symbol(symbol::degree)) {
    std::string angle_spelled;
    chamfer.angle = read_angle_part(second, angle_spelled);
    if (*chamfer.angle <= 0.0 || *chamfer.angle >= 90.0) in_.fail("a chamfer angle must lie between 0° and 90°");
    spelled += angle_spelled;
  } else {
    chamfer.second_size = second.value;
    spelled += format_number(second.value, second.decimals);
  }
  if (first.value <= 0.0) in_.fail("a chamfer size must be positive");
  if (dimension_.size_type != SizeType::linear) in_.fail("a chamfer cannot carry a size symbol");
  dimension_.size_type = SizeType::chamfer;
  dimension_.chamfer = chamfer;
  append(spelled);
}

// "(25,5)" is a reference dimension, "[25]" or "|25|" a basic (theoretically exact) one.
void DimensionGrammar::parse_enclosed_value(char32_t close, DimensionFlag flag) {
  in_.next();
  const std::size_t start = spelled_.size();
  parse_size_symbol();
  parse_value();
  in_.expect_symbol(close, "a closing '" + utf8(close) + "'");
  std::string inner = spelled_.substr(start);
  if (!inner.empty() && inner.front() == ' ') inner.erase(0, 1);
  spelled_.resize(start);
  append(flag == DimensionFlag::reference ? "(" + inner + ")" : "[" + inner + "]");
  dimension_.flags |= static_cast<unsigned>(flag);
}

std::optional<Deviations> Dimension::limits() const {
  if (!tolerance.deviations) return std::nullopt;
  return Deviations{nominal + tolerance.deviations->upper, nominal + tolerance.deviations->lower};
}

Result<Dimension> parse_dimension(std::string_view text, const DimensionContext& context) {
  auto lexed = lex_drawing_text(text);
  if (!lexed) return lexed.error();
  TokenCursor cursor(lexed.value().tokens, text);
  DimensionGrammar grammar(cursor, context);
  try {
    grammar.parse();
  } catch (const ParseFailure& failure) {
    return make_error(Status::parse, failure.message);
  }
  Dimension& dimension = grammar.result();
  dimension.text = std::string(text);
  dimension.confidence_penalty = std::min(1.0, dimension.confidence_penalty + lexed.value().repair_penalty);
  return std::move(dimension);
}

}  // namespace drawlens::parse
