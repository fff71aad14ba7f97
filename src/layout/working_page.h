// The page reduced to a binary ink mask at a coarse working resolution, with the scale needed to
// express millimetre-based thresholds in working pixels and to map results back to the page.
#pragma once

#include <optional>

#include <opencv2/core/mat.hpp>

#include "core/geometry.h"
#include "prepare/prepare.h"

namespace drawlens::layout::detail {

struct WorkingPage {
  cv::Mat ink;             // CV_8U, 255 where the page has ink, at working resolution, set straight
  int factor = 1;          // page pixels per working pixel (integer, so the mapping is exact)
  double px_per_mm = 0.0;  // working pixels per millimetre of paper
  cv::Size page_size;      // size of the original page in pixels
  // A scanned sheet lies a little turned, and a ruling turned by more than a few tenths of a degree
  // breaks into pieces that no longer close the cells of a table. The ink is turned straight by
  // this angle (degrees counter-clockwise as displayed, about the reduced page's centre) onto a
  // canvas grown by `margin` on every side; 0 when the page lies straight.
  double straightened_degrees = 0.0;
  int margin = 0;

  // A millimetre length in working pixels, never below one pixel.
  int px(double mm) const;
  // A working-resolution rectangle in page pixels (the bounds of its corners turned back), clipped
  // to the page.
  Box to_page(const cv::Rect& r) const;
};

// Empty when the page is too small or too degenerate to hold a drawing layout, or has no ink mask.
std::optional<WorkingPage> make_working_page(const prepare::PreparedPage& page);

}  // namespace drawlens::layout::detail
