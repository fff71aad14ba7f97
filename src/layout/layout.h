// Layout stage: the drawing border, the title block and ruled tables, found from line geometry.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <opencv2/core/mat.hpp>

#include "core/document.h"
#include "core/geometry.h"
#include "prepare/prepare.h"

namespace drawlens::layout {

// One cell of a ruled grid. row/col index the table's distinct ruling lines (0-based, top-left
// first); a cell spanning several rulings has span > 1.
struct Cell {
  Box box;
  int row = 0;
  int col = 0;
  int row_span = 1;
  int col_span = 1;
  std::string text;  // filled by the pipeline from the PDF text layer; the layout stage leaves it empty
};

struct Table {
  Box box;
  int rows = 0;
  int cols = 0;
  std::vector<Cell> cells;
};

struct Layout {
  std::optional<Box> border;         // inner drawing frame, when the sheet has one
  std::optional<Table> title_block;  // ruled title block, when found
  std::vector<Table> tables;         // other ruled tables (revision, BOM, hole tables)
};

// The layout of a page from the prepare stage's ink mask (prepare::prepare_page). The page's dpi
// scales lengths; when it is 0 or implausible, sizes are derived from the page size alone.
Layout find_layout(const prepare::PreparedPage& page);

// Puts the words whose centre lies in a cell into its text, in reading order: words of a line
// joined by ' ', lines by '\n'.
void fill_cell_text(Layout& layout, const std::vector<Word>& words);

}  // namespace drawlens::layout
