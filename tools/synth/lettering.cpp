// Lettering layout: runs measured with the font book at the rendering scale; symbol and frame
// strokes counted with half their pen width so the ink box holds every drawn pixel's centre.
#include "lettering.h"

#include <cmath>

namespace drawlens::synth {

Rect shape_bounds(const Shape& shape) {
  if (shape.kind == Shape::Kind::polyline) {
    Rect r = Rect::around(shape.points.front());
    for (const Point& p : shape.points) r = r.united(p);
    return r;
  }
  Rect r = Rect::around(shape.arc_point(shape.start)).united(shape.arc_point(shape.end));
  // Extremes of the circle that the sweep passes.
  const double first = std::ceil(shape.start / (kPi / 2));
  for (double k = first; k * (kPi / 2) <= shape.end; k += 1.0) r = r.united(shape.arc_point(k * (kPi / 2)));
  return r;
}

void Lettering::include(const Rect& rect) {
  ink_ = has_ink_ ? ink_.united(rect) : rect;
  has_ink_ = true;
}

void Lettering::include(const Shape& shape, double half_width) {
  include(shape_bounds(shape).expanded(half_width));
}

double Lettering::advance_of(std::string_view text, double scale) const {
  const double em = style_.cap_height * scale / fonts_.cap_ratio(style_.face);
  return fonts_.measure(style_.face, em, text).advance;
}

double Lettering::text_at(std::string_view text, Point origin, double scale) {
  const double em = style_.cap_height * scale / fonts_.cap_ratio(style_.face);
  const TextMetrics metrics = fonts_.measure(style_.face, em, text);
  if (metrics.ink.width() > 0.0 || metrics.ink.height() > 0.0) {
    const Rect ink{metrics.ink.left + origin.x, metrics.ink.top + origin.y, metrics.ink.right + origin.x,
                   metrics.ink.bottom + origin.y};
    include(ink);
    item_.runs.push_back({style_.face, em, origin, std::string(text), ink});
  }
  return metrics.advance;
}

void Lettering::text(std::string_view text, double scale) {
  pen_.x += text_at(text, pen_, scale);
}

void Lettering::symbol(Symbol symbol) {
  const std::size_t strokes_before = item_.strokes.size();
  const std::size_t fills_before = item_.fills.size();
  const double width = draw_symbol(symbol, pen_, style_.cap_height, style_.line_class, item_.strokes, item_.fills);
  for (std::size_t i = strokes_before; i < item_.strokes.size(); ++i)
    include(item_.strokes[i].shape, style_.thin_width / 2);
  for (std::size_t i = fills_before; i < item_.fills.size(); ++i) include(item_.fills[i].shape, 0.0);
  pen_.x += width + 0.2 * style_.cap_height;
}

void Lettering::circled(char letter) {
  const double h = style_.cap_height;
  const double radius = 0.68 * h;
  const Point centre{pen_.x + radius, pen_.y - 0.5 * h};
  stroke(Shape::circle(centre, radius), style_.line_class);
  const char text[2] = {letter, '\0'};
  const double width = advance_of(text, 0.8);
  text_at(text, {centre.x - width / 2, pen_.y - 0.1 * h}, 0.8);
  pen_.x += 2 * radius + 0.2 * h;
}

void Lettering::stroke(Shape shape, LineClass line_class) {
  include(shape, style_.thin_width / 2);
  item_.strokes.push_back({std::move(shape), line_class, Pen::thin});
}

TextItem Lettering::finish(Point origin, double angle_degrees) {
  TextItem out = std::move(item_);
  out.ink = ink_;
  out.origin = origin;
  out.angle_degrees = angle_degrees;
  item_ = TextItem{};
  ink_ = Rect{};
  has_ink_ = false;
  pen_ = Point{};
  return out;
}

}  // namespace drawlens::synth
