// Symbol geometry in units of the capital height (x right, y up from the baseline), as the
// standards sketch them.
#include "symbol_shapes.h"

#include <cmath>

namespace drawlens::synth {
namespace {

// Places symbol coordinates (units of the height, y up) on the page.
struct SymbolFrame {
  Point origin;
  double height;
  LineClass line_class;
  std::vector<Stroke>& strokes;
  std::vector<Fill>& fills;

  Point at(double x, double y) const { return {origin.x + x * height, origin.y - y * height}; }
  void line(double x0, double y0, double x1, double y1) const {
    strokes.push_back({Shape::line(at(x0, y0), at(x1, y1)), line_class, Pen::thin});
  }
  void path(std::vector<Point> units, bool closed) const {
    for (Point& p : units) p = at(p.x, p.y);
    strokes.push_back({Shape::polyline(std::move(units), closed), line_class, Pen::thin});
  }
  void circle(double x, double y, double r) const {
    strokes.push_back({Shape::circle(at(x, y), r * height), line_class, Pen::thin});
  }
  void arrow(double x0, double y0, double x1, double y1) const {
    line(x0, y0, x1, y1);
    const Point tip = at(x1, y1);
    fills.push_back({arrowhead_triangle(tip, unit(tip - at(x0, y0)), 0.45 * height, 20.0), line_class});
  }
};

double draw_characteristic(Symbol symbol, const SymbolFrame& f) {
  switch (symbol) {
    case Symbol::straightness: f.line(0.0, 0.5, 1.2, 0.5); return 1.2;
    case Symbol::flatness: f.path({{0.0, 0.15}, {0.9, 0.15}, {1.2, 0.85}, {0.3, 0.85}}, true); return 1.2;
    case Symbol::circularity: f.circle(0.5, 0.5, 0.5); return 1.0;
    case Symbol::cylindricity: {
      f.circle(0.6, 0.5, 0.38);
      const Point along{0.5, 0.866};
      const Point across{0.866, -0.5};
      for (double side : {-0.38, 0.38}) {
        const Point mid = Point{0.6, 0.5} + across * side;
        f.line(mid.x - along.x * 0.58, mid.y - along.y * 0.58, mid.x + along.x * 0.58, mid.y + along.y * 0.58);
      }
      return 1.2;
    }
    case Symbol::line_profile:
    case Symbol::surface_profile:
      f.strokes.push_back({Shape::arc(f.at(0.6, 0.2), 0.55 * f.height, kPi, 2 * kPi), f.line_class, Pen::thin});
      if (symbol == Symbol::surface_profile) f.line(0.05, 0.2, 1.15, 0.2);
      return 1.2;
    case Symbol::perpendicularity:
      f.line(0.1, 0.0, 1.1, 0.0);
      f.line(0.6, 0.0, 0.6, 1.0);
      return 1.2;
    case Symbol::angularity:
      f.line(0.1, 0.0, 1.1, 0.0);
      f.line(0.1, 0.0, 1.0, 0.62);
      return 1.2;
    case Symbol::parallelism:
      f.line(0.1, 0.0, 0.6, 1.0);
      f.line(0.5, 0.0, 1.0, 1.0);
      return 1.1;
    case Symbol::position:
      f.circle(0.6, 0.5, 0.34);
      f.line(0.1, 0.5, 1.1, 0.5);
      f.line(0.6, 0.0, 0.6, 1.0);
      return 1.2;
    case Symbol::concentricity:
      f.circle(0.6, 0.5, 0.5);
      f.circle(0.6, 0.5, 0.24);
      return 1.2;
    case Symbol::symmetry:
      f.line(0.0, 0.5, 1.2, 0.5);
      f.line(0.25, 0.85, 0.95, 0.85);
      f.line(0.25, 0.15, 0.95, 0.15);
      return 1.2;
    case Symbol::circular_runout: f.arrow(0.15, 0.0, 0.95, 0.95); return 1.1;
    case Symbol::total_runout:
      f.arrow(0.1, 0.0, 0.6, 0.95);
      f.arrow(0.55, 0.0, 1.05, 0.95);
      f.line(0.1, 0.0, 0.55, 0.0);
      return 1.2;
    case Symbol::counterbore: f.path({{0.1, 0.8}, {0.1, 0.1}, {0.9, 0.1}, {0.9, 0.8}}, false); return 1.0;
    case Symbol::countersink: f.path({{0.05, 0.8}, {0.5, 0.05}, {0.95, 0.8}}, false); return 1.0;
    case Symbol::depth:
      f.arrow(0.5, 1.0, 0.5, 0.05);
      f.line(0.1, 0.05, 0.9, 0.05);
      return 1.0;
  }
  return 1.0;
}

}  // namespace

Symbol symbol_for(parse::Characteristic characteristic) {
  return static_cast<Symbol>(static_cast<int>(characteristic));
}

const char* symbol_text(Symbol symbol) {
  static constexpr const char* kTexts[] = {"\u23E4", "\u23E5", "\u25CB", "\u232D", "\u2312", "\u2313",
                                           "\u27C2", "\u2220", "\u2AFD", "\u2316", "\u25CE", "\u232F",
                                           "\u2197", "\u2330", "\u2334", "\u2335", "\u21A7"};
  return kTexts[static_cast<int>(symbol)];
}

double draw_symbol(Symbol symbol, Point origin, double height, LineClass line_class, std::vector<Stroke>& strokes,
                   std::vector<Fill>& fills) {
  const SymbolFrame frame{origin, height, line_class, strokes, fills};
  return draw_characteristic(symbol, frame) * height;
}

Shape arrowhead_triangle(Point tip, Point toward, double length, double half_angle_degrees) {
  const Point back = tip - toward * length;
  const Point side = left_normal(toward) * (length * std::tan(radians(half_angle_degrees)));
  return Shape::polyline({tip, back + side, back - side}, true);
}

}  // namespace drawlens::synth
