// Grouping of cells that share rulings into grids, and row/column indexing of a grid.
#pragma once

#include <vector>

#include <opencv2/core/mat.hpp>

namespace drawlens::layout::detail {

struct GridCell {
  cv::Rect rect;
  int row = 0;
  int col = 0;
  int row_span = 1;
  int col_span = 1;
};

struct Grid {
  cv::Rect box;  // the cells plus the outer rulings around them
  int rows = 0;
  int cols = 0;
  std::vector<GridCell> cells;
};

// Clusters of cells that are separated only by one ruling (at most `max_gap` px) along a shared
// edge of at least `min_shared` px.
std::vector<std::vector<cv::Rect>> group_cells(const std::vector<cv::Rect>& cells, int max_gap, int min_shared);

// Indexes cells over the distinct ruling positions of their group; cell edges closer than
// `tolerance` are taken to lie on the same ruling. `ruling_mask` is used to include the outer
// rulings in the grid box.
Grid index_grid(const std::vector<cv::Rect>& cells, int tolerance, const cv::Mat& ruling_mask);

}  // namespace drawlens::layout::detail
