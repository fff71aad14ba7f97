// Frame detection: pairs of long horizontal and vertical rulings that meet in four clean corners.
// With a double frame (zone-marker margin) both rectangles qualify and the inner one is kept.
#include "layout/border_finding.h"

#include <algorithm>
#include <cstdlib>
#include <vector>

namespace drawlens::layout::detail {
namespace {

// A frame line spans most of the sheet; part edges and table rulings rarely do.
constexpr double kMinFrameSpan = 0.5;
// The frame sits in the outer part of the sheet; this leaves room for wide zone margins.
constexpr double kMaxFrameMargin = 0.2;
// Bounds the pairwise search on pathological pages (every ruling a long line).
constexpr std::size_t kMaxFrameCandidates = 24;

// Collinear pieces of one frame line, split where a centring mark or a zone arrow sits on it,
// joined again.
std::vector<Segment> join_collinear(std::vector<Segment> lines, int max_gap) {
  std::sort(lines.begin(), lines.end(),
            [](const Segment& a, const Segment& b) { return a.lo < b.lo; });
  std::vector<Segment> joined;
  for (const Segment& s : lines) {
    auto it = std::find_if(joined.begin(), joined.end(), [&](const Segment& j) {
      return std::abs(j.pos - s.pos) <= std::max(j.thickness, s.thickness) && s.lo - j.hi <= max_gap;
    });
    if (it == joined.end()) {
      joined.push_back(s);
    } else {
      it->hi = std::max(it->hi, s.hi);
    }
  }
  return joined;
}

std::vector<Segment> long_lines(const std::vector<Segment>& lines, int page_extent, int max_gap) {
  std::vector<Segment> joined = join_collinear(lines, max_gap);
  std::sort(joined.begin(), joined.end(),
            [](const Segment& a, const Segment& b) { return a.length() > b.length(); });
  std::vector<Segment> out;
  for (const Segment& s : joined) {
    if (s.length() >= kMinFrameSpan * page_extent && out.size() < kMaxFrameCandidates) {
      out.push_back(s);
    }
  }
  return out;
}

// True when `s` runs from `from` to `to` without stopping short or running on past either end by
// more than `tol`: a frame edge ends at the corner, while e.g. the top ruling of a full-width title
// block is crossed by frame lines that carry on down to the real bottom edge.
bool spans_exactly(const Segment& s, int from, int to, int tol) {
  return std::abs(s.lo - from) <= tol && std::abs(s.hi - to) <= tol;
}

}  // namespace

std::optional<cv::Rect> find_border(const Rulings& rulings, cv::Size page, int tol) {
  const std::vector<Segment> hs = long_lines(rulings.horizontal, page.width, tol);
  const std::vector<Segment> vs = long_lines(rulings.vertical, page.height, tol);
  const double max_margin_x = kMaxFrameMargin * page.width;
  const double max_margin_y = kMaxFrameMargin * page.height;

  std::optional<cv::Rect> best;
  for (const Segment& top : hs) {
    if (top.pos > max_margin_y) continue;
    for (const Segment& bottom : hs) {
      if (bottom.pos < page.height - max_margin_y) continue;
      for (const Segment& left : vs) {
        if (left.pos > max_margin_x) continue;
        if (!spans_exactly(left, top.pos, bottom.pos, tol)) continue;
        for (const Segment& right : vs) {
          if (right.pos < page.width - max_margin_x) continue;
          if (!spans_exactly(right, top.pos, bottom.pos, tol) ||
              !spans_exactly(top, left.pos, right.pos, tol) ||
              !spans_exactly(bottom, left.pos, right.pos, tol)) {
            continue;
          }
          const cv::Rect r(left.pos, top.pos, right.pos - left.pos, bottom.pos - top.pos);
          if (!best || r.area() < best->area()) best = r;
        }
      }
    }
  }
  return best;
}

}  // namespace drawlens::layout::detail
