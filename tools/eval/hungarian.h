// Minimum-cost assignment (the Hungarian algorithm with potentials), used to pair truth and
// predicted items one-to-one.
#pragma once

#include <vector>

namespace drawlens::eval {

// cost[r][c] for every row r and column c (all rows the same length; any finite values). Returns, for
// each row, the column assigned to it, or -1 when there are more rows than columns and the row is left
// over. The assignment has the least total cost of all assignments of min(rows, cols) pairs.
// O(n² m) for n = min(rows, cols), m = max(rows, cols).
std::vector<int> min_cost_assignment(const std::vector<std::vector<double>>& cost);

}  // namespace drawlens::eval
