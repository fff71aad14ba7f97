// A turned part projected: its front view with the axis horizontal (hidden bore, or a full section
// with hatching) and its end view of concentric circles, bolt circle and centre lines.
#pragma once

#include <vector>

#include "drawing_plan.h"
#include "part_model.h"
#include "view_frame.h"

namespace drawlens::synth {

// The outer profile above the axis, left to right: (u, radius) with the chamfers.
std::vector<Point> upper_profile(const TurnedPart& part);

// How the front view shows the inside: hidden edges, a full section, or a half section (the upper
// half cut and hatched, the lower half seen from outside, the axis between them; ISO 128-40).
enum class TurnedCut { none, full, half };

// The front view's (0,0) is the bottom-left of its box; the axis is at v = max diameter / 2.
void draw_turned_front(Scene& scene, const TurnedPart& part, const ViewFrame& view, TurnedCut cut);
// The end view looks at the right end (third angle) or the left end (first angle).
void draw_turned_end(Scene& scene, const TurnedPart& part, const ViewFrame& view, bool right_end);

}  // namespace drawlens::synth
