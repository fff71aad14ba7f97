// Oriented boxes: corners, IoU, the kernel rule the network is trained on, and overlap suppression.
#include <algorithm>
#include <cmath>
#include <vector>

#include <opencv2/imgproc.hpp>

#include "detect/detect.h"

namespace drawlens::detect {
namespace {

// Each side of a kernel lies this share of the region's shorter side inside the region's.
constexpr double kKernelInset = 0.25;
// The short side's code is log(side / unit): 0 for text about this many network pixels high.
constexpr double kShortSideUnit = 12;

cv::RotatedRect rotated_rect(const OrientedBox& box) {
  // OpenCV's angle turns clockwise as displayed; ours counter-clockwise.
  return {cv::Point2f(static_cast<float>(box.centre_x), static_cast<float>(box.centre_y)),
          cv::Size2f(static_cast<float>(box.width), static_cast<float>(box.height)),
          static_cast<float>(-box.angle_degrees)};
}

}  // namespace

cv::Rect2d axis_bounds(const OrientedBox& box) {
  double left = box.centre_x, right = box.centre_x, top = box.centre_y, bottom = box.centre_y;
  for (const auto& p : corners(box)) {
    left = std::min(left, p.x), right = std::max(right, p.x);
    top = std::min(top, p.y), bottom = std::max(bottom, p.y);
  }
  return {left, top, right - left, bottom - top};
}

std::array<cv::Point2d, 4> corners(const OrientedBox& box) {
  const double radians = box.angle_degrees * CV_PI / 180.0;
  // Reading direction and "up" in image coordinates (y down).
  const cv::Point2d along(std::cos(radians), -std::sin(radians));
  const cv::Point2d up(-std::sin(radians), -std::cos(radians));
  const cv::Point2d centre(box.centre_x, box.centre_y);
  const cv::Point2d half_along = along * (box.width / 2), half_up = up * (box.height / 2);
  return {centre - half_along - half_up, centre + half_along - half_up, centre + half_along + half_up,
          centre - half_along + half_up};
}

OrientedBox box_from_corners(const std::array<cv::Point2d, 4>& c) {
  const cv::Point2d baseline = ((c[1] - c[0]) + (c[2] - c[3])) * 0.5;
  const cv::Point2d rise = ((c[3] - c[0]) + (c[2] - c[1])) * 0.5;
  OrientedBox box;
  box.centre_x = (c[0].x + c[1].x + c[2].x + c[3].x) / 4;
  box.centre_y = (c[0].y + c[1].y + c[2].y + c[3].y) / 4;
  box.width = std::hypot(baseline.x, baseline.y);
  box.height = std::hypot(rise.x, rise.y);
  box.angle_degrees = box.width > 0 ? std::atan2(-baseline.y, baseline.x) * 180.0 / CV_PI : 0.0;
  if (box.angle_degrees <= -180.0) box.angle_degrees += 360.0;
  return box;
}

double rotated_iou(const OrientedBox& a, const OrientedBox& b) {
  const double area_a = a.width * a.height, area_b = b.width * b.height;
  if (!(area_a > 0) || !(area_b > 0)) return 0;
  std::vector<cv::Point2f> overlap;
  if (cv::rotatedRectangleIntersection(rotated_rect(a), rotated_rect(b), overlap) == cv::INTERSECT_NONE ||
      overlap.size() < 3)
    return 0;
  std::vector<cv::Point2f> hull;
  cv::convexHull(overlap, hull);
  const double shared = cv::contourArea(hull);
  return shared / (area_a + area_b - shared);
}

OrientedBox kernel_of(const OrientedBox& region) {
  const double inset = kKernelInset * std::min(region.width, region.height);
  OrientedBox kernel = region;
  kernel.width = std::max(0.0, region.width - 2 * inset);
  kernel.height = std::max(0.0, region.height - 2 * inset);
  return kernel;
}

OrientedBox region_of(const OrientedBox& kernel, double short_side) {
  const double inset = kKernelInset * short_side;
  OrientedBox region = kernel;
  if (kernel.width >= kernel.height) {
    region.width = std::max(kernel.width + 2 * inset, short_side);
    region.height = short_side;
  } else {
    region.width = short_side;
    region.height = std::max(kernel.height + 2 * inset, short_side);
  }
  return region;
}

double short_side_code(double short_side) {
  return std::log(std::max(short_side, 1.0) / kShortSideUnit);
}

double short_side_from_code(double code) {
  return kShortSideUnit * std::exp(std::clamp(code, -4.0, 5.0));
}

cv::Mat kernel_cells(const OrientedBox& region, cv::Size cells, int stride, cv::Point2d origin) {
  cv::Mat mask(cells, CV_8U, cv::Scalar(0));
  std::vector<cv::Point2f> polygon;
  for (const auto& p : corners(kernel_of(region))) {
    const cv::Point2d cell = (p - origin) * (1.0 / stride) - cv::Point2d(0.5, 0.5);
    polygon.emplace_back(static_cast<float>(cell.x), static_cast<float>(cell.y));
  }
  const cv::Rect bounds = cv::boundingRect(polygon) & cv::Rect(0, 0, cells.width, cells.height);
  bool any = false;
  for (int y = bounds.y; y < bounds.y + bounds.height; ++y)
    for (int x = bounds.x; x < bounds.x + bounds.width; ++x)
      if (cv::pointPolygonTest(polygon, cv::Point2f(static_cast<float>(x), static_cast<float>(y)), false) >= 0) {
        mask.at<std::uint8_t>(y, x) = 1;
        any = true;
      }
  if (!any) {
    const cv::Point centre(static_cast<int>(std::floor((region.centre_x - origin.x) / stride)),
                           static_cast<int>(std::floor((region.centre_y - origin.y) / stride)));
    if (centre.x >= 0 && centre.y >= 0 && centre.x < cells.width && centre.y < cells.height)
      mask.at<std::uint8_t>(centre) = 1;
  }
  return mask;
}

std::vector<Detection> suppress_overlaps(std::vector<Detection> detections, double iou) {
  std::stable_sort(detections.begin(), detections.end(),
                   [](const Detection& a, const Detection& b) { return a.score > b.score; });
  if (detections.size() > kMaxCandidates) detections.resize(kMaxCandidates);
  std::vector<Detection> kept;
  std::vector<cv::Rect2d> kept_bounds;
  for (const auto& candidate : detections) {
    const cv::Rect2d bounds = axis_bounds(candidate.box);
    bool overlaps = false;
    for (std::size_t k = 0; k < kept.size() && !overlaps; ++k)
      overlaps = (bounds & kept_bounds[k]).area() > 0 && rotated_iou(candidate.box, kept[k].box) > iou;
    if (!overlaps) {
      kept.push_back(candidate);
      kept_bounds.push_back(bounds);
    }
  }
  return kept;
}

}  // namespace drawlens::detect
