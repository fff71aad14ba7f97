// Gives spans and title-block cells their meaning: title fields first (they set the drawing unit
// and the general tolerance), then every span is tried as a surface finish, a GD&T frame and a
// dimension; text that is none of these and has words is a note.
#include <algorithm>
#include <cctype>

#include "annotate/annotate.h"
#include "parse/drawing_text.h"

namespace drawlens::annotate {
namespace {

constexpr const char* kSurfaceParameters[] = {"Ra",  "Rz", "Rq", "Rt", "Rp", "Rv", "Rmax", "Rsm", "Rsk", "Rku",
                                              "Rmr", "Wa", "Wz", "Wt", "Pa", "Pt", "Sa",   "Sq",  "Sz"};

bool starts_with_surface_parameter(const std::string& text) {
  for (const char* parameter : kSurfaceParameters) {
    const std::size_t length = std::char_traits<char>::length(parameter);
    if (text.compare(0, length, parameter) != 0) continue;
    const char next = text.size() > length ? text[length] : '\0';
    if (next == ' ' || next == '=' || (next >= '0' && next <= '9')) return true;
  }
  return false;
}

// GD&T characteristic symbols (U+23E4.., U+2300 block, geometric shapes) mark a frame.
bool has_gdt_symbol(const std::string& text) {
  auto lexed = parse::lex_drawing_text(text);
  if (!lexed) return false;
  for (const parse::Token& token : lexed.value().tokens) {
    const char32_t c = token.code;
    const bool characteristic = c == U'\u23E4' || c == U'\u23E5' || c == U'\u25CB' || c == U'\u232D' ||
                                c == U'\u2313' || c == parse::symbol::perpendicular || c == U'\u2220' ||
                                c == parse::symbol::parallel || c == U'\u2316' || c == U'\u25CE' || c == U'\u232F' ||
                                c == U'\u2197' || c == U'\u2330';
    if (token.kind == parse::TokenKind::symbol && characteristic) return true;
  }
  return false;
}

bool has_word(const std::string& text) {
  int letters = 0;
  for (char c : text) letters = std::isalpha(static_cast<unsigned char>(c)) ? letters + 1 : 0;
  return letters >= 2 || std::any_of(text.begin(), text.end(), [](char c) { return (c & 0x80) != 0; });
}

std::vector<TitleField> read_title_block(const layout::Layout& layout) {
  std::vector<TitleField> fields;
  if (!layout.title_block) return fields;
  const auto& cells = layout.title_block->cells;
  std::vector<parse::TitleCell> title_cells;
  for (const layout::Cell& cell : cells) {
    title_cells.push_back({cell.text, cell.row, cell.col, cell.row_span, cell.col_span});
  }
  for (const parse::TitleField& field : parse::title_fields_from_cells(title_cells)) {
    TitleField found;
    found.key = field.key;
    found.label = field.label;
    found.value = field.value;
    found.box = cells[static_cast<std::size_t>(field.value_cell)].box;
    if (field.label_cell >= 0 && field.label_cell != field.value_cell) {
      found.label_box = cells[static_cast<std::size_t>(field.label_cell)].box;
    }
    fields.push_back(std::move(found));
  }
  return fields;
}

// The drawing unit from a units field or a note such as "DIMENSIONS ARE IN INCHES".
parse::Unit drawing_unit(const std::vector<TitleField>& fields, const std::vector<TextSpan>& spans) {
  for (const TitleField& field : fields) {
    if (field.key != parse::TitleKey::units) continue;
    if (auto unit = parse::parse_units(field.value)) return unit.value();
  }
  // Text layers often lose the spaces of notes ("Dimensionsininches"): look for the unit's word.
  for (const TextSpan& span : spans) {
    std::string lower = span.text;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const bool dimensions_note =
        lower.find("dimension") != std::string::npos || lower.find("unit") != std::string::npos;
    if (!dimensions_note) continue;
    if (lower.find("inch") != std::string::npos) return parse::Unit::inch;
    if (lower.find("millimet") != std::string::npos) return parse::Unit::mm;
  }
  return parse::Unit::mm;
}

std::optional<Placed<parse::GeneralTolerance>> general_tolerance(const std::vector<TitleField>& fields,
                                                                 const std::vector<TextSpan>& spans) {
  for (const TitleField& field : fields) {
    auto general = parse::parse_general_tolerance(field.value);
    if (general) return Placed<parse::GeneralTolerance>{general.value(), field.value, field.box, 0, 1.0};
  }
  for (const TextSpan& span : spans) {
    const bool names_standard = span.text.find("2768") != std::string::npos ||
                                span.text.find("22081") != std::string::npos ||
                                span.text.find("7168") != std::string::npos;
    if (!names_standard) continue;
    if (auto general = parse::parse_general_tolerance(span.text)) {
      return Placed<parse::GeneralTolerance>{general.value(), span.text, span.box, span.rotation, 1.0};
    }
  }
  return std::nullopt;
}

template <typename Value>
Placed<Value> place(Value value, const TextSpan& span, double penalty) {
  return Placed<Value>{std::move(value), span.text, span.box, span.rotation, std::clamp(1.0 - penalty, 0.0, 1.0)};
}

// Reads one span as a surface finish, a frame or a dimension; false when it is none of these.
bool read_annotation(const TextSpan& span, const parse::DimensionContext& context, PageAnnotations& out) {
  if (starts_with_surface_parameter(span.text)) {
    if (auto texture = parse::parse_surface_texture(span.text)) {
      out.surface_finishes.push_back(place(texture.value(), span, texture.value().confidence_penalty));
      return true;
    }
  }
  if (has_gdt_symbol(span.text)) {
    if (auto frame = parse::parse_gdt(span.text)) {
      out.gdt_frames.push_back(place(frame.value(), span, frame.value().confidence_penalty));
      return true;
    }
  }
  if (auto dimension = parse::parse_dimension(span.text, context)) {
    out.dimensions.push_back(place(dimension.value(), span, dimension.value().confidence_penalty));
    return true;
  }
  return false;
}

}  // namespace

PageAnnotations interpret_spans(const std::vector<TextSpan>& spans, const layout::Layout& layout) {
  PageAnnotations out;
  out.title_fields = read_title_block(layout);
  out.unit = drawing_unit(out.title_fields, spans);
  out.general_tolerance = general_tolerance(out.title_fields, spans);
  parse::DimensionContext context;
  context.default_unit = out.unit;
  if (out.general_tolerance) context.general_tolerance = out.general_tolerance->value;
  for (const TextSpan& span : spans) {
    if (read_annotation(span, context, out)) continue;
    bool parts_read = false;
    for (const TextSpan& part : span.parts) parts_read = read_annotation(part, context, out) || parts_read;
    if (!parts_read && has_word(span.text)) out.notes.push_back(place(span.text, span, 0.0));
  }
  return out;
}

}  // namespace drawlens::annotate
