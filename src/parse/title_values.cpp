// Structured values of title-block fields: scale ("1:2", "M 1:5"), sheet ("2/3", "SHEET 2 OF 3",
// "Blatt 1 von 2"), mass ("0.25 kg"), drawing units and projection method. Dates: title_dates.cpp.
#include <algorithm>
#include <initializer_list>

#include "parse/drawing_text.h"
#include "parse/title_labels.h"

namespace drawlens::parse {
namespace {

using title::strip_label;

constexpr int kMostSheets = 9999;  // beyond it a "sheet number" is a misreading

Error value_error(std::string_view what, std::string_view text, const std::string& problem) {
  return make_error(Status::parse, std::string(what) + " '" + std::string(text) + "': " + problem);
}

Result<std::vector<Token>> lex_value(std::string_view what, std::string_view text, std::string_view value) {
  if (value.empty()) return value_error(what, text, "no value");
  auto lexed = lex_drawing_text(value);
  if (!lexed) return value_error(what, text, lexed.error().message);
  return std::move(lexed).value().tokens;
}

bool is_whole_number(const Token& token) {
  return token.kind == TokenKind::number && token.decimals == 0 && token.value <= kMostSheets;
}

bool is_any_of(std::string_view word, std::initializer_list<std::string_view> spellings) {
  return std::find(spellings.begin(), spellings.end(), word) != spellings.end();
}

std::string_view mass_unit(std::string_view word) {
  const std::string folded = title::fold_letters(word);
  if (is_any_of(folded, {"g", "gram", "grams", "gramm"})) return "g";
  if (is_any_of(folded, {"kg", "kgs", "kilogram", "kilograms", "kilogramm"})) return "kg";
  if (is_any_of(folded, {"lb", "lbs", "pound", "pounds"})) return "lb";
  if (is_any_of(folded, {"oz", "ounce", "ounces"})) return "oz";
  return "";
}

// Which projection method one word (and the word after it) names: 1 first angle, 3 third, 0 none.
int projection_named(std::string_view word, std::string_view next) {
  if (is_any_of(word, {"first", "1st"})) return 1;
  if (is_any_of(word, {"third", "3rd"})) return 3;
  const bool method_word =
      is_any_of(word, {"iso", "method", "methode", "projektionsmethode", "projektion", "projection"});
  if (method_word && is_any_of(next, {"e", "1"})) return 1;
  if (method_word && is_any_of(next, {"a", "3"})) return 3;
  if (word.find("1\uAC01") != std::string_view::npos) return 1;  // 1각(법)
  if (word.find("3\uAC01") != std::string_view::npos) return 3;  // 3각(법)
  if (word.rfind("europ", 0) == 0) return 1;
  if (word.rfind("americ", 0) == 0 || word.rfind("amerikan", 0) == 0) return 3;
  return 0;
}

}  // namespace

Result<Scale> parse_scale(std::string_view text) {
  std::string_view value = strip_label(text, TitleKey::scale);
  // German title blocks abbreviate Maßstab to "M" ("M 1:5", "M1:5").
  if (value.size() > 1 && value[0] == 'M' && (value[1] == ' ' || (value[1] >= '0' && value[1] <= '9'))) {
    value = title::trim(value.substr(1));
  }
  auto tokens = lex_value("scale", text, value);
  if (!tokens) return tokens.error();
  const std::vector<Token>& t = tokens.value();
  const bool ratio = t.size() == 3 && t[0].kind == TokenKind::number && (t[1].is(U':') || t[1].is(U'/')) &&
                     t[2].kind == TokenKind::number;
  if (!ratio) return value_error("scale", text, "expected one ratio such as 1:2");
  if (t[0].value <= 0.0 || t[2].value <= 0.0) return value_error("scale", text, "both sides must be positive");
  return Scale{t[0].value, t[2].value};
}

Result<Sheet> parse_sheet(std::string_view text) {
  auto tokens = lex_value("sheet", text, strip_label(text, TitleKey::sheet));
  if (!tokens) return tokens.error();
  const std::vector<Token>& t = tokens.value();
  const bool single = t.size() == 1 && is_whole_number(t[0]);
  const bool separator = t.size() == 3 && (t[1].is(U'/') || t[1].is_word("of") || t[1].is_word("von"));
  const bool pair = separator && is_whole_number(t[0]) && is_whole_number(t[2]);
  if (!single && !pair) return value_error("sheet", text, "expected a sheet number such as 2, 2/3 or 2 OF 3");
  Sheet sheet;
  sheet.number = static_cast<int>(t[0].value);
  if (pair) sheet.of = static_cast<int>(t[2].value);
  if (sheet.number < 1 || (sheet.of && *sheet.of < 1)) return value_error("sheet", text, "sheets count from 1");
  if (sheet.of && sheet.number > *sheet.of) return value_error("sheet", text, "sheet number exceeds the sheet count");
  return sheet;
}

Result<Mass> parse_mass(std::string_view text) {
  auto tokens = lex_value("mass", text, strip_label(text, TitleKey::mass));
  if (!tokens) return tokens.error();
  const std::vector<Token>& t = tokens.value();
  if (!t.empty() && t[0].is(U'-')) return value_error("mass", text, "negative mass");
  if (t.size() == 1 && t[0].kind == TokenKind::number) return value_error("mass", text, "no unit (g, kg, lb, oz)");
  if (t.size() != 2 || t[0].kind != TokenKind::number || t[1].kind != TokenKind::word) {
    return value_error("mass", text, "expected a value and a unit such as 0.25 kg");
  }
  const std::string_view unit = mass_unit(t[1].spelled);
  if (unit.empty()) return value_error("mass", text, "unknown mass unit '" + t[1].spelled + "'");
  return Mass{t[0].value, std::string(unit)};
}

// "in" counts as inches only as the last word: in "Dimensions in millimeters" it is a preposition.
Result<Unit> parse_units(std::string_view text) {
  const std::vector<std::string> words = title::folded_words(strip_label(text, TitleKey::units));
  bool millimetres = false;
  bool inches = false;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string& word = words[i];
    if (is_any_of(word, {"mm", "millimeter", "millimeters", "millimetre", "millimetres", "millimetern",
                         "\uBC00\uB9AC\uBBF8\uD130"})) {
      millimetres = true;
    } else if (is_any_of(word, {"inch", "inches", "zoll", "\uC778\uCE58"}) || (word == "in" && i + 1 == words.size())) {
      inches = true;
    }
  }
  if (millimetres && inches) return value_error("units", text, "both millimetres and inches (dual dimensions?)");
  if (!millimetres && !inches) return value_error("units", text, "no length unit (mm or inch)");
  return millimetres ? Unit::mm : Unit::inch;
}

// First angle: "FIRST ANGLE", "1st angle", "ISO E", "Projektionsmethode 1", "1각법"; third angle:
// "THIRD ANGLE", "3RD ANGLE PROJECTION", "ISO A", "Projektionsmethode 3", "3각법".
Result<bool> parse_third_angle(std::string_view text) {
  const std::vector<std::string> words = title::folded_words(text);
  bool first_angle = false;
  bool third_angle = false;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const int method = projection_named(words[i], i + 1 < words.size() ? words[i + 1] : "");
    first_angle = first_angle || method == 1;
    third_angle = third_angle || method == 3;
  }
  if (first_angle && third_angle) return value_error("projection", text, "names both first and third angle");
  if (!first_angle && !third_angle) return value_error("projection", text, "no projection method named");
  return third_angle;
}

}  // namespace drawlens::parse
