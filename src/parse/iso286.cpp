// ISO 286 limits and fits: tolerance class text, standard tolerances, limit deviations of hole
// and shaft classes (general rule, Δ rule and the standard's special cases) and fits.
#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <limits>

#include "parse/drawing_text.h"
#include "parse/iso286_tables.h"
#include "parse/parse.h"

namespace drawlens::parse {
namespace {

namespace tables = iso286_tables;

constexpr double kMaxNominalMm = 3150.0;
constexpr double kNoUpperBound = std::numeric_limits<double>::infinity();
constexpr double kUmPerMm = 1000.0;
// it_grade_for_width accepts widths this far below a tabulated IT, for rounded drawing values.
constexpr double kWidthSlackUm = 0.5;

constexpr std::array<std::string_view, tables::kGradeCount> kGradeNames = {
    "IT01", "IT0",  "IT1",  "IT2",  "IT3",  "IT4",  "IT5",  "IT6",  "IT7",  "IT8",
    "IT9",  "IT10", "IT11", "IT12", "IT13", "IT14", "IT15", "IT16", "IT17", "IT18"};

int grade_number(ItGrade grade) {
  return static_cast<int>(grade);
}

bool is_known_grade(ItGrade grade) {
  return grade >= ItGrade::it01 && grade <= ItGrade::it18;
}

// "up to 1 mm", "over 500 mm", "over 10 up to 18 mm": how the standard names its size ranges.
std::string range_text(double over_mm, double up_to_mm) {
  if (std::isinf(up_to_mm)) return "over " + format_shortest(over_mm) + " mm";
  if (over_mm <= 0.0) return "up to " + format_shortest(up_to_mm) + " mm";
  return "over " + format_shortest(over_mm) + " up to " + format_shortest(up_to_mm) + " mm";
}

Error undefined(const std::string& what) {
  return make_error(Status::invalid_argument, "ISO 286 defines no " + what);
}

std::optional<Error> check_nominal(double nominal_mm) {
  if (nominal_mm > 0.0 && nominal_mm <= kMaxNominalMm) return std::nullopt;
  return make_error(Status::invalid_argument, "ISO 286 covers nominal sizes over 0 up to " +
                                                  format_shortest(kMaxNominalMm) + " mm, not " +
                                                  format_shortest(nominal_mm) + " mm");
}

// The row of a size-indexed table that holds the nominal size; nullptr above the last row.
template <typename Row, std::size_t N>
const Row* row_for(const Row (&rows)[N], double nominal_mm) {
  for (const Row& row : rows) {
    if (nominal_mm <= row.up_to_mm) return &row;
  }
  return nullptr;
}

// The step of a column holding the nominal size, with the bounds of its range (blank above the
// last step, whose range then runs to infinity).
struct Cell {
  double value_um;
  double over_mm;
  double up_to_mm;
};

Cell cell_at(const tables::Column& column, double nominal_mm) {
  double over_mm = 0.0;
  for (std::size_t i = 0; i < column.count; ++i) {
    if (nominal_mm <= column.steps[i].up_to_mm) return {column.steps[i].value_um, over_mm, column.steps[i].up_to_mm};
    over_mm = column.steps[i].up_to_mm;
  }
  return {tables::kBlank, over_mm, kNoUpperBound};
}

std::string lower_case(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower;
}

// The table column of a shaft letter whose deviation does not depend on the grade; nullptr for
// js, j, k and unknown letters.
const tables::LetterDeviation* letter_column(std::string_view shaft_letters) {
  for (std::size_t i = 0; i < tables::kShaftDeviationCount; ++i) {
    if (tables::kShaftDeviations[i].letters == shaft_letters) return &tables::kShaftDeviations[i];
  }
  return nullptr;
}

// Fundamental deviation letters of ISO 286-1, in shaft spelling; holes use the upper case.
bool is_shaft_letters(std::string_view letters) {
  return letters == "js" || letters == "j" || letters == "k" || letter_column(letters) != nullptr;
}

bool is_single_case(std::string_view letters) {
  const auto is_upper = [](char c) { return std::isupper(static_cast<unsigned char>(c)) != 0; };
  const auto is_lower = [](char c) { return std::islower(static_cast<unsigned char>(c)) != 0; };
  return std::all_of(letters.begin(), letters.end(), is_upper) || std::all_of(letters.begin(), letters.end(), is_lower);
}

bool is_iso286_letters(std::string_view letters) {
  return !letters.empty() && is_single_case(letters) && is_shaft_letters(lower_case(letters));
}

// Shaft letters a..h fix es; holes A..H then follow the general rule EI = −es.
bool fixes_upper_deviation(std::string_view shaft_letters) {
  const tables::LetterDeviation* entry = letter_column(shaft_letters);
  return entry != nullptr && entry->bound == tables::Bound::upper;
}

Result<double> standard_tolerance_um(double nominal_mm, ItGrade grade) {
  if (auto error = check_nominal(nominal_mm)) return *error;
  if (!is_known_grade(grade)) return make_error(Status::invalid_argument, "unknown ISO 286 tolerance grade");
  const std::string grade_name(name(grade));
  if (grade_number(grade) >= tables::kFirstCoarseGrade && nominal_mm <= tables::kCoarseGradesOverMm) {
    return undefined(grade_name + " for sizes " + range_text(0.0, tables::kCoarseGradesOverMm));
  }
  const std::size_t column = static_cast<std::size_t>(grade_number(grade) + 1);
  double defined_up_to_mm = 0.0;
  for (const tables::StandardToleranceRow& row : tables::kStandardTolerances) {
    if (nominal_mm <= row.up_to_mm && !std::isnan(row.it_um[column])) return row.it_um[column];
    if (!std::isnan(row.it_um[column])) defined_up_to_mm = row.up_to_mm;
  }
  return undefined(grade_name + " for sizes " + range_text(defined_up_to_mm, kNoUpperBound));
}

// Half the tolerance of js/JS, rounded to whole µm where the standard's footnote says so.
double symmetric_half_um(ItGrade grade, double it_um) {
  const int number = grade_number(grade);
  const bool rounded = number >= tables::kFirstRoundedJsGrade && number <= tables::kLastRoundedJsGrade;
  if (rounded && std::fmod(it_um, 2.0) == 1.0) return (it_um - 1.0) / 2.0;
  return it_um / 2.0;
}

Result<double> j_cell_um(const tables::GradeTripleRow (&rows)[tables::kGradeTripleRowCount], int first_grade,
                         double nominal_mm, const ToleranceClass& tolerance_class) {
  const ItGrade grade = tolerance_class.grade;
  const int number = grade_number(grade);
  const std::string& letter_text = tolerance_class.letters;
  if (number < first_grade || number > tables::kLastJGrade) {
    return undefined("fundamental deviation '" + letter_text + "' for " + std::string(name(grade)) + " (only IT" +
                     std::to_string(first_grade) + " to IT" + std::to_string(tables::kLastJGrade) + ")");
  }
  const auto* row = row_for(rows, nominal_mm);
  if (row == nullptr) {
    const double last_row_mm = rows[tables::kGradeTripleRowCount - 1].up_to_mm;
    return undefined("fundamental deviation '" + letter_text + "' for sizes " + range_text(last_row_mm, kNoUpperBound));
  }
  // The last column is IT8, the one before IT7; the first holds IT6 (and IT5 for shaft j).
  const double value_um = row->value_um[std::max(0, 2 - (tables::kLastJGrade - number))];
  if (std::isnan(value_um)) {
    return undefined("fundamental deviation '" + letter_text + "' for " + std::string(name(grade)) + " at " +
                     format_shortest(nominal_mm) + " mm");
  }
  return value_um;
}

struct FundamentalDeviation {
  tables::Bound bound;
  double value_um;
};

// es (a..h) or ei (j..zc) of the shaft letter of a class other than js/JS; errors name the
// letters as the class spells them.
Result<FundamentalDeviation> shaft_fundamental(const ToleranceClass& tolerance_class, double nominal_mm) {
  const std::string letters = lower_case(tolerance_class.letters);
  if (letters == "j") {
    auto ei = j_cell_um(tables::kShaftJ, tables::kFirstShaftJGrade, nominal_mm, tolerance_class);
    if (!ei) return ei.error();
    return FundamentalDeviation{tables::Bound::lower, ei.value()};
  }
  if (letters == "k") {
    const int number = grade_number(tolerance_class.grade);
    const bool tabulated = number >= tables::kFirstKGrade && number <= tables::kLastKGrade;
    const double ei_um = tabulated ? cell_at(tables::kShaftKGrades4To7, nominal_mm).value_um : 0.0;
    return FundamentalDeviation{tables::Bound::lower, ei_um};
  }
  const tables::LetterDeviation* entry = letter_column(letters);
  if (entry == nullptr) return undefined("fundamental deviation '" + tolerance_class.letters + "'");
  const Cell cell = cell_at(entry->column, nominal_mm);
  if (std::isnan(cell.value_um)) {
    return undefined("fundamental deviation '" + tolerance_class.letters + "' for sizes " +
                     range_text(cell.over_mm, cell.up_to_mm));
  }
  return FundamentalDeviation{entry->bound, cell.value_um};
}

Deviations from_fundamental(const FundamentalDeviation& fundamental, double it_um) {
  if (fundamental.bound == tables::Bound::upper) return {fundamental.value_um, fundamental.value_um - it_um};
  return {fundamental.value_um + it_um, fundamental.value_um};
}

Result<double> delta_um(double nominal_mm, const ToleranceClass& tolerance_class) {
  if (nominal_mm <= tables::kDeltaOverMm || nominal_mm > tables::kDeltaUpToMm) return 0.0;
  const int number = grade_number(tolerance_class.grade);
  if (number < tables::kFirstDeltaGrade || number > tables::kLastDeltaGrade) {
    return undefined("Δ value for " + std::string(name(tolerance_class.grade)) + " (only IT" +
                     std::to_string(tables::kFirstDeltaGrade) + " to IT" + std::to_string(tables::kLastDeltaGrade) +
                     "), which '" + tolerance_class.text() + "' needs at " + format_shortest(nominal_mm) + " mm");
  }
  return row_for(tables::kDelta, nominal_mm)->delta_um[number - tables::kFirstDeltaGrade];
}

// ES of holes K to ZC: the negated ei of the shaft letter, plus Δ where the standard's cell says
// "+Δ" (K, M, N up to IT8 and P..ZC up to IT7), with the footnoted special cases.
Result<double> hole_upper_k_to_zc_um(const ToleranceClass& tolerance_class, double nominal_mm) {
  const std::string shaft_letters = lower_case(tolerance_class.letters);
  const int number = grade_number(tolerance_class.grade);
  const bool is_kmn = shaft_letters == "k" || shaft_letters == "m" || shaft_letters == "n";
  const bool delta_rule = number <= (is_kmn ? tables::kLastDeltaGrade : tables::kLastDeltaGradePToZc);
  if (shaft_letters == "k" && !delta_rule) return 0.0;
  if (shaft_letters == "n" && !delta_rule) {
    if (nominal_mm <= tables::kNAboveIt8UnusedUpToMm) {
      return undefined("fundamental deviation 'N' above IT8 for sizes " +
                       range_text(0.0, tables::kNAboveIt8UnusedUpToMm));
    }
    if (nominal_mm > tables::kNAboveIt8ZeroOverMm && nominal_mm <= tables::kNAboveIt8ZeroUpToMm) return 0.0;
  }
  if (shaft_letters == "m" && number == 6 && nominal_mm > tables::kM6SpecialOverMm &&
      nominal_mm <= tables::kM6SpecialUpToMm) {
    return tables::kM6SpecialUpperUm;
  }
  double ei_um = 0.0;
  if (shaft_letters == "k") {
    ei_um = cell_at(tables::kShaftKGrades4To7, nominal_mm).value_um;
  } else {
    auto fundamental = shaft_fundamental(tolerance_class, nominal_mm);
    if (!fundamental) return fundamental.error();
    ei_um = fundamental.value().value_um;
  }
  if (!delta_rule) return 0.0 - ei_um;
  auto delta = delta_um(nominal_mm, tolerance_class);
  if (!delta) return delta.error();
  return 0.0 - ei_um + delta.value();
}

// Deviations in µm of a class whose letters are known to be valid ISO 286 letters.
Result<Deviations> deviations_um(double nominal_mm, const ToleranceClass& tolerance_class) {
  auto it = standard_tolerance_um(nominal_mm, tolerance_class.grade);
  if (!it) return it.error();
  const double it_um = it.value();
  const std::string shaft_letters = lower_case(tolerance_class.letters);
  if (shaft_letters == "js") {
    const double half_um = symmetric_half_um(tolerance_class.grade, it_um);
    return Deviations{half_um, 0.0 - half_um};
  }
  if (!tolerance_class.is_hole()) {
    auto fundamental = shaft_fundamental(tolerance_class, nominal_mm);
    if (!fundamental) return fundamental.error();
    return from_fundamental(fundamental.value(), it_um);
  }
  if (shaft_letters == "j") {
    auto es = j_cell_um(tables::kHoleJ, tables::kFirstHoleJGrade, nominal_mm, tolerance_class);
    if (!es) return es.error();
    return Deviations{es.value(), es.value() - it_um};
  }
  if (fixes_upper_deviation(shaft_letters)) {
    auto es = shaft_fundamental(tolerance_class, nominal_mm);
    if (!es) return es.error();
    const double lower_um = 0.0 - es.value().value_um;
    return Deviations{lower_um + it_um, lower_um};
  }
  auto upper = hole_upper_k_to_zc_um(tolerance_class, nominal_mm);
  if (!upper) return upper.error();
  return Deviations{upper.value(), upper.value() - it_um};
}

Deviations to_mm(const Deviations& deviations_in_um) {
  return {deviations_in_um.upper / kUmPerMm, deviations_in_um.lower / kUmPerMm};
}

std::optional<ItGrade> parse_grade(std::string_view digits) {
  if (digits == "01") return ItGrade::it01;
  if (digits.empty() || digits.size() > 2 || (digits.size() == 2 && digits[0] == '0')) return std::nullopt;
  int number = 0;
  for (char c : digits) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
    number = number * 10 + (c - '0');
  }
  if (number > grade_number(ItGrade::it18)) return std::nullopt;
  return static_cast<ItGrade>(number);
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return text;
}

}  // namespace

