// View names lettered above their views: section "A-A", detail "B (5:1)", "FLAT PATTERN".
#pragma once

#include <string>

#include "drawing_plan.h"
#include "scene.h"

namespace drawlens::synth {

// The name centred 4 mm above the view's sheet box, at 1.4 times the lettering height (ISO 128-40).
// Returns the index of its text item.
std::size_t label_view(Scene& scene, const FontBook& fonts, const DrawingPlan& plan, const std::string& text,
                       const Rect& view_box);

}  // namespace drawlens::synth
