// Lays pages out as numbered tiles on one sheet: each page scaled to fit its tile, centred on white,
// framed, with its number in the corner.
#pragma once

#include <vector>

#include <opencv2/core/mat.hpp>

namespace drawlens::contact_sheet {

struct GridShape {
  int columns = 5;
  int tile_width = 640;
  int tile_height = 452;  // A-series landscape proportions (1 : √2)
  int gap = 16;
};

// pages: 8-bit gray images, in tile order (left to right, top to bottom). Tiles are numbered from 1.
cv::Mat tile_grid(const std::vector<cv::Mat>& pages, const GridShape& shape);

}  // namespace drawlens::contact_sheet
