// join_dashes(): the dashes of a hidden or centre line, classified one by one, joined into one
// primitive that keeps its dash pattern: a line through straight dashes, an arc through the dashes of
// a circle (docs/segment.md, "Dashed lines").
#include <algorithm>
#include <cmath>
#include <numeric>
#include <optional>
#include <unordered_map>

#include "segment/cell_key.h"
#include "segment/circle_fit.h"
#include "segment/segment.h"

namespace drawlens::segment {
namespace {

constexpr double kMmPerInch = 25.4;
constexpr double kLargestGapMm = 3.0;  // ISO 128-20: gaps of 3 line widths, 1 mm on a 0.35 mm line
constexpr double kOffLineMm = 0.3;     // a dash's ends lie this near the line through the others
constexpr double kParallel = 0.08;     // |sin| of the largest turn between dashes of one line
constexpr double kPi = 3.14159265358979323846;
constexpr double kLargestRadiusMm = 1000;  // a circle of dashes flatter than this is a line
constexpr double kOnCircleMm = 0.5;        // dashes within this of one circle (a short one is its chord)
constexpr int kSamplesPerDash = 9;

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

// The groups of `count` pieces that `linked(k, end, other)` chains together (piece k at its end 0
// or 1 with piece other), each group's pieces in increasing order, groups in the order of their first
// piece. Only pieces with an end in a neighbouring grid cell of side `cell` (the largest gap) are
// tried. `end_of(k, end)` is the point of that end.
template <typename EndOf, typename Linked>
std::vector<std::vector<int>> chained_groups(std::size_t count, double cell, EndOf end_of, Linked linked) {
  const auto key = [cell](const cv::Point2d& p) {
    return cell_key(static_cast<long long>(std::floor(p.x / cell)), static_cast<long long>(std::floor(p.y / cell)));
  };
  std::unordered_map<std::uint64_t, std::vector<int>> ends;
  for (std::size_t k = 0; k < count; ++k)
    for (int end = 0; end < 2; ++end) ends[key(end_of(k, end))].push_back(static_cast<int>(k));
  std::vector<int> parent(count);
  std::iota(parent.begin(), parent.end(), 0);
  for (std::size_t k = 0; k < count; ++k)
    for (int end = 0; end < 2; ++end)
      for (int dy = -1; dy <= 1; ++dy)
        for (int dx = -1; dx <= 1; ++dx) {
          const auto it = ends.find(key(end_of(k, end) + cv::Point2d(dx * cell, dy * cell)));
          if (it == ends.end()) continue;
          for (int other : it->second)
            if (other != static_cast<int>(k) && linked(k, end, static_cast<std::size_t>(other)))
              parent[root(parent, static_cast<int>(k))] = root(parent, other);
        }
  std::vector<std::vector<int>> groups;
  std::unordered_map<int, std::size_t> group_of_root;
  for (std::size_t k = 0; k < count; ++k) {
    const auto [it, added] = group_of_root.emplace(root(parent, static_cast<int>(k)), groups.size());
    if (added) groups.emplace_back();
    groups[it->second].push_back(static_cast<int>(k));
  }
  return groups;
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

// Whether every end of a group lies near its axis (twice the pairwise bound): a chain of nearly
// parallel dashes along a large circle passes the pairwise test dash by dash, but not this.
bool along_axis(const std::vector<Piece>& group, const Axis& axis, double mm) {
  for (const Piece& p : group)
    for (const cv::Point2d& end : {p.a, p.b})
      if (std::abs(axis.direction.cross(end - axis.origin)) > 2 * kOffLineMm * mm) return false;
  return true;
}

// One line primitive through a group's dashes, from the first dash's start to the last one's end.
Segment joined(const std::vector<Segment>& segments, const std::vector<Piece>& group, const Axis& axis) {
  // Named members, not a structured binding: clang before 16 cannot capture bindings in lambdas.
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

// The straight dashes of each line, joined into one line primitive per line.
std::vector<std::pair<std::vector<int>, Segment>> dashed_lines(const std::vector<Segment>& segments, double mm) {
  std::vector<Piece> pieces;
  for (std::size_t i = 0; i < segments.size(); ++i) {
    const Segment& s = segments[i];
    if (!is_dashed_class(s.line_class) || s.primitive.kind != PrimitiveKind::line) continue;
    const cv::Point2d a = s.primitive.points[0], b = s.primitive.points[1];
    const double length = cv::norm(b - a);
    if (length <= 0) continue;
    pieces.push_back({static_cast<int>(i), a, b, (b - a) * (1 / length), length});
  }
  const auto group_indices = chained_groups(
      pieces.size(), kLargestGapMm * mm, [&](std::size_t k, int end) { return end == 0 ? pieces[k].a : pieces[k].b; },
      [&](std::size_t k, int, std::size_t other) {
        const Piece& p = pieces[k];
        const Piece& q = pieces[other];
        return segments[p.index].line_class == segments[q.index].line_class && same_line(p, q, mm) &&
               same_line(q, p, mm);
      });
  std::vector<std::pair<std::vector<int>, Segment>> lines;
  for (const std::vector<int>& indices : group_indices) {
    if (indices.size() < 2) continue;
    std::vector<Piece> group;
    for (int k : indices) group.push_back(pieces[static_cast<std::size_t>(k)]);
    const Axis axis = line_through(group);
    if (!along_axis(group, axis, mm)) continue;  // a curve: left to the arcs
    std::vector<int> members;
    for (const Piece& p : group) members.push_back(p.index);
    lines.emplace_back(std::move(members), joined(segments, group, axis));
  }
  return lines;
}

// ---- Dashed arcs ---------------------------------------------------------------------------------

// A dash that may lie on a circle (a short dash of one is fitted as a line): points along it and
// the unit tangents leaving it at either end.
struct CurvedPiece {
  int index;
  std::vector<cv::Point2d> samples;  // start to end
  cv::Point2d start_out, end_out;
  double length;
};

cv::Point2d unit(cv::Point2d v) {
  const double n = cv::norm(v);
  return n > 0 ? v * (1 / n) : cv::Point2d(0, 0);
}

// Whether the dash q goes on from p's end `e` (leaving p along `e_out`) across a gap to q's end `f`
// (leaving q along `f_out`): at most a gap apart, each heading at the other, turning by at most 60°.
bool continues(cv::Point2d e, cv::Point2d e_out, cv::Point2d f, cv::Point2d f_out, double mm) {
  const cv::Point2d d = f - e;
  const double gap = cv::norm(d);
  if (gap > kLargestGapMm * mm) return false;
  if (-e_out.dot(f_out) < 0.5) return false;
  if (gap < 0.2 * mm) return true;
  const cv::Point2d towards = d * (1 / gap);
  constexpr double kHeading = 0.7;  // cos 45°
  return e_out.dot(towards) >= kHeading && -f_out.dot(towards) >= kHeading;
}

// A dash's place on the circle: the angle where it starts going round the positive way, its sweep,
// and whether its own start is at that angle.
struct OnCircle {
  int index;  // of the dash's segment
  double from;
  double sweep;
  bool forward;
};

// The circle most of a group's dashes lie on: fitted to all of them, then again without the dash
// farthest off it until every sample lies within `tolerance` (a centre mark's arm meeting a pitch
// circle goes), or nullopt when fewer than three dashes are left. `group` keeps the dashes on it.
std::optional<Circle> circle_through(std::vector<CurvedPiece>& group, double tolerance) {
  while (group.size() >= 3) {
    std::vector<cv::Point2d> points;
    for (const CurvedPiece& p : group) points.insert(points.end(), p.samples.begin(), p.samples.end());
    const auto circle =
        fit_circle(static_cast<int>(points.size()), [&](int i) { return points[static_cast<std::size_t>(i)]; });
    if (!circle) return std::nullopt;
    std::size_t worst = 0;
    double worst_off = -1;
    for (std::size_t k = 0; k < group.size(); ++k)
      for (const cv::Point2d& q : group[k].samples) {
        const double off = std::abs(cv::norm(q - circle->centre) - circle->radius);
        if (off > worst_off) worst_off = off, worst = k;
      }
    if (worst_off <= tolerance) return circle;
    group.erase(group.begin() + static_cast<std::ptrdiff_t>(worst));
  }
  return std::nullopt;
}

// One arc through a group of dashes lying on one circle, or nullopt when they do not: at least three
// dashes within the tolerance of one circle that bends away from a line (else the straight joining
// had them), no two dashes overlapping and no gap between neighbours wider than a dash gap (except
// the one the arc leaves open). `group` keeps the dashes the arc goes through.
std::optional<Segment> joined_arc(const std::vector<Segment>& segments, std::vector<CurvedPiece>& group, double mm) {
  const auto circle = circle_through(group, kOnCircleMm * mm);
  if (!circle || circle->radius > kLargestRadiusMm * mm) return std::nullopt;
  double width = 0, drawn = 0, confidence = 0;
  for (const CurvedPiece& p : group) {
    const Segment& s = segments[static_cast<std::size_t>(p.index)];
    width += s.primitive.stroke_width * p.length;
    confidence += s.confidence * p.length;
    drawn += p.length;
  }
  if (!(drawn > 0)) return std::nullopt;
  const cv::Point2d c = circle->centre;
  const double r = circle->radius;
  std::vector<OnCircle> around;
  for (const CurvedPiece& p : group) {
    double sweep = 0;
    for (std::size_t i = 1; i < p.samples.size(); ++i) sweep += turn_about(p.samples[i - 1], p.samples[i], c);
    const cv::Point2d first = sweep >= 0 ? p.samples.front() : p.samples.back();
    double from = std::atan2(first.y - c.y, first.x - c.x);
    if (from < 0) from += 2 * kPi;
    around.push_back({p.index, from, std::abs(sweep), sweep >= 0});
  }
  std::sort(around.begin(), around.end(), [](const OnCircle& x, const OnCircle& y) { return x.from < y.from; });
  // The gap after each dash; the arc leaves the widest one open.
  const std::size_t n = around.size();
  std::vector<double> gaps(n);
  for (std::size_t k = 0; k < n; ++k) {
    const double next = around[(k + 1) % n].from + (k + 1 == n ? 2 * kPi : 0);
    gaps[k] = next - (around[k].from + around[k].sweep);
  }
  const std::size_t open = static_cast<std::size_t>(std::max_element(gaps.begin(), gaps.end()) - gaps.begin());
  for (std::size_t k = 0; k < n; ++k) {
    if (gaps[k] * r < -0.5 * mm) return std::nullopt;  // dashes overlap: not one dashed circle
    if (k != open && gaps[k] * r > kLargestGapMm * mm) return std::nullopt;
  }
  const double start = around[(open + 1) % n].from, sweep = 2 * kPi - gaps[open];
  if (!(sweep > 0 && sweep < 2 * kPi)) return std::nullopt;
  // Its middle stands off its chord by more than the straight joining allows: it is no line.
  if (r * (1 - std::cos(std::min(sweep, kPi) / 2)) <= 2 * kOffLineMm * mm) return std::nullopt;
  const auto at = [&](double angle) { return c + r * cv::Point2d(std::cos(angle), std::sin(angle)); };
  Segment out = segments[static_cast<std::size_t>(group.front().index)];  // the group is in list order
  Primitive& arc = out.primitive;
  arc.kind = PrimitiveKind::arc;
  arc.points = {at(start), at(start + sweep / 2), at(start + sweep), cv::Point2d()};
  arc.centre = c;
  arc.radius = r;
  arc.length = r * sweep;
  arc.stroke_width = width / drawn;
  out.confidence = confidence / drawn;
  arc.trace.clear();
  for (std::size_t k = 1; k <= n; ++k) {
    const OnCircle& o = around[(open + k) % n];
    const Primitive& dash = segments[static_cast<std::size_t>(o.index)].primitive;
    if (o.forward)
      arc.trace.insert(arc.trace.end(), dash.trace.begin(), dash.trace.end());
    else
      arc.trace.insert(arc.trace.end(), dash.trace.rbegin(), dash.trace.rend());
    if (k == 1) arc.start_node = o.forward ? dash.start_node : dash.end_node;
    if (k == n) arc.end_node = o.forward ? dash.end_node : dash.start_node;
  }
  out.dash.count = static_cast<int>(n);
  out.dash.dash_length = drawn / static_cast<double>(n);
  out.dash.gap_length = std::max(0.0, (arc.length - drawn) / static_cast<double>(n - 1));
  return out;
}

// The dashes left single by the straight joining that go on from one another round a curve, joined
// into one arc per circle (three dashes at least: two say little about a circle).
std::vector<std::pair<std::vector<int>, Segment>> dashed_arcs(const std::vector<Segment>& segments, double mm) {
  std::vector<CurvedPiece> pieces;
  for (std::size_t i = 0; i < segments.size(); ++i) {
    const Segment& s = segments[i];
    if (!is_dashed_class(s.line_class) || s.dash.count != 1 || !(s.primitive.length > 0)) continue;
    std::vector<cv::Point2d> samples = sample_points(s.primitive, kSamplesPerDash);
    const cv::Point2d start_out = unit(samples[0] - samples[1]);
    const cv::Point2d end_out = unit(samples[kSamplesPerDash - 1] - samples[kSamplesPerDash - 2]);
    pieces.push_back({static_cast<int>(i), std::move(samples), start_out, end_out, s.primitive.length});
  }
  const auto end_of = [&](std::size_t k, int end) {
    return end == 0 ? pieces[k].samples.front() : pieces[k].samples.back();
  };
  const auto leaving = [&](std::size_t k, int end) { return end == 0 ? pieces[k].start_out : pieces[k].end_out; };
  const auto group_indices =
      chained_groups(pieces.size(), kLargestGapMm * mm, end_of, [&](std::size_t k, int end, std::size_t other) {
        if (segments[pieces[k].index].line_class != segments[pieces[other].index].line_class) return false;
        for (int other_end = 0; other_end < 2; ++other_end)
          if (continues(end_of(k, end), leaving(k, end), end_of(other, other_end), leaving(other, other_end), mm))
            return true;
        return false;
      });
  std::vector<std::pair<std::vector<int>, Segment>> arcs;
  for (const std::vector<int>& indices : group_indices) {
    if (indices.size() < 3) continue;
    std::vector<CurvedPiece> group;
    for (int k : indices) group.push_back(pieces[static_cast<std::size_t>(k)]);
    if (auto arc = joined_arc(segments, group, mm)) {
      std::vector<int> members;
      for (const CurvedPiece& p : group) members.push_back(p.index);
      arcs.emplace_back(std::move(members), std::move(*arc));
    }
  }
  return arcs;
}

// Each joined primitive in its first member's place; the other members go.
std::vector<Segment> replaced(std::vector<Segment> segments, std::vector<std::pair<std::vector<int>, Segment>> joins) {
  std::vector<bool> dropped(segments.size(), false);
  for (auto& [members, segment] : joins) {
    segments[static_cast<std::size_t>(members.front())] = std::move(segment);
    for (std::size_t g = 1; g < members.size(); ++g) dropped[static_cast<std::size_t>(members[g])] = true;
  }
  std::vector<Segment> out;
  out.reserve(segments.size());
  for (std::size_t i = 0; i < segments.size(); ++i)
    if (!dropped[i]) out.push_back(std::move(segments[i]));
  return out;
}

}  // namespace

std::vector<Segment> join_dashes(std::vector<Segment> segments, double dpi) {
  if (!(dpi > 0)) return segments;
  const double mm = dpi / kMmPerInch;
  auto lines = dashed_lines(segments, mm);
  segments = replaced(std::move(segments), std::move(lines));
  auto arcs = dashed_arcs(segments, mm);
  return replaced(std::move(segments), std::move(arcs));
}

}  // namespace drawlens::segment
