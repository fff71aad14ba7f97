// find_layout: rulings -> frame -> enclosed cells -> grids -> tables, with the title block being
// the table that sits on the bottom edge of the frame, furthest to the right.
#include "layout/layout.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <utility>
#include <vector>

#include <opencv2/imgproc.hpp>

#include "layout/border_finding.h"
#include "layout/cell_finding.h"
#include "layout/ruling_lines.h"
#include "layout/table_classification.h"
#include "layout/table_grouping.h"
#include "layout/working_page.h"

namespace drawlens::layout {
namespace {

using detail::Grid;
using detail::WorkingPage;

// Shorter than the smallest title-block row (about 4 mm) so single-row separators survive, and
// longer than most dashes of hidden lines.
constexpr double kMinRulingMm = 2.5;
// Closes the hairline gaps CAD renderers leave where a ruling meets another, yet not the ~1 mm
// gaps of dashed lines.
constexpr double kRulingBridgeMm = 0.35;
// The heaviest frame lines are about 1 mm wide; thicker ink is shading or a solid fill.
constexpr double kMaxRulingThicknessMm = 1.5;
// Frame lines may end a little short of, or past, the corner where they meet.
constexpr double kFrameCornerToleranceMm = 3.0;
// Some double frames run the inner lines on across the margin (10-20 mm) to the outer frame.
constexpr double kFrameOvershootMm = 25.0;
// Frame candidates are long; shorter segments are not worth keeping for the frame search.
constexpr double kMinFrameSegmentShare = 0.3;
// Smallest cell side: narrower slots are glyph counters or the gap of a doubled line.
constexpr double kMinCellSideMm = 2.0;
// A cell larger than this share of the drawing area is the drawing area itself.
constexpr double kMaxCellShare = 0.15;
// Neighbouring cells are separated by one ruling, at most this wide at working resolution.
constexpr double kCellGapMm = 1.5;
// Cells touching over less than this only meet at a corner.
constexpr double kMinSharedEdgeMm = 1.5;
// Rulings that leave a table are looked for this far outside it: past the bridging added to
// ruling ends, short of lettering written next to the table.
constexpr double kProbeOffsetMm = 1.0;
// Lettering on drawings is 1.8-10 mm tall; allow for lowercase and for large title text.
constexpr double kMinTextHeightMm = 1.2;
constexpr double kMaxTextHeightMm = 12.0;
constexpr double kMinTextWidthMm = 0.5;
// A title block ends on, or just above, the bottom of the frame (or of the drawn content).
constexpr double kTitleBlockMaxGapMm = 10.0;
// Two stacked feature control frames make a two-row grid of lettered cells; two-row tables
// (a header and one entry) are wider than such frames.
constexpr double kMinTwoRowTableWidthMm = 60.0;

struct Scan {
  std::optional<cv::Rect> border;
  cv::Rect region;  // the drawing area: inside the frame, or the whole page
  int bottom = 0;   // where a title block ends: the frame's bottom, or the lowest ruling
  std::vector<Grid> tables;
};

Scan scan_page(const WorkingPage& wp) {
  Scan scan;
  const cv::Size size = wp.ink.size();
  detail::RulingParams rp;
  rp.min_run = wp.px(kMinRulingMm);
  rp.bridge = wp.px(kRulingBridgeMm);
  rp.max_thickness = wp.px(kMaxRulingThicknessMm);
  rp.min_segment = static_cast<int>(kMinFrameSegmentShare * std::min(size.width, size.height));
  const detail::Rulings rulings = detail::extract_rulings(wp.ink, rp);

  const int corner_tol = wp.px(kFrameCornerToleranceMm) + rp.bridge;
  scan.border = detail::find_border(rulings, size, corner_tol, wp.px(kFrameOvershootMm));
  scan.region = scan.border ? *scan.border : cv::Rect(cv::Point(0, 0), size);
  const cv::Rect drawn = scan.border ? *scan.border : cv::boundingRect(rulings.mask);
  scan.bottom = drawn.y + drawn.height;

  detail::CellParams cp;
  cp.min_side = wp.px(kMinCellSideMm);
  cp.max_area = static_cast<long long>(kMaxCellShare * scan.region.area());
  std::vector<cv::Rect> cells;
  for (const cv::Rect& c : detail::find_cells(rulings.mask, cp)) {
    const cv::Point centre(c.x + c.width / 2, c.y + c.height / 2);
    // Zone-marker strips between a double frame are enclosed too, but lie outside the frame.
    if (scan.region.contains(centre)) cells.push_back(c);
  }

  detail::ContentParams content;
  content.min_text_height = wp.px(kMinTextHeightMm);
  content.max_text_height = wp.px(kMaxTextHeightMm);
  content.min_text_width = wp.px(kMinTextWidthMm);
  content.max_ruling_gap = wp.px(kCellGapMm);
  content.probe_offset = wp.px(kProbeOffsetMm) + rp.bridge;
  content.min_two_row_width = wp.px(kMinTwoRowTableWidthMm);
  for (const auto& group : detail::group_cells(cells, content.max_ruling_gap, wp.px(kMinSharedEdgeMm))) {
    Grid grid = detail::index_grid(group, wp.px(kCellGapMm), rulings.mask);
    if (detail::looks_like_table(grid, wp.ink, rulings.mask, scan.border, content)) {
      scan.tables.push_back(std::move(grid));
    }
  }
  return scan;
}

// The title block ends on the bottom edge of the drawing area; of several such tables the one
// furthest right is taken, as templates put it in the bottom-right corner or along the bottom.
int title_block_index(const Scan& scan, int max_gap) {
  int best = -1;
  for (int i = 0; i < static_cast<int>(scan.tables.size()); ++i) {
    const cv::Rect& b = scan.tables[i].box;
    if (std::abs(scan.bottom - (b.y + b.height)) > max_gap) continue;
    if (best < 0 || b.x + b.width > scan.tables[best].box.x + scan.tables[best].box.width) best = i;
  }
  return best;
}

// How far a table is from the turned sheet's bottom edge, and how far along it from the turned
// sheet's right end (smaller is further right).
struct EdgePlace {
  int gap;
  int from_right;
};

EdgePlace place_on_turned_sheet(const Box& t, const Box& area, int turn) {
  if (turn == 90) return {std::abs(area.right() - t.right()), t.y - area.y};
  if (turn == 180) return {std::abs(t.y - area.y), t.x - area.x};
  return {std::abs(t.x - area.x), area.bottom() - t.bottom()};  // 270
}

Table to_page_table(const Grid& grid, const WorkingPage& wp) {
  Table t;
  t.box = wp.to_page(grid.box);
  t.rows = grid.rows;
  t.cols = grid.cols;
  for (const detail::GridCell& g : grid.cells) {
    Cell cell;
    cell.box = wp.to_page(g.rect);
    cell.row = g.row;
    cell.col = g.col;
    cell.row_span = g.row_span;
    cell.col_span = g.col_span;
    t.cells.push_back(std::move(cell));
  }
  return t;
}

}  // namespace

Layout find_layout(const prepare::PreparedPage& page) {
  Layout layout;
  const std::optional<WorkingPage> wp = detail::make_working_page(page);
  if (!wp) return layout;
  const Scan scan = scan_page(*wp);
  if (scan.border) layout.border = wp->to_page(*scan.border);

  const int title = title_block_index(scan, wp->px(kTitleBlockMaxGapMm));
  for (int i = 0; i < static_cast<int>(scan.tables.size()); ++i) {
    Table t = to_page_table(scan.tables[i], *wp);
    if (i == title) {
      layout.title_block = std::move(t);
    } else {
      layout.tables.push_back(std::move(t));
    }
  }
  return layout;
}

// A turned scan keeps its title block on another edge than the bottom (layout.h).
void find_turned_title_block(Layout& layout, int turn, const cv::Size& page, double dpi) {
  if (layout.title_block || layout.tables.empty() || (turn != 90 && turn != 180 && turn != 270)) return;
  const Box area = layout.border ? *layout.border : Box{0, 0, page.width, page.height};
  const int max_gap = static_cast<int>(std::lround(kTitleBlockMaxGapMm * (dpi > 0 ? dpi : 300) / 25.4));
  int best = -1;
  for (int i = 0; i < static_cast<int>(layout.tables.size()); ++i) {
    const EdgePlace p = place_on_turned_sheet(layout.tables[static_cast<std::size_t>(i)].box, area, turn);
    if (p.gap > max_gap) continue;
    if (best < 0 ||
        p.from_right <
            place_on_turned_sheet(layout.tables[static_cast<std::size_t>(best)].box, area, turn).from_right) {
      best = i;
    }
  }
  if (best < 0) return;
  layout.title_block = std::move(layout.tables[static_cast<std::size_t>(best)]);
  layout.tables.erase(layout.tables.begin() + best);
}

}  // namespace drawlens::layout
