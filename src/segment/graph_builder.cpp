// build_graph(): the feature row of every primitive (docs/segment.md, "Node features") and the edges
// between primitives that share a node and from each primitive to its nearest neighbours.
#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_map>

#include <opencv2/imgproc.hpp>

#include "segment/cell_key.h"
#include "segment/segment.h"

namespace drawlens::segment {
namespace {

constexpr double kMmPerInch = 25.4;
constexpr std::size_t kMaxTouchingFanOut = 8;
constexpr int kNeighbourRings = 8;  // of 5 mm cells: neighbours are looked for up to 40 mm away

struct UnionFind {
  std::vector<int> parent;
  explicit UnionFind(int n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
  int find(int a) {
    while (parent[a] != a) a = parent[a] = parent[parent[a]];
    return a;
  }
  void join(int a, int b) { parent[find(a)] = find(b); }
};

cv::Point2d sample(const Primitive& p, double t) {
  if (p.trace.empty()) return p.points[0];
  const auto i = static_cast<std::size_t>(std::lround(t * static_cast<double>(p.trace.size() - 1)));
  return p.trace[i];
}

// Midpoints in a uniform grid, for the neighbour queries.
class MidpointGrid {
 public:
  MidpointGrid(const std::vector<cv::Point2d>& points, double cell) : points_(points), cell_(cell) {
    for (std::size_t i = 0; i < points.size(); ++i) cells_[key(cell_of(points[i]))].push_back(static_cast<int>(i));
  }
  // The k nearest other points, nearest first, looked for up to `max_rings` cells away.
  std::vector<int> nearest(int i, int k, int max_rings) const {
    std::vector<std::pair<double, int>> found;
    const cv::Point c = cell_of(points_[i]);
    for (int ring = 0; ring <= max_rings; ++ring) {
      for (int dy = -ring; dy <= ring; ++dy)
        for (int dx = -ring; dx <= ring; ++dx) {
          if (std::max(std::abs(dx), std::abs(dy)) != ring) continue;
          auto it = cells_.find(key({c.x + dx, c.y + dy}));
          if (it == cells_.end()) continue;
          for (int j : it->second)
            if (j != i) found.push_back({cv::norm(points_[j] - points_[i]), j});
        }
      // Points within `ring` cells are all closer than ring * cell: stop once k of them are.
      const double sure = ring * cell_;
      const auto within = std::count_if(found.begin(), found.end(), [sure](auto& f) { return f.first <= sure; });
      if (within >= k) break;
    }
    std::sort(found.begin(), found.end());
    if (static_cast<int>(found.size()) > k) found.resize(k);
    std::vector<int> out;
    for (auto& f : found) out.push_back(f.second);
    return out;
  }
  int count_within(int i, double radius) const {
    const cv::Point c = cell_of(points_[i]);
    const int rings = static_cast<int>(std::ceil(radius / cell_));
    int n = 0;
    for (int dy = -rings; dy <= rings; ++dy)
      for (int dx = -rings; dx <= rings; ++dx) {
        auto it = cells_.find(key({c.x + dx, c.y + dy}));
        if (it == cells_.end()) continue;
        for (int j : it->second) n += j != i && cv::norm(points_[j] - points_[i]) <= radius;
      }
    return n;
  }

