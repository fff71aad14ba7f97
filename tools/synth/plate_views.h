// The plate projected: its top view (with the cutting plane when the front view is a section), its
// front view, either with hidden edges or as section A-A through a row of features, and a side view.
#pragma once

#include <optional>

#include "drawing_plan.h"
#include "part_model.h"
#include "view_frame.h"

namespace drawlens::synth {

// The y (top view) of the section plane when the front view is cut: through the middle feature
// when the plate has one, else through the front row of holes.
double plate_section_y(const Plate& plate);

void draw_plate_top(Scene& scene, const Plate& plate, const ViewFrame& view, std::optional<double> section_y,
                    const FontBook& fonts, const DrawingPlan& plan);
// The side view looks at the left end (first angle) or the right end (third angle): width x
// thickness, holes and pocket as hidden edges.
void draw_plate_side(Scene& scene, const Plate& plate, const ViewFrame& view, bool from_right);
void draw_plate_front(Scene& scene, const Plate& plate, const ViewFrame& view, std::optional<double> section_y,
                      const FontBook& fonts, const DrawingPlan& plan);

}  // namespace drawlens::synth
