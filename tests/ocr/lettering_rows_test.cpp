// The rows of a crop that hold its lettering: paper and lines above and below are left out.
#include "ocr/lettering_rows.h"

#include <gtest/gtest.h>
#include <opencv2/imgproc.hpp>

namespace drawlens::ocr {
namespace {

// "12.50" in 20-pixel-high digits with its top at `text_top`, on a crop `height` pixels high.
cv::Mat lettering_on(int height, int text_top) {
  cv::Mat crop(height, 160, CV_8UC1, cv::Scalar(255));
  const double scale = 20.0 / 22.0;  // Hershey simplex digits stand about 22 px high at scale 1
  cv::putText(crop, "12.50", {10, text_top + 20}, cv::FONT_HERSHEY_SIMPLEX, scale, cv::Scalar(0), 2);
  return crop;
}

TEST(LetteringRows, PaperAndADimensionLineBelowAreLeftOut) {
  cv::Mat crop = lettering_on(64, 10);
  cv::line(crop, {0, 50}, {159, 50}, cv::Scalar(60), 1);  // the dimension line, below the digits
  const cv::Rect rows = lettering_rows(crop);
  EXPECT_EQ(rows.x, 0);
  EXPECT_EQ(rows.width, crop.cols);
  EXPECT_LE(rows.y, 10);
  EXPECT_GE(rows.y, 4);
  EXPECT_GE(rows.y + rows.height, 30);
  EXPECT_LT(rows.y + rows.height, 40);  // the line at row 50 is not in it
}

TEST(LetteringRows, LinesCrossingTheLetteringDoNotWidenIt) {
  cv::Mat crop = lettering_on(64, 22);
  cv::line(crop, {70, 0}, {70, 63}, cv::Scalar(0), 1);  // an extension line through the digits
  cv::line(crop, {0, 2}, {159, 2}, cv::Scalar(0), 1);   // and a line across the top
  const cv::Rect rows = lettering_rows(crop);
  EXPECT_GE(rows.y, 14);
  EXPECT_LE(rows.y, 22);
  EXPECT_GE(rows.y + rows.height, 42);
  EXPECT_LE(rows.y + rows.height, 50);
}

TEST(LetteringRows, ACropTheLetteringFillsIsLeftWhole) {
  const cv::Mat crop = lettering_on(28, 4);
  EXPECT_EQ(lettering_rows(crop), cv::Rect(0, 0, crop.cols, crop.rows));
}

TEST(LetteringRows, BlankWrongTypeAndEmptyCropsAreLeftWhole) {
  const cv::Mat blank(40, 80, CV_8UC1, cv::Scalar(255));
  EXPECT_EQ(lettering_rows(blank), cv::Rect(0, 0, 80, 40));
  const cv::Mat colour(40, 80, CV_8UC3, cv::Scalar(0, 0, 0));
  EXPECT_EQ(lettering_rows(colour), cv::Rect(0, 0, 80, 40));
  EXPECT_EQ(lettering_rows(cv::Mat()), cv::Rect(0, 0, 0, 0));
  const cv::Mat dot(1, 1, CV_8UC1, cv::Scalar(0));
  EXPECT_EQ(lettering_rows(dot), cv::Rect(0, 0, 1, 1));
}

}  // namespace
}  // namespace drawlens::ocr
