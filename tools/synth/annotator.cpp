// Annotation placement: labels of linear and ordinate dimensions go where their tier puts them,
// leader labels are tried at a ring of positions (or slopes) around their feature until one is free.
#include "annotator.h"

#include <array>
#include <cmath>
#include <functional>
#include <stdexcept>

#include "callout_symbols.h"
#include "lettering.h"

namespace drawlens::synth {
namespace {

// A symbol standing on a view's edge overlaps the view's kept-clear box by design: only the part
// beyond its foot must be free.
Rect clear_of_foot(Rect box, Point outward) {
  constexpr double kFoot = 3.0;
  if (outward.y > 0.5) box.top += kFoot;
  if (outward.y < -0.5) box.bottom -= kFoot;
  if (outward.x > 0.5) box.left += kFoot;
  if (outward.x < -0.5) box.right -= kFoot;
  return box;
}

}  // namespace

Annotator::Annotator(Scene& scene, const FontBook& fonts, const DrawingPlan& plan, RandomSource& random,
                     const Rect& free_area)
    : scene_(scene), fonts_(fonts), plan_(plan), random_(random), free_area_(free_area) {
  style_.arrowhead = plan.arrowhead;
  style_.aligned_text = plan.aligned_text;
  style_.arrow_length = plan.lettering.cap_height <= 2.5 ? 2.5 : 3.0;
  auto general = parse::parse_general_tolerance(plan.general_tolerance);
  if (!general) throw std::logic_error("synth: general tolerance '" + plan.general_tolerance + "' does not parse");
  context_.general_tolerance = general.value();
}

DimensionLabel Annotator::letter(const DimensionSpec& spec) {
  return letter_dimension(spec, fonts_, plan_, context_);
}

bool Annotator::is_free_of_labels(const Rect& box) const {
  if (!free_area_.contains(box)) return false;
  for (const Rect& taken : occupied_) {
    if (taken.intersects(box)) return false;
  }
  return true;
}

bool Annotator::is_free_beside(const Rect& box, Point foot) const {
  for (const Rect& view : views_) {
    if (!view.expanded(0.5).contains(Rect::around(foot)) && view.intersects(box)) return false;
  }
  return is_free_of_labels(box);
}

bool Annotator::is_free(const Rect& box) const {
  for (const Rect& view : views_) {
    if (view.intersects(box)) return false;
  }
  return is_free_of_labels(box);
}

std::size_t Annotator::record_text(TextItem item) {
  occupied_.push_back(item.sheet_bounds().expanded(1.0));
  return scene_.add(std::move(item));
}

double Annotator::tier_level(Point normal, Point edge, int tier) const {
  return dot(normal, edge) + (plan_.crowded ? 7.0 + 6.0 * tier : 10.0 + 8.0 * tier);
}

LineRange Annotator::take_lines(Scene& scratch) {
  LineRange range{scene_.strokes.size(), scene_.strokes.size(), scene_.fills.size(), scene_.fills.size()};
  for (Stroke& s : scratch.strokes) scene_.strokes.push_back(std::move(s));
  for (Fill& f : scratch.fills) scene_.fills.push_back(std::move(f));
  range.strokes_end = scene_.strokes.size();
  range.fills_end = scene_.fills.size();
  return range;
}

void Annotator::record_dimension(parse::Dimension value, TextItem placed, LineRange lines,
                                 std::vector<Point> feature_points) {
  scene_.dimensions.push_back({std::move(value), record_text(std::move(placed)), lines, std::move(feature_points)});
}

bool Annotator::linear(Point p1, Point p2, Point normal, double level, const DimensionSpec& spec) {
  DimensionLabel label = letter(spec);
  // Try the drawing on a scratch scene first: a colliding dimension is left out whole.
  Scene scratch;
  const TextItem placed = draw_linear(scratch, p1, p2, normal, level, label.item, style_);
  if (!is_free(placed.sheet_bounds())) return false;
  record_dimension(std::move(label.value), placed, take_lines(scratch), {p1, p2});
  return true;
}

std::optional<std::pair<TextItem, LineRange>> Annotator::place_ordinate(Point feature, Point normal, double level,
                                                                        const TextItem& label) {
  Scene scratch;
  TextItem placed = draw_ordinate(scratch, feature, normal, level, label, style_);
  if (!is_free(placed.sheet_bounds().expanded(0.5))) return std::nullopt;
  return std::make_pair(std::move(placed), take_lines(scratch));
}

bool Annotator::ordinate(Point feature, Point normal, double level, const DimensionSpec& spec) {
  DimensionLabel label = letter(spec);
  auto placed = place_ordinate(feature, normal, level, label.item);
  if (!placed) return false;
  record_dimension(std::move(label.value), std::move(placed->first), placed->second, {feature});
  return true;
}

bool Annotator::ordinate_origin(Point feature, Point normal, double level) {
  Lettering zero(fonts_, plan_.lettering);
  zero.text("0");
  auto placed = place_ordinate(feature, normal, level, zero.finish());
  if (!placed) return false;
  record_text(std::move(placed->first));
  return true;
}

std::optional<Rect> Annotator::slanted_leader(Point tip, Point away, DimensionLabel label) {
  const double sx = away.x < 0 ? -1.0 : 1.0, sy = away.y < 0 ? -1.0 : 1.0;
  // A drawn slope first, then the common ones; never a multiple of 90°.
  const std::array<double, 5> slopes{random_.uniform_real(15.0, 75.0), 30.0, 60.0, 20.0, 70.0};
  for (double reach : {8.0, 14.0, 22.0, 32.0}) {
    for (double slope : slopes) {
      const Point toward{sx * std::cos(radians(slope)), sy * std::sin(radians(slope))};
      Scene scratch;
      const TextItem placed = draw_slanted_leader(scratch, tip, toward, reach, label.item, style_);
      if (!is_free(placed.sheet_bounds().expanded(0.5))) continue;
      const Rect box = placed.sheet_bounds();
      record_dimension(std::move(label.value), placed, take_lines(scratch), {tip});
      return box;
    }
  }
  return std::nullopt;
}

std::optional<Point> Annotator::free_elbow(Point tip, Point away, const std::function<bool(Point)>& fits) const {
  const double base = std::atan2(-away.y, away.x) * 180.0 / kPi;
  static constexpr std::array<double, 7> kTurns{0.0, 20.0, -20.0, 40.0, -40.0, 60.0, -60.0};
  static constexpr std::array<double, 7> kReach{10.0, 16.0, 24.0, 34.0, 46.0, 62.0, 80.0};
  for (double reach : kReach) {
    for (double turn : kTurns) {
      const Point elbow = tip + direction(base + turn) * reach;
      if (fits(elbow)) return elbow;
    }
  }
  return std::nullopt;
}

std::optional<std::pair<Point, TextItem>> Annotator::free_leader(Point tip, Point away, const TextItem& label,
                                                                 double extra_height, double extra_width) {
  TextItem placed;
  const auto elbow = free_elbow(tip, away, [&](Point at) {
    placed = place_leader_label(tip, at, label, style_);
    Rect box = placed.sheet_bounds();
    box.bottom += extra_height;
    box.right = std::max(box.right, box.left + extra_width);
    return is_free(box.expanded(0.5));
  });
  if (!elbow) return std::nullopt;
  return std::make_pair(*elbow, std::move(placed));
}

std::optional<Rect> Annotator::leader(Point tip, Point away, const DimensionSpec& spec,
                                      const std::optional<FrameSpec>& frame) {
  DimensionLabel label = letter(spec);
  if (plan_.slanted_leaders && !frame) return slanted_leader(tip, away, std::move(label));
  std::optional<FrameLabel> frame_label;
  if (frame) frame_label = draw_gdt_frame(*frame, fonts_, plan_);
  const double frame_height = frame_label ? frame_label->item.ink.height() + 1.0 : 0.0;
  const double frame_width = frame_label ? frame_label->item.ink.width() : 0.0;
  auto spot = free_leader(tip, away, label.item, frame_height, frame_width);
  if (!spot) return std::nullopt;
  const auto& [elbow, placed] = *spot;
  Scene scratch;
  draw_leader(scratch, tip, elbow, placed, style_, true);
  Rect box = placed.sheet_bounds();
  record_dimension(std::move(label.value), placed, take_lines(scratch), {tip});
  if (frame_label) {
    // The frame hangs below the callout it belongs to, flush with its left edge.
    TextItem item = frame_label->item;
    item.origin = {box.left - item.ink.left, box.bottom + 1.0 - item.ink.top};
    box = box.united(item.sheet_bounds());
    scene_.gdt_frames.push_back({std::move(frame_label->value), record_text(std::move(item))});
  }
  return box;
}

bool Annotator::frame_leader(Point tip, Point away, const FrameSpec& frame) {
  FrameLabel label = draw_gdt_frame(frame, fonts_, plan_);
  auto spot = free_leader(tip, away, label.item, 0.0, 0.0);
  if (!spot) return false;
  const auto& [elbow, placed] = *spot;
  draw_leader(scene_, tip, elbow, placed, style_, true);
  scene_.gdt_frames.push_back({std::move(label.value), record_text(placed)});
  return true;
}

bool Annotator::angle(Point vertex, double from_degrees, double to_degrees, double radius, double ray_length,
                      const DimensionSpec& spec) {
  DimensionLabel label = letter(spec);
  Scene scratch;
  const TextItem placed = draw_angle(scratch, vertex, from_degrees, to_degrees, radius, ray_length, label.item, style_);
  if (!is_free(placed.sheet_bounds())) return false;
  record_dimension(std::move(label.value), placed, take_lines(scratch), {vertex});
  return true;
}

bool Annotator::datum(Point foot, Point outward, const std::string& letter) {
  TextItem item = datum_feature_symbol(fonts_, plan_, letter, outward);
  item.origin = foot;
  if (!is_free_beside(clear_of_foot(item.sheet_bounds(), outward), foot)) return false;
  scene_.datums.push_back({letter, record_text(std::move(item))});
  return true;
}

bool Annotator::surface_finish(Point foot) {
  SurfaceSymbol symbol = surface_texture_symbol(fonts_, plan_, random_);
  symbol.item.origin = foot;
  if (!is_free_beside(clear_of_foot(symbol.item.sheet_bounds(), {0.0, -1.0}), foot)) return false;
  scene_.finishes.push_back({std::move(symbol.value), symbol.material_removal, record_text(std::move(symbol.item))});
  return true;
}

bool Annotator::circled_on_leader(TextItem& symbol, double radius, Point tip, Point away, LineClass line_class) {
  const auto centre = free_elbow(tip, away, [&](Point at) {
    symbol.origin = at;
    return is_free(symbol.sheet_bounds().expanded(0.5));
  });
  if (!centre) return false;
  symbol.origin = *centre;
  scene_.add(Shape::line(tip, *centre + unit(tip - *centre) * radius), line_class, Pen::thin);
  return true;
}

bool Annotator::datum_target(Point tip, Point away, const std::string& label) {
  double radius = 0.0;
  TextItem frame = datum_target_frame(fonts_, plan_, label, radius);
  if (!circled_on_leader(frame, radius, tip, away, LineClass::gdt)) return false;
  // The target point's cross, drawn with the thick pen as ISO 5459 shows it.
  const double arm = 0.35 * plan_.lettering.cap_height;
  scene_.add(Shape::line(tip + Point{-arm, -arm}, tip + Point{arm, arm}), LineClass::gdt, Pen::thick);
  scene_.add(Shape::line(tip + Point{-arm, arm}, tip + Point{arm, -arm}), LineClass::gdt, Pen::thick);
  scene_.datums.push_back({label, record_text(std::move(frame))});
  return true;
}

bool Annotator::balloon(Point tip, Point away, int item) {
  double radius = 0.0;
  TextItem symbol = item_balloon(fonts_, plan_, item, radius);
  if (!circled_on_leader(symbol, radius, tip, away, LineClass::dimension)) return false;
  scene_.fills.push_back({Shape::circle(tip, 0.5), LineClass::dimension});
  record_text(std::move(symbol));
  return true;
}

}  // namespace drawlens::synth
