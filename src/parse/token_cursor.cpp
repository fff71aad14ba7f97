// Token cursor for the parse stage's grammars.
#include "parse/token_cursor.h"

namespace drawlens::parse {

const Token& TokenCursor::next() {
  if (done()) fail("unexpected end of text");
  return tokens_[index_++];
}

bool TokenCursor::at_symbol(char32_t code, std::size_t ahead) const {
  const Token* token = peek(ahead);
  return token != nullptr && token->is(code);
}

bool TokenCursor::at_word(std::string_view word, std::size_t ahead) const {
  const Token* token = peek(ahead);
  return token != nullptr && token->is_word(word);
}

bool TokenCursor::at_number(std::size_t ahead) const {
  const Token* token = peek(ahead);
  return token != nullptr && token->kind == TokenKind::number;
}

bool TokenCursor::accept_symbol(char32_t code) {
  if (!at_symbol(code)) return false;
  ++index_;
  return true;
}

bool TokenCursor::accept_word(std::string_view word) {
  if (!at_word(word)) return false;
  ++index_;
  return true;
}

std::optional<PrintedNumber> TokenCursor::accept_number() {
  if (!at_number()) return std::nullopt;
  const Token& token = tokens_[index_++];
  return PrintedNumber{token.value, token.decimals, token.leading_point};
}

PrintedNumber TokenCursor::expect_number(std::string_view what) {
  if (auto number = accept_number()) return *number;
  fail("expected " + std::string(what));
}

void TokenCursor::expect_symbol(char32_t code, std::string_view what) {
  if (!accept_symbol(code)) fail("expected " + std::string(what));
}

std::optional<PrintedNumber> TokenCursor::accept_signed(bool zero_allowed) {
  if ((at_symbol(U'+') || at_symbol(U'-')) && at_number(1) && !peek(1)->space_before) {
    const bool negative = next().code == U'-';
    PrintedNumber number = *accept_number();
    if (negative) number.value = -number.value;
    return number;
  }
  if (zero_allowed && at_number() && peek()->value == 0.0) return accept_number();
  return std::nullopt;
}

void TokenCursor::fail(const std::string& problem) const {
  if (done()) throw ParseFailure{problem + " at the end of \"" + std::string(text_) + "\""};
  fail_at(tokens_[index_], problem);
}

void TokenCursor::fail_at(const Token& token, const std::string& problem) const {
  const std::string found(text_.substr(token.offset, token.length));
  throw ParseFailure{problem + " at byte " + std::to_string(token.offset) + " (\"" + found + "\") of \"" +
                     std::string(text_) + "\""};
}

}  // namespace drawlens::parse
