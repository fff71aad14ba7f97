// Dimensions of a sheet-metal bracket: outside sizes, thickness and inside radius on the profile,
// hole positions in the plan and on the flange, the developed length and width of the flat pattern.
#pragma once

#include <optional>

#include "annotator.h"
#include "part_model.h"
#include "view_frame.h"

namespace drawlens::synth {

struct BracketSheetViews {
  ViewFrame front;
  ViewFrame plan;
  std::optional<ViewFrame> side;
  std::optional<ViewFrame> flat;
  bool plan_above_front = false;  // third angle
  bool side_from_right = false;   // third angle
};

void annotate_bracket(Annotator& annotator, const Bracket& bracket, const BracketSheetViews& views);

}  // namespace drawlens::synth
