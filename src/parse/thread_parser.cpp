// Dimension grammar, threads: ISO metric (M8, M8x1.25-6g, M10x1 LH), trapezoidal (Tr20x4), unified
// (1/4-20 UNC-2B, #10-32 UNF), NPT, and pipe threads (G 1/2 A, Rp 3/8, Rc 1/4, R 1/4).
#include <cmath>

#include "parse/dimension_grammar.h"

namespace drawlens::parse {
namespace {

struct PitchEntry {
  double diameter;
  double pitch;
};

// ISO 261:1998 table 1, coarse pitch of the ISO general-purpose metric series (M1 .. M68).
constexpr PitchEntry kMetricCoarsePitch[] = {
    {1, 0.25},   {1.1, 0.25}, {1.2, 0.25}, {1.4, 0.3}, {1.6, 0.35}, {1.8, 0.35}, {2, 0.4}, {2.2, 0.45},
    {2.5, 0.45}, {3, 0.5},    {3.5, 0.6},  {4, 0.7},   {4.5, 0.75}, {5, 0.8},    {6, 1},   {7, 1},
    {8, 1.25},   {9, 1.25},   {10, 1.5},   {11, 1.5},  {12, 1.75},  {14, 2},     {16, 2},  {18, 2.5},
    {20, 2.5},   {22, 2.5},   {24, 3},     {27, 3},    {30, 3.5},   {33, 3.5},   {36, 4},  {39, 4},
    {42, 4.5},   {45, 4.5},   {48, 5},     {52, 5},    {56, 5.5},   {60, 5.5},   {64, 6},  {68, 6},
};

// ISO 228-1:2000 table 1 / ISO 7-1:1994 table 1: threads per inch of pipe threads by designation.
constexpr PitchEntry kPipeThreadsPerInch[] = {
    {1.0 / 16, 28}, {1.0 / 8, 28}, {0.25, 19}, {0.375, 19}, {0.5, 14},  {0.625, 14}, {0.75, 14}, {0.875, 14},
    {1, 11},        {1.125, 11},   {1.25, 11}, {1.5, 11},   {1.75, 11}, {2, 11},     {2.25, 11}, {2.5, 11},
    {2.75, 11},     {3, 11},       {3.5, 11},  {4, 11},     {5, 11},    {6, 11},
};

std::optional<double> lookup(const PitchEntry* begin, const PitchEntry* end, double key) {
  for (const PitchEntry* entry = begin; entry != end; ++entry) {
    if (std::abs(entry->diameter - key) < 1e-9) return entry->pitch;
  }
  return std::nullopt;
}

bool is_unified_series(const Token& token) {
  for (const char* series : {"UNC", "UNF", "UNEF", "UN", "UNS", "UNJC", "UNJF", "NPT", "NPTF", "NPS"}) {
    if (token.is_word(series)) return true;
  }
  return false;
}

}  // namespace

bool DimensionGrammar::at_thread_start() const {
  const bool number_next = in_.at_number(1);
  if ((in_.at_word("M") || in_.at_word("Tr")) && number_next) return true;
  if ((in_.at_word("G") || in_.at_word("Rp") || in_.at_word("Rc")) && number_next) return true;
  if (in_.at_word("R") && number_next && in_.at_symbol(U'/', 2)) return true;
  // Unified and NPT: only numbers, '#', '/' and '-' before the series word.
  for (std::size_t ahead = 0; const Token* token = in_.peek(ahead); ++ahead) {
    if (is_unified_series(*token)) return ahead > 0;
    const bool size_part = token->kind == TokenKind::number || token->is(U'#') || token->is(U'/') || token->is(U'-');
    if (!size_part) return false;
  }
  return false;
}

// "1/2", "1 1/4", "1" — a size designator as a value and its spelling.
std::optional<std::pair<double, std::string>> DimensionGrammar::accept_fraction() {
  const auto number = in_.accept_number();
  if (!number) return std::nullopt;
  std::string spelled = format_number(number->value, number->decimals);
  if (in_.accept_symbol(U'/')) {
    const PrintedNumber below = in_.expect_number("a denominator");
    if (below.value == 0) in_.fail("a zero denominator");
    return std::pair{number->value / below.value, spelled + "/" + format_number(below.value, 0)};
  }
  if (number->decimals == 0 && in_.at_number() && in_.at_symbol(U'/', 1)) {  // "1 1/4"
    const PrintedNumber above = *in_.accept_number();
    in_.next();
    const PrintedNumber below = in_.expect_number("a denominator");
    if (below.value == 0) in_.fail("a zero denominator");
    return std::pair{number->value + above.value / below.value,
                     spelled + " " + format_number(above.value, 0) + "/" + format_number(below.value, 0)};
  }
  return std::pair{number->value, spelled};
}

void DimensionGrammar::parse_thread() {
  dimension_.size_type = SizeType::thread;
  has_value_ = true;
  if (in_.at_word("M") || in_.at_word("Tr")) return parse_metric_thread();
  if (in_.at_word("G")) return parse_pipe_thread(ThreadStandard::pipe_g, in_.next().spelled);
  if (in_.at_word("Rp")) return parse_pipe_thread(ThreadStandard::pipe_rp, in_.next().spelled);
  if (in_.at_word("Rc") || in_.at_word("R")) return parse_pipe_thread(ThreadStandard::pipe_r, in_.next().spelled);
  if (in_.accept_symbol(U'#')) {  // numbered unified sizes: #10 = 0.060 + 10 x 0.013 in
    const PrintedNumber number = in_.expect_number("a unified size number");
    if (number.decimals != 0 || number.value > 12) in_.fail("unified numbered sizes run from #0 to #12");
    return parse_unified_thread(0.060 + 0.013 * number.value, "#" + format_number(number.value, 0));
  }
  const auto size = accept_fraction();
  if (!size) in_.fail("expected a thread size");
  parse_unified_thread(size->first, size->second);
}

void DimensionGrammar::parse_metric_thread() {
  const bool trapezoidal = in_.next().is_word("Tr");
  const PrintedNumber diameter = in_.expect_number("a thread diameter");
  if (diameter.value <= 0.0) in_.fail("a thread diameter must be positive");
  Thread thread;
  thread.standard = trapezoidal ? ThreadStandard::other : ThreadStandard::iso_metric;
  thread.nominal_diameter = diameter.value;
  std::string designation = (trapezoidal ? "Tr" : "M") + format_number(diameter.value, diameter.decimals);
  if (in_.accept_symbol(symbol::times)) {
    const PrintedNumber pitch = in_.expect_number("a pitch");
    if (pitch.value <= 0.0 || pitch.value >= diameter.value)
      in_.fail("a pitch must be positive and below the diameter");
    thread.pitch = pitch.value;
    designation += "x" + format_number(pitch.value, pitch.decimals);
  } else if (trapezoidal) {
    in_.fail("a trapezoidal thread needs its pitch (Tr20x4)");
  } else {
    thread.pitch = lookup(std::begin(kMetricCoarsePitch), std::end(kMetricCoarsePitch), diameter.value);
  }
  // Tolerance class: "-6H", "-6g", "-5g6g", "-6H/6g".
  if (in_.at_symbol(U'-') && in_.at_number(1) && in_.peek(2) != nullptr && in_.peek(2)->kind == TokenKind::word) {
    in_.next();
    while (in_.at_number() && in_.peek(1) != nullptr && in_.peek(1)->kind == TokenKind::word && !in_.at_word("LH", 1)) {
      thread.tolerance_class += in_.next().spelled;
      thread.tolerance_class += in_.next().spelled;
      if (in_.at_symbol(U'/') && in_.at_number(1)) thread.tolerance_class += utf8(in_.next().code);
    }
    designation += "-" + thread.tolerance_class;
  }
  if (in_.at_symbol(U'-') && in_.at_word("LH", 1)) in_.next();
  if (in_.accept_word("LH")) {
    thread.left_hand = true;
    designation += " LH";
  }
  thread.designation = designation;
  dimension_.nominal = diameter.value;
  dimension_.unit = Unit::mm;
  dimension_.thread = thread;
  append(designation);
}

void DimensionGrammar::parse_unified_thread(double diameter_inch, const std::string& size_spelled) {
  Thread thread;
  std::string designation = size_spelled;
  if (in_.accept_symbol(U'-') || in_.at_number()) {
    const PrintedNumber threads = in_.expect_number("threads per inch");
    if (threads.value <= 0.0) in_.fail("threads per inch must be positive");
    thread.threads_per_inch = threads.value;
    thread.pitch = 1.0 / threads.value;
    designation += "-" + format_number(threads.value, threads.decimals);
  }
  if (in_.at_symbol(symbol::second)) in_.next();  // 1/4" NPT
  const Token& series = in_.next();
  if (!is_unified_series(series)) in_.fail_at(series, "expected a thread series (UNC, UNF, UNEF, UN, NPT)");
  const bool pipe = series.spelled.rfind("NP", 0) == 0;
  thread.standard = pipe ? ThreadStandard::other : ThreadStandard::unified;
  designation += " " + series.spelled;
  if (!pipe && in_.accept_symbol(U'-')) {
    const Token& grade = in_.next();
    const Token& kind = in_.next();
    if (grade.kind != TokenKind::number || !(kind.is_word("A") || kind.is_word("B"))) {
      in_.fail_at(grade, "expected a unified thread class such as 2A or 2B");
    }
    thread.tolerance_class = grade.spelled + kind.spelled;
    designation += "-" + thread.tolerance_class;
  }
  if (in_.accept_word("LH")) {
    thread.left_hand = true;
    designation += " LH";
  }
  if (!pipe) thread.nominal_diameter = diameter_inch;
  thread.designation = designation;
  dimension_.nominal = diameter_inch;
  dimension_.unit = Unit::inch;
  dimension_.thread = thread;
  append(designation);
}

void DimensionGrammar::parse_pipe_thread(ThreadStandard standard, std::string letters) {
  const auto size = accept_fraction();
  if (!size) in_.fail("expected a pipe thread size");
  Thread thread;
  thread.standard = standard;
  thread.threads_per_inch = lookup(std::begin(kPipeThreadsPerInch), std::end(kPipeThreadsPerInch), size->first);
  if (!thread.threads_per_inch) in_.fail("not a pipe thread size of ISO 228 / ISO 7");
  thread.pitch = 1.0 / *thread.threads_per_inch;
  thread.designation = letters + " " + size->second;
  if (standard == ThreadStandard::pipe_g && (in_.at_word("A") || in_.at_word("B"))) {
    thread.tolerance_class = in_.next().spelled;
    thread.designation += " " + thread.tolerance_class;
  }
  if (in_.accept_word("LH")) {
    thread.left_hand = true;
    thread.designation += " LH";
  }
  dimension_.nominal = size->first;
  dimension_.unit = Unit::inch;
  dimension_.thread = thread;
  append(thread.designation);
}

}  // namespace drawlens::parse
