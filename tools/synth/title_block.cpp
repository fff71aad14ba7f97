// Title block drawing: the grid of the chosen style, each field's label small at the top left and
// its value below, scaled down where a value would overflow its cell.
#include "title_block.h"

#include <numeric>
#include <stdexcept>

#include "ruled_table.h"
#include "title_labels.h"

namespace drawlens::synth {
namespace {

using K = parse::TitleKey;

std::string value_for(K key, const TitleValues& v, const DrawingPlan& plan) {
  switch (key) {
    case K::drawn_by: return v.drawn_by;
    case K::checked_by: return v.checked_by;
    case K::approved_by: return v.approved_by;
    case K::date: return v.date;
    case K::scale: return v.scale;
    case K::company: return v.company;
    case K::material: return v.material;
    case K::mass: return v.mass;
    case K::general_tolerance: return plan.general_tolerance;
    case K::units: return v.units;
    case K::projection: return projection_value(plan);
    case K::title: return v.title;
    case K::revision: return v.revision;
    case K::drawing_number: return v.drawing_number;
    case K::sheet: return v.sheet;
    default: return plan.format.name;
  }
}

// The ISO 5456-2 projection symbol: a truncated cone's side view and end view, the end view on
// the side the projection method puts it.
void draw_projection_symbol(Scene& scene, Point centre, bool third_angle) {
  const double small = 2.5, large = 5.0, cone = 6.0, gap = 3.0;
  const double cone_left = third_angle ? centre.x + gap / 2 : centre.x - gap / 2 - cone;
  const double circles_x = third_angle ? centre.x - gap / 2 - large / 2 : centre.x + gap / 2 + large / 2;
  scene.add(Shape::polyline({{cone_left, centre.y - small / 2},
                             {cone_left + cone, centre.y - large / 2},
                             {cone_left + cone, centre.y + large / 2},
                             {cone_left, centre.y + small / 2}},
                            true),
            LineClass::title_block, Pen::thin);
  scene.add(Shape::circle({circles_x, centre.y}, small / 2), LineClass::title_block, Pen::thin);
  scene.add(Shape::circle({circles_x, centre.y}, large / 2), LineClass::title_block, Pen::thin);
}

}  // namespace

double title_block_height(const DrawingPlan& plan) {
  const TitleGrid grid = title_grid(plan);
  return std::accumulate(grid.row_heights.begin(), grid.row_heights.end(), 0.0);
}

Rect draw_title_block(Scene& scene, const DrawingPlan& plan, const FontBook& fonts, const TitleValues& values,
                      const Rect& frame) {
  const TitleGrid grid = title_grid(plan);
  const double width = std::accumulate(grid.column_widths.begin(), grid.column_widths.end(), 0.0);
  const double height = title_block_height(plan);
  const Rect outline{frame.right - width, frame.bottom - height, frame.right, frame.bottom};
  auto column_x = [&](int col) {
    return outline.left + std::accumulate(grid.column_widths.begin(), grid.column_widths.begin() + col, 0.0);
  };
  auto row_y = [&](int row) {
    return outline.top + std::accumulate(grid.row_heights.begin(), grid.row_heights.begin() + row, 0.0);
  };
  scene.add(Shape::polyline({{outline.left, outline.bottom}, {outline.left, outline.top}, {outline.right, outline.top}},
                            false),
            LineClass::title_block, Pen::thick);
  TableRecord table{
      outline, static_cast<int>(grid.row_heights.size()), static_cast<int>(grid.column_widths.size()), {}};
  for (const TitleCellLayout& cell : grid.cells) {
    const Rect box{column_x(cell.col), row_y(cell.row), column_x(cell.col + cell.col_span),
                   row_y(cell.row + cell.row_span)};
    // Each cell draws its right and bottom edges; the outline's top and left close the grid.
    const bool outer_right = cell.col + cell.col_span == table.cols;
    const bool outer_bottom = cell.row + cell.row_span == table.rows;
    if (!outer_right)
      scene.add(Shape::line({box.right, box.top}, {box.right, box.bottom}), LineClass::title_block, Pen::thin);
    if (!outer_bottom)
      scene.add(Shape::line({box.left, box.bottom}, {box.right, box.bottom}), LineClass::title_block, Pen::thin);

    const std::string value = value_for(cell.key, values, plan);
    LetteringStyle label_style = plan.lettering;
    label_style.cap_height = 1.8;
    label_style.line_class = LineClass::title_block;
    if (has_hangul(cell.label)) label_style.face = Typeface::nanum_gothic;
    Lettering label(fonts, label_style);
    label.text(cell.label);
    const std::size_t label_item = scene.add(label.finish({box.left + 1.0, box.top + 1.0 + label_style.cap_height}));

    LetteringStyle value_style = label_style;
    value_style.face = has_hangul(value) ? Typeface::nanum_gothic : plan.lettering.face;
    value_style.cap_height = cell.key == K::title || cell.key == K::drawing_number ? 5.0 : 2.5;
    const double room = box.width() - 3.0 - (cell.key == K::projection ? 16.0 : 0.0);
    Lettering sizing(fonts, value_style);
    const double natural = sizing.advance_of(value);
    if (natural > room) value_style.cap_height *= room / natural;
    Lettering text(fonts, value_style);
    text.text(value);
    const double baseline = box.bottom - (box.height() - 2.8 - value_style.cap_height) / 2 + 0.4;
    const std::size_t value_item = scene.add(text.finish({box.left + 1.5, std::min(baseline, box.bottom - 1.2)}));
    if (cell.key == K::projection)
      draw_projection_symbol(scene, {box.right - 8.5, box.centre().y + 1.0}, plan.third_angle);

    scene.title_fields.push_back({cell.key, cell.label, value, label_item, value_item});
    table.cells.push_back({box, cell.row, cell.col, cell.row_span, cell.col_span, cell.label + "\n" + value});
    if (cell.key == K::general_tolerance) {
      auto general = parse::parse_general_tolerance(value);
      if (!general) throw std::logic_error("synth: general tolerance '" + value + "' does not parse");
      scene.general_tolerance = GeneralToleranceRecord{general.value(), value_item};
    }
  }
  scene.title_block = std::move(table);
  return outline;
}

}  // namespace drawlens::synth
