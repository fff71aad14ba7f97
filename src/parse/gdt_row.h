// One row of a feature control frame as lexed tokens, and the grammar that reads it (private to
// the GD&T parser): characteristic, tolerance compartment, datum references, modifiers.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parse/drawing_text.h"
#include "parse/gdt_symbols.h"
#include "parse/parse.h"

namespace drawlens::parse::gdt {

// A token with the compartment it was printed in.
struct RowItem {
  Token token;
  int compartment = 1;      // 1-based as printed; empty compartments keep their number
  std::string_view source;  // the token's text as printed
};

struct RowContext {
  int row = 1;   // 1-based
  int rows = 1;  // rows in the frame, for messages
  // The row came split into compartments ('|' or cells). Only then can a bare "M" after a value
  // mean Ⓜ: in one run of text it could as well be datum M.
  bool separated = false;
};

struct ParsedRow {
  std::optional<Characteristic> characteristic;  // absent on a lower row of a composite frame
  GdtSegment segment;
  std::string tolerance_text;  // normalised compartments
  std::vector<std::string> datum_texts;
  std::vector<std::string> requirement_texts;  // "SEP REQT", "SIM REQT"
  int first_datum_compartment = 0;
  double penalty = 0.0;
};

// Penalty of reading a lowercase letter as an AutoCAD AIGDT symbol ("j", "n", "m").
inline constexpr double kFontLetterPenalty = 0.1;

// A modifier read at a position: what it is, how many items it spans ("(M)" is three), and the
// penalty of its spelling.
struct MatchedModifier {
  Modifier modifier;
  std::size_t items = 1;
  double penalty = 0.0;
};

// The modifier at items[at], if one is there (gdt_modifier_reading.cpp). A bare 'M' or 'L' counts
// only in `lone_letter_compartment` (0 for none).
std::optional<MatchedModifier> read_modifier_at(const std::vector<RowItem>& items, std::size_t at, ModifierPlace place,
                                                int lone_letter_compartment);

Result<ParsedRow> parse_row(const std::vector<RowItem>& items, const RowContext& context);

// "compartment 3", or "row 2 compartment 3" in a frame of several rows.
std::string frame_position(const RowContext& context, int compartment);

}  // namespace drawlens::parse::gdt
