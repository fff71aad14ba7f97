// Strokes of a skeleton: chains of pixels between nodes (junctions, free ends), and closed loops.
#pragma once

#include <vector>

#include <opencv2/core/mat.hpp>
#include <opencv2/core/types.hpp>

namespace drawlens::segment {

struct TracedStroke {
  std::vector<cv::Point> pixels;  // in order; a single pixel for an isolated dot
  int start_node = -1;
  int end_node = -1;
  bool closed = false;  // a loop: pixels.back() touches pixels.front(), start_node == end_node
};

struct TracedSkeleton {
  std::vector<TracedStroke> strokes;
  int node_count = 0;
};

// skeleton: CV_8UC1 one-pixel-wide strokes (thin()'s output). A pixel whose 8 neighbours cross from
// paper to ink once is a free end, three or more times a junction; touching junction pixels form
// one node. Every skeleton pixel ends up in exactly one stroke (junction pixels in the strokes that
// meet there).
TracedSkeleton trace_strokes(const cv::Mat& skeleton);

// Removes the spurs thinning grows on the ragged edges of thick strokes: strokes of at most
// `max_pixels` pixels from a free end to a junction. Strokes that then meet two at a node are
// joined into one (a loop when the join closes it). Node ids are kept; some become unused.
void prune_spurs(TracedSkeleton& skeleton, int max_pixels);

}  // namespace drawlens::segment
