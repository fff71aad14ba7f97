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
  // Filled by the pipeline from the PDF text layer, or on a raster page by the read stage (src/read)
  // from the pixels; the layout stage leaves it empty.
  std::string text;
  bool read_from_pixels = false;  // the read stage's text, not the text layer's
  double confidence = 1.0;        // in the text: 1 for the text layer, the reader's lowest otherwise
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

// For a page whose text reads turned by `turn` (90, 180 or 270 degrees counter-clockwise; known
// only once its regions are detected): when no title block was found, the table that ends on the
// edge that is the turned sheet's bottom, furthest toward its right end, becomes the title block, as
// find_layout chooses on an upright sheet. dpi scales the allowed gap (300 when unknown).
void find_turned_title_block(Layout& layout, int turn, const cv::Size& page, double dpi);

// Puts the words whose centre lies in a cell into its text, in reading order: words of a line
// joined by ' ', lines by '\n'.
void fill_cell_text(Layout& layout, const std::vector<Word>& words);

}  // namespace drawlens::layout
