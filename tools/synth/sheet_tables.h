// The revision table and the parts list (BOM) of a drawing: their contents in the drawing's
// language, where they go on the sheet (above the title block, or the revision table in the top
// right corner), and the balloons that tie parts-list items to features in the views.
#pragma once

#include <string>
#include <vector>

#include "drawing_plan.h"
#include "part_model.h"
#include "scene.h"
#include "title_block.h"
#include "view_layout.h"

namespace drawlens::synth {

// A parts-list row and where its balloon's leader ends (a dot on the feature, sheet mm).
struct PartsListItem {
  int quantity = 1;
  std::string part_number;
  std::string description;
  std::string material;
  Point tip;
  Point away;  // unit direction from the feature towards free space
};

// Item 1 is the part itself; the others are the standard parts its features take (screws in the
// plate's corner holes, a dowel pin in its reamed bore, bolts and nuts in a flange, a nut on a
// threaded shaft end). A part with no such features lists only itself; a bracket lists nothing.
std::vector<PartsListItem> list_parts(const Part& part, const TitleValues& values, const DrawingPlan& plan,
                                      const ViewArrangement& views);

struct SheetTables {
  std::vector<Rect> boxes;               // outlines of the tables drawn
  std::vector<PartsListItem> ballooned;  // parts-list items, item number = index + 1
};

// Draws the tables chosen for this drawing where they keep clear of the views (with room for
// their dimensions), the notes and each other; a table with no room is left out.
SheetTables draw_sheet_tables(Scene& scene, const FontBook& fonts, const DrawingPlan& plan, RandomSource& random,
                              const Part& part, const TitleValues& values, const ViewArrangement& views,
                              const Rect& frame, const Rect& title_block, const Rect& notes);

}  // namespace drawlens::synth
