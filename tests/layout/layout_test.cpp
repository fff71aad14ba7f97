// find_layout (after the prepare stage's page ink) on synthetic sheets drawn with OpenCV: frame and title-block grid, a
// revision table, part geometry that must not pass for a table, and degenerate images.
#include <gtest/gtest.h>

#include <cstdlib>
#include <string>
#include <vector>

#include <opencv2/imgproc.hpp>

#include "layout/layout.h"

namespace {

using drawlens::Box;
using drawlens::layout::Layout;
using drawlens::layout::Table;

constexpr double kDpi = 150.0;
constexpr double kMmPerInch = 25.4;
// Positions are compared at the precision the stage works at (a few px at 150 dpi).
constexpr int kTolerancePx = 6;

// The layout stage as the pipeline runs it: on the prepare stage's page.
Layout find_layout(const cv::Mat& gray, double dpi) {
  return drawlens::layout::find_layout(drawlens::prepare::prepare_page(gray, dpi));
}

int px(double mm) {
  return static_cast<int>(mm * kDpi / kMmPerInch + 0.5);
}

// A blank A4 landscape sheet (297 x 210 mm) at 150 dpi.
cv::Mat blank_sheet() {
  return cv::Mat(px(210), px(297), CV_8UC1, cv::Scalar(255));
}

void line_mm(cv::Mat& page, double x0, double y0, double x1, double y1, int thickness = 2) {
  cv::line(page, {px(x0), px(y0)}, {px(x1), px(y1)}, cv::Scalar(0), thickness);
}

void rect_mm(cv::Mat& page, double x, double y, double w, double h, int thickness = 2) {
  cv::rectangle(page, cv::Rect(px(x), px(y), px(w), px(h)), cv::Scalar(0), thickness);
}

void text_mm(cv::Mat& page, const std::string& s, double x, double y) {
  cv::putText(page, s, {px(x), px(y)}, cv::FONT_HERSHEY_SIMPLEX, 0.55, cv::Scalar(0), 1, cv::LINE_AA);
}

// Frame 10 mm inside the sheet edges, 0.7 mm wide.
void draw_frame(cv::Mat& page) {
  rect_mm(page, 10, 10, 277, 190, 4);
}

// A grid of `rows` x `cols` cells of the given size with a label in every cell of the first
// column and the header row.
void draw_table(cv::Mat& page, double x, double y, int rows, int cols, double cell_w, double cell_h,
                const std::vector<std::string>& labels) {
  for (int r = 0; r <= rows; ++r) line_mm(page, x, y + r * cell_h, x + cols * cell_w, y + r * cell_h);
  for (int c = 0; c <= cols; ++c) line_mm(page, x + c * cell_w, y, x + c * cell_w, y + rows * cell_h);
  std::size_t next = 0;
  for (int r = 0; r < rows; ++r) {
    for (int c = 0; c < cols; ++c) {
      if ((r == 0 || c == 0) && next < labels.size()) {
        text_mm(page, labels[next++], x + c * cell_w + 1.5, y + r * cell_h + cell_h * 0.7);
      }
    }
  }
}

// Some part geometry in the drawing area: a plate with holes, a centre line and a dimension.
void draw_part(cv::Mat& page) {
  rect_mm(page, 40, 40, 90, 60);
  cv::circle(page, {px(60), px(70)}, px(8), cv::Scalar(0), 2);
  cv::circle(page, {px(110), px(70)}, px(8), cv::Scalar(0), 2);
  for (double x = 35; x < 135; x += 6) line_mm(page, x, 70, x + 3.5, 70, 1);
  line_mm(page, 40, 105, 40, 118, 1);
  line_mm(page, 130, 105, 130, 118, 1);
  line_mm(page, 40, 115, 130, 115, 1);
  text_mm(page, "90", 82, 113);
}

bool near(int a, int b) {
  return std::abs(a - b) <= kTolerancePx;
}

bool near(const Box& box, const cv::Rect& expected) {
  return near(box.x, expected.x) && near(box.y, expected.y) && near(box.right(), expected.br().x) &&
         near(box.bottom(), expected.br().y);
}

bool empty_layout(const Layout& l) {
  return !l.border && !l.title_block && l.tables.empty();
}

cv::Mat sheet_with_title_block() {
  cv::Mat page = blank_sheet();
  draw_frame(page);
  draw_part(page);
  // 5 rows x 4 columns, 30 x 7 mm cells, ending on the frame's bottom-right corner.
  draw_table(page, 287 - 120, 200 - 35, 5, 4, 30, 7,
             {"TITLE", "NAME", "DATE", "SCALE", "DRAWN", "CHECKED", "APPROVED", "MATERIAL"});
  return page;
}

TEST(FindLayout, FrameAndTitleBlockGrid) {
  const Layout l = find_layout(sheet_with_title_block(), kDpi);
  ASSERT_TRUE(l.border.has_value());
  EXPECT_TRUE(near(*l.border, cv::Rect(px(10), px(10), px(277), px(190))));
  ASSERT_TRUE(l.title_block.has_value());
  const Table& t = *l.title_block;
  EXPECT_EQ(t.rows, 5);
  EXPECT_EQ(t.cols, 4);
  EXPECT_EQ(t.cells.size(), 20u);
  EXPECT_TRUE(near(t.box, cv::Rect(px(167), px(165), px(120), px(35))));
  for (const auto& c : t.cells) {
    EXPECT_EQ(c.row_span, 1);
    EXPECT_EQ(c.col_span, 1);
    EXPECT_TRUE(t.box.contains(c.box));
  }
  EXPECT_TRUE(l.tables.empty());
}

// A scanned sheet lies turned by a degree or so: its rulings break into pieces at the
// working resolution unless the page is set straight first. Boxes come back in the page's pixels,
// as the bounds of the turned frame and cells.
TEST(FindLayout, ASheetScannedTurnedByADegreeOrTwoKeepsItsTitleBlock) {
  for (const double degrees : {1.5, -1.2}) {
    SCOPED_TRACE(degrees);
    const cv::Mat straight = sheet_with_title_block();
    const cv::Point2f centre(straight.cols / 2.0f, straight.rows / 2.0f);
    const cv::Mat turn = cv::getRotationMatrix2D(centre, degrees, 1.0);
    cv::Mat turned;
    cv::warpAffine(straight, turned, turn, straight.size(), cv::INTER_LINEAR, cv::BORDER_CONSTANT, cv::Scalar(255));
    const Layout l = find_layout(turned, kDpi);
    ASSERT_TRUE(l.title_block.has_value());
    EXPECT_EQ(l.title_block->rows, 5);
    EXPECT_EQ(l.title_block->cols, 4);
    EXPECT_EQ(l.title_block->cells.size(), 20u);
    // The title block's corners turned with the page, and their bounds.
    const cv::Rect truth(px(167), px(165), px(120), px(35));
    std::vector<cv::Point2f> corners = {cv::Point2f(truth.x, truth.y), cv::Point2f(truth.br().x, truth.y),
                                        cv::Point2f(truth.x, truth.br().y), cv::Point2f(truth.br().x, truth.br().y)};
    cv::transform(corners, corners, turn);
    EXPECT_TRUE(near(l.title_block->box, cv::boundingRect(corners)))
        << l.title_block->box.x << "," << l.title_block->box.y << " " << l.title_block->box.width << "x"
        << l.title_block->box.height;
    ASSERT_TRUE(l.border.has_value());
  }
}

TEST(FindLayout, InnerFrameOfDoubleFrameWithZoneMargin) {
  cv::Mat page = blank_sheet();
  // Outer trim frame 5 mm in, inner frame 15 mm in, the inner lines carried on across the margin
  // to the outer frame, and zone ticks with labels in the margin.
  rect_mm(page, 5, 5, 287, 200, 2);
  line_mm(page, 5, 15, 292, 15, 4);
  line_mm(page, 5, 195, 292, 195, 4);
  line_mm(page, 15, 5, 15, 205, 4);
  line_mm(page, 282, 5, 282, 205, 4);
  for (int i = 1; i < 6; ++i) {
    const double x = 15 + i * 267.0 / 6;
    line_mm(page, x, 5, x, 15);
    line_mm(page, x, 195, x, 205);
    text_mm(page, std::to_string(6 - i), x - 22, 12);
    text_mm(page, std::to_string(6 - i), x - 22, 202);
  }
  draw_part(page);
  draw_table(page, 282 - 120, 195 - 28, 4, 4, 30, 7,
             {"TITLE", "NAME", "DATE", "SCALE", "DRAWN", "CHECKED", "APPROVED"});
  const Layout l = find_layout(page, kDpi);
  ASSERT_TRUE(l.border.has_value());
  EXPECT_TRUE(near(*l.border, cv::Rect(px(15), px(15), px(267), px(180))));
  ASSERT_TRUE(l.title_block.has_value());
  EXPECT_EQ(l.title_block->cells.size(), 16u);
  EXPECT_EQ(l.title_block->rows, 4);
  EXPECT_TRUE(l.tables.empty());
}

TEST(FindLayout, FullWidthTitleBlockRowsDoNotShrinkTheFrame) {
  cv::Mat page = blank_sheet();
  draw_frame(page);
  draw_part(page);
  // A title block across the whole frame width; its top rulings meet the frame lines in T's.
  draw_table(page, 10, 200 - 24, 4, 8, 277.0 / 8, 6,
             {"TITLE", "NAME", "DATE", "SCALE", "SHEET", "REV", "SIZE", "DRAWN", "CHECKED", "A"});
  const Layout l = find_layout(page, kDpi);
  ASSERT_TRUE(l.border.has_value());
  EXPECT_TRUE(near(*l.border, cv::Rect(px(10), px(10), px(277), px(190))));
  ASSERT_TRUE(l.title_block.has_value());
  EXPECT_EQ(l.title_block->cells.size(), 32u);
}

TEST(FindLayout, SpanningCellsGetSpans) {
  cv::Mat page = sheet_with_title_block();
  // Erase the ruling between rows 2 and 3 in the last column: one cell now spans two rows.
  cv::rectangle(page, cv::Rect(px(257) + 3, px(186) - 3, px(30) - 6, 6), cv::Scalar(255), cv::FILLED);
  const Layout l = find_layout(page, kDpi);
  ASSERT_TRUE(l.title_block.has_value());
  EXPECT_EQ(l.title_block->cells.size(), 19u);
  int spanning = 0;
  for (const auto& c : l.title_block->cells) {
    if (c.row_span == 2) {
      ++spanning;
      EXPECT_EQ(c.row, 2);
      EXPECT_EQ(c.col, 3);
    }
  }
  EXPECT_EQ(spanning, 1);
}

TEST(FindLayout, WorksWithoutDpi) {
  const Layout l = find_layout(sheet_with_title_block(), 0.0);
  ASSERT_TRUE(l.border.has_value());
  ASSERT_TRUE(l.title_block.has_value());
  EXPECT_EQ(l.title_block->cells.size(), 20u);
}

TEST(FindLayout, SplitPartOutlineIsNotATable) {
  cv::Mat page = blank_sheet();
  draw_frame(page);
  // A plate outline divided by steps and grooves into a 2 x 3 grid of empty rectangles.
  rect_mm(page, 60, 50, 150, 80);
  line_mm(page, 110, 50, 110, 130);
  line_mm(page, 160, 50, 160, 130);
  line_mm(page, 60, 90, 210, 90);
  const Layout l = find_layout(page, kDpi);
  EXPECT_FALSE(l.title_block.has_value());
  EXPECT_TRUE(l.tables.empty());
}

TEST(FindLayout, DimensionedPartViewIsNotATable) {
  cv::Mat page = blank_sheet();
  draw_frame(page);
  // A stepped part whose extension and dimension lines close rectangles holding dimension text.
  rect_mm(page, 80, 60, 60, 40);
  line_mm(page, 110, 60, 110, 100);
  line_mm(page, 140, 60, 160, 60, 1);
  line_mm(page, 140, 100, 160, 100, 1);
  line_mm(page, 155, 60, 155, 100, 1);
  text_mm(page, "40", 146, 82);
  line_mm(page, 80, 100, 80, 120, 1);
  line_mm(page, 140, 100, 140, 120, 1);
  line_mm(page, 80, 115, 140, 115, 1);
  text_mm(page, "60", 105, 112);
  const Layout l = find_layout(page, kDpi);
  EXPECT_TRUE(l.border.has_value());
  EXPECT_FALSE(l.title_block.has_value());
  EXPECT_TRUE(l.tables.empty());
}

TEST(FindLayout, RevisionTableTopRight) {
  cv::Mat page = blank_sheet();
  draw_frame(page);
  draw_part(page);
  // 4 rows x 4 columns touching the frame's top-right corner.
  draw_table(page, 287 - 100, 10, 4, 4, 25, 6, {"REV", "DESCRIPTION", "DATE", "BY", "A", "B", "C"});
  const Layout l = find_layout(page, kDpi);
  ASSERT_TRUE(l.border.has_value());
  EXPECT_FALSE(l.title_block.has_value());
  ASSERT_EQ(l.tables.size(), 1u);
  EXPECT_EQ(l.tables[0].rows, 4);
  EXPECT_EQ(l.tables[0].cols, 4);
  EXPECT_EQ(l.tables[0].cells.size(), 16u);
}

TEST(FindLayout, TitleBlockWithNarrowerBlockOnTop) {
  cv::Mat page = sheet_with_title_block();
  // A 3 x 2 revision block standing on the right half of the title block.
  draw_table(page, 287 - 60, 165 - 18, 3, 2, 30, 6, {"REV", "DATE", "A", "B"});
  const Layout l = find_layout(page, kDpi);
  ASSERT_TRUE(l.title_block.has_value());
  EXPECT_EQ(l.title_block->cells.size(), 26u);
  EXPECT_EQ(l.title_block->rows, 8);
  EXPECT_TRUE(l.tables.empty());
}

TEST(FindLayout, StackedFeatureControlFramesAreNotATable) {
  cv::Mat page = blank_sheet();
  draw_frame(page);
  draw_part(page);
  // Two feature control frames stacked on each other, 4 compartments each.
  draw_table(page, 150, 50, 2, 4, 8, 6, {"P", "0.1", "A", "B", "F"});
  const Layout l = find_layout(page, kDpi);
  EXPECT_FALSE(l.title_block.has_value());
  EXPECT_TRUE(l.tables.empty());
}

TEST(FindLayout, TableWithoutFrame) {
  cv::Mat page = blank_sheet();
  draw_part(page);
  // A parts list standing alone at the bottom right of a sheet without a frame.
  draw_table(page, 150, 150, 4, 3, 40, 8, {"ITEM", "PART", "QTY", "1", "2", "3"});
  const Layout l = find_layout(page, kDpi);
  EXPECT_FALSE(l.border.has_value());
  ASSERT_TRUE(l.title_block.has_value());
  EXPECT_EQ(l.title_block->rows, 4);
  EXPECT_EQ(l.title_block->cols, 3);
  EXPECT_TRUE(l.tables.empty());
}

TEST(FindLayout, NoFrameNoTables) {
  cv::Mat page = blank_sheet();
  draw_part(page);
  text_mm(page, "GENERAL TOLERANCES ISO 2768-m", 150, 180);
  EXPECT_TRUE(empty_layout(find_layout(page, kDpi)));
}

TEST(FindLayout, BlankAndDegenerateImagesGiveEmptyLayout) {
  EXPECT_TRUE(empty_layout(find_layout(cv::Mat(), kDpi)));
  EXPECT_TRUE(empty_layout(find_layout(cv::Mat(0, 0, CV_8UC1), kDpi)));
  EXPECT_TRUE(empty_layout(find_layout(blank_sheet(), kDpi)));
  EXPECT_TRUE(empty_layout(find_layout(blank_sheet(), 0.0)));
  EXPECT_TRUE(empty_layout(find_layout(cv::Mat(1, 1, CV_8UC1, cv::Scalar(255)), kDpi)));
  EXPECT_TRUE(empty_layout(find_layout(cv::Mat(1, 1, CV_8UC1, cv::Scalar(0)), 0.0)));
  EXPECT_TRUE(empty_layout(find_layout(cv::Mat(20, 30, CV_8UC1, cv::Scalar(0)), kDpi)));
  EXPECT_TRUE(empty_layout(find_layout(cv::Mat(px(210), px(297), CV_8UC1, cv::Scalar(0)), kDpi)));
  EXPECT_TRUE(empty_layout(find_layout(cv::Mat(3, 200000, CV_8UC1, cv::Scalar(255)), kDpi)));
  EXPECT_TRUE(empty_layout(find_layout(cv::Mat(200000, 2, CV_8UC1, cv::Scalar(0)), 0.0)));
  EXPECT_TRUE(empty_layout(find_layout(cv::Mat(100, 100, CV_8UC3, cv::Scalar(0, 0, 0)), kDpi)));
  EXPECT_TRUE(empty_layout(find_layout(blank_sheet(), -5.0)));
}

TEST(FindLayout, AllBlackSheetWithWhiteFrameDoesNotCrash) {
  // Inverted polarity (light ink on dark paper) is outside the contract; it must stay harmless.
  cv::Mat page = cv::Mat(px(210), px(297), CV_8UC1, cv::Scalar(0));
  cv::rectangle(page, cv::Rect(px(10), px(10), px(277), px(190)), cv::Scalar(255), 4);
  EXPECT_TRUE(empty_layout(find_layout(page, kDpi)));
}

}  // namespace

