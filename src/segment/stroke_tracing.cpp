// Walks a skeleton from its nodes along one-pixel paths, preferring 4-neighbours so the staircases
// thinning leaves on diagonals are followed pixel by pixel, then picks up the loops no node touches.
#include "segment/stroke_tracing.h"

#include <algorithm>
#include <array>
#include <cstdint>

namespace drawlens::segment {
namespace {

class Skeleton {
 public:
  explicit Skeleton(const cv::Mat& skeleton)
      : w_(skeleton.cols + 2), h_(skeleton.rows + 2), on_(static_cast<std::size_t>(w_) * h_, 0) {
    for (int y = 0; y < skeleton.rows; ++y) {
      const std::uint8_t* row = skeleton.ptr<std::uint8_t>(y);
      for (int x = 0; x < skeleton.cols; ++x)
        if (row[x]) on_[index(x, y)] = 1;
    }
    // 4-neighbours first (N, E, S, W), then the diagonals; circular order kept separately.
    step_ = {-w_, 1, w_, -1, -w_ + 1, w_ + 1, w_ - 1, -w_ - 1};
    ring_ = {-w_, -w_ + 1, 1, w_ + 1, w_, w_ - 1, -1, -w_ - 1};
  }
  int index(int x, int y) const { return (y + 1) * w_ + x + 1; }
  cv::Point point(int at) const { return {at % w_ - 1, at / w_ - 1}; }
  bool on(int at) const { return on_[at] != 0; }
  std::size_t size() const { return on_.size(); }
  const std::array<int, 8>& steps() const { return step_; }

  // Paper-to-ink transitions around the pixel, and its ink neighbours.
  int crossings(int at) const {
    int n = 0;
    for (int i = 0; i < 8; ++i) n += !on_[at + ring_[i]] && on_[at + ring_[(i + 1) & 7]];
    return n;
  }
  int neighbours(int at) const {
    int n = 0;
    for (int d : ring_) n += on_[at + d];
    return n;
  }
  bool touching(int a, int b) const {
    const int dx = a % w_ - b % w_, dy = a / w_ - b / w_;
    return dx >= -1 && dx <= 1 && dy >= -1 && dy <= 1;
  }

 private:
  int w_, h_;
  std::vector<std::uint8_t> on_;
  std::array<int, 8> step_{}, ring_{};
};

class Tracer {
 public:
  explicit Tracer(const cv::Mat& skeleton) : sk_(skeleton), node_of_(sk_.size(), -1), visited_(sk_.size(), 0) {
    std::vector<int> junctions;
    for (int y = 0; y < skeleton.rows; ++y)
      for (int x = 0; x < skeleton.cols; ++x) {
        const int at = sk_.index(x, y);
        if (!sk_.on(at)) continue;
        const int c = sk_.crossings(at);
        if (c == 2) continue;
        if (c == 1 || sk_.neighbours(at) == 0) {
          node_of_[at] = out_.node_count++;
          node_pixels_.push_back(at);
        } else {
          junctions.push_back(at);
        }
      }
    // Touching junction pixels are one node.
    std::vector<std::uint8_t> junction(sk_.size(), 0);
    for (int at : junctions) junction[at] = 1;
    for (int seed : junctions) {
      if (node_of_[seed] >= 0) continue;
      const int id = out_.node_count++;
      std::vector<int> stack = {seed};
      node_of_[seed] = id;
      while (!stack.empty()) {
        const int at = stack.back();
        stack.pop_back();
        node_pixels_.push_back(at);
        for (int d : sk_.steps()) {
          const int next = at + d;
          if (junction[next] && node_of_[next] < 0) {
            node_of_[next] = id;
            stack.push_back(next);
          }
        }
      }
    }
  }

  TracedSkeleton run(const cv::Mat& skeleton) {
    for (int start : node_pixels_) {
      if (sk_.neighbours(start) == 0) {
        out_.strokes.push_back({{sk_.point(start)}, node_of_[start], node_of_[start], false});
        continue;
      }
      for (int d : sk_.steps()) {
        const int next = start + d;
        if (!sk_.on(next)) continue;
        if (node_of_[next] >= 0) {
          // Two nodes side by side: a stroke of two pixels, made once.
          if (node_of_[next] != node_of_[start] && start < next)
            out_.strokes.push_back({{sk_.point(start), sk_.point(next)}, node_of_[start], node_of_[next], false});
          continue;
        }
        if (!visited_[next]) walk(start, next);
      }
    }
    // What is left are loops without a node.
    for (int y = 0; y < skeleton.rows; ++y)
      for (int x = 0; x < skeleton.cols; ++x) {
        const int at = sk_.index(x, y);
        if (sk_.on(at) && node_of_[at] < 0 && !visited_[at]) walk_loop(at);
      }
    return std::move(out_);
  }

