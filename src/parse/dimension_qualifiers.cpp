// Dimension grammar, what follows the size and tolerance: hole features (depth ↧, counterbore ⌴,
// spotface, countersink ⌵, THRU), flags (TYP, REF, Ⓔ ...), trailing counts, units, dual values;
// then the finishing touches (general tolerance, unit checks).
#include "parse/dimension_grammar.h"

namespace drawlens::parse {
namespace {

constexpr double kMmPerInch = 25.4;

Unit other_unit(Unit unit) {
  return unit == Unit::inch ? Unit::mm : Unit::inch;
}

}  // namespace

void DimensionGrammar::parse_qualifiers() {
  while (!in_.done()) {
    if (parse_hole_feature() || parse_flag_word() || parse_trailing_count() || parse_unit_or_dual()) continue;
    in_.fail("unexpected text after the dimension");
  }
}

void DimensionGrammar::add_flag(DimensionFlag flag, std::string_view spelled) {
  if (dimension_.has(flag)) in_.fail("repeated qualifier");
  dimension_.flags |= static_cast<unsigned>(flag);
  if (!spelled.empty()) append(std::string(spelled));
}

// A length after ↧ or a counterbore symbol; "12 DEEP" style is accepted by the caller.
PrintedNumber DimensionGrammar::parse_feature_length(std::string_view what) {
  in_.accept_symbol(symbol::diameter);
  const PrintedNumber length = in_.expect_number(what);
  if (length.value <= 0.0) in_.fail(std::string(what) + " must be positive");
  return length;
}

bool DimensionGrammar::parse_hole_feature() {
  const auto set_depth = [&](const PrintedNumber& depth) {
    if (!dimension_.thread && !dimension_.hole) dimension_.hole.emplace();
    std::optional<double>& slot = dimension_.thread ? dimension_.thread->depth : dimension_.hole->depth;
    if (slot) in_.fail("a second depth");
    slot = depth.value;
    append("↧" + format_number(depth.value, depth.decimals));
  };
  if (in_.accept_symbol(symbol::depth)) {
    set_depth(parse_feature_length("a depth"));
    return true;
  }
  if (in_.at_number() && (in_.at_word("DEEP", 1) || in_.at_word("DP", 1))) {
    set_depth(*in_.accept_number());
    in_.next();
    return true;
  }
  if (in_.accept_word("THRU")) {
    add_flag(DimensionFlag::thru, "THRU");
    if (in_.accept_word("ALL")) dimension_.suffix = "THRU ALL";
    return true;
  }
  const bool spotface = in_.at_word("SF") || in_.at_word("SPOTFACE");
  if (in_.at_symbol(symbol::counterbore) || in_.at_word("CBORE") || spotface) {
    in_.next();
    const bool is_spotface = spotface || in_.accept_word("SF");
    const PrintedNumber diameter = parse_feature_length("a counterbore diameter");
    Counterbore bore{diameter.value, std::nullopt};
    std::string spelled =
        std::string(is_spotface ? "⌴SF" : "⌴") + "Ø" + format_number(diameter.value, diameter.decimals);
    if (in_.accept_symbol(symbol::depth)) {
      const PrintedNumber depth = parse_feature_length("a counterbore depth");
      bore.depth = depth.value;
      spelled += " ↧" + format_number(depth.value, depth.decimals);
    }
    Hole& hole = dimension_.hole ? *dimension_.hole : dimension_.hole.emplace();
    (is_spotface ? hole.spotface : hole.counterbore) = bore;
    append(spelled);
    return true;
  }
  if (in_.accept_symbol(symbol::countersink) || in_.accept_word("CSK") || in_.accept_word("CSINK")) {
    const PrintedNumber diameter = parse_feature_length("a countersink diameter");
    Countersink sink{diameter.value, std::nullopt};
    std::string spelled = "⌵Ø" + format_number(diameter.value, diameter.decimals);
    if (in_.accept_symbol(symbol::times)) {
      const PrintedNumber angle = in_.expect_number("a countersink angle");
      in_.expect_symbol(symbol::degree, "° after the countersink angle");
      if (angle.value <= 0.0 || angle.value >= 180.0) in_.fail("a countersink angle must lie between 0° and 180°");
      sink.angle = angle.value;
      spelled += "x" + format_number(angle.value, angle.decimals) + "°";
    }
    Hole& hole = dimension_.hole ? *dimension_.hole : dimension_.hole.emplace();
    hole.countersink = sink;
    append(spelled);
    return true;
  }
  return false;
}

bool DimensionGrammar::parse_flag_word() {
  struct WordFlag {
    const char* word;
    DimensionFlag flag;
    const char* spelled;
  };
  static constexpr WordFlag kWords[] = {
      {"TYP", DimensionFlag::typical, "TYP"},   {"TYPICAL", DimensionFlag::typical, "TYP"},
      {"REF", DimensionFlag::reference, "REF"}, {"NTS", DimensionFlag::not_to_scale, "NTS"},
      {"ST", DimensionFlag::statistical, "ST"},
  };
  for (const WordFlag& entry : kWords) {
    if (in_.accept_word(entry.word)) {
      in_.accept_symbol(U'.');
      add_flag(entry.flag, entry.spelled);
      return true;
    }
  }
  if (in_.accept_symbol(symbol::envelope)) return add_flag(DimensionFlag::envelope, "Ⓔ"), true;
  if (in_.accept_symbol(symbol::free_state)) return add_flag(DimensionFlag::free_state, "Ⓕ"), true;
  if (in_.accept_symbol(symbol::independency)) return add_flag(DimensionFlag::independency, "Ⓘ"), true;
  if (in_.at_word("DIA") && dimension_.size_type == SizeType::linear && has_value_) {
    in_.next();
    dimension_.size_type = SizeType::diameter;
    spelled_.insert(value_offset_ + (value_glued_ || value_offset_ == 0 ? 0 : 1), "Ø");
    return true;
  }
  for (const char* words : {"EQ SP", "EQS", "BOTH SIDES"}) {
    const std::string phrase = words;
    const std::size_t space = phrase.find(' ');
    const std::string head = phrase.substr(0, space);
    if (!in_.at_word(head)) continue;
    if (space != std::string::npos && !in_.at_word(phrase.substr(space + 1), 1)) continue;
    in_.next();
    if (space != std::string::npos) in_.next();
    dimension_.suffix += (dimension_.suffix.empty() ? "" : " ") + phrase;
    append(phrase);
    return true;
  }
  return false;
}

// "R5 4 PLCS", "R5 (4x)", "Ø6 4X".
bool DimensionGrammar::parse_trailing_count() {
  const bool parenthesised =
      in_.at_symbol(U'(') && in_.at_number(1) && in_.at_symbol(symbol::times, 2) && in_.at_symbol(U')', 3);
  bool counted = parenthesised;
  for (const char* word : {"PLCS", "PL", "PLACES", "HOLES"})
    counted = counted || (in_.at_number() && in_.at_word(word, 1));
  counted = counted || (in_.at_number() && in_.at_symbol(symbol::times, 1) && (in_.peek(2) == nullptr));
  if (!counted) return false;
  if (parenthesised) in_.next();
  const PrintedNumber count = *in_.accept_number();
  in_.next();
  if (parenthesised) in_.next();
  if (count.decimals != 0 || count.value < 1.0 || count.value > kMaxFeatureCount)
    in_.fail("a count must be a whole number up to 100000");
  if (dimension_.count != 1) in_.fail("a second count");
  dimension_.count = static_cast<int>(count.value);
  spelled_.insert(0, format_number(count.value, 0) + "x ");
  value_offset_ += format_number(count.value, 0).size() + 2;
  return true;
}

bool DimensionGrammar::parse_unit_or_dual() {
  const auto set_unit = [&](Unit unit, const char* spelled) {
    if (angle_) in_.fail("an angle cannot carry a length unit");
    if (unit_from_text_) in_.fail("a second unit");
    unit_from_text_ = true;
    dimension_.unit = unit;
    append(spelled);
    return true;
  };
  if (in_.accept_word("mm")) return set_unit(Unit::mm, "mm");
  if (in_.accept_word("in") || in_.accept_word("inch") || in_.accept_symbol(symbol::second))
    return set_unit(Unit::inch, "in");
  if (!in_.at_symbol(U'[') || !in_.at_number(1)) return false;
  in_.next();
  const PrintedNumber alternate = *in_.accept_number();
  in_.expect_symbol(U']', "a closing ']'");
  if (dimension_.dual) in_.fail("a second alternate value");
  const std::string spelled = "[" + format_number(alternate.value, alternate.decimals) + "]";
  dimension_.dual = DualValue{spelled, alternate.value, angle_ ? Unit::deg : other_unit(dimension_.unit)};
  append(spelled);
  return true;
}

void DimensionGrammar::finish() {
  if (!has_value_) in_.fail("no size found");
  if (dimension_.nominal <= 0.0 && dimension_.size_type != SizeType::angle) in_.fail("a size must be positive");
  Tolerance& tolerance = dimension_.tolerance;
  const bool untoleranced = dimension_.has(DimensionFlag::basic) || dimension_.has(DimensionFlag::reference);
  const auto& general = context_.general_tolerance;
  if (tolerance.kind == ToleranceKind::none && !untoleranced && general && general->linear_class && !angle_ &&
      dimension_.size_type != SizeType::thread) {
    const bool edge = dimension_.size_type == SizeType::radius || dimension_.size_type == SizeType::chamfer;
    const double scale = dimension_.unit == Unit::inch ? kMmPerInch : 1.0;
    auto deviations = edge ? iso2768_radius_chamfer(dimension_.nominal * scale, *general->linear_class)
                           : iso2768_linear(dimension_.nominal * scale, *general->linear_class);
    if (deviations) {
      tolerance.kind = ToleranceKind::general;
      tolerance.deviations = Deviations{deviations.value().upper / scale, deviations.value().lower / scale};
      const std::string standard = general->standard == "ISO 2768-1" ? "ISO 2768" : general->standard;
      tolerance.general_class = standard + "-" + std::string(1, "fmcv"[static_cast<int>(*general->linear_class)]);
      dimension_.flags |= static_cast<unsigned>(DimensionFlag::general);
    }
  }
  // An inch reading inferred from ".005" keeps its unit in the normalised text, where the
  // leading zero is restored.
  const bool inferred_inch = dimension_.unit == Unit::inch && !unit_from_text_ && context_.default_unit != Unit::inch;
  if (inferred_inch && dimension_.size_type != SizeType::thread) append("in");
  dimension_.normalized = spelled_;
}

}  // namespace drawlens::parse
