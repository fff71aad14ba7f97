// Lexer shared by the parse stage's grammars: splits the text of a drawing annotation into numbers,
// words and symbols, folding the spellings OCR and CAD fonts produce ("⌀", "ø", "∅" → "Ø"; "+-" → "±";
// "−" → "-"; decimal commas) and counting how much it had to repair.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace drawlens::parse {

// Canonical code points of the symbols the grammars look for.
namespace symbol {
inline constexpr char32_t diameter = U'\u00D8';       // Ø
inline constexpr char32_t plus_minus = U'\u00B1';     // ±
inline constexpr char32_t times = U'\u00D7';          // × (also 'x'/'X' after a number)
inline constexpr char32_t degree = U'\u00B0';         // °
inline constexpr char32_t minute = U'\'';             // ' and ′
inline constexpr char32_t second = U'"';              // " and ″
inline constexpr char32_t counterbore = U'\u2334';    // ⌴
inline constexpr char32_t countersink = U'\u2335';    // ⌵
inline constexpr char32_t depth = U'\u21A7';          // ↧
inline constexpr char32_t square = U'\u25A1';         // □
inline constexpr char32_t arc = U'\u2312';            // ⌒ (arc length; also line profile in a frame)
inline constexpr char32_t envelope = U'\u24BA';       // Ⓔ
inline constexpr char32_t free_state = U'\u24BB';     // Ⓕ
inline constexpr char32_t independency = U'\u24BE';   // Ⓘ
inline constexpr char32_t perpendicular = U'\u27C2';  // ⟂ (⊥ folds to it)
inline constexpr char32_t parallel = U'\u2AFD';       // ⫽ (∥ folds to it)
}  // namespace symbol

enum class TokenKind { number, word, symbol };

struct Token {
  TokenKind kind = TokenKind::symbol;
  std::size_t offset = 0;  // byte offset in the text given to the lexer
  std::size_t length = 0;  // bytes
  bool space_before = false;
  bool line_break_before = false;
  // number: value, digits after the decimal separator, and whether it was written ".5" (no
  // leading zero, the ASME inch habit); spelled holds the digits with '.' as separator.
  double value = 0.0;
  int decimals = 0;
  bool leading_point = false;
  bool decimal_comma = false;
  // word: ASCII letters as printed ("H", "js", "THRU"); number: canonical spelling ("6.60").
  std::string spelled;
  // symbol: canonical code point (see namespace symbol); '+', '-', '/', '(', ')', '[', ']', '|',
  // ':', '#', '=' and '\n'-free ASCII punctuation are symbols too.
  char32_t code = 0;

  bool is(char32_t c) const { return kind == TokenKind::symbol && code == c; }
  bool is_word(std::string_view w) const;  // case-insensitive
};

struct LexedText {
  std::vector<Token> tokens;
  double repair_penalty = 0.0;  // sum of the penalties of the repairs made
};

// PARSE error naming the byte position of a character no grammar uses, or of invalid UTF-8.
Result<LexedText> lex_drawing_text(std::string_view text);

// UTF-8 encoding of one code point (for building normalised strings).
std::string utf8(char32_t code);

// Formats a value with the given number of decimals and '.' as separator ("6.60", "-0.1").
std::string format_number(double value, int decimals);

// The shortest text that reads back as the value ("0.1", "3150"), for messages.
std::string format_shortest(double value);

}  // namespace drawlens::parse
