// Lexer for drawing annotation text: UTF-8 decoding, symbol folding, numbers with '.' or ','
// decimals, and the 'x' that means "times" after a number; and the symbols' ASCII spellings.
#include "parse/drawing_text.h"

#include <charconv>
#include <cstdio>

#include "parse/gdt_symbols.h"

namespace drawlens::parse {
namespace {

// Penalties of repairs a clean CAD text never needs (they add up into confidence_penalty).
constexpr double kLetterForDigitPenalty = 0.15;  // "1O.5": 'O' read for '0'
constexpr double kAsciiPlusMinusPenalty = 0.05;  // "+-" or "+/-" for "±"
constexpr double kGreekPhiPenalty = 0.05;        // "φ" for "Ø"

struct Decoded {
  char32_t code = 0;
  std::size_t offset = 0;
  std::size_t length = 0;
};

Result<std::vector<Decoded>> decode_utf8(std::string_view text) {
  std::vector<Decoded> out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const std::size_t length = lead < 0x80           ? 1
                               : (lead >> 5) == 0x6  ? 2
                               : (lead >> 4) == 0xE  ? 3
                               : (lead >> 3) == 0x1E ? 4
                                                     : 0;
    if (length == 0 || i + length > text.size()) {
      return make_error(Status::parse, "invalid UTF-8 at byte " + std::to_string(i));
    }
    char32_t code = length == 1 ? lead : lead & (0x7F >> length);
    for (std::size_t k = 1; k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      if ((next >> 6) != 0x2) return make_error(Status::parse, "invalid UTF-8 at byte " + std::to_string(i));
      code = (code << 6) | (next & 0x3F);
    }
    out.push_back({code, i, length});
    i += length;
  }
  return out;
}

bool is_digit(char32_t c) {
  return c >= U'0' && c <= U'9';
}
bool is_ascii_letter(char32_t c) {
  return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z');
}
bool is_micro(char32_t c) {
  return c == U'\u00B5' || c == U'\u03BC';
}
bool is_space(char32_t c) {
  return c == U' ' || c == U'\t' || c == U'\r' || c == U'\u00A0' || c == U'\u2009' || c == U'\u202F' ||
         c == U'\u2002' || c == U'\u2003';
}

// Folds a symbol's spellings to one code point; 0 for characters no grammar uses.
char32_t fold_symbol(char32_t c, double& penalty) {
  switch (c) {
    case U'\u00D8':
    case U'\u00F8':
    case U'\u2300':
    case U'\u2205': return symbol::diameter;
    case U'\u03C6':
    case U'\u03A6':
    case U'\u03D5': penalty += kGreekPhiPenalty; return symbol::diameter;
    case U'\u2212':
    case U'\u2013':
    case U'\u2014':
    case U'\u2010':
    case U'\u2011': return U'-';
    case U'\u00D7':
    case U'\u2715': return symbol::times;
    case U'\u00B0':
    case U'\u00BA':
    case U'\u02DA': return symbol::degree;
    case U'\u2032':
    case U'\u2019':
    case U'\u2018':
    case U'`': return symbol::minute;
    case U'\u2033':
    case U'\u201C':
    case U'\u201D': return symbol::second;
    case U'\u22A5':
    case U'\u27C2': return symbol::perpendicular;
    case U'\u2225':
    case U'\u2AFD': return symbol::parallel;
    case U'\u25EF': return U'\u25CB';  // large circle: circularity
    default: break;
  }
  if (c > 0x20 && c < 0x7F) return c;  // ASCII punctuation (letters and digits never get here)
  const bool arrows_and_technical = c >= 0x2190 && c <= 0x23FF;
  const bool enclosed_letters = c >= 0x24B6 && c <= 0x24E9;
  const bool shapes = c >= 0x25A0 && c <= 0x25FF;
  const bool misc_math = (c >= 0x27C0 && c <= 0x27EF) || (c >= 0x2A00 && c <= 0x2AFF) || (c >= 0x2200 && c <= 0x22FF);
  if (c == symbol::plus_minus || arrows_and_technical || enclosed_letters || shapes || misc_math) return c;
  return 0;
}

// ASCII spellings of the canonical symbols (ascii_spelling); characteristics spell their names.
struct AsciiSpelling {
  char32_t code;
  std::string_view ascii;
};
constexpr AsciiSpelling kAsciiSpellings[] = {
    {symbol::diameter, "DIA"},
    {symbol::plus_minus, "+/-"},
    {symbol::times, "x"},
    {symbol::degree, "deg"},
    {symbol::counterbore, "CBORE "},
    {symbol::countersink, "CSK "},
    {symbol::depth, "DEPTH "},
    {symbol::square, "SQ"},
    {symbol::arc, "ARC"},
    {U'\u00B5', "u"},
    {U'\u03BC', "u"},
};
constexpr char32_t kCircledCapitalA = U'\u24B6';
constexpr char32_t kCircledSmallA = U'\u24D0';
constexpr char32_t kLetters = 26;

void append_ascii(char32_t code, std::string& out) {
  if (code < 0x80) {
    out.push_back(static_cast<char>(code));
    return;
  }
  if (is_space(code)) {
    out.push_back(' ');
    return;
  }
  double unused_penalty = 0.0;
  const char32_t folded = is_micro(code) ? code : fold_symbol(code, unused_penalty);
  for (const AsciiSpelling& spelling : kAsciiSpellings) {
    if (spelling.code == folded) {
      out += spelling.ascii;
      return;
    }
  }
  if (folded > 0 && folded < 0x80) {
    out.push_back(static_cast<char>(folded));
  } else if (folded >= kCircledCapitalA && folded < kCircledCapitalA + kLetters) {
    out += {'(', static_cast<char>('A' + (folded - kCircledCapitalA)), ')'};
  } else if (folded >= kCircledSmallA && folded < kCircledSmallA + kLetters) {
    out += {'(', static_cast<char>('a' + (folded - kCircledSmallA)), ')'};
  } else if (const auto characteristic = gdt::characteristic_for_glyph(folded)) {
    out += name(*characteristic);
  } else {
    out.push_back('?');
  }
}

class Lexer {
 public:
  explicit Lexer(std::vector<Decoded> chars) : chars_(std::move(chars)) { out_.tokens.reserve(chars_.size()); }

