// Axis-aligned integer boxes in page pixels, the one geometry type every stage shares.
#pragma once

#include <algorithm>

namespace drawlens {

struct Box {
  int x = 0;
  int y = 0;
  int width = 0;
  int height = 0;

  int right() const { return x + width; }
  int bottom() const { return y + height; }
  long long area() const { return static_cast<long long>(width) * height; }
  bool empty() const { return width <= 0 || height <= 0; }
  bool contains(const Box& o) const { return o.x >= x && o.y >= y && o.right() <= right() && o.bottom() <= bottom(); }
  friend bool operator==(const Box& a, const Box& b) {
    return a.x == b.x && a.y == b.y && a.width == b.width && a.height == b.height;
  }
};

// Whether the point lies in the box (its right and bottom edges excluded).
inline bool contains_point(const Box& box, double x, double y) {
  return x >= box.x && x < box.right() && y >= box.y && y < box.bottom();
}

// Whether the centre of `inner` lies in `outer`: what a word or region inside a cell or frame is.
inline bool centre_inside(const Box& inner, const Box& outer) {
  return contains_point(outer, inner.x + inner.width / 2.0, inner.y + inner.height / 2.0);
}

inline Box intersect(const Box& a, const Box& b) {
  const int x0 = std::max(a.x, b.x), y0 = std::max(a.y, b.y);
  const int x1 = std::min(a.right(), b.right()), y1 = std::min(a.bottom(), b.bottom());
  if (x1 <= x0 || y1 <= y0) return {};
  return {x0, y0, x1 - x0, y1 - y0};
}

inline Box unite(const Box& a, const Box& b) {
  if (a.empty()) return b;
  if (b.empty()) return a;
  const int x0 = std::min(a.x, b.x), y0 = std::min(a.y, b.y);
  const int x1 = std::max(a.right(), b.right()), y1 = std::max(a.bottom(), b.bottom());
  return {x0, y0, x1 - x0, y1 - y0};
}

}  // namespace drawlens
