// Dimension grammar, tolerances: ±t, +a/-b (inline or stacked), limits (25.00-25.10, stacked
// 16.00 above 15.50), ISO 286 fit classes with optional explicit deviations, MAX and MIN.
#include <algorithm>
#include <cmath>

#include "parse/dimension_grammar.h"

namespace drawlens::parse {
namespace {

constexpr double kMmPerInch = 25.4;
// Printed deviations may round the table's micrometres; beyond this they disagree with ISO 286.
constexpr double kFitAgreementMm = 0.0005;
constexpr double kFitDisagreementPenalty = 0.3;
// Limits of size lie close to each other: two numbers further apart than this share of the larger,
// or than the absolute bound, are two sizes (or a lost symbol between them), not limits.
constexpr double kMaxLimitSpread = 0.12;
constexpr double kMaxLimitSpreadBase = 1.0;
constexpr double kMaxLimitSpreadPerUnit = 0.01;

std::string signed_spelling(const PrintedNumber& number) {
  if (number.value == 0.0) return "0";
  return (number.value > 0 ? "+" : "") + format_number(number.value, number.decimals);
}

bool is_near_as_limit(double nominal, double other) {
  const double larger = std::max(other, nominal);
  const double spread = std::min(kMaxLimitSpread * larger, kMaxLimitSpreadBase + kMaxLimitSpreadPerUnit * larger);
  return other != nominal && std::abs(other - nominal) <= spread;
}

}  // namespace

double DimensionGrammar::to_mm(double value) const {
  return dimension_.unit == Unit::inch ? value * kMmPerInch : value;
}

void DimensionGrammar::set_deviations(ToleranceKind kind, double upper, double lower) {
  Tolerance& tolerance = dimension_.tolerance;
  tolerance.kind = kind;
  tolerance.deviations = Deviations{upper, lower};
  if (!angle_ && !tolerance.it_grade)
    tolerance.it_grade = it_grade_for_width(to_mm(dimension_.nominal), to_mm(upper - lower));
}

void DimensionGrammar::parse_tolerance() {
  const bool untoleranced = dimension_.has(DimensionFlag::basic) || dimension_.has(DimensionFlag::reference);
  if (untoleranced || dimension_.size_type == SizeType::thread) {
    if (leading_deviation_) in_.fail("a deviation cannot apply to a basic, reference or thread dimension");
    return;
  }
  if (in_.accept_symbol(symbol::plus_minus)) return parse_symmetric();
  std::optional<PrintedNumber> first = in_.accept_signed(false);
  const bool bare_zero_first = !first && in_.at_number() && in_.peek()->value == 0.0 &&
                               (in_.at_symbol(U'/', 1) || in_.at_symbol(U'+', 1) || in_.at_symbol(U'-', 1));
  if (bare_zero_first) first = in_.accept_number();
  if (first) return parse_signed_deviations(*first);
  const Token* word = in_.peek();
  if (word != nullptr && word->kind == TokenKind::word && word->spelled.size() <= 2 && in_.at_number(1) &&
      !in_.peek(1)->space_before && in_.peek(1)->decimals == 0 && !angle_) {
    return parse_fit();
  }
  for (const char* limit : {"MAX", "MIN"}) {
    if (in_.accept_word(limit)) {
      in_.accept_symbol(U'.');
      dimension_.tolerance.kind = limit[1] == 'A' ? ToleranceKind::max : ToleranceKind::min;
      append(limit);
      return;
    }
  }
  if (in_.at_symbol(U'/') && in_.at_number(1)) {  // "16.00/15.50": limits as normalised
    in_.next();
    if (parse_stacked_limits()) return;
  }
  if (parse_stacked_limits()) return;
  if (leading_deviation_) in_.fail("a stacked deviation has no partner");
}

void DimensionGrammar::parse_symmetric() {
  if (leading_deviation_) in_.fail("a stacked deviation cannot combine with ±");
  PrintedNumber half = in_.expect_number("a tolerance after ±");
  std::string spelled = "±" + format_number(half.value, half.decimals);
  if (angle_) {
    if (in_.at_symbol(symbol::degree)) {
      std::string angle_spelled;
      half.value = read_angle_part(half, angle_spelled);
      spelled = "±" + angle_spelled;
    } else if (in_.accept_symbol(symbol::minute)) {
      half.value /= 60.0;
      spelled += "'";
    }
  } else if (half.leading_point && !unit_from_text_ && context_.default_unit == Unit::mm) {
    dimension_.unit = Unit::inch;
  }
  if (half.value <= 0.0) in_.fail("a ± tolerance must be positive");
  set_deviations(ToleranceKind::symmetric, half.value, -half.value);
  append(spelled);
}

// "+0.2 -0.1", "+0,2/-0,1", "0/-0.02", "+0.02 0", the second half of a stacked pair read first,
// and "25.00-25.10" (a limit dimension, the second value being near the first).
void DimensionGrammar::parse_signed_deviations(const PrintedNumber& first) {
  if (angle_) in_.accept_symbol(symbol::degree);
  in_.accept_symbol(U'/');
  std::optional<PrintedNumber> second = in_.accept_signed(true);
  if (second && angle_) in_.accept_symbol(symbol::degree);
  if (!second && leading_deviation_) second = std::exchange(leading_deviation_, std::nullopt);
  if (!second) {
    const double other = -first.value;
    if (first.value < 0 && !angle_ && is_near_as_limit(nominal_.value, other)) {
      return set_limits(PrintedNumber{other, first.decimals, first.leading_point});
    }
    in_.fail("only one deviation is given; the other is missing");
  }
  if (leading_deviation_) in_.fail("three deviations given");
  const PrintedNumber& upper = first.value >= second->value ? first : *second;
  const PrintedNumber& lower = first.value >= second->value ? *second : first;
  if (upper.value == lower.value) in_.fail("both deviations are equal");
  if ((first.leading_point || second->leading_point) && !unit_from_text_ && context_.default_unit == Unit::mm) {
    dimension_.unit = Unit::inch;
  }
  set_deviations(ToleranceKind::deviation, upper.value, lower.value);
  append(signed_spelling(upper) + "/" + signed_spelling(lower));
}

// A second class of the other kind right after the first, as stacked fits read: "k6 H7".
bool DimensionGrammar::at_stacked_class(const ToleranceClass& first) const {
  const Token* letters = in_.peek();
  const Token* grade = in_.peek(1);
  if (letters == nullptr || grade == nullptr || letters->kind != TokenKind::word || letters->spelled.size() > 2) {
    return false;
  }
  if (grade->kind != TokenKind::number || grade->space_before || grade->decimals != 0) return false;
  auto other = parse_tolerance_class(letters->spelled + grade->spelled);
  return other.ok() && other.value().is_hole() != first.is_hole();
}

void DimensionGrammar::parse_fit() {
  const Token& letters = in_.next();
  const Token& grade = in_.next();
  auto first = parse_tolerance_class(letters.spelled + grade.spelled);
  if (!first) in_.fail_at(letters, first.error().message);
  Tolerance& tolerance = dimension_.tolerance;
  tolerance.kind = ToleranceKind::fit;
  std::string spelled = first.value().text();
  std::optional<ToleranceClass> second;
  if (at_stacked_class(first.value())) {  // "12.00 k6 H7": CAD stacks the hole class over the shaft's
    const Token& other_letters = in_.next();
    auto other = parse_tolerance_class(other_letters.spelled + in_.next().spelled);
    if (!other) in_.fail_at(other_letters, other.error().message);
    const bool hole_first = first.value().is_hole();
    second = hole_first ? other.value() : first.value();
    first = hole_first ? first.value() : other.value();
    spelled = first.value().text() + "/" + second->text();
  } else if (in_.accept_symbol(U'/')) {
    const Token* next_letters = in_.peek();
    if (next_letters == nullptr || next_letters->kind != TokenKind::word || !in_.at_number(1)) {
      in_.fail("expected a shaft class after '/'");
    }
    in_.next();
    auto shaft = parse_tolerance_class(next_letters->spelled + in_.next().spelled);
    if (!shaft) in_.fail_at(*next_letters, shaft.error().message);
    if (!first.value().is_hole() || shaft.value().is_hole())
      in_.fail_at(*next_letters, "a fit is written hole/shaft, e.g. H7/g6");
    second = shaft.value();
    spelled += "/" + second->text();
  }
  (first.value().is_hole() ? tolerance.hole_class : tolerance.shaft_class) = first.value();
  if (second) tolerance.shaft_class = second;
  tolerance.it_grade = first.value().grade;
  append(spelled);
  if (second) return;  // a hole/shaft pair has no single set of deviations
  auto deviations = iso286_deviations(to_mm(dimension_.nominal), first.value());
  if (!deviations) in_.fail_at(letters, deviations.error().message);
  const double scale = to_mm(1.0);
  tolerance.deviations = Deviations{deviations.value().upper / scale, deviations.value().lower / scale};
  if (in_.at_symbol(U'(')) parse_explicit_fit_deviations();
}

// "Ø25 H7 (+0.021/0)": printed deviations win; disagreement with the table lowers confidence.
void DimensionGrammar::parse_explicit_fit_deviations() {
  in_.next();
  std::optional<PrintedNumber> first = in_.accept_signed(true);
  if (!first) in_.fail("expected a deviation inside the parentheses");
  in_.accept_symbol(U'/');
  std::optional<PrintedNumber> second = in_.accept_signed(true);
  if (!second) in_.fail("expected a second deviation inside the parentheses");
  in_.expect_symbol(U')', "a closing ')'");
  const double upper = std::max(first->value, second->value);
  const double lower = std::min(first->value, second->value);
  const Deviations& table = *dimension_.tolerance.deviations;
  if (std::abs(to_mm(upper - table.upper)) > kFitAgreementMm ||
      std::abs(to_mm(lower - table.lower)) > kFitAgreementMm) {
    dimension_.confidence_penalty += kFitDisagreementPenalty;
  }
  dimension_.tolerance.deviations = Deviations{upper, lower};
  const PrintedNumber& up = first->value >= second->value ? *first : *second;
  const PrintedNumber& low = first->value >= second->value ? *second : *first;
  append("(" + signed_spelling(up) + "/" + signed_spelling(low) + ")");
}

// A second bare number after the value: stacked limits ("16.00" above "15.50") when it is near
// the first, else the text is ambiguous ("25 1": a lost decimal separator, or two values?).
bool DimensionGrammar::parse_stacked_limits() {
  if (!in_.at_number()) return false;
  for (const char* word : {"DEEP", "DP", "PLCS", "PL", "PLACES", "HOLES"}) {
    if (in_.at_word(word, 1)) return false;
  }
  if (in_.at_symbol(symbol::times, 1)) return false;
  const Token& token = *in_.peek();
  const PrintedNumber other = *in_.accept_number();
  const bool both_decimal = nominal_.decimals > 0 && other.decimals > 0;
  if (angle_ || !both_decimal || !is_near_as_limit(nominal_.value, other.value)) {
    in_.fail_at(token, "ambiguous: a second value follows the first (a lost decimal separator, or two dimensions?)");
  }
  if (leading_deviation_) in_.fail_at(token, "limits cannot combine with a stacked deviation");
  set_limits(other);
  return true;
}

// A limit dimension: the nominal becomes the middle of the limits, the normalised text upper/lower.
void DimensionGrammar::set_limits(const PrintedNumber& other) {
  const PrintedNumber& upper = other.value > nominal_.value ? other : nominal_;
  const PrintedNumber& lower = other.value > nominal_.value ? nominal_ : other;
  const double middle = (upper.value + lower.value) / 2.0;
  dimension_.nominal = middle;
  set_deviations(ToleranceKind::limits, upper.value - middle, lower.value - middle);
  spelled_.resize(value_offset_);
  glue_next_ = value_glued_;
  append(format_number(upper.value, upper.decimals) + "/" + format_number(lower.value, lower.decimals));
}

}  // namespace drawlens::parse
