// Dimensions, GD&T and symbols of a turned part: step lengths chained below the front view,
// diameters across each step, chamfers and bore on leaders, runout and form frames to datum A.
#pragma once

#include <optional>

#include "annotator.h"
#include "part_model.h"
#include "view_frame.h"

namespace drawlens::synth {

struct TurnedSheetViews {
  ViewFrame front;
  std::optional<ViewFrame> end;     // absent for a plain shaft drawn in one view
  std::optional<ViewFrame> detail;  // the right-end chamfer enlarged, in the front view's coordinates
  Rect front_box;
  Rect end_box;
  bool end_is_right = true;  // the end view shows the right end
};

// Places the diameters inside the front view first; the caller keeps the views clear afterwards.
void annotate_turned_diameters(Annotator& annotator, const TurnedPart& part, const TurnedSheetViews& views);
void annotate_turned(Annotator& annotator, const TurnedPart& part, const TurnedSheetViews& views);

}  // namespace drawlens::synth
