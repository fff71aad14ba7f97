// ISO 2768-1 general tolerances: permissible deviations for linear sizes, broken edges and
// angles, and reading general tolerance statements from title blocks and notes.
#include <cctype>
#include <cmath>
#include <limits>
#include <optional>
#include <string>

#include "parse/drawing_text.h"
#include "parse/parse.h"

namespace drawlens::parse {
namespace {

constexpr double kBlank = std::numeric_limits<double>::quiet_NaN();
constexpr double kNoUpperBound = std::numeric_limits<double>::infinity();
constexpr double kArcMinutesPerDegree = 60.0;

// ISO 2768-1:1989 tables apply from 0.5 mm; below it the deviations must be given beside the size.
constexpr double kSmallestSizeMm = 0.5;

// One row per size range (over the previous bound up to and including `up_to_mm`; the first
// range starts at 0.5 mm inclusive), columns f, m, c, v.
struct Row {
  double up_to_mm;
  double value[4];
};

// ISO 2768-1:1989 Table 1: permissible deviations (±mm) for linear sizes except broken edges.
constexpr Row kLinearMm[] = {
    {3, {0.05, 0.1, 0.2, kBlank}}, {6, {0.05, 0.1, 0.3, 0.5}}, {30, {0.1, 0.2, 0.5, 1}}, {120, {0.15, 0.3, 0.8, 1.5}},
    {400, {0.2, 0.5, 1.2, 2.5}},   {1000, {0.3, 0.8, 2, 4}},   {2000, {0.5, 1.2, 3, 6}}, {4000, {kBlank, 2, 4, 8}},
};

// ISO 2768-1:1989 Table 2: permissible deviations (±mm) for broken edges (radii, chamfer heights).
constexpr Row kBrokenEdgeMm[] = {
    {3, {0.2, 0.2, 0.4, 0.4}},
    {6, {0.5, 0.5, 1, 1}},
    {kNoUpperBound, {1, 1, 2, 2}},
};

// ISO 2768-1:1989 Table 3: permissible deviations of angles (± arc minutes) by the length of the
// shorter side in mm.
constexpr Row kAngleArcMinutes[] = {
    {10, {60, 60, 90, 180}}, {50, {30, 30, 60, 120}},         {120, {20, 20, 30, 60}},
    {400, {10, 10, 15, 30}}, {kNoUpperBound, {5, 5, 10, 20}},
};

template <std::size_t N>
Result<double> table_value(const Row (&rows)[N], double size_mm, double smallest_mm, GeneralClass general_class,
                           const std::string& table_name) {
  const std::string size_text = format_shortest(size_mm) + " mm";
  if (!(size_mm >= smallest_mm)) {
    return make_error(Status::invalid_argument, table_name + " gives no deviation for " + size_text +
                                                    ": the table starts at " + format_shortest(smallest_mm) + " mm");
  }
  double over_mm = smallest_mm;
  for (const Row& row : rows) {
    if (size_mm <= row.up_to_mm) {
      const double value = row.value[static_cast<int>(general_class)];
      if (!std::isnan(value)) return value;
      const std::string from = over_mm == smallest_mm ? "from " : "over ";
      return make_error(Status::invalid_argument, table_name + " leaves class " + std::string(name(general_class)) +
                                                      " blank for sizes " + from + format_shortest(over_mm) +
                                                      " up to " + format_shortest(row.up_to_mm) + " mm");
    }
    over_mm = row.up_to_mm;
  }
  return make_error(Status::invalid_argument,
                    table_name + " covers sizes up to " + format_shortest(over_mm) + " mm, not " + size_text);
}

Deviations symmetric(double half_width) {
  return {half_width, 0.0 - half_width};
}

constexpr const char* kWithdrawnNote = "ISO 2768-2 is withdrawn; replaced by ISO 22081";

bool is_alpha(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) != 0;
}
bool is_digit(char c) {
  return std::isdigit(static_cast<unsigned char>(c)) != 0;
}

std::string ascii_lower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower;
}

// Position just after `number` where it follows "iso" or "din" (spaces allowed between, as in
// "ISO2768" and "DIN ISO 2768"); npos when the text does not cite that standard.
std::size_t find_designation(const std::string& lower, std::string_view number) {
  for (std::size_t at = lower.find(number); at != std::string::npos; at = lower.find(number, at + 1)) {
    const std::size_t end = at + number.size();
    if (end < lower.size() && is_digit(lower[end])) continue;
    std::size_t before = at;
    while (before > 0 && lower[before - 1] == ' ') --before;
    if (before < 3) continue;
    const std::string_view body = std::string_view(lower).substr(before - 3, 3);
    if (body == "iso" || body == "din") return end;
  }
  return std::string::npos;
}

// Skips a part number ("-1", " - 2") and an edition year (":1989") after the standard's number;
// returns the part, 0 when none is given.
int skip_part_and_year(const std::string& lower, std::size_t& pos) {
  int part = 0;
  std::size_t dash = pos;
  while (dash < lower.size() && lower[dash] == ' ') ++dash;
  if (dash < lower.size() && lower[dash] == '-') {
    std::size_t digit = dash + 1;
    while (digit < lower.size() && lower[digit] == ' ') ++digit;
    if (digit < lower.size() && is_digit(lower[digit]) && (digit + 1 == lower.size() || !is_digit(lower[digit + 1]))) {
      part = lower[digit] - '0';
      pos = digit + 1;
    }
  }
  constexpr std::size_t kYearLength = 4;
  if (pos + kYearLength < lower.size() && lower[pos] == ':') {
    std::size_t end = pos + 1;
    while (end < lower.size() && is_digit(lower[end])) ++end;
    if (end - pos - 1 == kYearLength) pos = end;
  }
  return part;
}