  Result<LexedText> run() {
    while (i_ < chars_.size()) {
      const char32_t c = chars_[i_].code;
      if (c == U'\n') {
        space_ = line_break_ = true;
        ++i_;
      } else if (is_space(c)) {
        space_ = true;
        ++i_;
      } else if (is_digit(c) || (starts_fraction(c) && !previous_is_number())) {
        lex_number();
      } else if (is_ascii_letter(c) || is_micro(c)) {
        lex_word();
      } else if (auto error = lex_symbol(); !error.empty()) {
        return make_error(Status::parse, error);
      }
    }
    return std::move(out_);
  }

 private:
  char32_t at(std::size_t k) const { return k < chars_.size() ? chars_[k].code : 0; }
  bool starts_fraction(char32_t c) const { return (c == U'.' || c == U',') && is_digit(at(i_ + 1)); }
  bool previous_is_number() const { return !out_.tokens.empty() && out_.tokens.back().kind == TokenKind::number; }
  bool letter_read_as_zero(std::size_t k) const {
    const char32_t c = at(k);
    if (c != U'O' && c != U'o') return false;
    const char32_t next = at(k + 1);
    return k > 0 && is_digit(at(k - 1)) && (is_digit(next) || next == U'.' || next == U',');
  }

  Token& begin(TokenKind kind, std::size_t first) {
    Token token;
    token.kind = kind;
    token.offset = chars_[first].offset;
    token.space_before = space_;
    token.line_break_before = line_break_;
    space_ = line_break_ = false;
    out_.tokens.push_back(token);
    return out_.tokens.back();
  }
  void finish(Token& token, std::size_t end) {
    token.length = chars_[end - 1].offset + chars_[end - 1].length - token.offset;
  }

  void lex_number() {
    const std::size_t first = i_;
    Token& token = begin(TokenKind::number, first);
    std::string digits;
    bool separator_seen = false;
    while (i_ < chars_.size()) {
      const char32_t c = at(i_);
      if (is_digit(c) || letter_read_as_zero(i_)) {
        if (!is_digit(c)) out_.repair_penalty += kLetterForDigitPenalty;
        digits.push_back(is_digit(c) ? static_cast<char>(c) : '0');
        if (separator_seen) ++token.decimals;
      } else if ((c == U'.' || c == U',') && !separator_seen && is_digit(at(i_ + 1))) {
        separator_seen = true;
        token.decimal_comma = c == U',';
        token.leading_point = digits.empty();
        if (digits.empty()) digits.push_back('0');
        digits.push_back('.');
      } else {
        break;
      }
      ++i_;
    }
    std::from_chars(digits.data(), digits.data() + digits.size(), token.value);
    token.spelled = digits;
    finish(token, i_);
  }

