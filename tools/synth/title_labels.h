// Printed labels of title-block fields per sheet style and language, and the grid each style uses.
#pragma once

#include <string>
#include <vector>

#include "drawing_plan.h"
#include "parse/parse.h"

namespace drawlens::synth {

struct TitleCellLayout {
  int row = 0;
  int col = 0;
  int row_span = 1;
  int col_span = 1;
  parse::TitleKey key = parse::TitleKey::other;
  std::string label;
};

struct TitleGrid {
  std::vector<double> column_widths;  // mm
  std::vector<double> row_heights;
  std::vector<TitleCellLayout> cells;
};

TitleGrid title_grid(const DrawingPlan& plan);

// The value printed for the projection field ("FIRST ANGLE", "Projektionsmethode 1", "1각법").
std::string projection_value(const DrawingPlan& plan);

}  // namespace drawlens::synth
