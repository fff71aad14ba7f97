// Kåsa's algebraic circle fit (least squares on x² + y² + D x + E y + F = 0) and the signed turn
// about a centre, shared by the vectorizer's arcs, arc sampling and the joining of dashed arcs.
#pragma once

#include <cmath>
#include <optional>

#include <opencv2/core.hpp>

namespace drawlens::segment {

struct Circle {
  cv::Point2d centre;
  double radius = 0;
};

// The circle through `count` points, point_at(i) giving the i-th; nullopt when they are too few or
// collinear. Solved about the points' mean, so page-sized coordinates lose no precision.
template <typename PointAt>
std::optional<Circle> fit_circle(int count, PointAt point_at) {
  if (count < 3) return std::nullopt;
  cv::Point2d mean(0, 0);
  for (int i = 0; i < count; ++i) mean += cv::Point2d(point_at(i));
  mean *= 1.0 / count;
  cv::Matx33d ata = cv::Matx33d::zeros();
  cv::Vec3d atb(0, 0, 0);
  for (int i = 0; i < count; ++i) {
    const cv::Point2d p = cv::Point2d(point_at(i)) - mean;
    const cv::Vec3d row(p.x, p.y, 1);
    ata += row * row.t();
    atb += -(p.x * p.x + p.y * p.y) * row;
  }
  cv::Vec3d s;
  if (!cv::solve(ata, atb, s, cv::DECOMP_SVD)) return std::nullopt;
  const cv::Point2d c(-s[0] / 2, -s[1] / 2);
  const double r2 = c.dot(c) - s[2];
  if (!(r2 > 0)) return std::nullopt;
  return Circle{c + mean, std::sqrt(r2)};
}

// The signed turn about `centre` from point a to point b, in (-pi, pi].
inline double turn_about(cv::Point2d a, cv::Point2d b, cv::Point2d centre) {
  constexpr double kHalfTurn = 3.14159265358979323846;
  double t = std::atan2(b.y - centre.y, b.x - centre.x) - std::atan2(a.y - centre.y, a.x - centre.x);
  while (t > kHalfTurn) t -= 2 * kHalfTurn;
  while (t <= -kHalfTurn) t += 2 * kHalfTurn;
  return t;
}

}  // namespace drawlens::segment
