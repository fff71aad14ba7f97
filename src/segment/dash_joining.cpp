// join_dashes(): the dashes of a hidden or centre line, classified one by one, joined into one
// primitive that keeps its dash pattern (docs/segment.md, "Dashed lines").
#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_map>

#include "segment/cell_key.h"
#include "segment/segment.h"

namespace drawlens::segment {
namespace {

constexpr double kMmPerInch = 25.4;
constexpr double kLargestGapMm = 3.0;  // ISO 128-20: gaps of 3 line widths, 1 mm on a 0.35 mm line
constexpr double kOffLineMm = 0.3;     // a dash's ends lie this near the line through the others
constexpr double kParallel = 0.08;     // |sin| of the largest turn between dashes of one line

bool is_dashed_class(LineClass c) {
  return c == LineClass::hidden || c == LineClass::centre;
}

struct Piece {
  int index;
  cv::Point2d a, b, direction;  // ends, unit direction a -> b
  double length;
};

// Whether two pieces are dashes of one line: parallel, each end of one near the other's line, and
// the nearer ends at most a gap apart along it without overlapping.
bool same_line(const Piece& p, const Piece& q, double mm) {
  if (std::abs(p.direction.cross(q.direction)) > kParallel) return false;
  for (const cv::Point2d& end : {q.a, q.b})
    if (std::abs(p.direction.cross(end - p.a)) > kOffLineMm * mm) return false;
  double q0 = (q.a - p.a).dot(p.direction), q1 = (q.b - p.a).dot(p.direction);
  if (q0 > q1) std::swap(q0, q1);
  const double gap = std::max(q0 - p.length, -q1);  // beyond p's end, or before its start
  return gap >= -0.5 * mm && gap <= kLargestGapMm * mm;
}

int root(std::vector<int>& parent, int i) {
  while (parent[i] != i) i = parent[i] = parent[parent[i]];
  return i;
}

// The line through a group's dash ends (their principal axis): a point on it and its unit direction,
// turned the way the longest dash runs.
struct Axis {
  cv::Point2d origin;
  cv::Point2d direction;
};

Axis line_through(const std::vector<Piece>& group) {
  cv::Point2d mean(0, 0);
  for (const Piece& p : group) mean += p.a + p.b;
  mean *= 1.0 / (2.0 * static_cast<double>(group.size()));
  double xx = 0, xy = 0, yy = 0;
  for (const Piece& p : group)
    for (const cv::Point2d& end : {p.a, p.b}) {
      const cv::Point2d d = end - mean;
      xx += d.x * d.x, xy += d.x * d.y, yy += d.y * d.y;
    }
  const double angle = 0.5 * std::atan2(2 * xy, xx - yy);
  cv::Point2d direction(std::cos(angle), std::sin(angle));
  const Piece& longest =
      *std::max_element(group.begin(), group.end(), [](const Piece& x, const Piece& y) { return x.length < y.length; });
  if (direction.dot(longest.direction) < 0) direction = -direction;
  return {mean, direction};
}

// One line primitive through a group's dashes, from the first dash's start to the last one's end.
Segment joined(const std::vector<Segment>& segments, const std::vector<Piece>& group) {
  // Named members, not a structured binding: clang before 16 cannot capture bindings in lambdas.
  const Axis axis = line_through(group);
  const cv::Point2d origin = axis.origin, direction = axis.direction;
  double low = 0, high = 0, drawn = 0, width = 0, confidence = 0;
  bool first = true;
  for (const Piece& p : group) {
    for (const cv::Point2d& end : {p.a, p.b}) {
      const double t = (end - origin).dot(direction);
      low = first ? t : std::min(low, t);
      high = first ? t : std::max(high, t);
      first = false;
    }
    drawn += p.length;
    width += segments[p.index].primitive.stroke_width * p.length;
    confidence += segments[p.index].confidence * p.length;
  }
  Segment out = segments[group.front().index];
  Primitive& line = out.primitive;
  line.points[0] = origin + direction * low;
  line.points[1] = origin + direction * high;
  line.length = high - low;
  line.stroke_width = drawn > 0 ? width / drawn : line.stroke_width;
  out.confidence = drawn > 0 ? confidence / drawn : out.confidence;
  // The pieces in order along the line: their traces one after another, the outer nodes kept.
  std::vector<Piece> ordered = group;
  std::sort(ordered.begin(), ordered.end(), [&](const Piece& x, const Piece& y) {
    return std::min((x.a - origin).dot(direction), (x.b - origin).dot(direction)) <
           std::min((y.a - origin).dot(direction), (y.b - origin).dot(direction));
  });
  line.trace.clear();
  for (const Piece& p : ordered) {
    const auto& trace = segments[p.index].primitive.trace;
    const bool forward = (p.b - p.a).dot(direction) >= 0;
    if (forward)
      line.trace.insert(line.trace.end(), trace.begin(), trace.end());
    else
      line.trace.insert(line.trace.end(), trace.rbegin(), trace.rend());
  }
  const Primitive& head = segments[ordered.front().index].primitive;
  const Primitive& tail = segments[ordered.back().index].primitive;
  line.start_node = (ordered.front().a - origin).dot(direction) <= (ordered.front().b - origin).dot(direction)
                        ? head.start_node
                        : head.end_node;
  line.end_node = (ordered.back().b - origin).dot(direction) >= (ordered.back().a - origin).dot(direction)
                      ? tail.end_node
                      : tail.start_node;
  out.dash.count = static_cast<int>(group.size());
  out.dash.dash_length = drawn / static_cast<double>(group.size());
  out.dash.gap_length = std::max(0.0, (line.length - drawn) / static_cast<double>(group.size() - 1));
  return out;
}

}  // namespace

std::vector<Segment> join_dashes(std::vector<Segment> segments, double dpi) {
  if (!(dpi > 0)) return segments;
  const double mm = dpi / kMmPerInch;
  std::vector<Piece> pieces;
  for (std::size_t i = 0; i < segments.size(); ++i) {
    const Segment& s = segments[i];
    if (!is_dashed_class(s.line_class) || s.primitive.kind != PrimitiveKind::line) continue;
    const cv::Point2d a = s.primitive.points[0], b = s.primitive.points[1];
    const double length = cv::norm(b - a);
    if (length <= 0) continue;
    pieces.push_back({static_cast<int>(i), a, b, (b - a) * (1 / length), length});
  }
  // Ends in cells of the largest gap: dashes of one line have ends in neighbouring cells.
  const double cell = kLargestGapMm * mm;
  const auto key = [cell](const cv::Point2d& p) {
    return cell_key(static_cast<long long>(std::floor(p.x / cell)), static_cast<long long>(std::floor(p.y / cell)));
  };
  std::unordered_map<std::uint64_t, std::vector<int>> ends;
  for (std::size_t k = 0; k < pieces.size(); ++k)
    for (const cv::Point2d& end : {pieces[k].a, pieces[k].b}) ends[key(end)].push_back(static_cast<int>(k));
  std::vector<int> parent(pieces.size());
  std::iota(parent.begin(), parent.end(), 0);
  for (std::size_t k = 0; k < pieces.size(); ++k)
    for (const cv::Point2d& end : {pieces[k].a, pieces[k].b})
      for (int dy = -1; dy <= 1; ++dy)
        for (int dx = -1; dx <= 1; ++dx) {
          const auto it = ends.find(key(end + cv::Point2d(dx * cell, dy * cell)));
          if (it == ends.end()) continue;
          for (int other : it->second) {
            const Piece& p = pieces[k];
            const Piece& q = pieces[static_cast<std::size_t>(other)];
            if (other == static_cast<int>(k) || segments[p.index].line_class != segments[q.index].line_class) continue;
            if (same_line(p, q, mm) && same_line(q, p, mm))
              parent[root(parent, static_cast<int>(k))] = root(parent, other);
          }
        }
  std::unordered_map<int, std::vector<Piece>> groups;
  for (std::size_t k = 0; k < pieces.size(); ++k) groups[root(parent, static_cast<int>(k))].push_back(pieces[k]);
  // Each group of two or more becomes one primitive in its first dash's place; the others go.
  std::vector<bool> dropped(segments.size(), false);
  std::vector<std::pair<int, Segment>> merged;
  for (auto& [r, group] : groups) {
    if (group.size() < 2) continue;
    std::sort(group.begin(), group.end(), [](const Piece& x, const Piece& y) { return x.index < y.index; });
    merged.emplace_back(group.front().index, joined(segments, group));
    for (std::size_t g = 1; g < group.size(); ++g) dropped[static_cast<std::size_t>(group[g].index)] = true;
  }
  for (auto& [index, segment] : merged) segments[static_cast<std::size_t>(index)] = std::move(segment);
  std::vector<Segment> out;
  out.reserve(segments.size());
  for (std::size_t i = 0; i < segments.size(); ++i)
    if (!dropped[i]) out.push_back(std::move(segments[i]));
  return out;
}

}  // namespace drawlens::segment
