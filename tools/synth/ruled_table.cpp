// Ruled table drawing: the outline drawn thick, the inner rulings thin (ISO 7200 / ISO 7573 use the
// same pens as the title block), each cell's text left-aligned and vertically centred.
#include "ruled_table.h"

#include <numeric>
#include <stdexcept>

#include "lettering.h"

namespace drawlens::synth {
namespace {

constexpr double kCapHeight = 2.5;    // mm, ISO 3098 height of parts-list lettering
constexpr double kCellPadding = 1.5;  // mm, left and right of the text

}  // namespace

bool has_hangul(const std::string& text) {
  for (unsigned char c : text) {
    if (c >= 0xE1 && c <= 0xED) return true;
  }
  return false;
}

double table_width(const TableContents& contents) {
  return std::accumulate(contents.column_widths.begin(), contents.column_widths.end(), 0.0);
}

double table_height(const TableContents& contents) {
  return contents.row_height * static_cast<double>(contents.rows.size());
}

Rect draw_ruled_table(Scene& scene, const FontBook& fonts, const DrawingPlan& plan, Point top_left,
                      const TableContents& contents) {
  const int cols = static_cast<int>(contents.column_widths.size());
  const int rows = static_cast<int>(contents.rows.size());
  if (cols == 0 || rows == 0) throw std::logic_error("synth: a ruled table needs rows and columns");
  const Rect outline{top_left.x, top_left.y, top_left.x + table_width(contents), top_left.y + table_height(contents)};
  scene.add(Shape::polyline({{outline.left, outline.top},
                             {outline.right, outline.top},
                             {outline.right, outline.bottom},
                             {outline.left, outline.bottom}},
                            true),
            LineClass::title_block, Pen::thick);
  TableRecord table{outline, rows, cols, {}};
  double y = outline.top;
  for (int r = 0; r < rows; ++r) {
    const std::vector<std::string>& texts = contents.rows[static_cast<std::size_t>(r)];
    if (static_cast<int>(texts.size()) != cols) throw std::logic_error("synth: a table row has the wrong cell count");
    if (r > 0) scene.add(Shape::line({outline.left, y}, {outline.right, y}), LineClass::title_block, Pen::thin);
    double x = outline.left;
    for (int c = 0; c < cols; ++c) {
      const Rect box{x, y, x + contents.column_widths[static_cast<std::size_t>(c)], y + contents.row_height};
      if (r == 0 && c > 0) {
        scene.add(Shape::line({x, outline.top}, {x, outline.bottom}), LineClass::title_block, Pen::thin);
      }
      const std::string& text = texts[static_cast<std::size_t>(c)];
      LetteringStyle style = plan.lettering;
      style.cap_height = kCapHeight;
      style.line_class = LineClass::title_block;
      if (has_hangul(text)) style.face = Typeface::nanum_gothic;
      const double room = box.width() - 2 * kCellPadding;
      const double natural = Lettering(fonts, style).advance_of(text);
      if (natural > room) style.cap_height *= room / natural;
      Lettering lettering(fonts, style);
      lettering.text(text);
      scene.add(lettering.finish({box.left + kCellPadding, box.centre().y + style.cap_height / 2}));
      table.cells.push_back({box, r, c, 1, 1, text});
      x = box.right;
    }
    y += contents.row_height;
  }
  scene.tables.push_back(std::move(table));
  return outline;
}

}  // namespace drawlens::synth
