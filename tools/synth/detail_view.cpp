// Detail views: every stroke of the redrawn view is cut to the detail circle (arcs as short
// chords first), so the enlarged line work ends exactly on the boundary.
#include "detail_view.h"

#include <cmath>

#include "lettering.h"
#include "view_labels.h"

namespace drawlens::synth {
namespace {

// The part of segment a-b inside the circle, if any.
std::optional<std::pair<Point, Point>> clip_segment(Point a, Point b, Point centre, double radius) {
  const Point d = b - a, f = a - centre;
  const double qa = dot(d, d), qb = 2 * dot(f, d), qc = dot(f, f) - radius * radius;
  if (qa < 1e-18) return std::nullopt;
  const double disc = qb * qb - 4 * qa * qc;
  if (disc <= 0) return std::nullopt;
  const double root = std::sqrt(disc);
  const double t0 = std::max(0.0, (-qb - root) / (2 * qa)), t1 = std::min(1.0, (-qb + root) / (2 * qa));
  if (t1 - t0 < 1e-9) return std::nullopt;
  return std::make_pair(a + d * t0, a + d * t1);
}

std::vector<Point> stroke_points(const Shape& shape) {
  if (shape.kind == Shape::Kind::polyline) {
    std::vector<Point> points = shape.points;
    if (shape.closed && !points.empty()) points.push_back(points.front());
    return points;
  }
  std::vector<Point> points;
  const int pieces = 48;
  for (int i = 0; i <= pieces; ++i)
    points.push_back(shape.arc_point(shape.start + (shape.end - shape.start) * i / pieces));
  return points;
}

void keep_inside(Scene& scene, const Scene& scratch, Point centre, double radius) {
  for (const Stroke& stroke : scratch.strokes) {
    const std::vector<Point> points = stroke_points(stroke.shape);
    for (std::size_t i = 0; i + 1 < points.size(); ++i) {
      if (auto piece = clip_segment(points[i], points[i + 1], centre, radius)) {
        scene.add(Shape::line(piece->first, piece->second), stroke.line_class, stroke.pen, stroke.dash);
      }
    }
  }
}

std::string detail_name(const std::string& letter, const std::string& scale_text, bool long_name,
                        const DrawingPlan& plan) {
  if (plan.style == SheetStyle::asme) return "DETAIL " + letter + " SCALE " + scale_text;
  const std::string short_name = letter + " (" + scale_text + ")";
  if (!long_name) return short_name;
  if (plan.language == Language::german) return "Einzelheit " + short_name;
  if (plan.language == Language::korean) return "\uC0C1\uC138 " + short_name;
  return "DETAIL " + short_name;
}

}  // namespace

ViewFrame draw_detail(Scene& scene, const DetailCircle& detail, const ViewFrame& main, const Rect& box, double scale,
                      const std::string& scale_text, bool long_name,
                      const std::function<void(Scene&, const ViewFrame&)>& draw_view, const FontBook& fonts,
                      const DrawingPlan& plan) {
  // The circle on the main view and its letter, outside it at the upper right.
  const Point centre = main.at(detail.centre.x, detail.centre.y);
  const double main_radius = detail.radius * main.scale;
  scene.add(Shape::circle(centre, main_radius), LineClass::dimension, Pen::thin);
  LetteringStyle style = plan.lettering;
  style.cap_height = plan.lettering.cap_height * 1.4;
  Lettering letter(fonts, style);
  letter.text(detail.letter);
  const Rect ink = letter.ink();
  const Point corner = centre + direction(45.0) * (main_radius + 1.0);
  scene.add(letter.finish({corner.x - ink.left, corner.y - ink.bottom}));

  const Point middle = box.centre();
  const ViewFrame enlarged{{middle.x - detail.centre.x * scale, middle.y + detail.centre.y * scale}, scale};
  Scene scratch;
  draw_view(scratch, enlarged);
  const double radius = detail.radius * scale;
  keep_inside(scene, scratch, middle, radius);
  scene.add(Shape::circle(middle, radius), LineClass::dimension, Pen::thin);
  label_view(scene, fonts, plan, detail_name(detail.letter, scale_text, long_name, plan), box);
  return enlarged;
}

}  // namespace drawlens::synth
