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
  std::sort(lines.begin(), lines.end(), [](const Segment& a, const Segment& b) { return a.lo < b.lo; });
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
  std::sort(joined.begin(), joined.end(), [](const Segment& a, const Segment& b) { return a.length() > b.length(); });
  std::vector<Segment> out;
  for (const Segment& s : joined) {
    if (s.length() >= kMinFrameSpan * page_extent && out.size() < kMaxFrameCandidates) {
      out.push_back(s);
    }
  }
  return out;
}

enum class End { kInvalid, kAtCorner, kRunsOn };

// How a line end at `end` relates to the corner at `corner`; `outward` is +1 when running on
// means going past the corner towards larger coordinates, -1 otherwise.
End classify_end(int end, int corner, int outward, int tol, int overshoot) {
  const int past = (end - corner) * outward;
  if (std::abs(past) <= tol) return End::kAtCorner;
  return past > 0 && past <= overshoot ? End::kRunsOn : End::kInvalid;
}

// A frame corner is an L (both lines end there) or a cross (both run on, as in double frames
// whose inner lines reach across the margin to the outer frame). A T, where only one line runs
// on, is where a ruling inside the frame, such as the top of a full-width title block row, meets
// a frame line that carries on to the real corner.
bool clean_corner(const Segment& h, const Segment& v, bool left, bool top, int tol, int overshoot) {
  const End he = left ? classify_end(h.lo, v.pos, -1, tol, overshoot) : classify_end(h.hi, v.pos, +1, tol, overshoot);
  const End ve = top ? classify_end(v.lo, h.pos, -1, tol, overshoot) : classify_end(v.hi, h.pos, +1, tol, overshoot);
  return he != End::kInvalid && he == ve;
}

bool clean_rectangle(const Segment& top, const Segment& bottom, const Segment& left, const Segment& right, int tol,
                     int overshoot) {
  return clean_corner(top, left, true, true, tol, overshoot) && clean_corner(top, right, false, true, tol, overshoot) &&
         clean_corner(bottom, left, true, false, tol, overshoot) &&
         clean_corner(bottom, right, false, false, tol, overshoot);
}

}  // namespace

std::optional<cv::Rect> find_border(const Rulings& rulings, cv::Size page, int tol, int overshoot) {
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
        for (const Segment& right : vs) {
          if (right.pos < page.width - max_margin_x) continue;
          if (!clean_rectangle(top, bottom, left, right, tol, overshoot)) continue;
          const cv::Rect r(left.pos, top.pos, right.pos - left.pos, bottom.pos - top.pos);
          if (!best || r.area() < best->area()) best = r;
        }
      }
    }
  }
  return best;
}

}  // namespace drawlens::layout::detail