 private:
  // The next pixel after `current`: a node pixel when one touches it (not the start's own node in
  // the first steps), else an unvisited path pixel, 4-neighbours first; -1 at a dead end.
  int next_pixel(int current, int previous, int start_node, std::size_t length) const {
    for (int d : sk_.steps()) {
      const int next = current + d;
      if (next == previous || !sk_.on(next) || node_of_[next] < 0) continue;
      if (node_of_[next] == start_node && length < 3) continue;
      return next;
    }
    for (int d : sk_.steps()) {
      const int next = current + d;
      if (sk_.on(next) && node_of_[next] < 0 && !visited_[next]) return next;
    }
    return -1;
  }

  void walk(int start, int first) {
    TracedStroke stroke;
    stroke.start_node = node_of_[start];
    stroke.pixels = {sk_.point(start), sk_.point(first)};
    visited_[first] = 1;
    int previous = start, current = first;
    while (true) {
      const int next = next_pixel(current, previous, stroke.start_node, stroke.pixels.size());
      if (next < 0) {
        stroke.end_node = out_.node_count++;  // a dead end thinning left without an end pixel
        break;
      }
      stroke.pixels.push_back(sk_.point(next));
      if (node_of_[next] >= 0) {
        stroke.end_node = node_of_[next];
        break;
      }
      visited_[next] = 1;
      previous = current;
      current = next;
    }
    out_.strokes.push_back(std::move(stroke));
  }

  void walk_loop(int start) {
    TracedStroke stroke;
    stroke.pixels = {sk_.point(start)};
    visited_[start] = 1;
    int previous = -1, current = start;
    while (true) {
      const int next = next_pixel(current, previous, -1, stroke.pixels.size());
      if (next < 0) break;
      stroke.pixels.push_back(sk_.point(next));
      visited_[next] = 1;
      previous = current;
      current = next;
    }
    stroke.closed = stroke.pixels.size() > 2 && sk_.touching(current, start);
    stroke.start_node = out_.node_count++;
    stroke.end_node = stroke.closed ? stroke.start_node : out_.node_count++;
    out_.strokes.push_back(std::move(stroke));
  }

  Skeleton sk_;
  std::vector<int> node_of_;
  std::vector<std::uint8_t> visited_;
  std::vector<int> node_pixels_;
  TracedSkeleton out_;
};

}  // namespace

TracedSkeleton trace_strokes(const cv::Mat& skeleton) {
  Tracer tracer(skeleton);
  return tracer.run(skeleton);
}

void prune_spurs(TracedSkeleton& skeleton, int max_pixels) {
  auto& strokes = skeleton.strokes;
  std::vector<int> uses(static_cast<std::size_t>(skeleton.node_count), 0);
  for (const auto& s : strokes) ++uses[s.start_node], ++uses[s.end_node];
  std::vector<TracedStroke> kept;
  kept.reserve(strokes.size());
  for (auto& s : strokes) {
    const bool free_start = uses[s.start_node] == 1, free_end = uses[s.end_node] == 1;
    const bool spur = static_cast<int>(s.pixels.size()) <= max_pixels && !s.closed && free_start != free_end &&
                      uses[free_start ? s.end_node : s.start_node] >= 3;
    if (spur) {
      --uses[s.start_node], --uses[s.end_node];
    } else {
      kept.push_back(std::move(s));
    }
  }
  strokes = std::move(kept);

  // Join the two strokes at every node where exactly two ends of different strokes meet.
  std::vector<std::vector<std::size_t>> at_node(static_cast<std::size_t>(skeleton.node_count));
  for (std::size_t i = 0; i < strokes.size(); ++i) {
    at_node[strokes[i].start_node].push_back(i);
    at_node[strokes[i].end_node].push_back(i);
  }
  std::vector<bool> alive(strokes.size(), true);
  for (int node = 0; node < skeleton.node_count; ++node) {
    auto& here = at_node[node];
    if (here.size() != 2 || here[0] == here[1]) continue;
    TracedStroke& a = strokes[here[0]];
    TracedStroke& b = strokes[here[1]];
    if (a.end_node != node) {
      std::reverse(a.pixels.begin(), a.pixels.end());
      std::swap(a.start_node, a.end_node);
    }
    if (b.start_node != node) {
      std::reverse(b.pixels.begin(), b.pixels.end());
      std::swap(b.start_node, b.end_node);
    }
    const bool repeated = a.pixels.back() == b.pixels.front();
    a.pixels.insert(a.pixels.end(), b.pixels.begin() + (repeated ? 1 : 0), b.pixels.end());
    a.end_node = b.end_node;
    a.closed = a.start_node == a.end_node;
    const std::size_t gone = here[1], into = here[0];
    alive[gone] = false;
    for (std::size_t& s : at_node[b.end_node])
      if (s == gone) s = into;
    here.clear();
  }
  std::vector<TracedStroke> joined;
  joined.reserve(strokes.size());
  for (std::size_t i = 0; i < strokes.size(); ++i)
    if (alive[i]) joined.push_back(std::move(strokes[i]));
  strokes = std::move(joined);
}

}  // namespace drawlens::segment
