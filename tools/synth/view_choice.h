// Which views a drawing shows, chosen once per drawing from what the part needs: a plate's side
// view, a turned part's end view (needed for a bore or bolt circle), half or full sections, a
// detail of a small feature, a bracket's flange view and flat pattern.
#pragma once

#include <string>

#include "part_model.h"
#include "turned_views.h"

namespace drawlens::synth {

struct ViewChoice {
  bool plan = false;          // view from above (plates, brackets)
  bool side = false;          // side or end view beside the front view
  bool flat_pattern = false;  // bracket blank with bend lines
  bool detail = false;        // enlarged detail of a turned part's right-end chamfer
  bool plate_section = false;
  TurnedCut turned_cut = TurnedCut::none;

  int count() const { return 1 + plan + side + flat_pattern + detail; }
  // "front+top+side", with ", section" or ", half section" when the front view is cut.
  std::string describe(const Part& part) const;
};

ViewChoice choose_views(const Part& part, RandomSource& random);

}  // namespace drawlens::synth
