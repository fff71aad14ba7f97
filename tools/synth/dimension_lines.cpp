// Dimension line geometry. Extension lines start 1 mm off the feature and overshoot the dimension
// line by 2 mm; text sits 1 mm above an aligned dimension line, or in a break of it when horizontal.
#include "dimension_lines.h"

#include <cmath>

#include "symbol_shapes.h"

namespace drawlens::synth {
namespace {

constexpr double kExtensionGap = 1.0;
constexpr double kOvershoot = 2.0;
constexpr double kTextGap = 1.0;

// Text angle for a line along `axis`, readable from the bottom or the right (ISO 129-1).
double readable_angle(Point axis) {
  double angle = std::atan2(-axis.y, axis.x) * 180.0 / kPi;
  if (angle > 90.0 + 1e-9) angle -= 180.0;
  if (angle <= -90.0 + 1e-9) angle += 180.0;
  return angle;
}

Point text_down(double angle_degrees) {
  return {std::sin(radians(angle_degrees)), std::cos(radians(angle_degrees))};
}

// Places the label so that its ink's centre is at `anchor`.
TextItem centred_at(TextItem label, Point anchor, double angle_degrees) {
  const Point along = direction(angle_degrees);
  const Point down = text_down(angle_degrees);
  const Point c = label.ink.centre();
  label.angle_degrees = angle_degrees;
  label.origin = anchor - along * c.x - down * c.y;
  return label;
}

// Half the label's extent along `axis` when drawn at `angle_degrees`.
double half_extent(const TextItem& label, Point axis, double angle_degrees) {
  const Point along = direction(angle_degrees);
  const Point down = text_down(angle_degrees);
  return (std::fabs(dot(axis, along)) * label.ink.width() + std::fabs(dot(axis, down)) * label.ink.height()) / 2;
}

void dimension_line(Scene& scene, Point a, Point b) {
  scene.add(Shape::line(a, b), LineClass::dimension, Pen::thin);
}

}  // namespace

void draw_arrowhead(Scene& scene, Point tip, Point toward, const DimensionStyle& style) {
  const double l = style.arrow_length;
  switch (style.arrowhead) {
    case Arrowhead::closed_filled:
      scene.fills.push_back({arrowhead_triangle(tip, toward, l, 10.0), LineClass::dimension});
      break;
    case Arrowhead::open: {
      const Shape head = arrowhead_triangle(tip, toward, l, 15.0);
      scene.add(Shape::polyline({head.points[1], tip, head.points[2]}, false), LineClass::dimension, Pen::thin);
      break;
    }
    case Arrowhead::dot: scene.fills.push_back({Shape::circle(tip, l * 0.25), LineClass::dimension}); break;
    case Arrowhead::oblique_stroke: {
      const Point slant = unit(toward + left_normal(toward)) * (l * 0.5);
      scene.add(Shape::line(tip - slant, tip + slant), LineClass::dimension, Pen::thick);
      break;
    }
  }
}

TextItem draw_linear(Scene& scene, Point p1, Point p2, Point normal, double level, TextItem label,
                     const DimensionStyle& style) {
  const Point a = p1 + normal * (level - dot(normal, p1));
  const Point b = p2 + normal * (level - dot(normal, p2));
  for (const auto& [feature, foot] : {std::pair{p1, a}, std::pair{p2, b}}) {
    if (dot(normal, foot - feature) > kExtensionGap + 0.5) {
      scene.add(Shape::line(feature + normal * kExtensionGap, foot + normal * kOvershoot), LineClass::dimension,
                Pen::thin);
    }
  }
  const Point axis = unit(b - a);
  const double span = length(b - a);
  const double angle = style.aligned_text ? readable_angle(axis) : 0.0;
  const bool breaks_line = !style.aligned_text && std::fabs(axis.y) > 0.2;
  const double half = half_extent(label, axis, angle);
  const double arrows = 2 * style.arrow_length;
  const bool inside = span > 2 * half + arrows + 3.0;
  const Point mid = (a + b) * 0.5;
  Point anchor = inside ? mid : b + axis * (style.arrow_length + 2.0 + half);
  TextItem placed;
  if (breaks_line) {
    placed = centred_at(label, anchor, angle);
  } else {
    // Above the dimension line: the side the text's top faces.
    const Point up = text_down(angle) * -1.0;
    const double clearance = kTextGap + std::fabs(dot(up, text_down(angle))) * label.ink.height() / 2;
    placed = centred_at(label, anchor + up * clearance, angle);
  }
  if (inside) {
    if (breaks_line) {
      dimension_line(scene, a, mid - axis * (half + 1.0));
      dimension_line(scene, mid + axis * (half + 1.0), b);
    } else {
      dimension_line(scene, a, b);
    }
    draw_arrowhead(scene, a, axis * -1.0, style);
    draw_arrowhead(scene, b, axis, style);
  } else {
    // Too short for arrows between the extension lines: arrows from outside, text beyond.
    dimension_line(scene, a - axis * (arrows + 1.0), b + axis * (breaks_line ? arrows : arrows + 2 * half + 2.0));
    draw_arrowhead(scene, a, axis, style);
    draw_arrowhead(scene, b, axis * -1.0, style);
  }
  return placed;
}

TextItem draw_ordinate(Scene& scene, Point feature, Point normal, double level, TextItem label,
                       const DimensionStyle& style) {
  const Point foot = feature + normal * (level - dot(normal, feature));
  scene.add(Shape::line(feature + normal * kExtensionGap, foot), LineClass::dimension, Pen::thin);
  const double angle = style.aligned_text ? readable_angle(normal) : 0.0;
  return centred_at(label, foot + normal * (kTextGap + half_extent(label, normal, angle)), angle);
}

TextItem draw_slanted_leader(Scene& scene, Point tip, Point toward, double reach, TextItem label,
                             const DimensionStyle& style) {
  const double angle = readable_angle(toward);
  const Point up = text_down(angle) * -1.0;
  const double width = label.ink.width();
  const Point start = tip + toward * reach;
  const Point anchor = start + toward * (1.0 + width / 2) + up * (kTextGap + label.ink.height() / 2);
  scene.add(Shape::line(tip, start + toward * (width + 2.0)), LineClass::dimension, Pen::thin);
  draw_arrowhead(scene, tip, toward * -1.0, style);
  return centred_at(label, anchor, angle);
}

TextItem place_leader_label(Point tip, Point elbow, TextItem label, const DimensionStyle& style) {
  const double side = elbow.x >= tip.x ? 1.0 : -1.0;
  const Rect ink = label.ink;
  label.angle_degrees = 0.0;
  if (style.aligned_text) {
    // ISO: the text stands on the shoulder line.
    const double x = side > 0 ? elbow.x + 1.0 - ink.left : elbow.x - 1.0 - ink.right;
    label.origin = {x, elbow.y - kTextGap - ink.bottom};
  } else {
    // ASME: the text follows the shoulder, centred on it.
    const double x = side > 0 ? elbow.x + 4.0 - ink.left : elbow.x - 4.0 - ink.right;
    label.origin = {x, elbow.y - ink.centre().y};
  }
  return label;
}

void draw_leader(Scene& scene, Point tip, Point elbow, const TextItem& placed, const DimensionStyle& style,
                 bool arrow) {
  const Rect box = placed.sheet_bounds();
  const double side = elbow.x >= tip.x ? 1.0 : -1.0;
  const Point shoulder_end = style.aligned_text ? Point{side > 0 ? box.right + 0.5 : box.left - 0.5, elbow.y}
                                                : Point{elbow.x + side * 3.0, elbow.y};
  scene.add(Shape::polyline({tip, elbow, shoulder_end}, false), LineClass::dimension, Pen::thin);
  if (arrow) draw_arrowhead(scene, tip, unit(tip - elbow), style);
}

TextItem draw_angle(Scene& scene, Point vertex, double from_degrees, double to_degrees, double radius,
                    double ray_length, TextItem label, const DimensionStyle& style) {
  for (double ray : {from_degrees, to_degrees}) {
    if (radius > ray_length + kExtensionGap) {
      scene.add(Shape::line(vertex + direction(ray) * (ray_length + kExtensionGap),
                            vertex + direction(ray) * (radius + kOvershoot)),
                LineClass::dimension, Pen::thin);
    }
  }
  scene.add(Shape::arc(vertex, radius, radians(-to_degrees), radians(-from_degrees)), LineClass::dimension, Pen::thin);
  draw_arrowhead(scene, vertex + direction(from_degrees) * radius, direction(from_degrees - 90.0), style);
  draw_arrowhead(scene, vertex + direction(to_degrees) * radius, direction(to_degrees + 90.0), style);
  const double middle = (from_degrees + to_degrees) / 2;
  const Point outward = direction(middle);
  const double angle = style.aligned_text ? readable_angle(direction(middle - 90.0)) : 0.0;
  const double clearance = half_extent(label, outward, angle) + kTextGap;
  return centred_at(label, vertex + outward * (radius + clearance), angle);
}

}  // namespace drawlens::synth
