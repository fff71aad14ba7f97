// The assignment solver on matrices with known optima, rectangular shapes, and against brute force.
#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <random>

#include "hungarian.h"

namespace {

using drawlens::eval::min_cost_assignment;
using Matrix = std::vector<std::vector<double>>;

double total(const Matrix& cost, const std::vector<int>& column_of_row) {
  double sum = 0;
  for (std::size_t r = 0; r < cost.size(); ++r) {
    if (column_of_row[r] >= 0) sum += cost[r][static_cast<std::size_t>(column_of_row[r])];
  }
  return sum;
}

TEST(Hungarian, KnownSquareMatrix) {
  // A textbook worker/job example; the optimum is 69 + 37 + 11 + 23 = 140.
  const Matrix cost = {{82, 83, 69, 92}, {77, 37, 49, 92}, {11, 69, 5, 86}, {8, 9, 98, 23}};
  const std::vector<int> assignment = min_cost_assignment(cost);
  EXPECT_EQ(assignment, (std::vector<int>{2, 1, 0, 3}));
  EXPECT_DOUBLE_EQ(total(cost, assignment), 140.0);
}

TEST(Hungarian, WideAndTallMatrices) {
  const Matrix wide = {{4, 1, 6, 9}, {2, 0, 5, 9}};
  EXPECT_EQ(min_cost_assignment(wide), (std::vector<int>{1, 0}));
  const Matrix tall = {{4, 2}, {1, 0}, {3.5, 5}, {9, 9}};
  const std::vector<int> assignment = min_cost_assignment(tall);
  EXPECT_EQ(assignment, (std::vector<int>{1, 0, -1, -1}));
  EXPECT_DOUBLE_EQ(total(tall, assignment), 3.0);
}

TEST(Hungarian, EmptyAndNegativeCosts) {
  EXPECT_TRUE(min_cost_assignment({}).empty());
  EXPECT_EQ(min_cost_assignment({{}, {}}), (std::vector<int>{-1, -1}));
  EXPECT_EQ(min_cost_assignment({{-1.5, -0.2}, {-1.4, 0.0}}), (std::vector<int>{1, 0}));
}

TEST(Hungarian, MatchesBruteForceOnRandomMatrices) {
  std::mt19937 random(7);
  std::uniform_real_distribution<double> value(-5.0, 10.0);
  for (int trial = 0; trial < 200; ++trial) {
    const std::size_t n = 1 + static_cast<std::size_t>(trial % 6);
    Matrix cost(n, std::vector<double>(n));
    for (auto& row : cost) std::generate(row.begin(), row.end(), [&] { return value(random); });
    std::vector<int> permutation(n);
    std::iota(permutation.begin(), permutation.end(), 0);
    double best = total(cost, permutation);
    while (std::next_permutation(permutation.begin(), permutation.end()))
      best = std::min(best, total(cost, permutation));
    EXPECT_NEAR(total(cost, min_cost_assignment(cost)), best, 1e-9) << "trial " << trial;
  }
}

}  // namespace