namespace {

// A sheet 2000 x 1400 with a border 20 px in: a table on each edge.
Layout tables_on_every_edge() {
  Layout layout;
  layout.border = Box{20, 20, 1960, 1360};
  layout.tables.push_back(Table{Box{1500, 20, 480, 300}, 2, 2, {}});   // 0: right edge, top
  layout.tables.push_back(Table{Box{1500, 900, 480, 300}, 2, 2, {}});  // 1: right edge, lower
  layout.tables.push_back(Table{Box{20, 1000, 300, 380}, 2, 2, {}});   // 2: left edge, bottom
  layout.tables.push_back(Table{Box{20, 20, 300, 200}, 2, 2, {}});     // 3: top-left corner
  return layout;
}

TEST(TurnedTitleBlock, IsTheTableOnTheTurnedSheetsBottomEdgeFurthestRight) {
  const cv::Size page(2000, 1400);
  // Turned a quarter counter-clockwise: the sheet's bottom is the right edge, its right end the top.
  Layout ccw = tables_on_every_edge();
  drawlens::layout::find_turned_title_block(ccw, 90, page, 200);
  ASSERT_TRUE(ccw.title_block.has_value());
  EXPECT_EQ(ccw.title_block->box, (Box{1500, 20, 480, 300}));
  EXPECT_EQ(ccw.tables.size(), 3u);
  // Clockwise: the bottom is the left edge, its right end at the bottom.
  Layout cw = tables_on_every_edge();
  drawlens::layout::find_turned_title_block(cw, 270, page, 200);
  ASSERT_TRUE(cw.title_block.has_value());
  EXPECT_EQ(cw.title_block->box, (Box{20, 1000, 300, 380}));
  // Upside down: the bottom is the top edge, its right end on the left.
  Layout flipped = tables_on_every_edge();
  drawlens::layout::find_turned_title_block(flipped, 180, page, 200);
  ASSERT_TRUE(flipped.title_block.has_value());
  EXPECT_EQ(flipped.title_block->box, (Box{20, 20, 300, 200}));
  // Upright, or with a title block already, nothing changes.
  Layout upright = tables_on_every_edge();
  drawlens::layout::find_turned_title_block(upright, 0, page, 200);
  EXPECT_FALSE(upright.title_block.has_value());
  Layout found = tables_on_every_edge();
  found.title_block = Table{Box{1, 1, 5, 5}, 1, 1, {}};
  drawlens::layout::find_turned_title_block(found, 90, page, 200);
  EXPECT_EQ(found.title_block->box, (Box{1, 1, 5, 5}));
  EXPECT_EQ(found.tables.size(), 4u);
}

}  // namespace
