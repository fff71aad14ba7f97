// A cursor over lexed drawing text for the recursive-descent grammars, with failures that name the
// byte position and the text found there.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parse/drawing_text.h"

namespace drawlens::parse {

// Thrown inside a grammar and turned into a PARSE error at its entry point; never escapes parse.h.
struct ParseFailure {
  std::string message;
};

// A number as printed: its value and how many decimals it was written with.
struct PrintedNumber {
  double value = 0.0;
  int decimals = 0;
  bool leading_point = false;
};

class TokenCursor {
 public:
  TokenCursor(const std::vector<Token>& tokens, std::string_view text) : tokens_(tokens), text_(text) {}

  bool done() const { return index_ >= tokens_.size(); }
  std::size_t index() const { return index_; }
  void rewind(std::size_t index) { index_ = index; }
  // The token `ahead` places after the current one, or nullptr past the end.
  const Token* peek(std::size_t ahead = 0) const {
    return index_ + ahead < tokens_.size() ? &tokens_[index_ + ahead] : nullptr;
  }
  const Token& next();

  bool at_symbol(char32_t code, std::size_t ahead = 0) const;
  bool at_word(std::string_view word, std::size_t ahead = 0) const;
  bool at_number(std::size_t ahead = 0) const;
  bool accept_symbol(char32_t code);
  bool accept_word(std::string_view word);
  std::optional<PrintedNumber> accept_number();
  PrintedNumber expect_number(std::string_view what);
  void expect_symbol(char32_t code, std::string_view what);

  // "+0.1", "-0.1" (sign and number); a bare "0" too when zero_allowed.
  std::optional<PrintedNumber> accept_signed(bool zero_allowed);

  [[noreturn]] void fail(const std::string& problem) const;
  [[noreturn]] void fail_at(const Token& token, const std::string& problem) const;

 private:
  const std::vector<Token>& tokens_;
  std::string_view text_;
  std::size_t index_ = 0;
};

}  // namespace drawlens::parse
