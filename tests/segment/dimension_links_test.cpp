// link_dimensions() on hand-made linework of known roles: a linear dimension under a rectangle, a
// leader to a circle, a line crossing a dimension line, chained dimensions sharing an extension
// line, and lettering strokes classified as dimension lines.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "segment/segment.h"

namespace drawlens::segment {
namespace {

constexpr double kDpi = 254;  // 10 px per mm: coordinates below are millimetres x 10
constexpr double kPx = kDpi / 25.4;

Segment line(double x0, double y0, double x1, double y1, LineClass c) {
  Segment s;
  s.line_class = c;
  s.primitive.kind = PrimitiveKind::line;
  s.primitive.points[0] = {x0 * kPx, y0 * kPx};
  s.primitive.points[1] = {x1 * kPx, y1 * kPx};
  s.primitive.length = std::hypot(x1 - x0, y1 - y0) * kPx;
  return s;
}

// Half a circle from `from` to `from` + 180 degrees (y down).
Segment half_circle(double cx, double cy, double r, double from_degrees) {
  Segment s;
  s.line_class = LineClass::contour;
  s.primitive.kind = PrimitiveKind::arc;
  s.primitive.centre = {cx * kPx, cy * kPx};
  s.primitive.radius = r * kPx;
  for (int k = 0; k < 3; ++k) {
    const double a = (from_degrees + 90.0 * k) * M_PI / 180.0;
    s.primitive.points[static_cast<std::size_t>(k)] = {(cx + r * std::cos(a)) * kPx, (cy + r * std::sin(a)) * kPx};
  }
  s.primitive.length = M_PI * r * kPx;
  return s;
}

// Lettering read left to right in the box [x0, x1] x [y0, y1] (mm).
Quad lettering(double x0, double y0, double x1, double y1) {
  return {cv::Point2d(x0 * kPx, y0 * kPx), cv::Point2d(x1 * kPx, y0 * kPx), cv::Point2d(x1 * kPx, y1 * kPx),
          cv::Point2d(x0 * kPx, y1 * kPx)};
}

using Indices = std::vector<int>;

// A 40 x 20 mm rectangle at (0, 0), its width dimensioned 10 mm below it: extension lines from 1 mm
// below the corners to 2 mm past the dimension line, arrowheads, lettering standing on the line.
struct WidthDimension {
  std::vector<Segment> segments;
  enum : int { top, right, bottom, left, extension_left, extension_right, dimension_line, arrow_left, arrow_right };
  WidthDimension() {
    segments = {line(0, 0, 40, 0, LineClass::contour),       line(40, 0, 40, 20, LineClass::contour),
                line(40, 20, 0, 20, LineClass::contour),     line(0, 20, 0, 0, LineClass::contour),
                line(0, 21, 0, 32, LineClass::dimension),    line(40, 21, 40, 32, LineClass::dimension),
                line(0, 30, 40, 30, LineClass::dimension),   line(0, 30, 3, 30.3, LineClass::dimension),
                line(40, 30, 37, 30.3, LineClass::dimension)};
  }
};

TEST(DimensionLinks, ALinearDimensionHasItsLinesAndTheEdgesAtItsCorners) {
  const WidthDimension drawing;
  const auto links = link_dimensions(drawing.segments, {lettering(17, 25.5, 23, 29)}, kDpi);
  ASSERT_EQ(links.size(), 1u);
  EXPECT_EQ(links[0].lines,
            (Indices{WidthDimension::extension_left, WidthDimension::extension_right, WidthDimension::dimension_line,
                     WidthDimension::arrow_left, WidthDimension::arrow_right}));
  ASSERT_FALSE(links[0].feature.empty());
  for (int f : links[0].feature) EXPECT_NE(f, WidthDimension::top) << "the top edge is not where it measures";
  // Both corners: the bottom edge runs between them, or the side edges, one at each.
  const auto& feature = links[0].feature;
  const auto has = [&](int i) { return std::find(feature.begin(), feature.end(), i) != feature.end(); };
  EXPECT_TRUE(has(WidthDimension::bottom) || (has(WidthDimension::left) && has(WidthDimension::right)));
}

TEST(DimensionLinks, ALeaderEndsOnTheCircleItSizes) {
  std::vector<Segment> segments = {
      half_circle(60, 10, 5, -90), half_circle(60, 10, 5, 90), line(63.54, 13.54, 70, 20, LineClass::dimension),
      line(70, 20, 80, 20, LineClass::dimension), line(63.54, 13.54, 65.8, 15.5, LineClass::dimension)};  // arrowhead
  const auto links = link_dimensions(segments, {lettering(71, 16, 79, 19)}, kDpi);
  ASSERT_EQ(links.size(), 1u);
  EXPECT_EQ(links[0].lines, (Indices{2, 3, 4}));
  // The tip at 45 degrees below right of the centre lies on the half from -90 to 90 degrees.
  EXPECT_EQ(links[0].feature, (Indices{0}));
}

TEST(DimensionLinks, ALineCrossingTheDimensionLineIsNoPartOfIt) {
  WidthDimension drawing;
  // The dimension line in two pieces where a leader crosses it, as the vectorizer leaves a crossing.
  drawing.segments[WidthDimension::dimension_line] = line(0, 30, 10, 30, LineClass::dimension);
  drawing.segments.push_back(line(10, 30, 40, 30, LineClass::dimension));  // 9
  drawing.segments.push_back(line(10, 45, 10, 30, LineClass::dimension));  // 10: the leader's halves
  drawing.segments.push_back(line(10, 30, 10, 22, LineClass::dimension));  // 11
  const auto links = link_dimensions(drawing.segments, {lettering(17, 25.5, 23, 29)}, kDpi);
  for (int i : links[0].lines) EXPECT_TRUE(i != 10 && i != 11) << "took the crossing leader's piece " << i;
  EXPECT_EQ(links[0].lines.size(), 6u);
}

TEST(DimensionLinks, ChainedDimensionsShareTheirCommonExtensionLineOnly) {
  std::vector<Segment> segments = {line(0, 0, 60, 0, LineClass::contour),
                                   line(0, 1, 0, 12, LineClass::dimension),      // 1
                                   line(20, 1, 20, 12, LineClass::dimension),    // 2: shared
                                   line(60, 1, 60, 12, LineClass::dimension),    // 3
                                   line(0, 10, 20, 10, LineClass::dimension),    // 4: first line
                                   line(20, 10, 60, 10, LineClass::dimension)};  // 5: second line
  // Overshoots of 2 mm past the lines; the two dimension lines meet at the shared extension line.
  const auto links = link_dimensions(segments, {lettering(7, 5.5, 13, 9), lettering(37, 5.5, 43, 9)}, kDpi);
  ASSERT_EQ(links.size(), 2u);
  EXPECT_EQ(links[0].lines, (Indices{1, 2, 4}));
  EXPECT_EQ(links[1].lines, (Indices{2, 3, 5}));
}

TEST(DimensionLinks, LetteringStrokesClassifiedAsDimensionLinesAreLeftOut) {
  WidthDimension drawing;
  drawing.segments.push_back(line(18, 26, 18, 28.5, LineClass::dimension));  // 9: a stroke of a "1"
  const auto links = link_dimensions(drawing.segments, {lettering(17, 25.5, 23, 29)}, kDpi);
  for (int i : links[0].lines) EXPECT_NE(i, 9);
}

TEST(DimensionLinks, NothingToLinkGivesEmptyLinks) {
  const WidthDimension drawing;
  EXPECT_TRUE(link_dimensions(drawing.segments, {}, kDpi).empty());
  const auto far_away = link_dimensions(drawing.segments, {lettering(200, 200, 210, 205)}, kDpi);
  ASSERT_EQ(far_away.size(), 1u);
  EXPECT_TRUE(far_away[0].lines.empty());
  EXPECT_TRUE(far_away[0].feature.empty());
  const auto no_lines = link_dimensions({}, {lettering(17, 25.5, 23, 29)}, kDpi);
  ASSERT_EQ(no_lines.size(), 1u);
  EXPECT_TRUE(no_lines[0].lines.empty());
  EXPECT_EQ(link_dimensions(drawing.segments, {lettering(17, 25.5, 23, 29)}, 0.0)[0].lines.size(), 0u);
}

}  // namespace
}  // namespace drawlens::segment