std::string_view name(ItGrade grade) {
  if (!is_known_grade(grade)) return "IT?";
  return kGradeNames[static_cast<std::size_t>(grade_number(grade) + 1)];
}

std::string ToleranceClass::text() const {
  return letters + std::string(name(grade).substr(2));
}

Result<ToleranceClass> parse_tolerance_class(std::string_view text) {
  const std::string_view trimmed = trim(text);
  std::size_t letter_count = 0;
  while (letter_count < trimmed.size() && std::isalpha(static_cast<unsigned char>(trimmed[letter_count]))) {
    ++letter_count;
  }
  const std::string_view letters = trimmed.substr(0, letter_count);
  const std::string_view digits = trimmed.substr(letter_count);
  const std::string quoted = "tolerance class '" + std::string(trimmed) + "'";
  if (letters.empty()) return make_error(Status::parse, quoted + " has no fundamental deviation letters");
  if (!is_single_case(letters)) {
    return make_error(Status::parse, quoted + " mixes upper and lower case letters");
  }
  if (!is_shaft_letters(lower_case(letters))) {
    return make_error(Status::parse,
                      quoted + ": '" + std::string(letters) + "' is not an ISO 286 fundamental deviation");
  }
  if (digits.empty()) return make_error(Status::parse, quoted + " has no tolerance grade");
  const auto grade = parse_grade(digits);
  if (!grade) {
    return make_error(Status::parse, quoted + ": grade '" + std::string(digits) + "' is not one of 01, 0, 1 ... 18");
  }
  return ToleranceClass{std::string(letters), *grade};
}

