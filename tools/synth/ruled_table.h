// Ruled tables other than the title block (revision table, parts list): a grid of equal rows,
// thick outline, thin rulings, one line of lettering per cell, and the table's truth record.
#pragma once

#include <string>
#include <vector>

#include "drawing_plan.h"
#include "scene.h"

namespace drawlens::synth {

struct TableContents {
  std::vector<double> column_widths;           // mm, left to right
  std::vector<std::vector<std::string>> rows;  // top row first; every row has one text per column
  double row_height = 7.0;                     // mm
};

double table_width(const TableContents& contents);
double table_height(const TableContents& contents);

// Draws the table with its top-left corner at `top_left`, records it in scene.tables and returns
// its outline. A text too long for its cell is lettered smaller, as on the title block.
Rect draw_ruled_table(Scene& scene, const FontBook& fonts, const DrawingPlan& plan, Point top_left,
                      const TableContents& contents);

// Korean text needs a Hangul face; a UTF-8 lead byte 0xE1..0xED starts a Hangul syllable or jamo.
bool has_hangul(const std::string& text);

}  // namespace drawlens::synth
