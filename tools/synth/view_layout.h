// Arranges the views on the sheet: picks the largest ISO 5455 scale at which they and their
// dimensions fit above the title block, and places them for first- or third-angle projection.
#pragma once

#include <optional>
#include <string>

#include "view_frame.h"

namespace drawlens::synth {

struct ViewExtent {
  double width = 0.0;  // full size, millimetres
  double height = 0.0;
};

struct ViewArrangement {
  double scale = 1.0;
  std::string scale_text;             // "1:2", "2:1"
  ViewFrame main;                     // front view; (0,0) is its bottom-left corner
  std::optional<ViewFrame> plan;      // view from above: above the front view in third angle, below in first
  std::optional<ViewFrame> side;      // beside the front view, to its right
  Rect main_box, plan_box, side_box;  // sheet boxes of the views (plan/side empty when absent)
};

// area: the free part of the frame. margin: room each view keeps around it for dimensions.
std::optional<ViewArrangement> arrange_views(const Rect& area, ViewExtent main, std::optional<ViewExtent> plan,
                                             std::optional<ViewExtent> side, bool third_angle, double margin);

}  // namespace drawlens::synth
