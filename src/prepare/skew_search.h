// The host half of skew estimation, shared by the CPU and CUDA paths: the reduced page, the
// candidate angles with one cos/sin table, the profile's size, and the choice of the best angle.
#pragma once

#include <cstdint>
#include <vector>

#include "prepare/prepare.h"

namespace drawlens::prepare {

struct SkewSearch {
  int reduction = 1;  // page pixels per cell side
  int cells_x = 0, cells_y = 0;
  std::vector<double> angles_degrees;
  std::vector<double> cosines, sines;
  int bins = 0;    // profile length
  int offset = 0;  // added to a projection so every bin index is >= 0
};

SkewSearch plan_skew_search(int width, int height, const SkewOptions& options);

// scores[i] is the sum of squared profile bins at angles_degrees[i]. The best angle is refined
// between its neighbours by a parabola; ties go to the angle nearest 0, so a blank page gives 0.
double best_skew_angle(const SkewSearch& search, const std::vector<std::uint64_t>& scores);

}  // namespace drawlens::prepare
