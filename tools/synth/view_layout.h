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

// A view outside the projection grid (a detail or a flat pattern), placed in the free corner
// beside the plan. Its scale is the drawing's, or with `enlarge` the smallest ISO 5455
// enlargement of at least `enlarge` times the drawing's scale and at least `min_scale`.
struct ExtraView {
  ViewExtent extent;
  double enlarge = 0.0;
  double min_scale = 0.0;
};

struct ViewArrangement {
  double scale = 1.0;
  std::string scale_text;                        // "1:2", "2:1"
  ViewFrame main;                                // front view; (0,0) is its bottom-left corner
  std::optional<ViewFrame> plan;                 // view from above: above the front view in third angle, below in first
  std::optional<ViewFrame> side;                 // beside the front view, to its right
  std::optional<ViewFrame> extra;                // the extra view, (0,0) its bottom-left corner
  std::string extra_scale_text;                  // "5:1"
  Rect main_box, plan_box, side_box, extra_box;  // sheet boxes of the views (empty when absent)
};

// area: the free part of the frame. margin: room each view keeps around it for dimensions.
std::optional<ViewArrangement> arrange_views(const Rect& area, ViewExtent main, std::optional<ViewExtent> plan,
                                             std::optional<ViewExtent> side, bool third_angle, double margin,
                                             std::optional<ExtraView> extra = std::nullopt);

}  // namespace drawlens::synth
