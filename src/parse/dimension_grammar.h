// The dimension grammar (see docs/parsing.md for its EBNF): one recursive-descent parser whose
// rules are spread over dimension_parser.cpp (count, size symbol, value, angle, chamfer),
// dimension_tolerance.cpp (every tolerance form) and dimension_qualifiers.cpp (hole features,
// flags, units, dual values); threads are read by thread_parser.cpp.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "parse/parse.h"
#include "parse/token_cursor.h"

namespace drawlens::parse {

// Counts beyond this are not counts of features on a drawing (and would overflow an int).
inline constexpr double kMaxFeatureCount = 100000;

class DimensionGrammar {
 public:
  DimensionGrammar(TokenCursor& cursor, const DimensionContext& context) : in_(cursor), context_(context) {}

  // Parses the whole text into dimension_; throws ParseFailure.
  void parse();
  Dimension& result() { return dimension_; }

 private:
  // dimension_parser.cpp
  void parse_leading_deviation();
  void parse_count_prefix();
  void parse_body();
  void parse_size_symbol();
  void parse_value();
  void parse_angle_value(const PrintedNumber& degrees);
  double read_angle_part(const PrintedNumber& first, std::string& spelled);
  void parse_chamfer_after(const PrintedNumber& first);
  void parse_enclosed_value(char32_t close, DimensionFlag flag);

  // dimension_tolerance.cpp
  void parse_tolerance();
  void parse_symmetric();
  void parse_signed_deviations(const PrintedNumber& first);
  void parse_fit();
  bool at_stacked_class(const ToleranceClass& first) const;
  void parse_explicit_fit_deviations();
  bool parse_stacked_limits();
  void set_deviations(ToleranceKind kind, double upper, double lower);
  void set_limits(const PrintedNumber& other);
  double to_mm(double value) const;

  // dimension_qualifiers.cpp
  void parse_qualifiers();
  bool parse_hole_feature();
  bool parse_flag_word();
  bool parse_trailing_count();
  bool parse_unit_or_dual();
  PrintedNumber parse_feature_length(std::string_view what);
  void add_flag(DimensionFlag flag, std::string_view spelled);
  void finish();

  // thread_parser.cpp
  bool at_thread_start() const;
  void parse_thread();
  void parse_metric_thread();
  void parse_unified_thread(double diameter_inch, const std::string& size_spelled);
  void parse_pipe_thread(ThreadStandard standard, std::string letters);
  std::optional<std::pair<double, std::string>> accept_fraction();

  // Adds a piece to the normalised text, after a space unless it follows a size symbol.
  void append(const std::string& piece);

  TokenCursor& in_;
  const DimensionContext& context_;
  Dimension dimension_;
  PrintedNumber nominal_;
  bool has_value_ = false;
  bool angle_ = false;
  bool unit_from_text_ = false;
  std::optional<PrintedNumber> leading_deviation_;
  std::string spelled_;           // the normalised text as it grows
  std::size_t value_offset_ = 0;  // where the value starts in spelled_ (limits rewrite it)
  bool value_glued_ = false;
  bool glue_next_ = false;
};

}  // namespace drawlens::parse
