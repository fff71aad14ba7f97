// Fits lines (chord distance), circular arcs (Kåsa's algebraic least squares, checked by the
// geometric residual) and cubic Béziers (Schneider's least squares with fixed ends and chord-length
// parameters) to runs of skeleton pixels; Douglas-Peucker vertices give the split points.
#include "segment/primitive_fitting.h"

#include <algorithm>
#include <cmath>

#include <opencv2/core.hpp>

#include "segment/circle_fit.h"

namespace drawlens::segment {
namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kMinArcSweep = 15 * kPi / 180;
constexpr int kMinArcPixels = 6;
constexpr int kTurnReach = 4;

using Pixels = std::vector<cv::Point>;

cv::Point2d to2d(cv::Point p) {
  return {static_cast<double>(p.x), static_cast<double>(p.y)};
}

double distance_to_segment(cv::Point2d p, cv::Point2d a, cv::Point2d b) {
  const cv::Point2d ab = b - a;
  const double len2 = ab.dot(ab);
  if (len2 <= 0) return cv::norm(p - a);
  const double t = std::clamp((p - a).dot(ab) / len2, 0.0, 1.0);
  return cv::norm(p - (a + t * ab));
}

// Douglas-Peucker: indices first..last that the polyline through them keeps within eps.
std::vector<int> simplify(const Pixels& px, int first, int last, double eps) {
  std::vector<int> kept = {first};
  std::vector<std::pair<int, int>> stack = {{first, last}};
  std::vector<int> found;
  while (!stack.empty()) {
    auto [a, b] = stack.back();
    stack.pop_back();
    double worst = 0;
    int at = -1;
    for (int i = a + 1; i < b; ++i) {
      const double d = distance_to_segment(to2d(px[i]), to2d(px[a]), to2d(px[b]));
      if (d > worst) worst = d, at = i;
    }
    if (at >= 0 && worst > eps) {
      found.push_back(at);
      stack.push_back({a, at});
      stack.push_back({at, b});
    }
  }
  kept.insert(kept.end(), found.begin(), found.end());
  kept.push_back(last);
  std::sort(kept.begin(), kept.end());
  kept.erase(std::unique(kept.begin(), kept.end()), kept.end());
  return kept;
}

double turn_degrees(cv::Point2d a, cv::Point2d b, cv::Point2d c) {
  const cv::Point2d u = b - a, v = c - b;
  const double nu = cv::norm(u), nv = cv::norm(v);
  if (nu <= 0 || nv <= 0) return 0;
  return std::acos(std::clamp(u.dot(v) / (nu * nv), -1.0, 1.0)) * 180 / kPi;
}

bool fit_line(const Pixels& px, int first, int last, double tol, FittedPiece& out) {
  const cv::Point2d a = to2d(px[first]), b = to2d(px[last]);
  for (int i = first + 1; i < last; ++i)
    if (distance_to_segment(to2d(px[i]), a, b) > tol) return false;
  out.kind = PrimitiveKind::line;
  out.points = {a, b, {}, {}};
  out.length = cv::norm(b - a);
  return true;
}

double angle_of(cv::Point2d p, cv::Point2d c) {
  return std::atan2(p.y - c.y, p.x - c.x);
}

bool fit_arc(const Pixels& px, int first, int last, double tol, FittedPiece& out) {
  const int n = last - first + 1;
  if (n < kMinArcPixels) return false;
  const auto circle = fit_circle(n, [&](int i) { return to2d(px[first + i]); });
  if (!circle) return false;
  const cv::Point2d centre = circle->centre;
  const double r = circle->radius;
  for (int i = first; i <= last; ++i)
    if (std::abs(cv::norm(to2d(px[i]) - centre) - r) > tol) return false;
  // Sweep from the start through every pixel: sum of signed steps, so direction and size both hold.
  double sweep = 0;
  for (int i = first + 1; i <= last; ++i) {
    sweep += turn_about(to2d(px[i - 1]), to2d(px[i]), centre);
  }
  if (std::abs(sweep) < kMinArcSweep || std::abs(sweep) > 2 * kPi + 0.2) return false;
  auto on_circle = [&](double angle) { return centre + r * cv::Point2d(std::cos(angle), std::sin(angle)); };
  const double start = angle_of(to2d(px[first]), centre);
  out.kind = PrimitiveKind::arc;
  out.points = {on_circle(start), on_circle(start + sweep / 2), on_circle(start + sweep), {}};
  out.centre = centre;
  out.radius = r;
  out.length = r * std::abs(sweep);
  return true;
}

cv::Point2d bezier_at(const std::array<cv::Point2d, 4>& p, double t) {
  const double u = 1 - t;
  return u * u * u * p[0] + 3 * u * u * t * p[1] + 3 * u * t * t * p[2] + t * t * t * p[3];
}

bool fit_bezier(const Pixels& px, int first, int last, double tol, FittedPiece& out) {
  const int n = last - first + 1;
  if (n < 4) return false;
  std::vector<double> t(n, 0);
  for (int i = 1; i < n; ++i) t[i] = t[i - 1] + cv::norm(to2d(px[first + i]) - to2d(px[first + i - 1]));
  if (t.back() <= 0) return false;
  for (double& v : t) v /= t.back();
  const cv::Point2d p0 = to2d(px[first]), p3 = to2d(px[last]);
  // Least squares for the inner control points with the ends fixed.
  double c00 = 0, c01 = 0, c11 = 0;
  cv::Point2d x0(0, 0), x1(0, 0);
  for (int i = 0; i < n; ++i) {
    const double u = 1 - t[i];
    const double b0 = u * u * u, b1 = 3 * u * u * t[i], b2 = 3 * u * t[i] * t[i], b3 = t[i] * t[i] * t[i];
    const cv::Point2d rest = to2d(px[first + i]) - b0 * p0 - b3 * p3;
    c00 += b1 * b1, c01 += b1 * b2, c11 += b2 * b2;
    x0 += b1 * rest, x1 += b2 * rest;
  }
  const double det = c00 * c11 - c01 * c01;
  if (std::abs(det) < 1e-12) return false;
  const cv::Point2d p1 = (c11 * x0 - c01 * x1) * (1 / det), p2 = (c00 * x1 - c01 * x0) * (1 / det);
  const std::array<cv::Point2d, 4> control = {p0, p1, p2, p3};
  for (int i = 0; i < n; ++i)
    if (cv::norm(bezier_at(control, t[i]) - to2d(px[first + i])) > tol) return false;
  out.kind = PrimitiveKind::bezier;
  out.points = control;
  out.length = 0;
  cv::Point2d previous = p0;
  for (int k = 1; k <= 16; ++k) {
    const cv::Point2d here = bezier_at(control, k / 16.0);
    out.length += cv::norm(here - previous);
    previous = here;
  }
  return true;
}

void fit_piece(const Pixels& px, int first, int last, double tol, double corner_degrees,
               std::vector<FittedPiece>& pieces) {
  FittedPiece piece;
  piece.first = first;
  piece.last = last;
  if (fit_line(px, first, last, tol, piece) || fit_arc(px, first, last, tol, piece)) {
    pieces.push_back(piece);
    return;
  }
  const std::vector<int> vertices = simplify(px, first, last, tol);
  // The turn at a vertex is measured over kTurnReach pixels each way, so the one-pixel jitter of a
  // skeleton does not read as corners.
  int sharpest = -1;
  double sharpest_turn = 0;
  for (std::size_t k = 1; k + 1 < vertices.size(); ++k) {
    const int at = vertices[k];
    const double turn = turn_degrees(to2d(px[std::max(first, at - kTurnReach)]), to2d(px[at]),
                                     to2d(px[std::min(last, at + kTurnReach)]));
    if (turn > sharpest_turn) sharpest_turn = turn, sharpest = at;
  }
  if (sharpest_turn <= corner_degrees && fit_bezier(px, first, last, tol, piece)) {
    pieces.push_back(piece);
    return;
  }
  int split = sharpest;
  if (sharpest_turn <= corner_degrees) {  // a smooth curve no single cubic follows: cut near the middle
    const int middle = (first + last) / 2;
    for (std::size_t k = 1; k + 1 < vertices.size(); ++k)
      if (std::abs(vertices[k] - middle) < std::abs(split - middle)) split = vertices[k];
  }
  if (split <= first || split >= last) split = (first + last) / 2;
  fit_piece(px, first, split, tol, corner_degrees, pieces);
  fit_piece(px, split, last, tol, corner_degrees, pieces);
}

}  // namespace

std::vector<FittedPiece> fit_stroke(const Pixels& pixels, bool closed, double tolerance, double corner_degrees) {
  std::vector<FittedPiece> pieces;
  if (pixels.empty()) return pieces;
  if (!closed) {
    fit_piece(pixels, 0, static_cast<int>(pixels.size()) - 1, tolerance, corner_degrees, pieces);
    return pieces;
  }
  // A loop: back to its first pixel, cut at the pixel farthest from it.
  Pixels loop = pixels;
  loop.push_back(pixels.front());
  int far = 0;
  double farthest = -1;
  for (int i = 0; i < static_cast<int>(pixels.size()); ++i) {
    const double d = cv::norm(to2d(pixels[i]) - to2d(pixels[0]));
    if (d > farthest) farthest = d, far = i;
  }
  const int last = static_cast<int>(loop.size()) - 1;
  if (far <= 0 || far >= last) {
    fit_piece(loop, 0, last, tolerance, corner_degrees, pieces);
    return pieces;
  }
  fit_piece(loop, 0, far, tolerance, corner_degrees, pieces);
  fit_piece(loop, far, last, tolerance, corner_degrees, pieces);
  return pieces;
}

}  // namespace drawlens::segment
