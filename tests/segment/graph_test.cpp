// The primitive graph: one finite feature row per primitive, edges both ways between touching
// primitives and to near neighbours, and labels voted from a class mask.
#include <gtest/gtest.h>

#include <cmath>
#include <set>

#include <opencv2/imgproc.hpp>

#include "segment/segment.h"

namespace drawlens::segment {
namespace {

Vectorization two_touching_lines_and_a_far_dot() {
  cv::Mat ink(300, 400, CV_8UC1, cv::Scalar(0));
  cv::line(ink, {50, 50}, {200, 50}, cv::Scalar(255), 2);
  cv::line(ink, {200, 50}, {200, 200}, cv::Scalar(255), 2);
  cv::circle(ink, {300, 220}, 2, cv::Scalar(255), cv::FILLED);
  auto v = vectorize(ink, 150);
  EXPECT_TRUE(v.ok());
  return std::move(v).value();
}

TEST(Graph, EveryPrimitiveHasAFiniteFeatureRow) {
  const auto v = two_touching_lines_and_a_far_dot();
  const Graph g = build_graph(v);
  ASSERT_EQ(g.nodes, static_cast<int>(v.primitives.size()));
  ASSERT_EQ(g.features.size(), v.primitives.size() * kFeatureCount);
  for (float f : g.features) EXPECT_TRUE(std::isfinite(f));
}

TEST(Graph, EdgesGoBothWaysAndJoinTouchingPrimitives) {
  const auto v = two_touching_lines_and_a_far_dot();
  const Graph g = build_graph(v);
  std::set<std::pair<std::int64_t, std::int64_t>> edges;
  for (std::size_t e = 0; e < g.source.size(); ++e) edges.insert({g.source[e], g.target[e]});
  for (auto [s, t] : edges) {
    EXPECT_NE(s, t);
    EXPECT_TRUE(edges.count({t, s})) << s << "->" << t;
  }
  for (int i = 0; i < g.nodes; ++i)
    for (int j = 0; j < g.nodes; ++j) {
      const auto& a = v.primitives[i];
      const auto& b = v.primitives[j];
      const bool touch = i != j && (a.start_node == b.start_node || a.start_node == b.end_node ||
                                    a.end_node == b.start_node || a.end_node == b.end_node);
      if (touch) {
        EXPECT_TRUE(edges.count({i, j}));
      }
    }
  // The isolated dot still has neighbours (the nearest-neighbour edges).
  for (int i = 0; i < g.nodes; ++i) {
    bool has = false;
    for (auto t : g.target) has = has || t == i;
    EXPECT_TRUE(has) << "primitive " << i;
  }
}

TEST(Labels, EachPrimitiveTakesTheClassUnderItsTrace) {
  cv::Mat ink(300, 400, CV_8UC1, cv::Scalar(0)), mask(300, 400, CV_8UC1, cv::Scalar(0));
  cv::line(ink, {50, 60}, {350, 60}, cv::Scalar(255), 2);
  cv::line(mask, {50, 60}, {350, 60}, cv::Scalar(1 + static_cast<int>(LineClass::dimension)), 2);
  cv::circle(ink, {200, 200}, 50, cv::Scalar(255), 2);
  cv::circle(mask, {200, 200}, 50, cv::Scalar(1 + static_cast<int>(LineClass::contour)), 2);
  auto v = vectorize(ink, 150);
  ASSERT_TRUE(v.ok());
  const auto labels = primitive_labels(v.value(), mask);
  ASSERT_EQ(labels.size(), v.value().primitives.size());
  for (std::size_t i = 0; i < labels.size(); ++i) {
    const bool is_arc = v.value().primitives[i].kind == PrimitiveKind::arc;
    EXPECT_EQ(labels[i], static_cast<int>(is_arc ? LineClass::contour : LineClass::dimension));
  }
  EXPECT_EQ(primitive_labels(v.value(), cv::Mat(300, 400, CV_8UC1, cv::Scalar(0)))[0], -1);
}

TEST(LineClasses, NamesRoundTrip) {
  for (int c = 0; c < kClassCount; ++c) {
    const auto lc = static_cast<LineClass>(c);
    EXPECT_EQ(class_from_name(class_name(lc)), lc);
  }
  EXPECT_FALSE(class_from_name("shading").has_value());
}

}  // namespace
}  // namespace drawlens::segment
