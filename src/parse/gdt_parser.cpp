// GD&T feature control frames: splits cells or '|'/'\n' text into rows of compartments, reads each
// row (gdt_row_parser.cpp), then decides single/composite/stacked and checks the datum rules.
// Also reads datum feature symbols.
#include <algorithm>
#include <string>
#include <utility>

#include "parse/gdt_row.h"
#include "parse/gdt_symbols.h"

namespace drawlens::parse {
namespace {

using gdt::ParsedRow;
using gdt::RowContext;
using gdt::RowItem;

struct Compartment {
  int number = 1;
  std::string text;
};
using CompartmentRow = std::vector<Compartment>;

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (std::size_t end = text.find(separator); end != std::string_view::npos; end = text.find(separator, start)) {
    parts.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  parts.push_back(text.substr(start));
  return parts;
}

bool is_blank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

void add_compartments(CompartmentRow& row, std::string_view text) {
  for (std::string_view part : split(text, '|')) {
    row.push_back({static_cast<int>(row.size()) + 1, std::string(part)});
  }
}

std::vector<CompartmentRow> rows_from_text(std::string_view text) {
  std::vector<CompartmentRow> rows;
  for (std::string_view line : split(text, '\n')) {
    add_compartments(rows.emplace_back(), line);
  }
  return rows;
}

// A cell holding only a line break separates rows; other cells are compartments (a cell may
// itself hold '|'-separated compartments).
std::vector<CompartmentRow> rows_from_cells(const std::vector<std::string>& cells) {
  std::vector<CompartmentRow> rows(1);
  for (const std::string& cell : cells) {
    if (is_blank(cell) && cell.find('\n') != std::string::npos) {
      rows.emplace_back();
    } else {
      add_compartments(rows.back(), cell);
    }
  }
  return rows;
}

// Adjacent AutoCAD font letters lex as one word ("lp" for ⓁⓅ); each letter is a symbol of its own.
void add_tokens(std::vector<RowItem>& items, const std::vector<Token>& tokens, int compartment, std::string_view text) {
  for (const Token& token : tokens) {
    const bool font_letters = token.kind == TokenKind::word && token.spelled.size() > 1 &&
                              token.spelled.find_first_not_of(gdt::kFontModifierLetters) == std::string::npos;
    if (!font_letters) {
      items.push_back({token, compartment, text.substr(token.offset, token.length)});
      continue;
    }
    for (std::size_t k = 0; k < token.spelled.size(); ++k) {
      Token letter = token;
      letter.offset = token.offset + k;
      letter.length = 1;
      letter.spelled = token.spelled.substr(k, 1);
      letter.space_before = token.space_before && k == 0;
      items.push_back({letter, compartment, text.substr(letter.offset, 1)});
    }
  }
}

struct LexedRow {
  std::vector<RowItem> items;
  RowContext context;
  double lexer_penalty = 0.0;
};

// Lexes every compartment; blank compartments and rows drop out (a composite frame's lower rows
// leave the symbol cell empty). Items point into `rows`, which must outlive them.
Result<std::vector<LexedRow>> lex_rows(std::vector<CompartmentRow>& rows) {
  rows.erase(std::remove_if(rows.begin(), rows.end(),
                            [](const CompartmentRow& row) {
                              return std::all_of(row.begin(), row.end(),
                                                 [](const Compartment& c) { return is_blank(c.text); });
                            }),
             rows.end());
  if (rows.empty()) return make_error(Status::parse, "GD&T frame is empty");
  std::vector<LexedRow> lexed;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    LexedRow& row = lexed.emplace_back();
    row.context.row = static_cast<int>(r) + 1;
    row.context.rows = static_cast<int>(rows.size());
    int filled = 0;
    for (const Compartment& compartment : rows[r]) {
      if (is_blank(compartment.text)) continue;
      auto tokens = lex_drawing_text(compartment.text);
      if (!tokens) {
        return make_error(Status::parse, "GD&T frame " + gdt::frame_position(row.context, compartment.number) + ": " +
                                             tokens.error().message);
      }
      ++filled;
      row.lexer_penalty += tokens.value().repair_penalty;
      add_tokens(row.items, tokens.value().tokens, compartment.number, compartment.text);
    }
    row.context.separated = filled > 1;
  }
  // Text the lexer reads as nothing but spacing (no-break spaces) leaves a row without tokens.
  lexed.erase(std::remove_if(lexed.begin(), lexed.end(), [](const LexedRow& row) { return row.items.empty(); }),
              lexed.end());
  if (lexed.empty()) return make_error(Status::parse, "GD&T frame is empty");
  return lexed;
}

FrameType frame_type_of(const std::vector<ParsedRow>& rows) {
  if (rows.size() == 1) return FrameType::single;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    if (rows[r].characteristic && rows[r].characteristic != rows[0].characteristic) return FrameType::stacked;
  }
  return FrameType::composite;
}

