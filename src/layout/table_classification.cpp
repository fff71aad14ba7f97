// Table evidence: tables are grids of at least two rows and two columns whose cells tile the
// table box and hold lettering or nothing, while split part outlines hold nothing or geometry.
#include "layout/table_classification.h"

#include <algorithm>

#include <opencv2/imgproc.hpp>

namespace drawlens::layout::detail {
namespace {

enum class Content { kEmpty, kText, kGraphic };

// Fewer cells or a single row/column is a feature control frame, a boxed dimension or a split bar.
constexpr int kMinCells = 4;
// Cells plus the rulings between them cover the table box. Some title blocks carry a narrower
// block on top (an L shape), so the bound is loose; scattered clusters fall well below it.
constexpr double kMinTiling = 0.75;

// Title blocks and revision tables leave many fields blank, but their labels alone make up
// about a quarter of the cells.
constexpr double kMinTextShare = 0.25;
constexpr int kMinTextCells = 2;
// Logos and projection symbols make a few cells look like geometry.
constexpr double kMaxGraphicShare = 0.2;
// One ruling running on past the table can be a leader or a line that happens to end on it.
constexpr int kMaxRulingsLeaving = 1;
// Ink touching the cell walls is mostly the ruling's own anti-aliasing; a one-pixel inset skips it.
constexpr int kCellInset = 1;
// Lettering stays clear of at least one of two opposite cell walls and never fills the cell.
constexpr double kFillsCell = 0.9;

Content classify_cell(const cv::Rect& cell, const cv::Mat& ink, const cv::Mat& ruling_mask, const ContentParams& p) {
  const cv::Rect roi(cell.x + kCellInset, cell.y + kCellInset, cell.width - 2 * kCellInset,
                     cell.height - 2 * kCellInset);
  if (roi.width <= 0 || roi.height <= 0) return Content::kEmpty;
  cv::Mat free_ink;
  cv::bitwise_and(ink(roi), ~ruling_mask(roi), free_ink);
  if (cv::countNonZero(free_ink) == 0) return Content::kEmpty;

  cv::Mat labels, stats, centroids;
  const int n = cv::connectedComponentsWithStats(free_ink, labels, stats, centroids, 8, CV_32S);
  bool text = false;
  for (int i = 1; i < n; ++i) {
    const int x = stats.at<int>(i, cv::CC_STAT_LEFT), y = stats.at<int>(i, cv::CC_STAT_TOP);
    const int w = stats.at<int>(i, cv::CC_STAT_WIDTH), h = stats.at<int>(i, cv::CC_STAT_HEIGHT);
    const bool crosses_x = x == 0 && x + w == roi.width;
    const bool crosses_y = y == 0 && y + h == roi.height;
    const bool fills = w >= kFillsCell * roi.width && h >= kFillsCell * roi.height;
    if (h > p.max_text_height || crosses_x || crosses_y || fills) return Content::kGraphic;
    if (h >= p.min_text_height && w >= p.min_text_width) text = true;
  }
  return text ? Content::kText : Content::kEmpty;
}

// Share of the grid box covered by its cells once the ruling gaps between them are closed.
double tiling(const Grid& grid, int max_gap) {
  cv::Mat covered = cv::Mat(grid.box.size(), CV_8U, cv::Scalar(0));
  for (const GridCell& c : grid.cells) {
    cv::rectangle(covered, c.rect - grid.box.tl(), cv::Scalar(255), cv::FILLED);
  }
  const cv::Mat kernel = cv::getStructuringElement(cv::MORPH_RECT, {2 * max_gap + 1, 2 * max_gap + 1});
  // Closing bridges the rulings between cells; the default border value leaves the box edges
  // alone, so the outer rulings count as covered too.
  cv::morphologyEx(covered, covered, cv::MORPH_CLOSE, kernel);
  return static_cast<double>(cv::countNonZero(covered)) / grid.box.area();
}

// Number of separate ruling pieces met along `line` (one pixel wide or high).
int crossings(const cv::Mat& mask, const cv::Rect& line) {
  const cv::Rect clipped = line & cv::Rect(0, 0, mask.cols, mask.rows);
  if (clipped.empty()) return 0;
  const cv::Mat strip = mask(clipped);
  int count = 0;
  bool inside = false;
  for (int i = 0; i < std::max(strip.rows, strip.cols); ++i) {
    const bool on = strip.rows > 1 ? strip.at<unsigned char>(i, 0) : strip.at<unsigned char>(0, i);
    count += on && !inside;
    inside = on;
  }
  return count;
}

// Rulings that carry on outwards past the table box. A table's grid ends at its outer rulings;
// split part views are cut out of extension lines, centre lines and edges that run on. Probes
// keep clear of the frame, whose lines run on past a table sitting on it by design.
int rulings_leaving(const Grid& grid, const cv::Mat& mask, const std::optional<cv::Rect>& frame,
                    const ContentParams& p) {
  const cv::Rect& b = grid.box;
  const int d = p.probe_offset, clear = p.max_ruling_gap + d;
  const cv::Rect limit =
      frame ? cv::Rect(frame->x + clear, frame->y + clear, frame->width - 2 * clear, frame->height - 2 * clear)
            : cv::Rect(0, 0, mask.cols, mask.rows);
  return crossings(mask, cv::Rect(b.x, b.y - d, b.width, 1) & limit) +
         crossings(mask, cv::Rect(b.x, b.y + b.height - 1 + d, b.width, 1) & limit) +
         crossings(mask, cv::Rect(b.x - d, b.y, 1, b.height) & limit) +
         crossings(mask, cv::Rect(b.x + b.width - 1 + d, b.y, 1, b.height) & limit);
}

}  // namespace

bool looks_like_table(const Grid& grid, const cv::Mat& ink, const cv::Mat& ruling_mask,
                      const std::optional<cv::Rect>& frame, const ContentParams& p) {
  const int n = static_cast<int>(grid.cells.size());
  if (n < kMinCells || grid.rows < 2 || grid.cols < 2) return false;
  if (grid.rows == 2 && grid.box.width < p.min_two_row_width) return false;
  if (tiling(grid, p.max_ruling_gap) < kMinTiling) return false;
  if (rulings_leaving(grid, ruling_mask, frame, p) > kMaxRulingsLeaving) return false;
  int text = 0, graphic = 0;
  for (const GridCell& c : grid.cells) {
    const Content content = classify_cell(c.rect, ink, ruling_mask, p);
    text += content == Content::kText;
    graphic += content == Content::kGraphic;
  }
  return text >= kMinTextCells && text >= kMinTextShare * n && graphic <= kMaxGraphicShare * n;
}

}  // namespace drawlens::layout::detail
