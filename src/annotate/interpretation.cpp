// Gives spans and title-block cells their meaning: title fields first (they set the drawing unit
// and the general tolerance), then every span is read by parse::read_annotation (surface finish,
// GD&T frame, general tolerance, dimension or note), a span marked as a datum feature by its label; a span's stacked
// parts are read alone when the whole is only a note.
#include <algorithm>
#include <cctype>
#include <variant>

#include "annotate/annotate.h"

namespace drawlens::annotate {
namespace {

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
    const layout::Cell& value_cell = cells[static_cast<std::size_t>(field.value_cell)];
    found.box = value_cell.box;
    found.confidence = value_cell.confidence;
    found.source = value_cell.read_from_pixels ? TextSource::recognizer : TextSource::text_layer;
    if (field.label_cell >= 0 && field.label_cell != field.value_cell) {
      const layout::Cell& label_cell = cells[static_cast<std::size_t>(field.label_cell)];
      found.label_box = label_cell.box;
      found.confidence = std::min(found.confidence, label_cell.confidence);
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

// The item's confidence is the lower of the parser's and the reader's.
template <typename Value>
Placed<Value> place(Value value, const TextSpan& span, double confidence) {
  return Placed<Value>{std::move(value), span.text, span.box, span.rotation, std::min(confidence, span.confidence),
                       span.source};
}

std::optional<Placed<parse::GeneralTolerance>> general_tolerance(const std::vector<TitleField>& fields,
                                                                 const std::vector<TextSpan>& spans) {
  for (const TitleField& field : fields) {
    auto general = parse::parse_general_tolerance(field.value);
    if (general) {
      return Placed<parse::GeneralTolerance>{general.value(),  field.value, field.box, 0,
                                             field.confidence, field.source};
    }
  }
  for (const TextSpan& span : spans) {
    auto read = parse::read_annotation_as(parse::AnnotationKind::general_tolerance, span.text);
    if (read) {
      auto general = std::get<parse::GeneralTolerance>(std::move(read).value().value);
      return place(std::move(general), span, 1.0);
    }
  }
  return std::nullopt;
}

// Files a span's reading into the page's lists; false when it is only a note, so that the caller
// can try the span's stacked parts first.
bool file_reading(parse::Annotation reading, const TextSpan& span, PageAnnotations& out) {
  const double confidence = reading.confidence;
  switch (reading.kind()) {
    case parse::AnnotationKind::dimension:
      out.dimensions.push_back(place(std::get<parse::Dimension>(std::move(reading.value)), span, confidence));
      return true;
    case parse::AnnotationKind::gdt_frame:
      out.gdt_frames.push_back(place(std::get<parse::GdtFrame>(std::move(reading.value)), span, confidence));
      return true;
    case parse::AnnotationKind::surface_texture:
      out.surface_finishes.push_back(
          place(std::get<parse::SurfaceTexture>(std::move(reading.value)), span, confidence));
      return true;
    case parse::AnnotationKind::general_tolerance:
      // The page's own statement is held once, as its general tolerance; another one stays a note.
      return out.general_tolerance && out.general_tolerance->text == span.text;
    case parse::AnnotationKind::note: return false;
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
    if (span.datum_feature) {
      if (auto label = parse::parse_datum_feature(span.text)) {
        out.datum_features.push_back(place(std::move(label).value(), span, 1.0));
        continue;
      }
    }
    auto reading = span.kind ? parse::read_annotation_as(*span.kind, span.text, context)
                             : parse::read_annotation(span.text, context);
    if (span.kind && !reading) reading = parse::read_annotation(span.text, context);
    if (reading && file_reading(reading.value(), span, out)) continue;
    bool parts_read = false;
    for (const TextSpan& part : span.parts) {
      auto part_reading = parse::read_annotation(part.text, context);
      parts_read = (part_reading && file_reading(std::move(part_reading).value(), part, out)) || parts_read;
    }
    // Text the parser cannot take is dropped from the text layer (stray marks), but a reading of
    // page pixels is kept as a note with the reader's confidence: flagged, never silently lost.
    if (!parts_read && (reading || span.source != TextSource::text_layer)) {
      out.notes.push_back(place(span.text, span, 1.0));
    }
  }
  return out;
}

}  // namespace drawlens::annotate
