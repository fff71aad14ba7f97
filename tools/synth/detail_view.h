// Detail views (ISO 128-30 / ASME Y14.3): a thin circle with a letter around a small feature, and
// the same line work redrawn at an enlarged scale elsewhere, bounded by a circle and named
// "B (5:1)", "DETAIL B (5:1)" or "DETAIL B SCALE 5:1".
#pragma once

#include <functional>
#include <string>

#include "drawing_plan.h"
#include "view_frame.h"

namespace drawlens::synth {

struct DetailCircle {
  Point centre;   // view coordinates (u, v) of the main view
  double radius;  // full-size millimetres
  std::string letter;
};

// Draws the circle and its letter in `main`, then calls `draw_view` on a scratch scene with a frame
// at `scale` whose circle centre lands on the middle of `box`, and keeps the strokes inside the
// circle. Returns that frame, so dimensions can be put on the detail in view coordinates.
ViewFrame draw_detail(Scene& scene, const DetailCircle& detail, const ViewFrame& main, const Rect& box, double scale,
                      const std::string& scale_text, bool long_name,
                      const std::function<void(Scene&, const ViewFrame&)>& draw_view, const FontBook& fonts,
                      const DrawingPlan& plan);

}  // namespace drawlens::synth
