// Dimensions, GD&T and symbols of a plate drawing: sizes and hole positions in tiers outside the
// views, hole callouts on leaders with their position frames, datums A-B-C, flatness, finishes.
#pragma once

#include "annotator.h"
#include "part_model.h"
#include "view_frame.h"

namespace drawlens::synth {

struct PlateSheetViews {
  ViewFrame top;
  ViewFrame front;
  Rect top_box;
  Rect front_box;
  bool top_above_front = false;  // third angle
};

// The callout of a group of equal holes: "4x Ø6.6 THRU", counterbore, thread with depth.
DimensionSpec hole_callout(const HoleGroup& group, double thickness);

// Returns whether the hole positions were given as ordinate dimensions.
bool annotate_plate(Annotator& annotator, const Plate& plate, const PlateSheetViews& views);

}  // namespace drawlens::synth
