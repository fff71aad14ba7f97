// Plane geometry of the sheet: points and vectors in millimetres (origin top-left, y down),
// axis-aligned rectangles, oriented quads and the affine maps between sheet and pixels.
#pragma once

#include <algorithm>
#include <array>
#include <cmath>

namespace drawlens::synth {

inline constexpr double kPi = 3.14159265358979323846;

inline double radians(double degrees) {
  return degrees * kPi / 180.0;
}

struct Point {
  double x = 0.0;
  double y = 0.0;
};

inline Point operator+(Point a, Point b) {
  return {a.x + b.x, a.y + b.y};
}
inline Point operator-(Point a, Point b) {
  return {a.x - b.x, a.y - b.y};
}
inline Point operator*(Point a, double s) {
  return {a.x * s, a.y * s};
}
inline double dot(Point a, Point b) {
  return a.x * b.x + a.y * b.y;
}
inline double length(Point a) {
  return std::hypot(a.x, a.y);
}
inline Point unit(Point a) {
  const double l = length(a);
  return l > 0.0 ? a * (1.0 / l) : Point{1.0, 0.0};
}
// Perpendicular, turned a quarter counter-clockwise as seen on the page (y down).
inline Point left_normal(Point a) {
  return {a.y, -a.x};
}
// Direction at `degrees` counter-clockwise from +x as seen on the page.
inline Point direction(double degrees) {
  return {std::cos(radians(degrees)), -std::sin(radians(degrees))};
}

struct Rect {
  double left = 0.0;
  double top = 0.0;
  double right = 0.0;
  double bottom = 0.0;

  double width() const { return right - left; }
  double height() const { return bottom - top; }
  Point centre() const { return {(left + right) / 2, (top + bottom) / 2}; }
  bool intersects(const Rect& o) const { return left < o.right && o.left < right && top < o.bottom && o.top < bottom; }
  bool contains(const Rect& o) const {
    return o.left >= left && o.right <= right && o.top >= top && o.bottom <= bottom;
  }
  Rect expanded(double margin) const { return {left - margin, top - margin, right + margin, bottom + margin}; }
  Rect united(const Rect& o) const {
    return {std::min(left, o.left), std::min(top, o.top), std::max(right, o.right), std::max(bottom, o.bottom)};
  }
  Rect united(Point p) const {
    return {std::min(left, p.x), std::min(top, p.y), std::max(right, p.x), std::max(bottom, p.y)};
  }
  static Rect around(Point p) { return {p.x, p.y, p.x, p.y}; }
};

// Four corners in drawing order: an oriented box.
using Quad = std::array<Point, 4>;

inline Rect bounds(const Quad& quad) {
  Rect r = Rect::around(quad[0]);
  for (const Point& p : quad) r = r.united(p);
  return r;
}

// x' = a*x + b*y + c, y' = d*x + e*y + f.
struct Affine {
  double a = 1.0, b = 0.0, c = 0.0;
  double d = 0.0, e = 1.0, f = 0.0;

  Point apply(Point p) const { return {a * p.x + b * p.y + c, d * p.x + e * p.y + f}; }
  // This map after `first`.
  Affine after(const Affine& first) const {
    return {a * first.a + b * first.d, a * first.b + b * first.e, a * first.c + b * first.f + c,
            d * first.a + e * first.d, d * first.b + e * first.e, d * first.c + e * first.f + f};
  }
  // Rotation angle this map adds, degrees counter-clockwise on the page.
  double rotation_degrees() const { return std::atan2(-d, a) * 180.0 / kPi; }
  static Affine scale(double s) { return {s, 0, 0, 0, s, 0}; }
};

}  // namespace drawlens::synth
