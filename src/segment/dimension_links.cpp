// link_dimensions(): each dimension's lettering tied to its own dimension, extension and leader
// lines and arrowheads, and through their free ends to the outline it measures (docs/segment.md,
// "Dimensions and their linework").
#include <algorithm>
#include <cmath>
#include <limits>
#include <queue>
#include <set>
#include <unordered_map>

#include <opencv2/imgproc.hpp>

#include "segment/cell_key.h"
#include "segment/segment.h"

namespace drawlens::segment {
namespace {

constexpr double kMmPerInch = 25.4;
constexpr double kSampleStepMm = 0.5;
constexpr double kTouchMm = 0.6;          // pieces of linework this close touch
constexpr double kAnchorMm = 2.0;         // a dimension line runs at most this far from its lettering
constexpr double kAnchorSlackMm = 0.7;    // further anchors (a dimension line broken by its text)
constexpr double kAcrossPenaltyMm = 1.0;  // a line across the lettering's direction is a worse anchor
constexpr double kAbovePenaltyMm = 1.0;   // and so is one above it: lettering stands on its line
constexpr double kClearOfTextMm = 1.5;    // line ends this near the lettering are no feature ends
constexpr double kFeatureReachMm = 2.5;   // an extension line starts this near its feature (ISO gap 1 mm)
constexpr double kBehindMm = 0.5;         // a feature may lie this far behind a free end
constexpr int kMaxHops = 10;              // of touching pieces from the lines next to the lettering
constexpr double kStraightOn = 0.9;       // cos of the most a line turns where another continues it
constexpr double kFanOut = 0.7;           // cos of the widest angle between strokes of one arrowhead
constexpr double kOvershootMm = 3.5;      // an extension line runs on this far past its dimension line
constexpr double kInLettering = 0.7;      // the share of a piece inside a lettering's box that makes it lettering

bool is_annotation(LineClass c) {
  return c == LineClass::dimension;
}
bool is_feature(LineClass c) {
  return c == LineClass::contour || c == LineClass::hidden || c == LineClass::centre;
}

// Sample points of every segment, in a uniform grid for the "what lies within r" queries.
class SampleGrid {
 public:
  SampleGrid(const std::vector<Segment>& segments, double step, double cell) : cell_(cell) {
    samples_.resize(segments.size());
    for (std::size_t i = 0; i < segments.size(); ++i) {
      const Primitive& p = segments[i].primitive;
      samples_[i] = sample_points(p, std::max(2, static_cast<int>(std::ceil(p.length / step)) + 1));
      for (const cv::Point2d& q : samples_[i]) cells_[key(q)].push_back(static_cast<int>(i));
    }
    for (auto& [k, list] : cells_) {
      std::sort(list.begin(), list.end());
      list.erase(std::unique(list.begin(), list.end()), list.end());
    }
  }
  const std::vector<cv::Point2d>& samples(int i) const { return samples_[static_cast<std::size_t>(i)]; }
  // Segments with a sample within `radius` of `at`, with that distance, by index.
  std::vector<std::pair<int, double>> near(const cv::Point2d& at, double radius) const {
    std::unordered_map<int, double> found;
    const int rings = static_cast<int>(std::ceil(radius / cell_));
    const long long cx = cell(at.x), cy = cell(at.y);
    for (long long dy = -rings; dy <= rings; ++dy)
      for (long long dx = -rings; dx <= rings; ++dx) {
        const auto it = cells_.find(cell_key(cx + dx, cy + dy));
        if (it == cells_.end()) continue;
        for (int i : it->second) {
          if (found.count(i)) continue;
          const double d = distance(at, i);
          if (d <= radius) found[i] = d;
        }
      }
    std::vector<std::pair<int, double>> out(found.begin(), found.end());
    std::sort(out.begin(), out.end());  // by index: ties go the same way on every run
    return out;
  }
  double distance(const cv::Point2d& at, int i) const {
    double best = std::numeric_limits<double>::infinity();
    for (const cv::Point2d& q : samples(i)) best = std::min(best, cv::norm(q - at));
    return best;
  }

