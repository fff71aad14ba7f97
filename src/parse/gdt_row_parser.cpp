// Recursive-descent grammar of one feature control frame row over lexed tokens:
//   row       := characteristic? tolerance datum* requirement*
//   tolerance := zone? value per_unit? modifier*      zone := Ø | S Ø      per_unit := / len (× len)?
//   datum     := letters (- letters)* modifier*
#include <algorithm>
#include <cstdio>

#include "parse/gdt_row.h"
#include "parse/gdt_symbols.h"

namespace drawlens::parse::gdt {
namespace {

constexpr double kDashPenalty = 0.15;  // "-" read for ⏤

bool is_lower_letter(char c) {
  return c >= 'a' && c <= 'z';
}
bool is_upper_letter(char c) {
  return c >= 'A' && c <= 'Z';
}

std::string lowercase(std::string_view word) {
  std::string out(word);
  for (char& c : out) c = is_upper_letter(c) ? static_cast<char>(c - 'A' + 'a') : c;
  return out;
}

std::string code_point_name(char32_t code) {
  char hex[16];
  std::snprintf(hex, sizeof hex, "U+%04X", static_cast<unsigned>(code));
  return hex;
}

std::string quoted(std::string_view text) {
  return "'" + std::string(text) + "'";
}

// Symbol spellings attach to what precedes them ("Ø0.2Ⓜ", "A[CF]"); words get a space ("0.1 CZ").
void append_spelling(std::string& text, std::string_view spelling) {
  if (!spelling.empty() && is_upper_letter(spelling[0]) && !text.empty()) text += ' ';
  text += spelling;
}

class RowParser {
 public:
  RowParser(const std::vector<RowItem>& items, const RowContext& context) : items_(items), context_(context) {}

  Result<ParsedRow> run() {
    if (auto error = read_characteristic()) return *error;
    if (auto error = read_tolerance()) return *error;
    if (auto error = read_datums()) return *error;
    return std::move(row_);
  }

 private:
  const RowItem* peek(std::size_t ahead = 0) const {
    return next_ + ahead < items_.size() ? &items_[next_ + ahead] : nullptr;
  }
  // The item `ahead` is printed in the given compartment.
  bool in_compartment(std::size_t ahead, int compartment) const {
    const RowItem* item = peek(ahead);
    return item != nullptr && item->compartment == compartment;
  }
  bool is_number(std::size_t ahead, int compartment) const {
    return in_compartment(ahead, compartment) && peek(ahead)->token.kind == TokenKind::number;
  }

  Error fail(const RowItem* at, const std::string& problem) const {
    const int compartment = at != nullptr ? at->compartment : items_.back().compartment;
    return make_error(Status::parse, "GD&T frame " + frame_position(context_, compartment) + ": " + problem);
  }

  std::optional<Error> read_characteristic();
  std::optional<Error> read_characteristic_symbol(const RowItem& first);
  std::optional<Error> read_characteristic_name(const RowItem& first);
  bool starts_tolerance(const RowItem& item) const;
  std::optional<Error> read_tolerance();
  void read_zone();
  std::optional<Error> read_per_unit(int compartment);
  std::optional<Error> read_tolerance_modifiers();
  std::optional<Error> apply(const MatchedModifier& matched, std::vector<std::string>& modifiers, std::string& text);
  std::optional<Error> read_modifier_value(const Modifier& modifier, const RowItem& at, std::string& text);
  std::optional<MatchedModifier> match_modifier(ModifierPlace place, int lone_letter_compartment) const {
    return read_modifier_at(items_, next_, place, lone_letter_compartment);
  }
  std::optional<Error> read_datums();
  std::optional<Error> read_datum();
  std::optional<Error> read_datum_letters(std::string& letters, std::string& font_suffix);

