// The Hungarian algorithm in its O(n² m) form with row and column potentials (Kuhn–Munkres, as
// refined by Edmonds–Karp and Tomizawa): rows are added one at a time along shortest augmenting paths.
#include "hungarian.h"

#include <cstddef>
#include <limits>

namespace drawlens::eval {
namespace {

// Rows ≤ columns. Index 0 of the potentials and of `row_of_column` is a virtual start column.
std::vector<int> assign_rows_to_columns(const std::vector<std::vector<double>>& cost, std::size_t rows,
                                        std::size_t cols) {
  constexpr double kInfinity = std::numeric_limits<double>::infinity();
  std::vector<double> row_potential(rows + 1, 0.0);
  std::vector<double> column_potential(cols + 1, 0.0);
  std::vector<std::size_t> row_of_column(cols + 1, 0);  // 1-based row, 0 for free
  std::vector<std::size_t> previous_column(cols + 1, 0);
  for (std::size_t row = 1; row <= rows; ++row) {
    row_of_column[0] = row;
    std::size_t column = 0;
    std::vector<double> slack(cols + 1, kInfinity);
    std::vector<bool> used(cols + 1, false);
    do {
      used[column] = true;
      const std::size_t r = row_of_column[column];
      double delta = kInfinity;
      std::size_t next = 0;
      for (std::size_t c = 1; c <= cols; ++c) {
        if (used[c]) continue;
        const double reduced = cost[r - 1][c - 1] - row_potential[r] - column_potential[c];
        if (reduced < slack[c]) {
          slack[c] = reduced;
          previous_column[c] = column;
        }
        if (slack[c] < delta) {
          delta = slack[c];
          next = c;
        }
      }
      for (std::size_t c = 0; c <= cols; ++c) {
        if (used[c]) {
          row_potential[row_of_column[c]] += delta;
          column_potential[c] -= delta;
        } else {
          slack[c] -= delta;
        }
      }
      column = next;
    } while (row_of_column[column] != 0);
    do {  // flip the augmenting path back to the start
      const std::size_t before = previous_column[column];
      row_of_column[column] = row_of_column[before];
      column = before;
    } while (column != 0);
  }
  std::vector<int> column_of_row(rows, -1);
  for (std::size_t c = 1; c <= cols; ++c) {
    if (row_of_column[c] != 0) column_of_row[row_of_column[c] - 1] = static_cast<int>(c - 1);
  }
  return column_of_row;
}

}  // namespace

std::vector<int> min_cost_assignment(const std::vector<std::vector<double>>& cost) {
  const std::size_t rows = cost.size();
  const std::size_t cols = rows == 0 ? 0 : cost.front().size();
  if (rows == 0 || cols == 0) return std::vector<int>(rows, -1);
  if (rows <= cols) return assign_rows_to_columns(cost, rows, cols);
  std::vector<std::vector<double>> transposed(cols, std::vector<double>(rows));
  for (std::size_t r = 0; r < rows; ++r) {
    for (std::size_t c = 0; c < cols; ++c) transposed[c][r] = cost[r][c];
  }
  const std::vector<int> row_of_column = assign_rows_to_columns(transposed, cols, rows);
  std::vector<int> column_of_row(rows, -1);
  for (std::size_t c = 0; c < cols; ++c)
    column_of_row[static_cast<std::size_t>(row_of_column[c])] = static_cast<int>(c);
  return column_of_row;
}

}  // namespace drawlens::eval