 private:
  long long cell(double v) const { return static_cast<long long>(std::floor(v / cell_)); }
  std::uint64_t key(const cv::Point2d& p) const { return cell_key(cell(p.x), cell(p.y)); }
  double cell_;
  std::vector<std::vector<cv::Point2d>> samples_;
  std::unordered_map<std::uint64_t, std::vector<int>> cells_;
};

double distance_to_quad(const cv::Point2d& p, const std::vector<cv::Point2f>& quad) {
  return std::max(0.0,
                  -cv::pointPolygonTest(quad, cv::Point2f(static_cast<float>(p.x), static_cast<float>(p.y)), true));
}

struct Lettering {
  std::vector<cv::Point2f> quad;
  cv::Point2d centre;
  cv::Point2d along = {1, 0};  // unit, the reading direction
  cv::Point2d down = {0, 1};   // unit, from the lettering's top to its foot
  double height = 0;
  double reach = 0;  // from the centre to its farthest corner
};

Lettering lettering_of(const Quad& corners) {
  Lettering l;
  for (const cv::Point2d& c : corners) l.quad.emplace_back(static_cast<float>(c.x), static_cast<float>(c.y));
  l.centre = (corners[0] + corners[2]) * 0.5;
  for (const cv::Point2d& c : corners) l.reach = std::max(l.reach, cv::norm(c - l.centre));
  const cv::Point2d a = corners[1] - corners[0], b = corners[2] - corners[1];
  l.height = cv::norm(b);
  if (cv::norm(a) > 0) l.along = a * (1 / cv::norm(a));
  if (l.height > 0) l.down = b * (1 / l.height);
  return l;
}

// How far a segment's chord turns from a direction, as |sin|; 0 for a piece too short to tell.
double turn_from(const Primitive& p, const cv::Point2d& direction) {
  const cv::Point2d chord = p.points[static_cast<std::size_t>(p.point_count() - 1)] - p.points[0];
  const double n = cv::norm(chord);
  return n > 0 ? std::abs(direction.cross(chord * (1 / n))) : 0.0;
}

// A line's end: where it is and the direction from there into the line.
struct LineEnd {
  cv::Point2d at;
  cv::Point2d inward;
};

LineEnd end_of(const std::vector<cv::Point2d>& samples, bool at_start) {
  const std::size_t last = samples.size() - 1, step = std::min<std::size_t>(2, last);
  const cv::Point2d at = at_start ? samples.front() : samples.back();
  const cv::Point2d inside = at_start ? samples[step] : samples[last - step];
  const double n = cv::norm(inside - at);
  return {at, n > 0 ? (inside - at) * (1 / n) : cv::Point2d(0, 0)};
}

// Whether a line (its samples) starts or ends at `end` and runs on from there in the direction
// opposite to the one the ending line came from.
bool continues(const LineEnd& end, const std::vector<cv::Point2d>& samples, double mm) {
  for (const bool at_start : {true, false}) {
    const LineEnd other = end_of(samples, at_start);
    if (cv::norm(other.at - end.at) <= (kTouchMm + kSampleStepMm) * mm && other.inward.dot(end.inward) < -kStraightOn)
      return true;
  }
  return false;
}

// Whether a line (its samples) starts at `end` and runs off within 45 degrees of the ending line's
// own direction: strokes of one arrowhead fanning out from its tip.
bool fans_out_with(const LineEnd& end, const std::vector<cv::Point2d>& samples, double mm) {
  for (const bool at_start : {true, false}) {
    const LineEnd other = end_of(samples, at_start);
    if (cv::norm(other.at - end.at) <= (kTouchMm + kSampleStepMm) * mm && other.inward.dot(end.inward) > kFanOut)
      return true;
  }
  return false;
}

// Whether a line (its samples) crossing another at `at` ends within kOvershootMm of it on one side:
// an extension line's overshoot past its dimension line (a piece of it that starts at the crossing
// is short; one that runs through the crossing ends just past it).
bool is_overshoot(const cv::Point2d& at, const std::vector<cv::Point2d>& samples, double mm) {
  const double to_front = cv::norm(samples.front() - at), to_back = cv::norm(samples.back() - at);
  const bool starts_here = std::min(to_front, to_back) <= (kTouchMm + kSampleStepMm) * mm;
  return (starts_here ? std::max(to_front, to_back) : std::min(to_front, to_back)) <= kOvershootMm * mm;
}

}  // namespace

std::vector<DimensionLinework> link_dimensions(const std::vector<Segment>& segments, const std::vector<Quad>& callouts,
                                               double dpi) {
  std::vector<DimensionLinework> links(callouts.size());
  if (segments.empty() || callouts.empty() || !(dpi > 0)) return links;
  const double mm = dpi / kMmPerInch;
  const SampleGrid grid(segments, kSampleStepMm * mm, 1.0 * mm);
  const int n = static_cast<int>(segments.size());

  std::vector<Lettering> letterings;
  for (const Quad& q : callouts) letterings.push_back(lettering_of(q));
  // The lines a dimension is drawn with: annotation-class pieces that are not strokes of its
  // lettering (those touching a leader's shoulder may be classified with it).
  std::vector<bool> line(segments.size(), false);
  for (int i = 0; i < n; ++i) line[i] = is_annotation(segments[i].line_class);
  for (const Lettering& l : letterings) {
    for (const auto& [i, d] : grid.near(l.centre, l.reach)) {
      if (!line[i]) continue;
      const std::vector<cv::Point2d>& s = grid.samples(i);
      const auto inside =
          std::count_if(s.begin(), s.end(), [&](const cv::Point2d& q) { return distance_to_quad(q, l.quad) == 0.0; });
      if (static_cast<double>(inside) >= kInLettering * static_cast<double>(s.size())) line[i] = false;
    }
  }

  // Where a line may lead at each of its ends: straight on into a line continuing it, and into a
  // line crossing it close to its own end (an extension line's overshoot past a dimension line); where
  // none continues it (a dimension line's end at its extension line, a leader's elbow), into any line
  // there. A line crossing another far from its ends (a leader across a dimension line) is no part of it.
  std::vector<std::vector<int>> leads_to(segments.size());
  for (int i = 0; i < n; ++i) {
    if (!line[i]) continue;
    std::set<int> found;
    for (const bool at_start : {true, false}) {
      const LineEnd end = end_of(grid.samples(i), at_start);
      std::vector<int> others, straight_on;
      for (const auto& [j, d] : grid.near(end.at, kTouchMm * mm)) {
        if (j == i || !line[static_cast<std::size_t>(j)]) continue;
        const std::vector<cv::Point2d>& other = grid.samples(j);
        if (continues(end, other, mm)) {
          straight_on.push_back(j);
        } else {
          others.push_back(j);
          if (is_overshoot(end.at, other, mm)) straight_on.push_back(j);
        }
      }
      found.insert(straight_on.begin(), straight_on.end());
      if (straight_on.empty()) found.insert(others.begin(), others.end());
    }
    leads_to[i].assign(found.begin(), found.end());
  }

  // Anchors: the lines next to each lettering, preferring lines along it; a line anchors only the
  // lettering it serves best.
  std::vector<std::vector<std::pair<int, double>>> scored(callouts.size());  // (line, score)
  std::unordered_map<int, double> best_for_line;
  for (std::size_t c = 0; c < callouts.size(); ++c) {
    const Lettering& l = letterings[c];
    for (const auto& [i, unused] : grid.near(l.centre, l.reach + kAnchorMm * mm)) {
      if (!line[i]) continue;
      double d = std::numeric_limits<double>::infinity();
      cv::Point2d nearest;
      for (const cv::Point2d& q : grid.samples(i)) {
        const double dq = distance_to_quad(q, l.quad);
        if (dq < d) d = dq, nearest = q;
      }
      if (d > kAnchorMm * mm) continue;
      const bool across = turn_from(segments[i].primitive, l.along) > 0.3;
      const bool above = (nearest - l.centre).dot(l.down) < -0.25 * l.height;
      const double score = d + (across ? kAcrossPenaltyMm * mm : 0.0) + (above ? kAbovePenaltyMm * mm : 0.0);
      scored[c].emplace_back(i, score);
      const auto [it, first] = best_for_line.emplace(i, score);
      if (!first) it->second = std::min(it->second, score);
    }
  }

  // Steps from each lettering's anchors along where lines lead, and for each line the fewest.
  std::vector<std::unordered_map<int, int>> steps(callouts.size());
  std::unordered_map<int, int> fewest;
  for (std::size_t c = 0; c < callouts.size(); ++c) {
    if (scored[c].empty()) continue;
    double best = scored[c].front().second;
    for (const auto& [i, score] : scored[c]) best = std::min(best, score);
    std::queue<int> frontier;
    for (const auto& [i, score] : scored[c]) {
      if (score <= best + kAnchorSlackMm * mm && score <= best_for_line[i] + kAnchorSlackMm * mm) {
        steps[c][i] = 0;
        frontier.push(i);
      }
    }
    while (!frontier.empty()) {
      const int i = frontier.front();
      frontier.pop();
      const int here = steps[c][i];
      const auto [it, first] = fewest.emplace(i, here);
      if (!first) it->second = std::min(it->second, here);
      if (here >= kMaxHops) continue;
      for (int j : leads_to[i]) {
        if (steps[c].emplace(j, here + 1).second) frontier.push(j);
      }
    }
  }
  // Each line belongs to the letterings it is fewest steps from (a shared extension line to both).
  for (std::size_t c = 0; c < callouts.size(); ++c) {
    for (const auto& [i, count] : steps[c])
      if (count == fewest[i]) links[c].lines.push_back(i);
    std::sort(links[c].lines.begin(), links[c].lines.end());
  }

  // The feature: from each free end of a lettering's lines (no other line runs on from it) away from
  // the lettering, the nearest outline ahead.
  for (std::size_t c = 0; c < callouts.size(); ++c) {
    std::set<int> feature;
    for (int i : links[c].lines) {
      const std::vector<cv::Point2d>& s = grid.samples(i);
      for (const bool at_start : {true, false}) {
        const LineEnd here = end_of(s, at_start);
        const cv::Point2d end = here.at, direction = -here.inward;
        if (distance_to_quad(end, letterings[c].quad) <= kClearOfTextMm * mm) continue;
        // Free: every other line here starts here too and runs back the same way (an arrowhead's
        // strokes at its tip); a line running on or through makes it a junction.
        const auto near_end = grid.near(end, kTouchMm * mm);
        const bool free = std::all_of(near_end.begin(), near_end.end(), [&](const std::pair<int, double>& found) {
          const int j = found.first;
          if (j == i || !line[static_cast<std::size_t>(j)]) return true;
          return fans_out_with(here, grid.samples(j), mm);
        });
        if (!free) continue;
        int nearest = -1;
        double nearest_distance = std::numeric_limits<double>::infinity();
        for (const auto& [j, d] : grid.near(end, kFeatureReachMm * mm)) {
          if (!is_feature(segments[j].line_class) || d >= nearest_distance) continue;
          // Behind the end only by a little: the outline lies ahead of an extension line or leader.
          bool ahead_of_end = false;
          for (const cv::Point2d& q : grid.samples(j))
            ahead_of_end = ahead_of_end ||
                           (cv::norm(q - end) <= kFeatureReachMm * mm && (q - end).dot(direction) >= -kBehindMm * mm);
          if (!ahead_of_end) continue;
          nearest = j;
          nearest_distance = d;
        }
        if (nearest >= 0) feature.insert(nearest);
      }
    }
    links[c].feature.assign(feature.begin(), feature.end());
  }
  return links;
}

}  // namespace drawlens::segment
