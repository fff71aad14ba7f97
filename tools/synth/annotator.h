// Puts annotations on the drawing: dimensions, leaders, GD&T frames, datum and surface-finish
// symbols, each lettered, placed where its label overlaps no other label or view, and recorded
// with its parsed value for the ground truth.
#pragma once

#include <functional>
#include <optional>
#include <utility>
#include <vector>

#include "dimension_lines.h"
#include "dimension_text.h"
#include "gdt_frame.h"

namespace drawlens::synth {

class Annotator {
 public:
  Annotator(Scene& scene, const FontBook& fonts, const DrawingPlan& plan, RandomSource& random, const Rect& free_area);

  RandomSource& random() { return random_; }
  // Where a dimension line of tier `tier` (0 nearest) goes beside the edge through `edge`, as the
  // `level` of linear(): 10 mm out, then 8 mm per tier; on a crowded sheet 7 mm, then 6 mm.
  double tier_level(Point normal, Point edge, int tier) const;
  const DrawingPlan& plan() const { return plan_; }
  // Labels keep out of these (title block, notes, lettering already drawn).
  void keep_clear(const Rect& area) { occupied_.push_back(area); }
  // Labels keep out of a view's box too, but symbols standing on its edges may reach into it.
  void keep_view_clear(const Rect& view) { views_.push_back(view); }

  // A linear dimension (see draw_linear); false when its label would collide and it was left out.
  bool linear(Point p1, Point p2, Point normal, double level, const DimensionSpec& spec);
  // A leader from `tip` to a free spot near `away` (a unit direction away from the part); the
  // label is the dimension's, or a frame below it when `frame` is given. Returns the label's box.
  std::optional<Rect> leader(Point tip, Point away, const DimensionSpec& spec, const std::optional<FrameSpec>& frame);
  // A feature control frame on a leader to `tip` on a surface.
  bool frame_leader(Point tip, Point away, const FrameSpec& frame);
  // An ordinate dimension: an extension line from `feature` (normal: unit, away from the part) to
  // `level`, the coordinate lettered at its end, no dimension line or arrow.
  bool ordinate(Point feature, Point normal, double level, const DimensionSpec& spec);
  // The ordinate origin's "0": lettering without a dimension record (a size must be positive).
  bool ordinate_origin(Point feature, Point normal, double level);
  bool angle(Point vertex, double from_degrees, double to_degrees, double radius, double ray_length,
             const DimensionSpec& spec);
  // A datum feature symbol standing on the surface at `foot`, its stem along `outward` (unit).
  bool datum(Point foot, Point outward, const std::string& letter);
  // A surface texture symbol (ISO 1302) standing on a surface at `foot`, the surface below it.
  bool surface_finish(Point foot);
  // A datum target (ISO 5459 point target): a × at `tip` on the surface's edge and, on a leader
  // towards `away`, the target frame with `label` ("A1"), recorded as a datum feature.
  bool datum_target(Point tip, Point away, const std::string& label);
  // A parts-list balloon: the item number in a circle, its leader ending in a dot at `tip`.
  bool balloon(Point tip, Point away, int item);

 private:
  DimensionLabel letter(const DimensionSpec& spec);
  bool is_free(const Rect& box) const;
  bool is_free_of_labels(const Rect& box) const;
  // Free of labels and of every view but the one whose edge `foot` lies on.
  bool is_free_beside(const Rect& box, Point foot) const;
  // The first elbow on a ring of turns and reaches around `away` from `tip` where `fits` holds.
  std::optional<Point> free_elbow(Point tip, Point away, const std::function<bool(Point)>& fits) const;
  // Places a circled symbol (radius `radius`, centre at its origin) at a free elbow and draws its
  // leader from `tip` to the circle; false, with nothing drawn, when no elbow is free.
  bool circled_on_leader(TextItem& symbol, double radius, Point tip, Point away, LineClass line_class);
  // Finds an elbow for a leader from tip whose label (and extra block below it) fits; nullopt if none.
  std::optional<std::pair<Point, TextItem>> free_leader(Point tip, Point away, const TextItem& label,
                                                        double extra_height, double extra_width);
  // A straight leader from `tip` slanted 15-75° into the quadrant of `away`, the label along it.
  std::optional<Rect> slanted_leader(Point tip, Point away, DimensionLabel label);
  // Draws an ordinate's extension line and returns its label, and where the line went, when the
  // label is free.
  std::optional<std::pair<TextItem, LineRange>> place_ordinate(Point feature, Point normal, double level,
                                                               const TextItem& label);
  // Draws a scratch scene's lines onto the sheet; returns where they went in its lists.
  LineRange take_lines(Scene& scratch);
  // Records a placed dimension with the lines it drew and the points of the feature it measures.
  void record_dimension(parse::Dimension value, TextItem placed, LineRange lines, std::vector<Point> feature_points);
  std::size_t record_text(TextItem item);

  Scene& scene_;
  const FontBook& fonts_;
  const DrawingPlan& plan_;
  RandomSource& random_;
  Rect free_area_;
  DimensionStyle style_;
  parse::DimensionContext context_;
  std::vector<Rect> occupied_;
  std::vector<Rect> views_;
};

}  // namespace drawlens::synth