// The letters of the next word from `pos` on, skipping anything that is not a letter or digit
// (spaces, hyphens, UTF-8 dashes); empty when the next word starts with a digit.
std::string next_word(const std::string& lower, std::size_t& pos) {
  while (pos < lower.size() && !is_alpha(lower[pos]) && !is_digit(lower[pos])) ++pos;
  const std::size_t start = pos;
  while (pos < lower.size() && is_alpha(lower[pos])) ++pos;
  return lower.substr(start, pos - start);
}

std::optional<GeneralClass> iso_linear_class(char letter) {
  switch (letter) {
    case 'f': return GeneralClass::f;
    case 'm': return GeneralClass::m;
    case 'c': return GeneralClass::c;
    case 'v': return GeneralClass::v;
    default: return std::nullopt;
  }
}

std::optional<char> geometric_class(char letter) {
  if (letter == 'h' || letter == 'k' || letter == 'l') return static_cast<char>(std::toupper(letter));
  return std::nullopt;
}

// DIN 7168 names its classes f (fein), m (mittel), g (grob) and sg (sehr grob); c and v are
// accepted as ISO 2768 writes them.
std::optional<GeneralClass> din7168_class(const std::string& word) {
  if (word == "g") return GeneralClass::c;
  if (word == "sg") return GeneralClass::v;
  if (word.size() == 1) return iso_linear_class(word[0]);
  return std::nullopt;
}

Error unknown_class(std::string_view standard, const std::string& word) {
  return make_error(Status::parse, std::string(standard) + ": '" + word + "' is not a general tolerance class");
}

// The class letters after "2768": a linear class (f/m/c/v) and/or a geometric class (H/K/L),
// joined ("mK") or apart ("m K", "m-K").
Result<GeneralTolerance> read_iso2768(GeneralTolerance result, const std::string& lower, std::size_t pos) {
  const int part = skip_part_and_year(lower, pos);
  const std::string word = next_word(lower, pos);
  // Longer words, or words not starting with a class letter, are prose ("ISO 2768 is applied").
  constexpr std::size_t kLongestClassWord = 2;
  const bool class_word =
      !word.empty() && word.size() <= kLongestClassWord && (iso_linear_class(word[0]) || geometric_class(word[0]));
  if (class_word) {
    result.linear_class = iso_linear_class(word[0]);
    const std::size_t geometric_at = result.linear_class ? 1 : 0;
    if (word.size() > geometric_at) {
      result.geometric_class = geometric_class(word[geometric_at]);
      if (!result.geometric_class || word.size() > geometric_at + 1) return unknown_class("ISO 2768", word);
    } else {
      const std::string second = next_word(lower, pos);
      if (second.size() == 1) result.geometric_class = geometric_class(second[0]);
    }
  }
  const bool part_two_only = !result.linear_class && (result.geometric_class || part == 2);
  result.standard = part_two_only ? "ISO 2768-2" : "ISO 2768-1";
  if (result.geometric_class) result.note = kWithdrawnNote;
  return result;
}

Result<GeneralTolerance> read_din7168(GeneralTolerance result, const std::string& lower, std::size_t pos) {
  skip_part_and_year(lower, pos);
  const std::string word = next_word(lower, pos);
  result.standard = "DIN 7168";
  if (word.empty() || word.size() > 2) return result;
  result.linear_class = din7168_class(word);
  if (!result.linear_class) return unknown_class("DIN 7168", word);
  return result;
}

}  // namespace

std::string_view name(GeneralClass general_class) {
  switch (general_class) {
    case GeneralClass::f: return "f";
    case GeneralClass::m: return "m";
    case GeneralClass::c: return "c";
    case GeneralClass::v: return "v";
  }
  return "?";
}

Result<Deviations> iso2768_linear(double nominal_mm, GeneralClass general_class) {
  auto value = table_value(kLinearMm, nominal_mm, kSmallestSizeMm, general_class, "ISO 2768-1 Table 1");
  if (!value) return value.error();
  return symmetric(value.value());
}

Result<Deviations> iso2768_radius_chamfer(double nominal_mm, GeneralClass general_class) {
  auto value = table_value(kBrokenEdgeMm, nominal_mm, kSmallestSizeMm, general_class, "ISO 2768-1 Table 2");
  if (!value) return value.error();
  return symmetric(value.value());
}

Result<Deviations> iso2768_angle(double shorter_side_mm, GeneralClass general_class) {
  if (!(shorter_side_mm > 0.0)) {
    return make_error(Status::invalid_argument, "ISO 2768-1 Table 3 needs a positive shorter side length, not " +
                                                    format_shortest(shorter_side_mm));
  }
  auto minutes = table_value(kAngleArcMinutes, shorter_side_mm, 0.0, general_class, "ISO 2768-1 Table 3");
  if (!minutes) return minutes.error();
  return symmetric(minutes.value() / kArcMinutesPerDegree);
}

Result<GeneralTolerance> parse_general_tolerance(std::string_view text) {
  const std::string lower = ascii_lower(text);
  GeneralTolerance result;
  result.text = std::string(text);
  if (const std::size_t end = find_designation(lower, "2768"); end != std::string::npos) {
    return read_iso2768(result, lower, end);
  }
  if (find_designation(lower, "22081") != std::string::npos) {
    result.standard = "ISO 22081";
    return result;
  }
  if (const std::size_t end = find_designation(lower, "7168"); end != std::string::npos) {
    return read_din7168(result, lower, end);
  }
  return make_error(Status::parse,
                    "no general tolerance standard (ISO 2768, ISO 22081, DIN 7168) in '" + std::string(text) + "'");
}

}  // namespace drawlens::parse
