// View line work shared by the part drawings, and interval arithmetic for cut faces.
#include "line_work.h"

#include <algorithm>

#include "hatching.h"

namespace drawlens::synth {

void centre_cross(Scene& scene, const ViewFrame& view, double u, double v, double radius, double overhang) {
  const double reach = radius + overhang / view.scale;
  centre_line(scene, view.line(u - reach, v, u + reach, v));
  centre_line(scene, view.line(u, v - reach, u, v + reach));
}

void draw_slot_outline(Scene& scene, const ViewFrame& view, const Slot& s) {
  const double half = s.length / 2, r = s.width / 2;
  contour(scene, view.line(s.x - half, s.y - r, s.x + half, s.y - r));
  contour(scene, view.line(s.x - half, s.y + r, s.x + half, s.y + r));
  contour(scene, view.arc(s.x + half, s.y, r, -90.0, 90.0));
  contour(scene, view.arc(s.x - half, s.y, r, 90.0, 270.0));
  const double reach = 2.5 / view.scale;
  centre_line(scene, view.line(s.x - half - r - reach, s.y, s.x + half + r + reach, s.y));
  for (double u : {s.x - half, s.x + half}) centre_line(scene, view.line(u, s.y - r - reach, u, s.y + r + reach));
}

void hatch(Scene& scene, const ViewFrame& view, const std::vector<Point>& face_uv, double spacing) {
  std::vector<Point> face;
  for (const Point& p : face_uv) face.push_back(view.at(p.x, p.y));
  for (const Segment& s : hatch_polygon(face, 45.0, spacing))
    scene.add(Shape::line(s.a, s.b), LineClass::hatch, Pen::thin);
}

Intervals subtract(const Intervals& from, double low, double high) {
  Intervals out;
  for (const auto& [a, b] : from) {
    if (high <= a || low >= b) {
      out.push_back({a, b});
      continue;
    }
    if (low > a) out.push_back({a, low});
    if (high < b) out.push_back({high, b});
  }
  return out;
}

Intervals symmetric_difference(const Intervals& a, const Intervals& b) {
  std::vector<double> cuts;
  for (const auto& [low, high] : a) cuts.insert(cuts.end(), {low, high});
  for (const auto& [low, high] : b) cuts.insert(cuts.end(), {low, high});
  std::sort(cuts.begin(), cuts.end());
  auto inside = [](const Intervals& set, double x) {
    return std::any_of(set.begin(), set.end(), [x](const auto& i) { return x > i.first && x < i.second; });
  };
  Intervals out;
  for (std::size_t i = 0; i + 1 < cuts.size(); ++i) {
    const double mid = (cuts[i] + cuts[i + 1]) / 2;
    if (cuts[i + 1] - cuts[i] < 1e-9 || inside(a, mid) == inside(b, mid)) continue;
    if (!out.empty() && out.back().second == cuts[i]) {
      out.back().second = cuts[i + 1];
    } else {
      out.push_back({cuts[i], cuts[i + 1]});
    }
  }
  return out;
}

}  // namespace drawlens::synth
