// Ruled boxes and the feature control frames they make (read.h): every enclosed paper region of
// the ink (a hole of an ink component) that is a rectangle of a frame's size is a compartment;
// compartments side by side with one top and one bottom make a row; rows one under another with
// one left edge make a composite frame (the symbol compartment spans them) or stacked frames. Done
// for text read upright, upward (90) and downward (270) by turning the compartments, not the page.
#include <algorithm>
#include <cmath>

#include <opencv2/imgproc.hpp>

#include "read/quarter_turn.h"
#include "read/read.h"

namespace drawlens::read {
namespace {

constexpr double kMinRowHeightMm = 2.5;  // a compartment twice 1.25 mm lettering
constexpr double kMaxRowHeightMm = 20.0;
constexpr double kMaxCompartmentOfHeight = 12.0;       // a long tolerance with modifiers
constexpr std::size_t kMaxCompartments = 12;           // a row's, after its symbol: value and datums
constexpr double kMinRectangularity = 0.8;             // hole area over its bounding box
constexpr double kSquareLow = 0.6, kSquareHigh = 1.6;  // the symbol compartment's width over height

bool within(int a, int b, int tolerance) {
  return std::abs(a - b) <= tolerance;
}

}  // namespace

std::vector<Box> ruled_boxes(const cv::Mat& ink, double dpi, const layout::Layout& layout) {
  if (ink.empty() || ink.type() != CV_8UC1 || !(dpi >= 10 && dpi <= 4800)) return {};
  std::vector<std::vector<cv::Point>> contours;
  std::vector<cv::Vec4i> hierarchy;
  cv::findContours(ink, contours, hierarchy, cv::RETR_CCOMP, cv::CHAIN_APPROX_SIMPLE);
  const double mm = dpi / 25.4;
  const int min_side = std::max(3, static_cast<int>(kMinRowHeightMm * mm * 0.5));
  const int max_side = static_cast<int>(kMaxRowHeightMm * mm * kMaxCompartmentOfHeight);
  std::vector<Box> tables;
  if (layout.title_block) tables.push_back(layout.title_block->box);
  for (const layout::Table& t : layout.tables) tables.push_back(t.box);
  std::vector<Box> holes;
  for (std::size_t i = 0; i < contours.size(); ++i) {
    if (hierarchy[i][3] < 0) continue;  // an ink component's outline, not a hole
    const cv::Rect r = cv::boundingRect(contours[i]);
    if (std::min(r.width, r.height) < min_side || std::max(r.width, r.height) > max_side) continue;
    if (std::min(r.width, r.height) > kMaxRowHeightMm * mm) continue;
    if (cv::contourArea(contours[i]) < kMinRectangularity * r.area()) continue;
    const Box box{r.x, r.y, r.width, r.height};
    const bool in_table =
        std::any_of(tables.begin(), tables.end(), [&](const Box& t) { return centre_inside(box, t); });
    if (!in_table) holes.push_back(box);
  }
  return holes;
}

namespace {

// The compartment right of `from` on the same row (same top and bottom, across one ruling, which a
// thin rendering may leave no wider than a pixel), or -1.
int next_on_row(const std::vector<Box>& boxes, const Box& from, int top, int bottom) {
  const int height = bottom - top;
  const int tolerance = std::max(2, height / 8);
  const int max_gap = std::max(4, height / 4);
  int best = -1;
  for (std::size_t j = 0; j < boxes.size(); ++j) {
    const Box& b = boxes[j];
    const int gap = b.x - from.right();
    if (b.x <= from.x || gap < -2 || gap > max_gap || !within(b.y, top, tolerance) ||
        !within(b.bottom(), bottom, tolerance))
      continue;
    if (best < 0 || b.x < boxes[static_cast<std::size_t>(best)].x) best = static_cast<int>(j);
  }
  return best;
}

// The row of compartments right of `first` between top and bottom (first excluded).
std::vector<int> row_after(const std::vector<Box>& boxes, const Box& first, int top, int bottom) {
  std::vector<int> row;
  Box at = first;
  for (int next = next_on_row(boxes, at, top, bottom); next >= 0 && row.size() < kMaxCompartments;
       next = next_on_row(boxes, at, top, bottom)) {
    row.push_back(next);
    at = boxes[static_cast<std::size_t>(next)];
  }
  return row;
}

Box outline(const std::vector<Box>& boxes) {
  Box all;
  for (const Box& b : boxes) all = unite(all, b);
  return all;
}

// Frames of upright text among boxes (turned coordinates): each symbol compartment with its rows.
std::vector<FrameCompartments> upright_frames(const std::vector<Box>& boxes, double dpi) {
  const double mm = dpi / 25.4;
  std::vector<FrameCompartments> frames;
  std::vector<bool> used(boxes.size(), false);
  // Left to right, so that a frame is found from its symbol compartment, not from a later one.
  std::vector<std::size_t> order(boxes.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return boxes[a].x < boxes[b].x; });
  for (std::size_t i : order) {
    if (used[i]) continue;
    const Box& symbol = boxes[i];
    const double aspect = static_cast<double>(symbol.width) / symbol.height;
    FrameCompartments frame;
    // A single row: the symbol compartment square, as tall as the row.
    if (aspect >= kSquareLow && aspect <= kSquareHigh && symbol.height >= kMinRowHeightMm * mm &&
        symbol.height <= kMaxRowHeightMm * mm) {
      const auto row = row_after(boxes, symbol, symbol.y, symbol.bottom());
      if (!row.empty()) {
        std::vector<Box> cells{symbol};
        for (int j : row) cells.push_back(boxes[static_cast<std::size_t>(j)]);
        frame.rows.push_back(cells);
        for (int j : row) used[static_cast<std::size_t>(j)] = true;
      }
    }
    // A composite frame: the symbol compartment spans two rows.
    if (frame.rows.empty() && aspect >= kSquareLow / 2 && aspect <= kSquareHigh / 2 &&
        symbol.height >= 2 * kMinRowHeightMm * mm) {
      const int middle = symbol.y + symbol.height / 2;
      const auto upper = row_after(boxes, symbol, symbol.y, middle);
      const auto lower = row_after(boxes, symbol, middle, symbol.bottom());
      if (!upper.empty() && !lower.empty()) {
        frame.composite = true;
        std::vector<Box> first{symbol}, second{Box{}};
        for (int j : upper) first.push_back(boxes[static_cast<std::size_t>(j)]);
        for (int j : lower) second.push_back(boxes[static_cast<std::size_t>(j)]);
        frame.rows = {first, second};
        for (int j : upper) used[static_cast<std::size_t>(j)] = true;
        for (int j : lower) used[static_cast<std::size_t>(j)] = true;
      }
    }
    if (frame.rows.empty()) continue;
    used[i] = true;
    std::vector<Box> all;
    for (const auto& row : frame.rows) all.insert(all.end(), row.begin(), row.end());
    frame.box = outline(all);
    frames.push_back(std::move(frame));
  }
  // Stacked frames: a frame right under another, with the same left edge, is its next row.
  std::sort(frames.begin(), frames.end(),
            [](const FrameCompartments& a, const FrameCompartments& b) { return a.box.y < b.box.y; });
  std::vector<FrameCompartments> stacked;
  for (FrameCompartments& frame : frames) {
    const int tolerance = std::max(3, frame.box.height / 8);
    auto above = std::find_if(stacked.begin(), stacked.end(), [&](const FrameCompartments& f) {
      return !f.composite && !frame.composite && within(f.box.x, frame.box.x, tolerance) &&
             std::abs(frame.box.y - f.box.bottom()) <= tolerance;
    });
    if (above == stacked.end()) {
      stacked.push_back(std::move(frame));
      continue;
    }
    above->rows.insert(above->rows.end(), frame.rows.begin(), frame.rows.end());
    above->box = unite(above->box, frame.box);
  }
  return stacked;
}

}  // namespace

std::vector<FrameCompartments> find_frames(const std::vector<Box>& boxes, const cv::Size& size, double dpi) {
  std::vector<FrameCompartments> found;
  for (int turn : {0, 90, 270}) {
    std::vector<Box> turned;
    for (const Box& h : boxes) turned.push_back(box_turned_upright(h, turn, size));
    for (FrameCompartments frame : upright_frames(turned, dpi)) {
      frame.rotation = turn;
      frame.box = box_from_upright(frame.box, turn, size);
      for (auto& row : frame.rows) {
        for (Box& b : row) {
          if (!b.empty()) b = box_from_upright(b, turn, size);
        }
      }
      // Compartments belong to one frame: upright frames first, so that the symbol compartments of
      // stacked frames are not also read as a turned frame.
      const bool taken = turn != 0 && std::any_of(found.begin(), found.end(), [&](const FrameCompartments& f) {
                           return f.rotation == 0 && !intersect(f.box, frame.box).empty();
                         });
      if (!taken) found.push_back(std::move(frame));
    }
  }
  return found;
}

}  // namespace drawlens::read
