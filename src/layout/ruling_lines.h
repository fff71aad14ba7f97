// Long horizontal and vertical rulings (frame lines, table grids, straight part edges) separated
// from text, curves, hatching, dashed lines and shaded areas.
#pragma once

#include <vector>

#include <opencv2/core/mat.hpp>

namespace drawlens::layout::detail {

// One straight ruling at working resolution: `pos` is its centre across the line, [lo, hi) its
// extent along it.
struct Segment {
  int pos = 0;
  int lo = 0;
  int hi = 0;
  int thickness = 0;
  int length() const { return hi - lo; }
};

struct Rulings {
  cv::Mat mask;                     // CV_8U, 255 on rulings that can bound a cell
  std::vector<Segment> horizontal;  // all rulings at least `min_segment` long
  std::vector<Segment> vertical;
};

struct RulingParams {
  int min_run = 1;        // shortest ink run kept as part of a ruling
  int bridge = 0;         // runs are extended by this much at each end to close corner gaps
  int max_thickness = 1;  // thicker ink (shading, filled areas) is not a ruling
  int min_segment = 1;    // shortest ruling reported as a Segment
};

Rulings extract_rulings(const cv::Mat& ink, const RulingParams& params);

}  // namespace drawlens::layout::detail