// Form tolerances take no datum; orientation, runout, concentricity and symmetry need one (a
// composite frame's lower rows refine the upper one and may leave datums out).
std::optional<Error> check_datums(const ParsedRow& row, Characteristic characteristic, bool refines_upper_row,
                                  const RowContext& context) {
  const auto& datums = row.segment.datums;
  const std::string characteristic_name(name(characteristic));
  if (gdt::is_form(characteristic) && !datums.empty()) {
    return make_error(Status::parse, "GD&T frame " + gdt::frame_position(context, row.first_datum_compartment) + ": " +
                                         characteristic_name + " is a form tolerance and takes no datum (found '" +
                                         datums.front().label + "')");
  }
  if (gdt::needs_datum(characteristic) && datums.empty() && !refines_upper_row) {
    const std::string where = context.rows > 1 ? " on row " + std::to_string(context.row) : "";
    return make_error(Status::parse, "GD&T frame: " + characteristic_name + " needs a datum reference" + where);
  }
  return std::nullopt;
}

std::string normalized_row(const ParsedRow& row, bool own_symbol) {
  std::string text = own_symbol ? utf8(gdt::glyph(*row.characteristic)) : "";
  text += "|" + row.tolerance_text;
  for (const auto& datum : row.datum_texts) text += "|" + datum;
  for (const auto& requirement : row.requirement_texts) text += "|" + requirement;
  return text;
}

Result<GdtFrame> assemble(std::vector<ParsedRow> rows, const std::vector<LexedRow>& lexed) {
  GdtFrame frame;
  frame.characteristic = *rows.front().characteristic;
  frame.frame_type = frame_type_of(rows);
  const bool stacked = frame.frame_type == FrameType::stacked;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    ParsedRow& row = rows[r];
    const RowContext& context = lexed[r].context;
    if (stacked && !row.characteristic) {
      return make_error(Status::parse, "GD&T frame row " + std::to_string(context.row) +
                                           ": a stacked frame needs a characteristic symbol on every row");
    }
    const Characteristic characteristic = stacked ? *row.characteristic : frame.characteristic;
    if (auto error = check_datums(row, characteristic, !stacked && r > 0, context)) return *error;
    if (stacked) row.segment.characteristic = row.characteristic;
    if (r > 0) frame.normalized += "\n";
    frame.normalized += normalized_row(row, stacked || r == 0);
    frame.confidence_penalty += row.penalty + lexed[r].lexer_penalty;
    frame.segments.push_back(std::move(row.segment));
  }
  return frame;
}

Result<GdtFrame> parse_frame(std::vector<CompartmentRow> rows) {
  auto lexed = lex_rows(rows);
  if (!lexed) return lexed.error();
  std::vector<ParsedRow> parsed;
  for (const LexedRow& row : lexed.value()) {
    auto parsed_row = gdt::parse_row(row.items, row.context);
    if (!parsed_row) return parsed_row.error();
    parsed.push_back(std::move(parsed_row).value());
  }
  return assemble(std::move(parsed), lexed.value());
}

}  // namespace

Result<GdtFrame> parse_gdt(const std::vector<std::string>& cells) {
  return parse_frame(rows_from_cells(cells));
}

Result<GdtFrame> parse_gdt(std::string_view text) {
  return parse_frame(rows_from_text(text));
}

// "A", "[B]", "-C-" (ASME Y14.5-1982), "(A)", and datum targets "A1" / "A 1".
Result<std::string> parse_datum_feature(std::string_view text) {
  auto lexed = lex_drawing_text(text);
  if (!lexed) return make_error(Status::parse, "datum feature: " + lexed.error().message);
  std::vector<Token> tokens = std::move(lexed).value().tokens;
  const auto framed_by = [&tokens](char32_t open, char32_t close) {
    return tokens.size() >= 3 && tokens.front().is(open) && tokens.back().is(close);
  };
  if (framed_by(U'[', U']') || framed_by(U'-', U'-') || framed_by(U'(', U')') || framed_by(U'|', U'|')) {
    tokens = std::vector<Token>(tokens.begin() + 1, tokens.end() - 1);
  }
  if (tokens.empty()) return make_error(Status::parse, "datum feature: no letter");
  const Token& letters = tokens.front();
  const bool lone_x = letters.is(symbol::times) && text.substr(letters.offset, letters.length) == "X";
  std::string label = lone_x ? "X" : letters.spelled;
  const bool capitals = (lone_x || letters.kind == TokenKind::word) &&
                        std::all_of(label.begin(), label.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
  if (!capitals || label.size() > 3) {
    return make_error(Status::parse,
                      "datum feature: '" + std::string(text) + "' is not a datum letter (1 to 3 capitals)");
  }
  if (label.find_first_of("IOQ") != std::string::npos) {
    return make_error(Status::parse, "datum feature: the letters I, O and Q are not used for datums");
  }
  if (tokens.size() >= 2 && tokens[1].is(U'-')) {
    return make_error(Status::parse,
                      "datum feature: '" + std::string(text) + "' is a common datum, not a datum feature");
  }
  if (tokens.size() >= 2) {
    const Token& target = tokens[1];
    const bool whole_number = target.kind == TokenKind::number && target.decimals == 0 && target.value >= 1.0;
    if (!whole_number || tokens.size() > 2) {
      return make_error(Status::parse,
                        "datum feature: unexpected '" + std::string(text.substr(target.offset)) + "' after the letter");
    }
    label += target.spelled;
  }
  return label;
}

}  // namespace drawlens::parse
