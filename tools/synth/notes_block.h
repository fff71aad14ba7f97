// The notes block (general notes as numbered lines) in the free corner left of the title block.
#pragma once

#include "drawing_plan.h"
#include "scene.h"

namespace drawlens::synth {

// Letters the notes from the top-left of `area`; returns the space they took.
Rect draw_notes(Scene& scene, const FontBook& fonts, const DrawingPlan& plan, RandomSource& random, const Rect& area);

}  // namespace drawlens::synth
