// Closed rectangular regions of the ruling mask: the candidate cells of tables.
#pragma once

#include <vector>

#include <opencv2/core/mat.hpp>

namespace drawlens::layout::detail {

struct CellParams {
  int min_side = 1;        // smaller regions are glyph counters or gaps between double lines
  long long max_area = 0;  // larger regions are the drawing area, not cells
};

// Interior rectangles (working px) of the regions fully enclosed by rulings.
std::vector<cv::Rect> find_cells(const cv::Mat& ruling_mask, const CellParams& params);

}  // namespace drawlens::layout::detail
