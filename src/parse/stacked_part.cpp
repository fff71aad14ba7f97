// Stacked annotation parts as the lexer reads them: CAD programs print "+0.10" over "-0.20"
// beside a value, limits one over the other, and "H7" over "k6", each as its own text line.
#include "parse/drawing_text.h"
#include "parse/parse.h"

namespace drawlens::parse {
namespace {

// The largest ISO 286 grade number: "H7" is a fit class, "R11.20" or "A25" is not.
constexpr double kLargestGrade = 18;

}  // namespace

StackedPart stacked_part(std::string_view text, bool tail) {
  auto lexed = lex_drawing_text(text);
  if (!lexed || lexed.value().tokens.empty()) return StackedPart::none;
  const auto& tokens = lexed.value().tokens;
  if (!tail && tokens.size() > 2) return StackedPart::none;
  const Token& last = tokens.back();
  if (last.kind != TokenKind::number) return StackedPart::none;
  if (tokens.size() >= 2 && !last.space_before) {
    const Token& before = tokens[tokens.size() - 2];
    if (before.is(U'+') || before.is(U'-')) return StackedPart::signed_number;
    const bool grade = last.decimals == 0 && last.value <= kLargestGrade;
    if (before.kind == TokenKind::word && before.spelled.size() <= 2 && grade) return StackedPart::fit_class;
  }
  return tail || tokens.size() == 1 ? StackedPart::number : StackedPart::none;
}

}  // namespace drawlens::parse
