// join_dashes() on hand-made classified pieces: the dashes of a hidden line become one line with
// its pattern; a parallel line beside it, another class on the same line, a piece across it and
// dashes too far apart stay as they are.
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

}  // namespace
}  // namespace drawlens::segment
