// A sheet-metal bracket projected: the front view shows the bent profile, the plan the base with
// its holes and the bend tangent lines, the side view a flange face, and the flat pattern the
// developed blank with bend lines and bend notes.
#pragma once

#include "drawing_plan.h"
#include "part_model.h"
#include "view_frame.h"

namespace drawlens::synth {

// Each view's (0, 0) is the bottom-left of its box: front (length x height), plan (length x
// width), side (width x height), flat (flat length x width).
void draw_bracket_front(Scene& scene, const Bracket& bracket, const ViewFrame& view);
void draw_bracket_plan(Scene& scene, const Bracket& bracket, const ViewFrame& view);
// The side view looks at the left end (first angle) or the right end (third angle).
void draw_bracket_side(Scene& scene, const Bracket& bracket, const ViewFrame& view, bool from_right);
// Bend lines thin continuous (ISO 128-24, 01.1.11) or chain as many CAD systems draw them; a note
// such as "UP 90° R2.5" below each bend line is recorded as a note of the truth.
void draw_bracket_flat(Scene& scene, const Bracket& bracket, const ViewFrame& view, const FontBook& fonts,
                       const DrawingPlan& plan, bool chain_bend_lines);

}  // namespace drawlens::synth