  void lex_word() {
    // 'x' right after a number means "times" ("4x", "M8x1.25", "4XM6"); so does a lone 'x'.
    const char32_t c = at(i_);
    const bool lone = !is_ascii_letter(at(i_ + 1));
    if ((c == U'x' || c == U'X') && (previous_is_number() || lone)) {
      Token& token = begin(TokenKind::symbol, i_);
      token.code = symbol::times;
      finish(token, ++i_);
      return;
    }
    const std::size_t first = i_;
    Token& token = begin(TokenKind::word, first);
    while (i_ < chars_.size() && (is_ascii_letter(at(i_)) || is_micro(at(i_)))) {
      token.spelled.push_back(is_micro(at(i_)) ? 'u' : static_cast<char>(at(i_)));
      ++i_;
    }
    finish(token, i_);
  }

  // Returns an error message, or "" when a symbol token was added.
  std::string lex_symbol() {
    const std::size_t first = i_;
    char32_t code = fold_symbol(at(i_), out_.repair_penalty);
    if (code == 0) {
      char hex[16];
      std::snprintf(hex, sizeof hex, "U+%04X", static_cast<unsigned>(at(i_)));
      return "unexpected character " + std::string(hex) + " at byte " + std::to_string(chars_[i_].offset);
    }
    std::size_t end = i_ + 1;
    if (code == U'+' && at(end) == U'-') {
      code = symbol::plus_minus, end += 1, out_.repair_penalty += kAsciiPlusMinusPenalty;
    } else if (code == U'+' && at(end) == U'/' && at(end + 1) == U'-') {
      code = symbol::plus_minus, end += 2, out_.repair_penalty += kAsciiPlusMinusPenalty;
    } else if (code == symbol::minute && at(end) == U'\'') {
      code = symbol::second, end += 1;
    }
    Token& token = begin(TokenKind::symbol, first);
    token.code = code;
    finish(token, end);
    i_ = end;
    return {};
  }

  std::vector<Decoded> chars_;
  std::size_t i_ = 0;
  bool space_ = false;
  bool line_break_ = false;
  LexedText out_;
};

}  // namespace

bool Token::is_word(std::string_view w) const {
  if (kind != TokenKind::word || spelled.size() != w.size()) return false;
  for (std::size_t k = 0; k < w.size(); ++k) {
    const auto upper = [](char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c; };
    if (upper(spelled[k]) != upper(w[k])) return false;
  }
  return true;
}

Result<LexedText> lex_drawing_text(std::string_view text) {
  auto chars = decode_utf8(text);
  if (!chars) return chars.error();
  return Lexer(std::move(chars).value()).run();
}

std::string ascii_spelling(std::string_view text) {
  std::string out;
  auto chars = decode_utf8(text);
  if (!chars) {
    for (char c : text) out.push_back((c & 0x80) != 0 ? '?' : c);
    return out;
  }
  for (const Decoded& decoded : chars.value()) append_ascii(decoded.code, out);
  return out;
}

std::string utf8(char32_t code) {
  std::string out;
  if (code < 0x80) {
    out.push_back(static_cast<char>(code));
  } else if (code < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (code >> 6)));
    out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
  } else if (code < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (code >> 12)));
    out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (code >> 18)));
    out.push_back(static_cast<char>(0x80 | ((code >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
  }
  return out;
}

std::string format_number(double value, int decimals) {
  char buffer[64];
  const auto written =
      std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, decimals < 0 ? 0 : decimals);
  std::string_view out(buffer, static_cast<std::size_t>(written.ptr - buffer));
  // "-0.00" would read as a negative deviation; zero has no sign on a drawing.
  if (!out.empty() && out.front() == '-' && out.find_first_not_of("-0.") == std::string_view::npos)
    out.remove_prefix(1);
  return std::string(out);
}

std::string format_shortest(double value) {
  char buffer[64];
  const auto written = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, written.ptr);
}

}  // namespace drawlens::parse
