// Cell clustering (union-find over a sweep of x-sorted cells) and grid indexing: distinct ruling
// positions are recovered by clustering cell edges, which gives row/column indices and spans.
#include "layout/table_grouping.h"

#include <algorithm>
#include <cstdlib>
#include <numeric>

#include <opencv2/core.hpp>

namespace drawlens::layout::detail {
namespace {

int find_root(std::vector<int>& parent, int i) {
  while (parent[i] != i) i = parent[i] = parent[parent[i]];
  return i;
}

// Cells on either side of one ruling: a thin gap on one axis and a long enough shared edge on
// the other.
bool share_ruling(const cv::Rect& a, const cv::Rect& b, int max_gap, int min_shared) {
  const int overlap_x = std::min(a.x + a.width, b.x + b.width) - std::max(a.x, b.x);
  const int overlap_y = std::min(a.y + a.height, b.y + b.height) - std::max(a.y, b.y);
  const int gap_x = std::max(a.x, b.x) - std::min(a.x + a.width, b.x + b.width);
  const int gap_y = std::max(a.y, b.y) - std::min(a.y + a.height, b.y + b.height);
  return (gap_x >= 0 && gap_x <= max_gap && overlap_y >= min_shared) ||
         (gap_y >= 0 && gap_y <= max_gap && overlap_x >= min_shared);
}

// Centres of clusters of edge coordinates that lie within `tolerance` of their cluster's first.
std::vector<int> ruling_positions(std::vector<int> edges, int tolerance) {
  std::sort(edges.begin(), edges.end());
  std::vector<int> centres;
  std::size_t i = 0;
  while (i < edges.size()) {
    std::size_t j = i;
    long long sum = 0;
    while (j < edges.size() && edges[j] - edges[i] <= tolerance) sum += edges[j++];
    centres.push_back(static_cast<int>(sum / static_cast<long long>(j - i)));
    i = j;
  }
  return centres;
}

int nearest_index(const std::vector<int>& centres, int v) {
  const auto it =
      std::min_element(centres.begin(), centres.end(), [v](int a, int b) { return std::abs(a - v) < std::abs(b - v); });
  return static_cast<int>(it - centres.begin());
}

// Fraction of the pixels of `line` that are rulings.
double ruling_coverage(const cv::Mat& mask, const cv::Rect& line) {
  const cv::Rect clipped = line & cv::Rect(0, 0, mask.cols, mask.rows);
  if (clipped.empty()) return 0.0;
  return static_cast<double>(cv::countNonZero(mask(clipped))) / line.area();
}

// Grows `box` outwards over the rulings that enclose it, up to `max_grow` px per side.
cv::Rect include_outer_rulings(cv::Rect box, const cv::Mat& mask, int max_grow) {
  constexpr double kRulingCoverage = 0.5;
  for (int i = 0; i < max_grow; ++i) {
    if (ruling_coverage(mask, {box.x - 1, box.y, 1, box.height}) < kRulingCoverage) break;
    box.x -= 1;
    box.width += 1;
  }
  for (int i = 0; i < max_grow; ++i) {
    if (ruling_coverage(mask, {box.x + box.width, box.y, 1, box.height}) < kRulingCoverage) break;
    box.width += 1;
  }
  for (int i = 0; i < max_grow; ++i) {
    if (ruling_coverage(mask, {box.x, box.y - 1, box.width, 1}) < kRulingCoverage) break;
    box.y -= 1;
    box.height += 1;
  }
  for (int i = 0; i < max_grow; ++i) {
    if (ruling_coverage(mask, {box.x, box.y + box.height, box.width, 1}) < kRulingCoverage) break;
    box.height += 1;
  }
  return box;
}

}  // namespace

std::vector<std::vector<cv::Rect>> group_cells(const std::vector<cv::Rect>& cells, int max_gap, int min_shared) {
  std::vector<int> order(cells.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](int a, int b) { return cells[a].x < cells[b].x; });

  std::vector<int> parent(cells.size());
  std::iota(parent.begin(), parent.end(), 0);
  for (std::size_t i = 0; i < order.size(); ++i) {
    const cv::Rect& a = cells[order[i]];
    for (std::size_t j = i + 1; j < order.size(); ++j) {
      const cv::Rect& b = cells[order[j]];
      if (b.x > a.x + a.width + max_gap) break;
      if (share_ruling(a, b, max_gap, min_shared)) {
        parent[find_root(parent, order[i])] = find_root(parent, order[j]);
      }
    }
  }

  std::vector<std::vector<cv::Rect>> groups;
  std::vector<int> group_of(cells.size(), -1);
  for (std::size_t i = 0; i < cells.size(); ++i) {
    const int root = find_root(parent, static_cast<int>(i));
    if (group_of[root] < 0) {
      group_of[root] = static_cast<int>(groups.size());
      groups.emplace_back();
    }
    groups[group_of[root]].push_back(cells[i]);
  }
  return groups;
}

Grid index_grid(const std::vector<cv::Rect>& cells, int tolerance, const cv::Mat& ruling_mask) {
  Grid grid;
  if (cells.empty()) return grid;
  std::vector<int> xs, ys;
  cv::Rect box = cells.front();
  for (const cv::Rect& c : cells) {
    xs.push_back(c.x);
    xs.push_back(c.x + c.width);
    ys.push_back(c.y);
    ys.push_back(c.y + c.height);
    box |= c;
  }
  const std::vector<int> col_lines = ruling_positions(std::move(xs), tolerance);
  const std::vector<int> row_lines = ruling_positions(std::move(ys), tolerance);
  grid.cols = std::max(1, static_cast<int>(col_lines.size()) - 1);
  grid.rows = std::max(1, static_cast<int>(row_lines.size()) - 1);
  grid.box = include_outer_rulings(box, ruling_mask, tolerance);

  for (const cv::Rect& c : cells) {
    GridCell g;
    g.rect = c;
    g.col = std::min(nearest_index(col_lines, c.x), grid.cols - 1);
    g.row = std::min(nearest_index(row_lines, c.y), grid.rows - 1);
    g.col_span = std::max(1, nearest_index(col_lines, c.x + c.width) - g.col);
    g.row_span = std::max(1, nearest_index(row_lines, c.y + c.height) - g.row);
    grid.cells.push_back(g);
  }
  std::sort(grid.cells.begin(), grid.cells.end(),
            [](const GridCell& a, const GridCell& b) { return a.row != b.row ? a.row < b.row : a.col < b.col; });
  return grid;
}

}  // namespace drawlens::layout::detail