Result<double> standard_tolerance(double nominal_mm, ItGrade grade) {
  auto it = standard_tolerance_um(nominal_mm, grade);
  if (!it) return it.error();
  return it.value() / kUmPerMm;
}

Result<Deviations> iso286_deviations(double nominal_mm, const ToleranceClass& tolerance_class) {
  if (!is_iso286_letters(tolerance_class.letters)) {
    return make_error(Status::invalid_argument,
                      "'" + tolerance_class.letters + "' is not an ISO 286 fundamental deviation");
  }
  auto deviations = deviations_um(nominal_mm, tolerance_class);
  if (!deviations) return deviations.error();
  return to_mm(deviations.value());
}

Result<Deviations> iso286_limits(double nominal_mm, std::string_view tolerance_class) {
  auto parsed = parse_tolerance_class(tolerance_class);
  if (!parsed) return parsed.error();
  return iso286_deviations(nominal_mm, parsed.value());
}

Result<Fit> iso286_fit(double nominal_mm, std::string_view hole_class, std::string_view shaft_class) {
  auto hole = parse_tolerance_class(hole_class);
  if (!hole) return hole.error();
  auto shaft = parse_tolerance_class(shaft_class);
  if (!shaft) return shaft.error();
  if (!hole.value().is_hole()) {
    return make_error(Status::invalid_argument, "'" + hole.value().text() + "' is a shaft class, not a hole class");
  }
  if (shaft.value().is_hole()) {
    return make_error(Status::invalid_argument, "'" + shaft.value().text() + "' is a hole class, not a shaft class");
  }
  auto hole_um = deviations_um(nominal_mm, hole.value());
  if (!hole_um) return hole_um.error();
  auto shaft_um = deviations_um(nominal_mm, shaft.value());
  if (!shaft_um) return shaft_um.error();
  // Clearances are taken in µm, where the table values are exact, so that a zero clearance is
  // exactly zero and the fit kind does not depend on binary rounding of mm values.
  const double max_clearance_um = hole_um.value().upper - shaft_um.value().lower;
  const double min_clearance_um = hole_um.value().lower - shaft_um.value().upper;
  Fit fit;
  fit.hole = to_mm(hole_um.value());
  fit.shaft = to_mm(shaft_um.value());
  fit.max_clearance = max_clearance_um / kUmPerMm;
  fit.min_clearance = min_clearance_um / kUmPerMm;
  if (min_clearance_um >= 0.0) {
    fit.kind = FitKind::clearance;
  } else if (max_clearance_um <= 0.0) {
    fit.kind = FitKind::interference;
  } else {
    fit.kind = FitKind::transition;
  }
  return fit;
}

std::optional<ItGrade> it_grade_for_width(double nominal_mm, double width_mm) {
  if (check_nominal(nominal_mm) || !(width_mm >= 0.0)) return std::nullopt;
  for (int number = grade_number(ItGrade::it18); number >= grade_number(ItGrade::it01); --number) {
    const auto grade = static_cast<ItGrade>(number);
    auto it = standard_tolerance_um(nominal_mm, grade);
    if (it && it.value() <= width_mm * kUmPerMm + kWidthSlackUm) return grade;
  }
  return std::nullopt;
}

}  // namespace drawlens::parse
