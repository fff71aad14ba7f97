// One orthographic view's own coordinates (u right, v up, full-size millimetres) mapped onto the
// sheet at the drawing's scale.
#pragma once

#include <vector>

#include "scene.h"

namespace drawlens::synth {

struct ViewFrame {
  Point origin;  // sheet position of (u, v) = (0, 0)
  double scale = 1.0;

  Point at(double u, double v) const { return {origin.x + u * scale, origin.y - v * scale}; }
  Shape line(double u0, double v0, double u1, double v1) const { return Shape::line(at(u0, v0), at(u1, v1)); }
  Shape circle(double u, double v, double radius) const { return Shape::circle(at(u, v), radius * scale); }
  // Arc counter-clockwise (as seen) from `from_degrees` to `to_degrees`.
  Shape arc(double u, double v, double radius, double from_degrees, double to_degrees) const {
    return Shape::arc(at(u, v), radius * scale, radians(-to_degrees), radians(-from_degrees));
  }
  Shape polyline(const std::vector<Point>& uv, bool closed) const {
    std::vector<Point> points;
    for (const Point& p : uv) points.push_back(at(p.x, p.y));
    return Shape::polyline(std::move(points), closed);
  }
  Rect rect(double u0, double v0, double u1, double v1) const { return Rect::around(at(u0, v0)).united(at(u1, v1)); }
};

}  // namespace drawlens::synth