  const std::vector<RowItem>& items_;
  RowContext context_;
  std::size_t next_ = 0;
  ParsedRow row_;
};

std::optional<Error> RowParser::read_characteristic() {
  const RowItem& first = items_.front();
  if (starts_tolerance(first)) {
    if (context_.row > 1) return std::nullopt;
    return fail(&first, "no geometric characteristic symbol before the tolerance");
  }
  const Token& token = first.token;
  if (token.kind == TokenKind::symbol) return read_characteristic_symbol(first);
  const bool single_letter = token.spelled.size() == 1;
  if (single_letter && is_lower_letter(token.spelled[0])) {
    row_.characteristic = characteristic_for_font_letter(token.spelled[0]);
    if (!row_.characteristic) {
      return fail(&first, "CAD symbol-font letter " + quoted(first.source) + " is a modifier, not a characteristic");
    }
    row_.penalty += kFontLetterPenalty;
    next_ = 1;
    return std::nullopt;
  }
  return read_characteristic_name(first);
}

std::optional<Error> RowParser::read_characteristic_symbol(const RowItem& first) {
  const Token& token = first.token;
  const int compartment = first.compartment;
  std::size_t used = 1;
  if (token.is(U'/') && in_compartment(1, compartment) && peek(1)->token.is(U'/')) {
    row_.characteristic = Characteristic::parallelism, used = 2;
  } else if (token.is(U'\u2197') && in_compartment(1, compartment) && peek(1)->token.is(U'\u2197')) {
    row_.characteristic = Characteristic::total_runout, used = 2;
  } else if (token.is(U'-') && !in_compartment(1, compartment)) {
    row_.characteristic = Characteristic::straightness;
    row_.penalty += kDashPenalty;
  } else {
    row_.characteristic = characteristic_for_glyph(token.code);
  }
  if (!row_.characteristic) {
    return fail(&first,
                "unknown characteristic symbol " + quoted(first.source) + " (" + code_point_name(token.code) + ")");
  }
  next_ = used;
  return std::nullopt;
}

// The longest characteristic name made of the first words of the compartment ("Profile of a
// Surface"); filler words count only inside a name, so "Position A" leaves datum A alone.
std::optional<Error> RowParser::read_characteristic_name(const RowItem& first) {
  std::string words;
  std::size_t used = 0;
  for (std::size_t k = 0; in_compartment(k, first.compartment) && peek(k)->token.kind == TokenKind::word; ++k) {
    const std::string word = lowercase(peek(k)->token.spelled);
    if (!words.empty() && is_name_filler(word)) continue;
    const std::string candidate = words.empty() ? word : words + " " + word;
    if (!starts_characteristic_name(candidate)) break;
    words = candidate;
    if (auto characteristic = characteristic_for_name(words)) row_.characteristic = characteristic, used = k + 1;
  }
  if (!row_.characteristic) return fail(&first, "unknown characteristic " + quoted(first.source));
  next_ = used;
  return std::nullopt;
}

bool RowParser::starts_tolerance(const RowItem& item) const {
  const Token& token = item.token;
  if (token.kind == TokenKind::number || token.is(symbol::diameter)) return true;
  if (token.is(U'-')) return is_number(1, item.compartment);  // a negative value, refused later
  if (token.is_word("S")) return peek(1) != nullptr && peek(1)->token.is(symbol::diameter);
  return token.kind == TokenKind::word && token.spelled == std::string(1, kFontDiameterLetter);
}

std::optional<Error> RowParser::read_tolerance() {
  const RowItem* start = peek();
  if (start == nullptr) return fail(nullptr, "no tolerance value after the characteristic symbol");
  read_zone();
  const RowItem* value = peek();
  if (value != nullptr && value->token.is(U'-') && is_number(1, value->compartment)) {
    return fail(value, "negative tolerance " + quoted(std::string(value->source) + std::string(peek(1)->source)));
  }
  if (value == nullptr || value->token.kind != TokenKind::number) {
    const std::string found = value != nullptr ? " (found " + quoted(value->source) + ")" : "";
    return fail(value != nullptr ? value : start, "no tolerance value" + found);
  }
  ++next_;
  row_.segment.tolerance = value->token.value;
  row_.tolerance_text += value->token.spelled;
  if (auto error = read_per_unit(value->compartment)) return error;
  if (auto error = read_tolerance_modifiers()) return error;
  const auto& modifiers = row_.segment.modifiers;
  const bool material_condition = std::find(modifiers.begin(), modifiers.end(), "mmc") != modifiers.end() ||
                                  std::find(modifiers.begin(), modifiers.end(), "lmc") != modifiers.end();
  if (row_.segment.tolerance == 0.0 && !material_condition) {
    return fail(value, "a zero tolerance needs Ⓜ or Ⓛ");
  }
  return std::nullopt;
}

void RowParser::read_zone() {
  const RowItem& item = *peek();
  if (item.token.is(symbol::diameter)) {
    row_.segment.zone_shape = ZoneShape::diameter;
    row_.tolerance_text += utf8(symbol::diameter);
    ++next_;
  } else if (item.token.is_word("S") && peek(1) != nullptr && peek(1)->token.is(symbol::diameter)) {
    row_.segment.zone_shape = ZoneShape::spherical_diameter;
    row_.tolerance_text += "S" + utf8(symbol::diameter);
    next_ += 2;
  } else if (item.token.kind == TokenKind::word && item.token.spelled == std::string(1, kFontDiameterLetter)) {
    row_.segment.zone_shape = ZoneShape::diameter;
    row_.tolerance_text += utf8(symbol::diameter);
    row_.penalty += kFontLetterPenalty;
    ++next_;
  }
}

// "0.01/100" (per unit length) and "0.01/25×25" (per unit area, which must be square: the
// schema keeps one side).
std::optional<Error> RowParser::read_per_unit(int compartment) {
  if (!in_compartment(0, compartment) || !peek()->token.is(U'/')) return std::nullopt;
  const RowItem& slash = *peek();
  if (!is_number(1, compartment)) return fail(&slash, "'/' without the unit length of a per-unit tolerance");
  const Token& length = peek(1)->token;
  if (length.value <= 0.0) return fail(peek(1), "per-unit length must be positive");
  next_ += 2;
  row_.tolerance_text += "/" + length.spelled;
  if (in_compartment(0, compartment) && peek()->token.is(symbol::times)) {
    if (!is_number(1, compartment)) return fail(peek(), "per-unit area without its second side");
    const Token& side = peek(1)->token;
    if (side.value != length.value) {
      return fail(peek(1), "per-unit area must be square (" + length.spelled + "×" + side.spelled + ")");
    }
    row_.tolerance_text += utf8(symbol::times) + side.spelled;
    next_ += 2;
  }
  row_.segment.per_unit = PerUnit{row_.segment.tolerance, length.value};
  return std::nullopt;
}

// Modifiers follow the value in its compartment; a symbol may also stand in a compartment of its
// own, as OCR splits cells at a modifier's circle. A bare M or L counts only beside the value.
std::optional<Error> RowParser::read_tolerance_modifiers() {
  const int value_compartment = items_[next_ - 1].compartment;
  const int lone_letter_compartment = context_.separated ? value_compartment : 0;
  while (auto matched = match_modifier(ModifierPlace::tolerance, lone_letter_compartment)) {
    if (auto error = apply(*matched, row_.segment.modifiers, row_.tolerance_text)) return error;
  }
  return std::nullopt;
}

std::optional<Error> RowParser::apply(const MatchedModifier& matched, std::vector<std::string>& modifiers,
                                      std::string& text) {
  const RowItem& at = *peek();
  const Modifier& modifier = matched.modifier;
  const std::string name(modifier.schema_name);
  if (std::find(modifiers.begin(), modifiers.end(), name) != modifiers.end()) {
    return fail(&at, "modifier " + std::string(modifier.spelling) + " given twice");
  }
  const bool conflicting =
      (name == "mmc" || name == "lmc") &&
      std::find(modifiers.begin(), modifiers.end(), name == "mmc" ? "lmc" : "mmc") != modifiers.end();
  if (conflicting) return fail(&at, "Ⓜ and Ⓛ together");
  modifiers.push_back(name);
  row_.penalty += matched.penalty;
  next_ += matched.items;
  if (modifier.value == ModifierValue::second_word_reqt) {
    row_.requirement_texts.emplace_back(modifier.spelling);
    return std::nullopt;
  }
  append_spelling(text, modifier.spelling);
  return read_modifier_value(modifier, at, text);
}

// Ⓟ may carry the projected height ("Ⓟ 12"); Ⓤ and UZ need the zone offset ("Ⓤ0.2", "UZ-0.1").
std::optional<Error> RowParser::read_modifier_value(const Modifier& modifier, const RowItem& at, std::string& text) {
  if (modifier.value == ModifierValue::optional_height && is_number(0, at.compartment)) {
    const Token& height = peek()->token;
    if (height.value <= 0.0) return fail(peek(), "projected height must be positive");
    row_.segment.projected_height = height.value;
    text += height.spelled;
    ++next_;
  } else if (modifier.value == ModifierValue::required_offset) {
    const bool signed_value = in_compartment(0, at.compartment) && (peek()->token.is(U'+') || peek()->token.is(U'-'));
    const std::size_t number_at = signed_value ? 1 : 0;
    if (!is_number(number_at, at.compartment)) return fail(&at, quoted(at.source) + " needs the offset of the zone");
    const bool negative = signed_value && peek()->token.is(U'-');
    const Token& offset = peek(number_at)->token;
    row_.segment.unequal_offset = negative ? -offset.value : offset.value;
    text += (signed_value ? (negative ? "-" : "+") : "") + offset.spelled;
    next_ += number_at + 1;
  }
  return std::nullopt;
}

std::optional<Error> RowParser::read_datums() {
  while (const RowItem* item = peek()) {
    auto requirement = match_modifier(ModifierPlace::tolerance, 0);
    if (requirement && requirement->modifier.value == ModifierValue::second_word_reqt) {
      if (auto error = apply(*requirement, row_.segment.modifiers, row_.tolerance_text)) return error;
      continue;
    }
    if (row_.segment.datums.size() == 3) {
      return fail(item, "more than 3 datum references (" + quoted(item->source) + ")");
    }
    if (row_.first_datum_compartment == 0) row_.first_datum_compartment = item->compartment;
    if (auto error = read_datum()) return error;
  }
  return std::nullopt;
}

std::optional<Error> RowParser::read_datum() {
  const RowItem& first = *peek();
  DatumReference datum;
  std::string font_suffix;
  if (auto error = read_datum_letters(datum.label, font_suffix)) return error;
  while (font_suffix.empty() && in_compartment(0, first.compartment) && peek()->token.is(U'-') &&
         in_compartment(1, first.compartment)) {
    ++next_;
    std::string letters;
    if (auto error = read_datum_letters(letters, font_suffix)) return error;
    datum.label += "-" + letters;
  }
  for (const auto& other : row_.segment.datums) {
    if (other.label == datum.label) return fail(&first, "datum " + datum.label + " referenced twice");
  }
  std::string text = datum.label;
  for (char letter : font_suffix) {
    const Modifier modifier = *modifier_for_font_letter(letter, ModifierPlace::datum);
    const auto& given = datum.modifiers;
    if (std::find(given.begin(), given.end(), modifier.schema_name) != given.end()) {
      return fail(&first, "modifier " + std::string(modifier.spelling) + " given twice");
    }
    row_.penalty += kFontLetterPenalty;
    datum.modifiers.emplace_back(modifier.schema_name);
    append_spelling(text, modifier.spelling);
  }
  const int lone_letter_compartment = context_.separated ? first.compartment : 0;
  while (in_compartment(0, first.compartment)) {
    auto matched = match_modifier(ModifierPlace::datum, lone_letter_compartment);
    if (!matched) break;
    if (auto error = apply(*matched, datum.modifiers, text)) return error;
  }
  row_.segment.datums.push_back(std::move(datum));
  row_.datum_texts.push_back(std::move(text));
  return std::nullopt;
}

// Datum letters: 1 to 3 capitals except I, O and Q, which ASME Y14.5 never assigns (an OCR
// reading of 1, 0 or a modifier is likelier). AIGDT modifier letters may trail ("Bm").
std::optional<Error> RowParser::read_datum_letters(std::string& letters, std::string& font_suffix) {
  const RowItem& item = *peek();
  const Token& token = item.token;
  if (token.is(symbol::times) && item.source == "X") {
    letters = "X";
  } else if (token.kind == TokenKind::word) {
    std::size_t k = 0;
    while (k < token.spelled.size() && is_upper_letter(token.spelled[k])) ++k;
    letters = token.spelled.substr(0, k);
    font_suffix = token.spelled.substr(k);
    for (char letter : font_suffix) {
      if (!modifier_for_font_letter(letter, ModifierPlace::datum)) letters.clear();
    }
  }
  if (letters.empty()) return fail(&item, quoted(item.source) + " where a datum letter belongs");
  if (letters.size() > 3) return fail(&item, quoted(item.source) + " is not a datum label (1 to 3 capitals)");
  if (letters.find_first_of("IOQ") != std::string::npos) {
    return fail(&item, "datum " + quoted(letters) + ": the letters I, O and Q are not used for datums");
  }
  ++next_;
  return std::nullopt;
}

}  // namespace

std::string frame_position(const RowContext& context, int compartment) {
  const std::string where = "compartment " + std::to_string(compartment);
  return context.rows > 1 ? "row " + std::to_string(context.row) + " " + where : where;
}

Result<ParsedRow> parse_row(const std::vector<RowItem>& items, const RowContext& context) {
  return RowParser(items, context).run();
}

}  // namespace drawlens::parse::gdt