 private:
  cv::Point cell_of(cv::Point2d p) const {
    return {static_cast<int>(std::floor(p.x / cell_)), static_cast<int>(std::floor(p.y / cell_))};
  }
  static std::uint64_t key(cv::Point c) { return cell_key(c.x, c.y); }
  const std::vector<cv::Point2d>& points_;
  double cell_;
  std::unordered_map<std::uint64_t, std::vector<int>> cells_;
};

// Share of ink in a square window (working pixels) of the integral image.
double ink_share(const cv::Mat& integral, cv::Point2d centre, int half) {
  const int x0 = std::clamp(static_cast<int>(centre.x) - half, 0, integral.cols - 1);
  const int x1 = std::clamp(static_cast<int>(centre.x) + half + 1, 0, integral.cols - 1);
  const int y0 = std::clamp(static_cast<int>(centre.y) - half, 0, integral.rows - 1);
  const int y1 = std::clamp(static_cast<int>(centre.y) + half + 1, 0, integral.rows - 1);
  const double area = static_cast<double>(x1 - x0) * (y1 - y0);
  if (area <= 0) return 0;
  const double sum =
      integral.at<int>(y1, x1) - integral.at<int>(y0, x1) - integral.at<int>(y1, x0) + integral.at<int>(y0, x0);
  return sum / area;
}

}  // namespace

Graph build_graph(const Vectorization& v) {
  Graph g;
  const auto& prims = v.primitives;
  const int n = static_cast<int>(prims.size());
  g.nodes = n;
  g.features.assign(static_cast<std::size_t>(n) * kFeatureCount, 0.0f);
  if (n == 0) return g;
  const double mm = v.dpi / kMmPerInch;  // page pixels per millimetre

  // Who touches whom, and the connected pieces of linework.
  std::vector<std::vector<int>> at_node(static_cast<std::size_t>(std::max(v.node_count, 1)));
  UnionFind pieces(std::max(v.node_count, 1));
  for (int i = 0; i < n; ++i) {
    for (int node : {prims[i].start_node, prims[i].end_node})
      if (node >= 0 && node < v.node_count) at_node[node].push_back(i);
    if (prims[i].start_node >= 0 && prims[i].end_node >= 0) pieces.join(prims[i].start_node, prims[i].end_node);
  }
  std::unordered_map<int, cv::Rect2d> piece_box;
  std::unordered_map<int, int> piece_count;
  std::unordered_map<int, double> piece_length;
  std::vector<int> piece_of(n, -1);
  for (int i = 0; i < n; ++i) {
    if (prims[i].start_node < 0) continue;
    const int c = piece_of[i] = pieces.find(prims[i].start_node);
    cv::Rect2d box = cv::boundingRect(std::vector<cv::Point2f>(prims[i].trace.begin(), prims[i].trace.end()));
    auto it = piece_box.find(c);
    piece_box[c] = it == piece_box.end() ? box : (it->second | box);
    ++piece_count[c];
    piece_length[c] += prims[i].length;
  }

  std::vector<cv::Point2d> middle(n);
  std::vector<double> widths(n);
  for (int i = 0; i < n; ++i) middle[i] = sample(prims[i], 0.5), widths[i] = prims[i].stroke_width;
  std::vector<double> sorted_widths = widths;
  std::nth_element(sorted_widths.begin(), sorted_widths.begin() + n / 2, sorted_widths.end());
  const double median_width = std::max(1e-6, sorted_widths[n / 2]);
  const MidpointGrid grid(middle, 5 * mm);
  cv::Mat integral;
  cv::integral(v.working_ink / 255, integral, CV_32S);
  const double to_working = 1.0 / v.scale;
  const int end_window = std::max(1, static_cast<int>(std::lround(1.0 * mm * to_working)));
  const int local_window = std::max(2, static_cast<int>(std::lround(4.0 * mm * to_working)));

  std::vector<std::vector<int>> nearest(n);
  for (int i = 0; i < n; ++i) nearest[i] = grid.nearest(i, kNearestNeighbours, kNeighbourRings);

  for (int i = 0; i < n; ++i) {
    const Primitive& p = prims[i];
    float* f = &g.features[static_cast<std::size_t>(i) * kFeatureCount];
    f[static_cast<int>(p.kind)] = 1;  // 0..2
    const double length_mm = p.length / mm;
    f[3] = static_cast<float>(std::log1p(length_mm));
    const cv::Point2d a = p.points[0], b = p.points[p.point_count() - 1];
    const cv::Point2d chord = b - a;
    const double chord_length = cv::norm(chord);
    if (chord_length > 0) {
      const double angle = std::atan2(chord.y, chord.x);
      f[4] = static_cast<float>(std::sin(2 * angle));
      f[5] = static_cast<float>(std::cos(2 * angle));
    }
    if (p.kind == PrimitiveKind::arc) {
      f[6] = static_cast<float>(std::min(4.0, mm / std::max(p.radius, 1e-6)) / 4);
      f[8] = static_cast<float>(std::min(1.0, p.length / std::max(p.radius, 1e-6) / (2 * 3.14159265358979)));
    }
    f[7] = p.length > 0 ? static_cast<float>(1 - std::min(1.0, chord_length / p.length)) : 0;
    f[9] = static_cast<float>(2 * p.stroke_width / mm);
    f[10] = static_cast<float>(std::min(4.0, p.stroke_width / median_width));
    auto touching = [&](int node) {
      if (node < 0 || node >= v.node_count) return 0.0;
      return std::min(4.0, static_cast<double>(at_node[node].size() - 1)) / 4;
    };
    const double ts = touching(p.start_node), te = touching(p.end_node);
    f[11] = static_cast<float>(std::min(ts, te));
    f[12] = static_cast<float>(std::max(ts, te));
    const double da = ink_share(integral, a * to_working, end_window);
    const double db = ink_share(integral, b * to_working, end_window);
    f[13] = static_cast<float>(std::min(da, db));
    f[14] = static_cast<float>(std::max(da, db));
    // Dashes: neighbours in line with this primitive, just beyond its ends. Hatching: parallel
    // neighbours beside it.
    int in_line = 0, parallel = 0;
    const cv::Point2d direction = chord_length > 0 ? chord * (1 / chord_length) : cv::Point2d(1, 0);
    for (int j : nearest[i]) {
      const Primitive& q = prims[j];
      const cv::Point2d qa = q.points[0], qb = q.points[q.point_count() - 1];
      const cv::Point2d qc = qb - qa;
      const double ql = cv::norm(qc);
      if (ql <= 0 || chord_length <= 0 || q.kind != PrimitiveKind::line) continue;
      const double cross = std::abs(direction.cross(qc * (1 / ql)));
      if (cross > 0.1) continue;
      const double offset = std::abs(direction.cross(middle[j] - middle[i]));
      const double gap = std::min({cv::norm(qa - a), cv::norm(qa - b), cv::norm(qb - a), cv::norm(qb - b)});
      if (offset < 0.3 * mm && gap < 4 * mm)
        ++in_line;
      else if (offset >= 0.3 * mm && offset < 10 * mm)
        ++parallel;
    }
    f[15] = static_cast<float>(std::min(4, in_line)) / 4;
    f[16] = static_cast<float>(ink_share(integral, middle[i] * to_working, local_window));
    f[17] = static_cast<float>(std::log1p(grid.count_within(i, 5 * mm)));
    f[18] = static_cast<float>(middle[i].x / v.page_size.width);
    f[19] = static_cast<float>(middle[i].y / v.page_size.height);
    if (piece_of[i] >= 0) {
      const cv::Rect2d& box = piece_box[piece_of[i]];
      f[20] = static_cast<float>(std::log1p(box.width / mm));
      f[21] = static_cast<float>(std::log1p(box.height / mm));
      f[22] = static_cast<float>(std::log1p(piece_count[piece_of[i]]));
      f[23] = static_cast<float>(std::log1p(piece_length[piece_of[i]] / mm));
    }
    const double reach = std::max(p.length, 0.5 * mm) / 2;
    for (int k = 0; k < 4; ++k) {
      const cv::Point2d s = (sample(p, k / 3.0) - middle[i]) * (1 / reach);
      f[24 + 2 * k] = static_cast<float>(s.x);
      f[25 + 2 * k] = static_cast<float>(s.y);
    }
    f[32] = static_cast<float>(std::min(4, parallel)) / 4;
  }

  // Edges both ways: shared nodes (fan-out capped at a dense junction), then nearest neighbours.
  std::vector<std::pair<std::int64_t, std::int64_t>> edges;
  for (const auto& touching : at_node) {
    const std::size_t m = std::min(touching.size(), kMaxTouchingFanOut);
    for (std::size_t x = 0; x < m; ++x)
      for (std::size_t y = 0; y < m; ++y)
        if (touching[x] != touching[y]) edges.push_back({touching[x], touching[y]});
  }
  for (int i = 0; i < n; ++i)
    for (int j : nearest[i]) {
      edges.push_back({i, j});
      edges.push_back({j, i});
    }
  std::sort(edges.begin(), edges.end());
  edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
  g.source.reserve(edges.size());
  g.target.reserve(edges.size());
  for (auto [s, t] : edges) {
    g.source.push_back(s);
    g.target.push_back(t);
  }
  return g;
}

}  // namespace drawlens::segment
