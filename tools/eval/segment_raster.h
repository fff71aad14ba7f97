// Drawing a page's `segments` into a class-label mask (kSegmentLabels) with OpenCV.
#pragma once

#include <vector>

#include <opencv2/core.hpp>

#include <nlohmann/json.hpp>

namespace drawlens::eval {

// The segment's geometry as a polyline in page pixels: lines and polylines as given, arcs through
// their three points, Béziers sampled along the curve. Throws std::runtime_error on a segment without
// at least two numeric points.
std::vector<cv::Point2d> segment_path(const nlohmann::json& segment);

// Points along a path from its start to its end, at most `step` pixels apart.
std::vector<cv::Point2d> points_along(const std::vector<cv::Point2d>& path, double step);

// How near two paths must lie to count as the same linework in vectorization and link scoring:
// max(2 px, 0.5 mm at the page's dpi).
double linework_tolerance(double dpi);

// A width x height 8-bit mask, 0 where no segment lies. Each segment is drawn as an 8-connected
// 1-pixel path and every label's paths are dilated by a kStrokeWidth square; where labels overlap the
// lower one wins. Throws std::runtime_error on an unknown class or
// a segment without at least two numeric points.
cv::Mat segment_mask(const nlohmann::json& segments, int width, int height);

}  // namespace drawlens::eval
