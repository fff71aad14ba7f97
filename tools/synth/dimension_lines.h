// The lines of a dimension (ISO 129-1 / ASME Y14.5): extension lines with gap and overshoot,
// dimension lines with arrowheads of the chosen kind, leaders with shoulders, angle arcs, and
// where the lettering goes relative to them.
#pragma once

#include "drawing_plan.h"
#include "scene.h"

namespace drawlens::synth {

struct DimensionStyle {
  Arrowhead arrowhead = Arrowhead::closed_filled;
  double arrow_length = 3.0;
  bool aligned_text = true;  // text along the dimension line, above it; else horizontal in a break
};

// Draws an arrowhead whose tip is at `tip`, pointing along `toward` (unit).
void draw_arrowhead(Scene& scene, Point tip, Point toward, const DimensionStyle& style);

// A linear dimension between feature points p1 and p2, its dimension line where
// dot(normal, point) == level (normal: unit, from the feature towards the dimension line).
// Returns the label placed on the sheet.
TextItem draw_linear(Scene& scene, Point p1, Point p2, Point normal, double level, TextItem label,
                     const DimensionStyle& style);

// An ordinate dimension (ISO 129-1, ASME Y14.5): an extension line from `feature` out to where
// dot(normal, point) == level, the label at its end, aligned with it (or horizontal when the
// style's text is not aligned); no dimension line, no arrow. Returns the placed label.
TextItem draw_ordinate(Scene& scene, Point feature, Point normal, double level, TextItem label,
                       const DimensionStyle& style);

// A straight leader from `tip` along `toward` (unit), `reach` long to where the label starts, then
// on under the label, which stands on it turned with it (readable from the bottom or the right).
TextItem draw_slanted_leader(Scene& scene, Point tip, Point toward, double reach, TextItem label,
                             const DimensionStyle& style);

// Where a leader's label goes: the leader runs from `tip` to `elbow`, then a horizontal shoulder
// leads to the text.
TextItem place_leader_label(Point tip, Point elbow, TextItem label, const DimensionStyle& style);
// Draws the leader (with an arrowhead at the tip when `arrow`) for a label placed as above.
void draw_leader(Scene& scene, Point tip, Point elbow, const TextItem& placed, const DimensionStyle& style, bool arrow);

// An angle between rays from `vertex` at from_degrees and to_degrees (counter-clockwise on the
// page, to > from), as an arc of `radius`; `ray_lengths` are how far the drawn edges reach, for
// the extension lines. Returns the placed label.
TextItem draw_angle(Scene& scene, Point vertex, double from_degrees, double to_degrees, double radius,
                    double ray_length, TextItem label, const DimensionStyle& style);

}  // namespace drawlens::synth
