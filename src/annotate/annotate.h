// Annotate stage: finds the annotations of a page — dimensions, GD&T frames, datum features,
// surface finishes, notes, title-block fields, the general tolerance — in text with positions (the PDF text layer, or
// the read stage's readings of a raster page) and gives each its engineering meaning through the
// parse stage.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/document.h"
#include "core/geometry.h"
#include "layout/layout.h"
#include "parse/parse.h"

namespace drawlens::annotate {

// Where an item's text was read from. The C ABI's drawlens_source pins these values
// (capi/enum_pins.cpp).
enum class TextSource { text_layer, recognizer, tesseract };
// The result JSON's and drawlens_source_name's name: "text_layer", "recognizer", "tesseract".
// Static, never NULL.
const char* source_name(TextSource source);

// A run of text read as one annotation candidate: words on one baseline, with the stacked
// tolerance or limit lines that belong to them (text layer), or one detected region as read
// (src/read).
struct TextSpan {
  std::string text;  // words joined by ' ', stacked lines appended after ' '
  Box box;
  int rotation = 0;  // reading direction, degrees counter-clockwise (0, 90, 180, 270)
  // The lines it was merged from, when stacked parts were joined; each is tried alone when the
  // whole does not parse (two neighbouring sizes are not a stack).
  std::vector<TextSpan> parts;
  double confidence = 1.0;  // the reader's: 1 for the text layer
  TextSource source = TextSource::text_layer;
  // What the page's geometry says the span is (a ruled frame's compartments make a GD&T frame):
  // read as that first, by the automatic classification when it does not parse as that.
  std::optional<parse::AnnotationKind> kind = std::nullopt;
  // The page's geometry or the detector says the span is a datum feature symbol (a letter in a box
  // on a triangle): read as its label, and as any other text when it is not one.
  bool datum_feature = false;
};

template <typename Value>
struct Placed {
  Value value;
  std::string text;  // the text it was read from
  Box box;
  int rotation = 0;
  double confidence = 1.0;
  TextSource source = TextSource::text_layer;
};

struct TitleField {
  parse::TitleKey key = parse::TitleKey::other;
  std::string label;
  std::string value;
  Box box;                       // the value's cell
  std::optional<Box> label_box;  // the label's cell, when apart from the value
  double confidence = 1.0;
  TextSource source = TextSource::text_layer;
};

struct PageAnnotations {
  parse::Unit unit = parse::Unit::mm;  // drawing unit: from the title block or notes, mm by default
  std::vector<Placed<parse::Dimension>> dimensions;
  std::vector<Placed<parse::GdtFrame>> gdt_frames;
  std::vector<Placed<std::string>> datum_features;  // each its label: "A", datum targets "A1"
  std::vector<Placed<parse::SurfaceTexture>> surface_finishes;
  std::vector<Placed<std::string>> notes;
  std::vector<TitleField> title_fields;
  std::optional<Placed<parse::GeneralTolerance>> general_tolerance;
};

// Groups text-layer words into spans: words outside the drawing frame (zone markers) and inside
// ruled tables (read as cells instead) are left out. text_lines.cpp, tolerance_stacking.cpp.
std::vector<TextSpan> text_layer_spans(const std::vector<Word>& words, const layout::Layout& layout);

// Reads the page's annotations from its spans and its ruled title block (cells with text).
PageAnnotations interpret_spans(const std::vector<TextSpan>& spans, const layout::Layout& layout);

}  // namespace drawlens::annotate
