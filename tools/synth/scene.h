// The drawing as vector primitives on the sheet, each with the class the ground truth gives it,
// and the records that tie annotations (dimensions, frames, title fields) to what was drawn.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "geometry.h"
#include "parse/parse.h"

namespace drawlens::synth {

// The result schema's segment classes.
enum class LineClass { contour, hidden, centre, hatch, dimension, text, gdt, border, title_block };
enum class Pen { thick, thin };
enum class Dash { solid, dashed, chain };
// URW Gothic is the metric twin of Century Gothic (SolidWorks' drawing templates); Liberation Sans
// Narrow that of Arial Narrow (narrow CAD lettering).
enum class Typeface {
  osifont,
  dejavu_sans,
  liberation_sans,
  free_sans,
  nanum_gothic,
  urw_gothic,
  liberation_sans_narrow
};

// A polyline, or a circular arc with angles in radians clockwise from +x (cairo's sense on a
// y-down page), from start to end.
struct Shape {
  enum class Kind { polyline, arc };
  Kind kind = Kind::polyline;
  std::vector<Point> points;
  bool closed = false;
  Point centre;
  double radius = 0.0;
  double start = 0.0;
  double end = 0.0;

  static Shape line(Point a, Point b) { return polyline({a, b}, false); }
  static Shape polyline(std::vector<Point> points, bool closed) {
    Shape s;
    s.points = std::move(points);
    s.closed = closed;
    return s;
  }
  static Shape arc(Point centre, double radius, double start, double end) {
    Shape s;
    s.kind = Kind::arc;
    s.centre = centre;
    s.radius = radius;
    s.start = start;
    s.end = end;
    return s;
  }
  static Shape circle(Point centre, double radius) { return arc(centre, radius, 0.0, 2 * kPi); }
  Point arc_point(double angle) const {
    return {centre.x + radius * std::cos(angle), centre.y + radius * std::sin(angle)};
  }
};

struct Stroke {
  Shape shape;
  LineClass line_class = LineClass::contour;
  Pen pen = Pen::thin;
  Dash dash = Dash::solid;
};

struct Fill {
  Shape shape;
  LineClass line_class = LineClass::dimension;
};

struct TextRun {
  Typeface face = Typeface::osifont;
  double em_size = 3.5;  // mm
  Point origin;          // baseline start, in the item's frame
  std::string text;
  Rect ink;  // in the item's frame
};

// Lettering with vector symbols and frames, laid out in its own frame (origin on the first
// baseline, y down) and placed on the sheet by a rotation, then a translation.
struct TextItem {
  std::vector<TextRun> runs;
  std::vector<Stroke> strokes;
  std::vector<Fill> fills;
  Rect ink;  // bounds of everything drawn, item frame
  Point origin;
  double angle_degrees = 0.0;  // counter-clockwise on the page

  Point to_sheet(Point local) const;
  Quad quad() const;  // the ink box's corners on the sheet
  Rect sheet_bounds() const { return bounds(quad()); }
};

// Which of a scene's strokes and fills one annotation drew: [begin, end) of each list.
struct LineRange {
  std::size_t strokes_begin = 0, strokes_end = 0;
  std::size_t fills_begin = 0, fills_end = 0;
};
struct DimensionRecord {
  parse::Dimension value;
  std::size_t text_item = 0;
  LineRange lines;                    // its dimension, extension and leader lines and arrowheads
  std::vector<Point> feature_points;  // where it meets the feature it measures (sheet mm)
};
struct GdtRecord {
  parse::GdtFrame value;
  std::size_t text_item = 0;
};
struct DatumRecord {
  std::string label;
  std::size_t text_item = 0;
};
struct FinishRecord {
  parse::SurfaceTexture value;
  std::string material_removal;  // "any", "required", "prohibited"
  std::size_t text_item = 0;
};
struct NoteRecord {
  std::string text;
  std::size_t text_item = 0;
};
struct TitleFieldRecord {
  parse::TitleKey key = parse::TitleKey::other;
  std::string label;
  std::string value;
  std::size_t label_item = 0;
  std::size_t value_item = 0;
};
struct GeneralToleranceRecord {
  parse::GeneralTolerance value;
  std::size_t text_item = 0;
};
struct TableCellRecord {
  Rect box;
  int row = 0;
  int col = 0;
  int row_span = 1;
  int col_span = 1;
  std::string text;
};
struct TableRecord {
  Rect box;
  int rows = 0;
  int cols = 0;
  std::vector<TableCellRecord> cells;
};

struct Scene {
  double width_mm = 420.0;
  double height_mm = 297.0;
  double thick_width = 0.5;  // mm; thin lines are half of it (ISO 128-20 line groups)
  // Ink of lettering, dimension and GD&T lines, 1 black: CAD exports often print them grey.
  double annotation_ink = 1.0;
  std::vector<Stroke> strokes;
  std::vector<Fill> fills;
  std::vector<TextItem> texts;

  std::vector<DimensionRecord> dimensions;
  std::vector<GdtRecord> gdt_frames;
  std::vector<DatumRecord> datums;
  std::vector<FinishRecord> finishes;
  std::vector<NoteRecord> notes;
  std::vector<TitleFieldRecord> title_fields;
  std::optional<GeneralToleranceRecord> general_tolerance;
  std::optional<Rect> border;
  std::optional<TableRecord> title_block;
  std::string content;  // what is drawn, for the truth's diagnostics: "part shaft, views front+end"
  int view_count = 0;
  std::vector<TableRecord> tables;  // revision table, parts list

  void add(Shape shape, LineClass line_class, Pen pen, Dash dash = Dash::solid) {
    strokes.push_back({std::move(shape), line_class, pen, dash});
  }
  std::size_t add(TextItem item) {
    texts.push_back(std::move(item));
    return texts.size() - 1;
  }
};

}  // namespace drawlens::synth
