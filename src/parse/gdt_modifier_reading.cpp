// Reads one tolerance or datum modifier at a position of a frame row, in any of its spellings:
// the symbol (Ⓜ), a framed word ("(M)", "[CF]", "<ST>"), a word ("CZ", "MMC", "SEP REQT"), an
// AutoCAD font letter ("m"), or a bare capital after a value in its own compartment ("0.2 M").
#include "parse/gdt_row.h"

namespace drawlens::parse::gdt {
namespace {

constexpr double kSpelledModifierPenalty = 0.05;  // "(M)" or "MMC" for Ⓜ
constexpr double kLoneLetterPenalty = 0.1;        // "0.2 M": a bare capital for Ⓜ

bool is_capital(char c) {
  return c >= 'A' && c <= 'Z';
}

const RowItem* item_at(const std::vector<RowItem>& items, std::size_t at) {
  return at < items.size() ? &items[at] : nullptr;
}

std::optional<MatchedModifier> read_framed(const std::vector<RowItem>& items, std::size_t at, ModifierPlace place) {
  const RowItem& open = items[at];
  const char32_t close = open.token.is(U'(') ? U')' : open.token.is(U'[') ? U']' : open.token.is(U'<') ? U'>' : 0;
  const RowItem* word_item = item_at(items, at + 1);
  const RowItem* close_item = item_at(items, at + 2);
  if (close == 0 || word_item == nullptr || close_item == nullptr) return std::nullopt;
  const Token& word = word_item->token;
  const bool one_compartment =
      word_item->compartment == open.compartment && close_item->compartment == open.compartment;
  if (!one_compartment || word.kind != TokenKind::word || !close_item->token.is(close)) return std::nullopt;
  std::optional<Modifier> modifier;
  double penalty = 0.0;
  if (word.spelled.size() == 1 && is_capital(word.spelled[0])) {
    modifier = modifier_for_glyph(circled(word.spelled[0]), place);
    penalty = kSpelledModifierPenalty;
  } else {
    modifier = modifier_for_word(word.spelled, place);
    penalty = modifier && modifier->spelled_out ? kSpelledModifierPenalty : 0.0;
  }
  if (!modifier) return std::nullopt;
  return MatchedModifier{*modifier, 3, penalty};
}

std::optional<MatchedModifier> read_letter(const RowItem& item, ModifierPlace place, int lone_letter_compartment) {
  const char letter = item.token.spelled[0];
  if (letter >= 'a' && letter <= 'z') {
    auto modifier = modifier_for_font_letter(letter, place);
    if (!modifier) return std::nullopt;
    return MatchedModifier{*modifier, 1, kFontLetterPenalty};
  }
  if ((letter == 'M' || letter == 'L') && item.compartment == lone_letter_compartment) {
    return MatchedModifier{*modifier_for_glyph(circled(letter), place), 1, kLoneLetterPenalty};
  }
  return std::nullopt;
}

}  // namespace

std::optional<MatchedModifier> read_modifier_at(const std::vector<RowItem>& items, std::size_t at, ModifierPlace place,
                                                int lone_letter_compartment) {
  const RowItem* item = item_at(items, at);
  if (item == nullptr) return std::nullopt;
  const Token& token = item->token;
  std::optional<MatchedModifier> matched;
  if (token.kind == TokenKind::symbol) {
    auto modifier = modifier_for_glyph(token.code, place);
    matched = modifier ? std::optional<MatchedModifier>(MatchedModifier{*modifier}) : read_framed(items, at, place);
  } else if (token.spelled.size() == 1) {
    matched = read_letter(*item, place, lone_letter_compartment);
  } else if (auto modifier = modifier_for_word(token.spelled, place)) {
    matched = MatchedModifier{*modifier, 1, modifier->spelled_out ? kSpelledModifierPenalty : 0.0};
  }
  if (matched && matched->modifier.value == ModifierValue::second_word_reqt) {
    const RowItem* second = item_at(items, at + 1);
    if (second == nullptr || !second->token.is_word("REQT")) return std::nullopt;
    matched->items = 2;
  }
  return matched;
}

}  // namespace drawlens::parse::gdt
