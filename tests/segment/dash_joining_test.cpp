// join_dashes() on hand-made classified pieces: the dashes of a hidden line become one line with
// its pattern; a parallel line beside it, another class on the same line, a piece across it and
// dashes too far apart stay as they are; the dashes of a circle (short ones fitted as lines, longer
// ones as arcs) become one arc, and dashes of two circles side by side two.
#include <gtest/gtest.h>

#include <cmath>

#include "segment/segment.h"

namespace drawlens::segment {
namespace {

constexpr double kDpi = 254;  // 10 px per mm

Segment piece(double x0, double y0, double x1, double y1, LineClass c, double confidence = 0.9) {
  Segment s;
  s.line_class = c;
  s.confidence = confidence;
  s.primitive.kind = PrimitiveKind::line;
  s.primitive.points[0] = {x0, y0};
  s.primitive.points[1] = {x1, y1};
  s.primitive.length = std::hypot(x1 - x0, y1 - y0);
  s.primitive.stroke_width = 3;
  s.primitive.trace = {cv::Point2f(static_cast<float>(x0), static_cast<float>(y0)),
                       cv::Point2f(static_cast<float>(x1), static_cast<float>(y1))};
  return s;
}

constexpr double kPi = 3.14159265358979323846;

cv::Point2d on_circle(cv::Point2d centre, double radius, double angle) {
  return centre + radius * cv::Point2d(std::cos(angle), std::sin(angle));
}

// A dash of a circle from angle a0 to a1 (radians): a line along its chord when `as_line`, as the
// vectorizer fits short dashes, else an arc.
Segment dash_of_circle(cv::Point2d centre, double radius, double a0, double a1, LineClass c, bool as_line) {
  const cv::Point2d p0 = on_circle(centre, radius, a0), p1 = on_circle(centre, radius, a1);
  Segment s = piece(p0.x, p0.y, p1.x, p1.y, c);
  if (as_line) return s;
  s.primitive.kind = PrimitiveKind::arc;
  s.primitive.points = {p0, on_circle(centre, radius, (a0 + a1) / 2), p1, cv::Point2d()};
  s.primitive.centre = centre;
  s.primitive.radius = radius;
  s.primitive.length = radius * std::abs(a1 - a0);
  return s;
}

// Dashes of `dash` px with gaps of `gap` px round a circle from angle `from` for `sweep` radians.
std::vector<Segment> dashed_circle(cv::Point2d centre, double radius, double from, double sweep, double dash,
                                   double gap, LineClass c) {
  std::vector<Segment> out;
  const double step = (dash + gap) / radius;
  for (double a = from; a + dash / radius <= from + sweep + 1e-9; a += step)
    out.push_back(dash_of_circle(centre, radius, a, a + dash / radius, c, out.size() % 2 == 0));
  return out;
}

TEST(DashJoining, TheDashesOfAHiddenLineBecomeOneLineWithItsPattern) {
  std::vector<Segment> segments = {piece(0, 0, 0, 50, LineClass::contour)};
  // Five dashes of 4 mm with 1 mm gaps from x = 100 px, listed out of order, the fourth drawn backwards.
  for (int k : {2, 0, 4, 1}) segments.push_back(piece(100 + 50 * k, 100, 140 + 50 * k, 100.5, LineClass::hidden));
  segments.push_back(piece(290, 100.5, 250, 100, LineClass::hidden));
  segments.push_back(piece(0, 300, 50, 300, LineClass::contour));
  const auto joined = join_dashes(segments, kDpi);
  ASSERT_EQ(joined.size(), 3u);
  EXPECT_EQ(joined[0].line_class, LineClass::contour);
  const Segment& line = joined[1];  // in its first dash's place
  EXPECT_EQ(line.line_class, LineClass::hidden);
  EXPECT_EQ(line.dash.count, 5);
  EXPECT_NEAR(line.dash.dash_length, 40, 0.5);
  EXPECT_NEAR(line.dash.gap_length, 10, 0.5);
  EXPECT_NEAR(line.primitive.length, 240, 0.5);
  EXPECT_NEAR(std::min(line.primitive.points[0].x, line.primitive.points[1].x), 100, 0.5);
  EXPECT_NEAR(std::max(line.primitive.points[0].x, line.primitive.points[1].x), 340, 0.5);
  EXPECT_NEAR(line.primitive.points[0].y, 100.25, 0.3);
  EXPECT_NEAR(line.confidence, 0.9, 1e-9);
  EXPECT_EQ(line.primitive.trace.size(), 10u);
  EXPECT_EQ(joined[2].primitive.points[0].y, 300);
}

TEST(DashJoining, OtherLinesStayApart) {
  const std::vector<Segment> segments = {
      piece(100, 100, 140, 100, LineClass::hidden),
      piece(150, 110, 190, 110, LineClass::hidden),   // beside it, 1 mm off its line
      piece(150, 100, 190, 100, LineClass::contour),  // on its line, another class
      piece(145, 60, 145, 95, LineClass::hidden),     // across it
      piece(240, 100, 280, 100, LineClass::hidden),   // 10 mm past its end
      piece(500, 100, 540, 100, LineClass::hidden),   // a line of its own
  };
  const auto joined = join_dashes(segments, kDpi);
  ASSERT_EQ(joined.size(), segments.size());
  for (const Segment& s : joined) EXPECT_EQ(s.dash.count, 1);
}

TEST(DashJoining, CentreLinesJoinAndSolidLinesKeepTheirPlaces) {
  const std::vector<Segment> segments = {piece(0, 0, 80, 0, LineClass::centre), piece(95, 0, 175, 0, LineClass::centre),
                                         piece(190, 0, 270, 0, LineClass::centre),
                                         piece(0, 50, 100, 50, LineClass::dimension)};
  const auto joined = join_dashes(segments, kDpi);
  ASSERT_EQ(joined.size(), 2u);
  EXPECT_EQ(joined[0].dash.count, 3);
  EXPECT_NEAR(joined[0].dash.gap_length, 15, 0.5);
  EXPECT_EQ(joined[1].line_class, LineClass::dimension);
  EXPECT_TRUE(join_dashes({}, kDpi).empty());
  EXPECT_EQ(join_dashes(segments, 0).size(), segments.size());
}

TEST(DashJoining, TheDashesOfACircleBecomeOneArcWithItsPattern) {
  // A centre-line pitch circle of radius 20 mm: dashes of 6 mm, gaps of 1.5 mm, over 200 degrees,
  // every other one a line along its chord; then a hidden circle drawn almost whole (radius 6 mm).
  const cv::Point2d pitch_centre(500, 500), hole_centre(1200, 400);
  std::vector<Segment> segments = dashed_circle(pitch_centre, 200, 0.3, 200 * kPi / 180, 60, 15, LineClass::centre);
  const std::size_t pitch_dashes = segments.size();
  for (Segment& s : dashed_circle(hole_centre, 60, 0, 2 * kPi - 0.2, 25, 8, LineClass::hidden))
    segments.push_back(std::move(s));
  const std::size_t hole_dashes = segments.size() - pitch_dashes;
  segments.push_back(piece(0, 0, 100, 0, LineClass::contour));
  // A centre mark's arm of 8 mm going on from the pitch circle's first dash along its tangent: it
  // chains with the dashes but lies off the circle, so it stays apart.
  const cv::Point2d first = on_circle(pitch_centre, 200, 0.3), tangent(std::sin(0.3), -std::cos(0.3));
  const cv::Point2d arm_start = first + 10 * tangent, arm_end = first + 90 * tangent;
  segments.push_back(piece(arm_start.x, arm_start.y, arm_end.x, arm_end.y, LineClass::centre));
  const auto joined = join_dashes(segments, kDpi);
  ASSERT_EQ(joined.size(), 4u);
  EXPECT_EQ(joined[3].dash.count, 1);
  EXPECT_EQ(joined[3].primitive.kind, PrimitiveKind::line);
  const Segment& pitch = joined[0];
  EXPECT_EQ(pitch.line_class, LineClass::centre);
  EXPECT_EQ(pitch.primitive.kind, PrimitiveKind::arc);
  EXPECT_EQ(pitch.dash.count, static_cast<int>(pitch_dashes));
  EXPECT_NEAR(pitch.primitive.radius, 200, 2);
  EXPECT_NEAR(pitch.primitive.centre.x, 500, 2);
  EXPECT_NEAR(pitch.primitive.centre.y, 500, 2);
  EXPECT_NEAR(pitch.dash.gap_length, 15, 1.5);
  const double drawn = 75.0 * static_cast<double>(pitch_dashes) - 15;
  EXPECT_NEAR(pitch.primitive.length, drawn, 0.01 * drawn);  // chords of the line dashes pull the fit in a little
  EXPECT_NEAR(cv::norm(pitch.primitive.points[0] - on_circle(pitch_centre, 200, 0.3)), 0, 3);
  const Segment& hole = joined[1];
  EXPECT_EQ(hole.line_class, LineClass::hidden);
  EXPECT_EQ(hole.primitive.kind, PrimitiveKind::arc);
  EXPECT_EQ(hole.dash.count, static_cast<int>(hole_dashes));
  EXPECT_NEAR(hole.primitive.radius, 60, 1);
  // Nearly the whole circle, drawn through its middle point the right way round.
  const auto along = sample_points(hole.primitive, 64);
  for (const cv::Point2d& p : along) EXPECT_NEAR(cv::norm(p - hole_centre), 60, 1);
  EXPECT_GT(hole.primitive.length, 2 * kPi * 60 - 60);
  EXPECT_EQ(joined[2].line_class, LineClass::contour);
}

TEST(DashJoining, DashesOfNeighbouringCirclesAndShortRunsStayApart) {
  // Two concentric centre circles 2 mm apart, their dashes level with each other: two arcs.
  std::vector<Segment> segments = dashed_circle({500, 500}, 200, 0, kPi, 60, 15, LineClass::centre);
  for (Segment& s : dashed_circle({500, 500}, 220, 0, kPi, 60, 15, LineClass::centre)) segments.push_back(std::move(s));
  // Two dashes of a curve are too few to say it is a circle; a dash of another class on the first
  // circle's open part stays too.
  for (Segment& s : dashed_circle({1500, 500}, 100, 0, 1.0, 40, 10, LineClass::hidden))
    segments.push_back(std::move(s));
  segments.push_back(dash_of_circle({500, 500}, 200, 4.0, 4.3, LineClass::hidden, false));
  const auto joined = join_dashes(segments, kDpi);
  ASSERT_EQ(joined.size(), 5u);
  EXPECT_NEAR(joined[0].primitive.radius, 200, 2);
  EXPECT_NEAR(joined[1].primitive.radius, 220, 2);
  for (std::size_t k = 2; k < 5; ++k) EXPECT_EQ(joined[k].dash.count, 1);
}

TEST(DashJoining, StraightDashesAlongALargeCircleAreNoLine) {
  // Dashes 2 mm long along a circle of radius 60 mm: each next one nearly parallel and near the
  // last one's line, yet together they bend by 30 degrees, so they join as an arc.
  const auto segments = dashed_circle({0, 2000}, 600, -kPi / 2 - 0.26, 0.52, 20, 8, LineClass::hidden);
  std::vector<Segment> lines;
  for (const Segment& s : segments) {
    const cv::Point2d a = s.primitive.points[0], b = s.primitive.points[s.primitive.point_count() - 1];
    lines.push_back(piece(a.x, a.y, b.x, b.y, LineClass::hidden));
  }
  const auto joined = join_dashes(lines, kDpi);
  ASSERT_EQ(joined.size(), 1u);
  EXPECT_EQ(joined[0].primitive.kind, PrimitiveKind::arc);
  EXPECT_NEAR(joined[0].primitive.radius, 600, 10);
}

}  // namespace
}  // namespace drawlens::segment
