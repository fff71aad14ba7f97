// Tells ruled tables from part geometry that happens to be split into rectangles, from what the
// cells hold and how they tile the grid.
#pragma once

#include <optional>

#include <opencv2/core/mat.hpp>

#include "layout/table_grouping.h"

namespace drawlens::layout::detail {

struct ContentParams {
  int min_text_height = 1;    // shorter ink is a dot, a dash or a stray pixel
  int max_text_height = 1;    // taller ink is a drawing, not lettering
  int min_text_width = 1;     // narrower ink is a dash of a hidden or centre line
  int max_ruling_gap = 1;     // cells this far apart are separated by a single ruling
  int probe_offset = 1;       // distance outside a table at which rulings leaving it are counted
  int min_two_row_width = 1;  // narrower two-row grids are stacked feature control frames
};

// ink and ruling_mask: working-resolution masks of the whole page. frame: the drawing frame, if
// any; table sides lying on it are not probed for rulings leaving the table.
bool looks_like_table(const Grid& grid, const cv::Mat& ink, const cv::Mat& ruling_mask,
                      const std::optional<cv::Rect>& frame, const ContentParams& params);

}  // namespace drawlens::layout::detail
