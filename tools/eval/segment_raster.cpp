// Segment rasterisation: lines and polylines as open 1-pixel paths, arcs (start, middle, end) through
// the circle of their three points, cubic Béziers (four control points) sampled along the curve, each
// label's paths dilated to the stroke width, then painted from the highest label down so the lowest
// label wins.
#include "segment_raster.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

#include <opencv2/imgproc.hpp>

#include "segmentation.h"

namespace drawlens::eval {
namespace {

using nlohmann::json;

constexpr int kSubpixelBits = 4;  // cv::polylines fixed-point fraction
constexpr double kArcStepPixels = 2.0;

std::size_t label_of(const json& segment) {
  const auto found = segment.find("class");
  if (found == segment.end() || !found->is_string()) throw std::runtime_error("segment without a \"class\" string");
  const std::string name = found->get<std::string>();
  for (std::size_t label = 1; label < kSegmentLabels.size(); ++label) {
    if (name == kSegmentLabels[label]) return label;
  }
  throw std::runtime_error("unknown segment class \"" + name + "\"");
}

std::vector<cv::Point2d> points_of(const json& segment) {
  const auto found = segment.find("points");
  std::vector<cv::Point2d> points;
  if (found != segment.end() && found->is_array()) {
    for (const auto& p : *found) {
      if (!p.is_array() || p.size() != 2 || !p[0].is_number() || !p[1].is_number()) {
        throw std::runtime_error("segment point that is not a numeric [x, y] pair");
      }
      points.emplace_back(p[0].get<double>(), p[1].get<double>());
    }
  }
  if (points.size() < 2) throw std::runtime_error("segment with fewer than two points");
  return points;
}

// The arc from a through b to c as a polyline; the straight path when the three are collinear.
std::vector<cv::Point2d> arc_path(const cv::Point2d& a, const cv::Point2d& b, const cv::Point2d& c) {
  const double d = 2.0 * (a.x * (b.y - c.y) + b.x * (c.y - a.y) + c.x * (a.y - b.y));
  if (std::fabs(d) < 1e-9) return {a, b, c};
  const double aa = a.dot(a), bb = b.dot(b), cc = c.dot(c);
  const cv::Point2d centre((aa * (b.y - c.y) + bb * (c.y - a.y) + cc * (a.y - b.y)) / d,
                           (aa * (c.x - b.x) + bb * (a.x - c.x) + cc * (b.x - a.x)) / d);
  const double radius = std::hypot(a.x - centre.x, a.y - centre.y);
  const auto angle = [&](const cv::Point2d& p) { return std::atan2(p.y - centre.y, p.x - centre.x); };
  const double two_pi = 2.0 * M_PI;
  const auto forward = [&](double from, double to) { return std::fmod(std::fmod(to - from, two_pi) + two_pi, two_pi); };
  const double start = angle(a);
  double sweep = forward(start, angle(c));
  if (forward(start, angle(b)) > sweep) sweep -= two_pi;  // b lies the other way round
  const int steps = std::max(8, static_cast<int>(std::ceil(std::fabs(sweep) * radius / kArcStepPixels)));
  std::vector<cv::Point2d> path;
  for (int i = 0; i <= steps; ++i) {
    const double t = start + sweep * i / steps;
    path.emplace_back(centre.x + radius * std::cos(t), centre.y + radius * std::sin(t));
  }
  return path;
}

// The cubic Bézier of four control points as a polyline, a point every 2 px of its control polygon.
std::vector<cv::Point2d> bezier_path(const std::vector<cv::Point2d>& c) {
  const double reach = cv::norm(c[1] - c[0]) + cv::norm(c[2] - c[1]) + cv::norm(c[3] - c[2]);
  const int steps = std::max(8, static_cast<int>(std::ceil(reach / kArcStepPixels)));
  std::vector<cv::Point2d> path;
  for (int i = 0; i <= steps; ++i) {
    const double t = static_cast<double>(i) / steps, u = 1 - t;
    path.push_back(u * u * u * c[0] + 3 * u * u * t * c[1] + 3 * u * t * t * c[2] + t * t * t * c[3]);
  }
  return path;
}

std::vector<cv::Point> fixed_point(const std::vector<cv::Point2d>& path) {
  std::vector<cv::Point> out;
  for (const cv::Point2d& p : path) {
    out.emplace_back(static_cast<int>(std::lround(p.x * (1 << kSubpixelBits))),
                     static_cast<int>(std::lround(p.y * (1 << kSubpixelBits))));
  }
  return out;
}

}  // namespace

std::vector<cv::Point2d> segment_path(const json& segment) {
  std::vector<cv::Point2d> points = points_of(segment);
  const std::string kind = segment.value("kind", "");
  if (kind == "arc" && points.size() == 3) return arc_path(points[0], points[1], points[2]);
  if (kind == "bezier" && points.size() == 4) return bezier_path(points);
  return points;
}

std::vector<cv::Point2d> points_along(const std::vector<cv::Point2d>& path, double step) {
  std::vector<cv::Point2d> out{path.front()};
  for (std::size_t i = 1; i < path.size(); ++i) {
    const cv::Point2d a = path[i - 1], ab = path[i] - a;
    const int steps = std::max(1, static_cast<int>(std::ceil(cv::norm(ab) / step)));
    for (int k = 1; k <= steps; ++k) out.push_back(a + ab * (static_cast<double>(k) / steps));
  }
  return out;
}

double linework_tolerance(double dpi) {
  constexpr double kMillimetres = 0.5, kPixels = 2.0;
  return std::max(kPixels, kMillimetres * dpi / 25.4);
}

cv::Mat segment_mask(const json& segments, int width, int height) {
  std::vector<std::vector<std::vector<cv::Point>>> paths_by_label(kSegmentLabels.size());
  for (const auto& segment : segments) {
    if (!segment.is_object()) throw std::runtime_error("segment that is not an object");
    const std::size_t label = label_of(segment);
    paths_by_label[label].push_back(fixed_point(segment_path(segment)));
  }
  cv::Mat mask(height, width, CV_8UC1, cv::Scalar(0));
  cv::Mat layer(height, width, CV_8UC1);
  const cv::Mat square = cv::getStructuringElement(cv::MORPH_RECT, cv::Size(kStrokeWidth, kStrokeWidth));
  for (std::size_t label = kSegmentLabels.size(); label-- > 1;) {
    if (paths_by_label[label].empty()) continue;
    layer.setTo(cv::Scalar(0));
    cv::polylines(layer, paths_by_label[label], false, cv::Scalar(1), 1, cv::LINE_8, kSubpixelBits);
    cv::dilate(layer, layer, square);
    mask.setTo(cv::Scalar(static_cast<double>(label)), layer);
  }
  return mask;
}

}  // namespace drawlens::eval
