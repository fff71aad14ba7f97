// Candidate angles, profile geometry and peak refinement for skew estimation (host code used by
// both the CPU path and the CUDA path, so they search the same angles and pick the same peak).
#include "prepare/skew_search.h"

#include <algorithm>
#include <cmath>

namespace drawlens::prepare {
namespace {

// Keeps the reduced page's profile in 48 KB of GPU shared memory (docs/gpu.md).
constexpr int kMaxCellsPerSide = 4096;
constexpr double kPi = 3.14159265358979323846;

}  // namespace

SkewSearch plan_skew_search(int width, int height, const SkewOptions& options) {
  SkewSearch search;
  const int longest = std::max(width, height);
  search.reduction = std::max(options.reduction, (longest + kMaxCellsPerSide - 1) / kMaxCellsPerSide);
  search.cells_x = (width + search.reduction - 1) / search.reduction;
  search.cells_y = (height + search.reduction - 1) / search.reduction;
  const int half = static_cast<int>(std::floor(options.max_degrees / options.step_degrees + 0.5));
  for (int i = -half; i <= half; ++i) {
    const double degrees = i * options.step_degrees;
    search.angles_degrees.push_back(degrees);
    search.cosines.push_back(std::cos(degrees * kPi / 180.0));
    search.sines.push_back(std::sin(degrees * kPi / 180.0));
  }
  const double widest_sine = std::sin(half * options.step_degrees * kPi / 180.0);
  const int margin = static_cast<int>(std::ceil(search.cells_x * widest_sine)) + 1;
  search.offset = margin;
  search.bins = search.cells_y + 2 * margin;
  return search;
}

double best_skew_angle(const SkewSearch& search, const std::vector<std::uint64_t>& scores) {
  const auto& angles = search.angles_degrees;
  std::size_t best = 0;
  for (std::size_t i = 1; i < scores.size(); ++i) {
    if (scores[i] > scores[best] || (scores[i] == scores[best] && std::abs(angles[i]) < std::abs(angles[best]))) {
      best = i;
    }
  }
  if (best == 0 || best + 1 >= scores.size()) return angles[best];
  const double left = static_cast<double>(scores[best - 1]);
  const double middle = static_cast<double>(scores[best]);
  const double right = static_cast<double>(scores[best + 1]);
  const double curvature = left - 2 * middle + right;
  if (curvature >= 0) return angles[best];
  const double step = angles[best + 1] - angles[best];
  return angles[best] + 0.5 * (left - right) / curvature * step;
}

}  // namespace drawlens::prepare
