// Skew estimation on the CPU: the ink reduced to cells, then for every candidate angle the
// projection profile of the ink cells and its sum of squares, which peaks when text rows and
// rulings line up with the profile's bins.
#include <algorithm>
#include <cstdint>
#include <vector>

#include <opencv2/core.hpp>

#include "prepare/pixel_rules.h"
#include "prepare/prepare.h"
#include "prepare/skew_search.h"

namespace drawlens::prepare {
namespace {

struct Cell {
  int x, y;
};

// A cell is ink when any page pixel it covers is.
std::vector<Cell> ink_cells(const cv::Mat& ink, const SkewSearch& search) {
  cv::Mat cells = cv::Mat(search.cells_y, search.cells_x, CV_8UC1, cv::Scalar(0));
  for (int y = 0; y < ink.rows; ++y) {
    const std::uint8_t* row = ink.ptr<std::uint8_t>(y);
    std::uint8_t* cell_row = cells.ptr<std::uint8_t>(y / search.reduction);
    for (int x = 0; x < ink.cols; ++x) {
      if (row[x] != 0) cell_row[x / search.reduction] = 1;
    }
  }
  std::vector<Cell> list;
  for (int y = 0; y < cells.rows; ++y) {
    const std::uint8_t* row = cells.ptr<std::uint8_t>(y);
    for (int x = 0; x < cells.cols; ++x) {
      if (row[x] != 0) list.push_back({x, y});
    }
  }
  return list;
}

std::uint64_t profile_score(const std::vector<Cell>& cells, const SkewSearch& search, std::size_t angle) {
  std::vector<std::uint32_t> profile(search.bins, 0);
  for (const Cell& c : cells) {
    ++profile[rules::skew_bin(c.x, c.y, search.cosines[angle], search.sines[angle], search.offset)];
  }
  std::uint64_t score = 0;
  for (const std::uint32_t count : profile) score += static_cast<std::uint64_t>(count) * count;
  return score;
}

}  // namespace

double estimate_skew(const cv::Mat& ink, const SkewOptions& options) {
  const SkewSearch search = plan_skew_search(ink.cols, ink.rows, options);
  const std::vector<Cell> cells = ink_cells(ink, search);
  std::vector<std::uint64_t> scores(search.angles_degrees.size());
  cv::parallel_for_(cv::Range(0, static_cast<int>(scores.size())), [&](const cv::Range& range) {
    for (int a = range.start; a < range.end; ++a) scores[a] = profile_score(cells, search, a);
  });
  return best_skew_angle(search, scores);
}

}  // namespace drawlens::prepare
