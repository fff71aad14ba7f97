// The vectorizer on drawn shapes of known geometry: thinning, strokes and nodes, lines, circles as
// arcs, curves as Béziers within the error bound, dashes as separate pieces, stroke widths, and bad
// input refused with a status.
#include <gtest/gtest.h>

#include <cmath>
#include <map>

#include <opencv2/imgproc.hpp>

#include "segment/segment.h"

namespace drawlens::segment {
namespace {

constexpr double kDpi = 150;  // the working resolution: no reduction

cv::Mat paper(int w = 400, int h = 300) {
  return cv::Mat(h, w, CV_8UC1, cv::Scalar(0));
}

Vectorization vectorized(const cv::Mat& ink, double dpi = kDpi) {
  auto v = vectorize(ink, dpi);
  EXPECT_TRUE(v.ok()) << v.error().message;
  return v.ok() ? std::move(v).value() : Vectorization{};
}

double total_length(const Vectorization& v) {
  double sum = 0;
  for (const auto& p : v.primitives) sum += p.length;
  return sum;
}

TEST(Thinning, AThickBarBecomesOnePixelWide) {
  cv::Mat ink = paper();
  cv::rectangle(ink, {50, 100}, {350, 106}, cv::Scalar(255), cv::FILLED);
  const cv::Mat skeleton = thin(ink);
  for (int x = 60; x < 340; ++x) EXPECT_EQ(cv::countNonZero(skeleton.col(x)), 1) << "column " << x;
}

TEST(Vectorizer, AStraightLineIsOneLinePrimitiveWithItsEndsAndWidth) {
  // A band 4 px wide along the diagonal (cv::line's thick lines are wider across a diagonal).
  cv::Mat ink = paper();
  const cv::Point2d a(40, 50), b(360, 250), normal = cv::Point2d(-200, 320) * (2 / std::hypot(200.0, 320.0));
  const std::vector<cv::Point> band = {a + normal, b + normal, b - normal, a - normal};
  cv::fillConvexPoly(ink, band, cv::Scalar(255));
  const auto v = vectorized(ink);
  ASSERT_EQ(v.primitives.size(), 1u);
  const Primitive& p = v.primitives[0];
  EXPECT_EQ(p.kind, PrimitiveKind::line);
  const double expected = std::hypot(320, 200);
  EXPECT_NEAR(p.length, expected, 6);
  EXPECT_NEAR(std::min(cv::norm(p.points[0] - cv::Point2d(40, 50)), cv::norm(p.points[1] - cv::Point2d(40, 50))), 0, 3);
  // The band's mean width as drawn (its pixels over its length; polygon filling adds its edges).
  EXPECT_NEAR(p.stroke_width, cv::countNonZero(ink) / expected, 0.8);
  EXPECT_NE(p.start_node, p.end_node);
}

TEST(Vectorizer, ACircleIsArcsOnItsCentreAndRadius) {
  cv::Mat ink = paper();
  cv::circle(ink, {200, 150}, 80, cv::Scalar(255), 2);
  const auto v = vectorized(ink);
  ASSERT_FALSE(v.primitives.empty());
  ASSERT_LE(v.primitives.size(), 3u);
  for (const auto& p : v.primitives) {
    ASSERT_EQ(p.kind, PrimitiveKind::arc);
    EXPECT_NEAR(p.centre.x, 200, 1.5);
    EXPECT_NEAR(p.centre.y, 150, 1.5);
    EXPECT_NEAR(p.radius, 80, 1.5);
  }
  EXPECT_NEAR(total_length(v), 2 * 3.14159265 * 80, 10);
}

TEST(Vectorizer, ARectangleIsFourLinesMeetingAtItsCorners) {
  cv::Mat ink = paper();
  cv::rectangle(ink, {60, 60}, {340, 240}, cv::Scalar(255), 2);
  const auto v = vectorized(ink);
  int lines = 0;
  for (const auto& p : v.primitives) lines += p.kind == PrimitiveKind::line && p.length > 20;
  EXPECT_EQ(lines, 4);
  EXPECT_NEAR(total_length(v), 2 * (280 + 180), 16);
  // Closed: every piece's end is another piece's start.
  for (const auto& p : v.primitives) {
    int touching = 0;
    for (const auto& q : v.primitives) touching += &p != &q && (q.start_node == p.end_node || q.end_node == p.end_node);
    EXPECT_GE(touching, 1);
  }
}

TEST(Vectorizer, ATJunctionGivesThreeStrokesSharingOneNode) {
  cv::Mat ink = paper();
  cv::line(ink, {50, 150}, {350, 150}, cv::Scalar(255), 2);
  cv::line(ink, {200, 150}, {200, 280}, cv::Scalar(255), 2);
  const auto v = vectorized(ink);
  ASSERT_EQ(v.primitives.size(), 3u);
  std::map<int, int> uses;
  for (const auto& p : v.primitives) ++uses[p.start_node], ++uses[p.end_node];
  int junctions = 0;
  for (auto [node, n] : uses) junctions += n == 3;
  EXPECT_EQ(junctions, 1);
}

TEST(Vectorizer, ASmoothCurveIsFittedWithinTheToleranceEverywhere) {
  cv::Mat ink = paper(600, 300);
  std::vector<cv::Point> wave;
  for (int x = 20; x <= 580; ++x) wave.push_back({x, static_cast<int>(std::lround(150 + 60 * std::sin(x / 60.0)))});
  cv::polylines(ink, wave, false, cv::Scalar(255), 2);
  const auto v = vectorized(ink);
  ASSERT_FALSE(v.primitives.empty());
  EXPECT_LT(v.primitives.size(), 20u);
  int curves = 0;
  for (const auto& p : v.primitives) curves += p.kind != PrimitiveKind::line;
  EXPECT_GT(curves, 0);
  double curve = 0;  // the drawn function's own length (the pixel polyline's is longer)
  for (double x = 20; x < 580; x += 0.01)
    curve += std::hypot(0.01, 60 * (std::sin((x + 0.01) / 60) - std::sin(x / 60)));
  EXPECT_NEAR(total_length(v), curve, 15);
}

TEST(Vectorizer, ADashedLineIsOnePiecePerDash) {
  cv::Mat ink = paper();
  for (int x = 20; x < 380; x += 30) cv::line(ink, {x, 150}, {x + 18, 150}, cv::Scalar(255), 2);
  const auto v = vectorized(ink);
  EXPECT_EQ(v.primitives.size(), 12u);
  for (const auto& p : v.primitives) EXPECT_EQ(p.kind, PrimitiveKind::line);
}

TEST(Vectorizer, APageAboveTheWorkingResolutionIsReducedAndAnsweredInPagePixels) {
  cv::Mat ink = paper(1200, 600);
  cv::line(ink, {100, 300}, {1100, 300}, cv::Scalar(255), 4);
  const auto v = vectorized(ink, 600);
  EXPECT_DOUBLE_EQ(v.scale, 4);
  ASSERT_EQ(v.primitives.size(), 1u);
  EXPECT_NEAR(v.primitives[0].length, 1000, 12);
  EXPECT_NEAR(v.primitives[0].points[0].y, 300, 3);
  EXPECT_NEAR(v.primitives[0].stroke_width, 4, 4);
}

TEST(Vectorizer, AnEmptyPageHasNoPrimitives) {
  const auto v = vectorized(paper());
  EXPECT_TRUE(v.primitives.empty());
  EXPECT_EQ(build_graph(v).nodes, 0);
}

TEST(Vectorizer, BadInputIsRefusedNamingTheProblem) {
  EXPECT_EQ(vectorize(cv::Mat(), 150).error().status, Status::invalid_argument);
  EXPECT_EQ(vectorize(cv::Mat(10, 10, CV_32FC1, cv::Scalar(0)), 150).error().status, Status::invalid_argument);
  auto bad_dpi = vectorize(paper(), 0);
  ASSERT_FALSE(bad_dpi.ok());
  EXPECT_NE(bad_dpi.error().message.find("dpi"), std::string::npos);
  VectorizerOptions bad;
  bad.tolerance = 0;
  auto refused = vectorize(paper(), 150, bad);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().message.find("tolerance"), std::string::npos);
}

}  // namespace
}  // namespace drawlens::segment
