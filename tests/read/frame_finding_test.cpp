// Ruled boxes and the feature control frames they make, on ink masks drawn here: a single row, a
// composite frame (one symbol compartment over two rows), stacked frames, a frame of text read
// upward, and what is no frame (a lone box, a table's cells, a row without a square first box).
#include <gtest/gtest.h>
#include <opencv2/imgproc.hpp>

#include "read/read.h"

namespace drawlens::read {
namespace {

constexpr double kDpi = 300;  // 11.8 px a millimetre: 8 mm rows are 94 px high
constexpr int kRow = 94;

cv::Mat blank_ink() {
  return cv::Mat(1200, 1600, CV_8UC1, cv::Scalar(0));
}

// Ruled compartments side by side from x, widths in pixels, ruled 3 px wide.
void rule_row(cv::Mat& ink, int x, int y, const std::vector<int>& widths, int height = kRow) {
  int left = x;
  for (int w : widths) {
    cv::rectangle(ink, cv::Rect(left, y, w, height), cv::Scalar(255), 3);
    left += w;
  }
}

std::vector<FrameCompartments> frames_of(const cv::Mat& ink, const layout::Layout& layout = {}) {
  return find_frames(ruled_boxes(ink, kDpi, layout), ink.size(), kDpi);
}

TEST(FrameFinding, ARowOfCompartmentsAfterASquareIsAFrame) {
  cv::Mat ink = blank_ink();
  rule_row(ink, 100, 100, {kRow, 220, kRow, kRow});
  const auto frames = frames_of(ink);
  ASSERT_EQ(frames.size(), 1u);
  EXPECT_EQ(frames[0].rotation, 0);
  EXPECT_FALSE(frames[0].composite);
  ASSERT_EQ(frames[0].rows.size(), 1u);
  ASSERT_EQ(frames[0].rows[0].size(), 4u);
  // Compartments in reading order, inside their rulings.
  EXPECT_LT(frames[0].rows[0][0].x, frames[0].rows[0][1].x);
  EXPECT_GT(frames[0].rows[0][1].width, 200);
  EXPECT_NEAR(frames[0].box.x, 100, 3);
  EXPECT_NEAR(frames[0].box.right(), 100 + 2 * kRow + 220 + kRow, 4);
}

TEST(FrameFinding, ACompositeFrameSharesItsSymbolCompartment) {
  cv::Mat ink = blank_ink();
  cv::rectangle(ink, cv::Rect(100, 100, kRow, 2 * kRow), cv::Scalar(255), 3);
  rule_row(ink, 100 + kRow, 100, {200, kRow, kRow});
  rule_row(ink, 100 + kRow, 100 + kRow, {200, kRow});
  const auto frames = frames_of(ink);
  ASSERT_EQ(frames.size(), 1u);
  EXPECT_TRUE(frames[0].composite);
  ASSERT_EQ(frames[0].rows.size(), 2u);
  EXPECT_EQ(frames[0].rows[0].size(), 4u);
  ASSERT_EQ(frames[0].rows[1].size(), 3u);
  EXPECT_TRUE(frames[0].rows[1][0].empty());  // the symbol compartment is the upper row's
}

TEST(FrameFinding, StackedFramesAreOneFrameOfTwoRows) {
  cv::Mat ink = blank_ink();
  rule_row(ink, 100, 100, {kRow, 200, kRow});
  rule_row(ink, 100, 100 + kRow, {kRow, 150});
  const auto frames = frames_of(ink);
  ASSERT_EQ(frames.size(), 1u);
  EXPECT_FALSE(frames[0].composite);
  ASSERT_EQ(frames[0].rows.size(), 2u);
  EXPECT_EQ(frames[0].rows[0].size(), 3u);
  EXPECT_EQ(frames[0].rows[1].size(), 2u);
  EXPECT_FALSE(frames[0].rows[1][0].empty());
}

TEST(FrameFinding, AFrameOfTurnedTextIsFoundReadingUpAndDown) {
  cv::Mat ink = blank_ink();
  rule_row(ink, 100, 100, {kRow, 200, kRow});
  cv::Mat turned;
  cv::rotate(ink, turned, cv::ROTATE_90_COUNTERCLOCKWISE);  // the frame now reads upward
  const auto frames = frames_of(turned);
  ASSERT_EQ(frames.size(), 2u);
  EXPECT_EQ(frames[0].rotation + frames[1].rotation, 90 + 270);
  EXPECT_EQ(frames[0].box, frames[1].box);
  // Read upward, the symbol compartment is the lowest one.
  const FrameCompartments& upward = frames[0].rotation == 90 ? frames[0] : frames[1];
  EXPECT_GT(upward.rows[0][0].y, upward.rows[0][1].y);
}

TEST(FrameFinding, LoneBoxesTablesAndRowsWithoutASquareFirstAreNoFrames) {
  cv::Mat ink = blank_ink();
  cv::rectangle(ink, cv::Rect(100, 100, 200, 70), cv::Scalar(255), 3);  // a basic dimension's box
  rule_row(ink, 100, 400, {300, 200, 200});                             // no square compartment first
  rule_row(ink, 800, 800, {kRow, 200});                                 // inside the title block
  layout::Layout layout;
  layout.title_block.emplace();
  layout.title_block->box = Box{700, 700, 800, 400};
  EXPECT_TRUE(frames_of(ink, layout).empty());
  // The lone box is a ruled box all the same (a basic dimension's), the title block's are not.
  const auto boxes = ruled_boxes(ink, kDpi, layout);
  EXPECT_TRUE(std::any_of(boxes.begin(), boxes.end(), [](const Box& b) { return b.x > 95 && b.x < 110 && b.y < 110; }));
  EXPECT_FALSE(std::any_of(boxes.begin(), boxes.end(), [](const Box& b) { return b.x > 700 && b.y > 700; }));
}

TEST(FrameFinding, NothingOnBadInput) {
  EXPECT_TRUE(ruled_boxes(cv::Mat(), kDpi, {}).empty());
  EXPECT_TRUE(ruled_boxes(cv::Mat(10, 10, CV_32FC1, cv::Scalar(0)), kDpi, {}).empty());
  EXPECT_TRUE(ruled_boxes(blank_ink(), 5, {}).empty());
  EXPECT_TRUE(find_frames({}, cv::Size(100, 100), kDpi).empty());
}

}  // namespace
}  // namespace drawlens::read
