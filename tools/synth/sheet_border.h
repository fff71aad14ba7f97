// The sheet's frame after ISO 5457: filing margin, drawing frame, centring marks and the zone grid
// with its letters and numbers.
#pragma once

#include "drawing_plan.h"
#include "scene.h"

namespace drawlens::synth {

// Draws the frame; returns the area inside it (recorded as the scene's border).
Rect draw_sheet_border(Scene& scene, const DrawingPlan& plan, const FontBook& fonts);

}  // namespace drawlens::synth
