// Symbol tables of feature control frames (private to the GD&T parser): characteristic glyphs,
// names and CAD-font letters, and the tolerance-zone and datum modifiers with their schema names.
#pragma once

#include <optional>
#include <string_view>

#include "parse/parse.h"

namespace drawlens::parse::gdt {

// Canonical Unicode glyph of a characteristic, as written into normalised text.
char32_t glyph(Characteristic characteristic);

// Form tolerances (straightness, flatness, circularity, cylindricity) never take a datum.
bool is_form(Characteristic characteristic);
// Orientation, runout, concentricity and symmetry are meaningless without a datum.
bool needs_datum(Characteristic characteristic);

// The characteristic of a glyph after drawing_text folding ("⌖", "⊕", "⟂"...); nullopt otherwise.
std::optional<Characteristic> characteristic_for_glyph(char32_t code);

// Names as words, lower case, single spaces, filler words ("of", "a", "the") dropped:
// "position", "profile surface", "total runout", "roundness".
std::optional<Characteristic> characteristic_for_name(std::string_view words);
// Whether some name starts with these words (so that a longer name may still follow).
bool starts_characteristic_name(std::string_view words);
bool is_name_filler(std::string_view word);

// AutoCAD AIGDT / GDT.SHX font: the lowercase ASCII letter that draws a symbol (see gdt_symbols.cpp).
std::optional<Characteristic> characteristic_for_font_letter(char letter);
inline constexpr char kFontDiameterLetter = 'n';
inline constexpr std::string_view kFontModifierLetters = "lmnps";

// Where a modifier stands: after the tolerance value, or after a datum letter.
enum class ModifierPlace { tolerance, datum };

// What a modifier does after it is read: most stand alone; a few take a value or a second word.
enum class ModifierValue { none, optional_height, required_offset, second_word_reqt };

struct Modifier {
  std::string_view schema_name;  // the schema's enum name: "mmc", "common_zone", ...
  std::string_view spelling;     // normalised spelling: "Ⓜ", "CZ", "[CF]", "SEP REQT"
  ModifierValue value = ModifierValue::none;
  bool spelled_out = false;  // a word for what has a symbol ("MMC" for Ⓜ): a repair
};

// Circled-letter and other symbol modifiers (Ⓜ Ⓛ Ⓢ Ⓟ Ⓕ Ⓣ Ⓤ Ⓔ Ⓘ ▽ ▷).
std::optional<Modifier> modifier_for_glyph(char32_t code, ModifierPlace place);
// Modifiers written as words, upper case ("CZ", "ST", "ACS", "LD", "SEP"); also bracketed
// ISO 5459 datum modifiers without their brackets ("CF" for "[CF]").
std::optional<Modifier> modifier_for_word(std::string_view word, ModifierPlace place);
// AIGDT letters of modifiers ('m' Ⓜ, 'l' Ⓛ, 's' Ⓢ, 'p' Ⓟ).
std::optional<Modifier> modifier_for_font_letter(char letter, ModifierPlace place);

// The circled form of an ASCII capital ('M' → Ⓜ), for "(M)" and a lone "M" after a value.
inline char32_t circled(char capital) {
  return U'\u24B6' + static_cast<char32_t>(capital - 'A');
}

}  // namespace drawlens::parse::gdt
