// Kernels to oriented boxes (kernel_decoding.h).
#include "detect/kernel_decoding.h"

#include <cmath>

#include <opencv2/imgproc.hpp>

namespace drawlens::detect {
namespace {

constexpr int kMinKernelCells = 3;

struct KernelCells {
  std::vector<cv::Point2f> centres;
  double probability = 0;
  double cosine = 0, sine = 0, short_side = 0;
};

// The rectangle's side that runs along the reading direction (cosine, sine) gives the width and
// the angle; when the direction is unclear the longer side reads left to right.
OrientedBox turned_to_reading(const cv::RotatedRect& rect, double cosine, double sine) {
  cv::Point2f p[4];
  rect.points(p);
  const cv::Point2d edges[2] = {cv::Point2d(p[1] - p[0]), cv::Point2d(p[2] - p[1])};
  const double lengths[2] = {std::hypot(edges[0].x, edges[0].y), std::hypot(edges[1].x, edges[1].y)};
  const cv::Point2d reading(cosine, -sine);  // image coordinates, y down
  const bool clear = std::hypot(cosine, sine) > 0.3;
  int along = lengths[0] >= lengths[1] ? 0 : 1;
  cv::Point2d direction = edges[along];
  if (clear && lengths[0] > 0 && lengths[1] > 0) {
    const double dot0 = std::abs(edges[0].dot(reading)) / lengths[0];
    const double dot1 = std::abs(edges[1].dot(reading)) / lengths[1];
    along = dot0 >= dot1 ? 0 : 1;
    direction = edges[along];
    if (direction.dot(reading) < 0) direction = -direction;
  } else if (direction.x < 0 || (direction.x == 0 && direction.y > 0)) {
    direction = -direction;
  }
  OrientedBox box;
  box.centre_x = rect.center.x;
  box.centre_y = rect.center.y;
  box.width = lengths[along];
  box.height = lengths[1 - along];
  box.angle_degrees = std::atan2(-direction.y, direction.x) * 180.0 / CV_PI;
  if (box.angle_degrees <= -180.0) box.angle_degrees += 360.0;
  return box;
}

}  // namespace

std::vector<Detection> decode_kernels(const OutputMaps& maps, double threshold, double min_score) {
  std::vector<Detection> detections;
  const double stride = maps.stride;
  for (int c = 0; c < kCategoryCount; ++c) {
    const cv::Mat& probability = maps.probability[static_cast<std::size_t>(c)];
    if (probability.empty()) continue;
    cv::Mat above = probability > threshold;
    cv::Mat labels;
    const int count = cv::connectedComponents(above, labels, 8, CV_32S);
    if (count <= 1) continue;
    std::vector<KernelCells> kernels(static_cast<std::size_t>(count));
    for (int y = 0; y < labels.rows; ++y) {
      const int* label = labels.ptr<int>(y);
      const float* p = probability.ptr<float>(y);
      const float* cosine = maps.cosine.ptr<float>(y);
      const float* sine = maps.sine.ptr<float>(y);
      const float* short_side = maps.short_side.ptr<float>(y);
      for (int x = 0; x < labels.cols; ++x) {
        if (label[x] == 0) continue;
        auto& k = kernels[static_cast<std::size_t>(label[x])];
        k.centres.emplace_back(static_cast<float>(x), static_cast<float>(y));
        k.probability += p[x];
        k.cosine += cosine[x];
        k.sine += sine[x];
        k.short_side += short_side[x];
      }
    }
    for (std::size_t i = 1; i < kernels.size(); ++i) {
      const auto& k = kernels[i];
      const double n = static_cast<double>(k.centres.size());
      if (k.centres.size() < static_cast<std::size_t>(kMinKernelCells)) continue;
      const double score = k.probability / n;
      if (score < min_score) continue;
      cv::RotatedRect rect = cv::minAreaRect(k.centres);
      // Cells are squares around their centres: the rectangle through the centres is one cell short.
      rect.size.width += 1.0f;
      rect.size.height += 1.0f;
      OrientedBox kernel = turned_to_reading(rect, k.cosine / n, k.sine / n);
      kernel.centre_x = (kernel.centre_x + 0.5) * stride;
      kernel.centre_y = (kernel.centre_y + 0.5) * stride;
      kernel.width *= stride;
      kernel.height *= stride;
      const double short_side = short_side_from_code(k.short_side / n);
      detections.push_back({kCategories[static_cast<std::size_t>(c)], region_of(kernel, short_side), score});
    }
  }
  return detections;
}

}  // namespace drawlens::detect
