// Oriented boxes, the kernel rule, overlap suppression, and decoding painted kernels back to the
// boxes they were painted from (the training targets and the decoder must agree).
#include <gtest/gtest.h>

#include <cmath>

#include <opencv2/imgproc.hpp>

#include "detect/detect.h"
#include "detect/kernel_decoding.h"

namespace drawlens::detect {
namespace {

OrientedBox box(double x, double y, double w, double h, double angle) {
  return {x, y, w, h, angle};
}

double angle_difference(double a, double b) {
  double d = std::fmod(a - b + 540.0, 360.0) - 180.0;
  return std::abs(d);
}

TEST(OrientedBox, CornersAreInReadingOrderAndRoundTrip) {
  const auto upright = corners(box(100, 50, 40, 10, 0));
  EXPECT_NEAR(upright[0].x, 80, 1e-9);  // bottom-left: y grows downwards
  EXPECT_NEAR(upright[0].y, 55, 1e-9);
  EXPECT_NEAR(upright[2].x, 120, 1e-9);  // top-right
  EXPECT_NEAR(upright[2].y, 45, 1e-9);
  const auto vertical = corners(box(0, 0, 40, 10, 90));  // reads upwards: baseline on the right
  EXPECT_NEAR(vertical[0].x, 5, 1e-9);
  EXPECT_NEAR(vertical[0].y, 20, 1e-9);
  for (double angle : {0.0, 30.0, 90.0, 135.0, 180.0, -90.0, -45.0}) {
    const auto back = box_from_corners(corners(box(10, 20, 30, 8, angle)));
    EXPECT_NEAR(back.centre_x, 10, 1e-9);
    EXPECT_NEAR(back.centre_y, 20, 1e-9);
    EXPECT_NEAR(back.width, 30, 1e-9);
    EXPECT_NEAR(back.height, 8, 1e-9);
    EXPECT_LT(angle_difference(back.angle_degrees, angle), 1e-9) << angle;
  }
}

TEST(OrientedBox, RotatedIou) {
  EXPECT_NEAR(rotated_iou(box(0, 0, 10, 4, 0), box(0, 0, 10, 4, 0)), 1.0, 1e-6);
  EXPECT_NEAR(rotated_iou(box(0, 0, 10, 4, 0), box(5, 0, 10, 4, 0)), 1.0 / 3.0, 1e-6);
  EXPECT_NEAR(rotated_iou(box(0, 0, 10, 4, 0), box(0, 0, 10, 4, 180)), 1.0, 1e-6);
  EXPECT_EQ(rotated_iou(box(0, 0, 10, 4, 0), box(50, 0, 10, 4, 0)), 0.0);
  EXPECT_EQ(rotated_iou(box(0, 0, 0, 4, 0), box(0, 0, 10, 4, 0)), 0.0);
  // A square and the same square turned 45 degrees: the octagon's share.
  const double octagon = 2 * (std::sqrt(2.0) - 1) * 100;  // 8 (sqrt 2 - 1) r^2 with r = 5
  EXPECT_NEAR(rotated_iou(box(0, 0, 10, 10, 0), box(0, 0, 10, 10, 45)), octagon / (200 - octagon), 1e-3);
}

TEST(OrientedBox, RegionOfUndoesKernelOf) {
  for (const auto& region : {box(0, 0, 60, 10, 0), box(3, 4, 10, 10, 30), box(0, 0, 8, 40, -90)}) {
    const auto kernel = kernel_of(region);
    EXPECT_LT(kernel.width, region.width);
    EXPECT_LT(kernel.height, region.height);
    const auto back = region_of(kernel, std::min(region.width, region.height));
    EXPECT_NEAR(back.width, region.width, 1e-9);
    EXPECT_NEAR(back.height, region.height, 1e-9);
  }
}

TEST(OrientedBox, SuppressionKeepsTheBestOfOverlappingBoxes) {
  std::vector<Detection> detections = {{Category::note, box(0, 0, 40, 10, 0), 0.6},
                                       {Category::dimension, box(1, 0, 40, 10, 0), 0.9},
                                       {Category::dimension, box(100, 0, 40, 10, 0), 0.7}};
  const auto kept = suppress_overlaps(detections, 0.5);
  ASSERT_EQ(kept.size(), 2u);
  EXPECT_EQ(kept[0].score, 0.9);
  EXPECT_EQ(kept[0].category, Category::dimension);
  EXPECT_EQ(kept[1].score, 0.7);
}

// Paints a region's kernel as the training program does.
void paint(OutputMaps& maps, Category category, const OrientedBox& region) {
  const cv::Mat mask = kernel_cells(region, maps.cosine.size(), maps.stride, {0, 0});
  maps.probability[static_cast<std::size_t>(category)].setTo(0.95, mask);
  maps.cosine.setTo(std::cos(region.angle_degrees * CV_PI / 180), mask);
  maps.sine.setTo(std::sin(region.angle_degrees * CV_PI / 180), mask);
  maps.short_side.setTo(short_side_code(std::min(region.width, region.height)), mask);
}

TEST(KernelDecoding, PaintedKernelsDecodeToTheirRegions) {
  OutputMaps maps;
  maps.stride = 2;
  const cv::Size cells(200, 150);
  for (auto& p : maps.probability) p = cv::Mat(cells, CV_32F, cv::Scalar(0.01));
  maps.cosine = cv::Mat(cells, CV_32F, cv::Scalar(0));
  maps.sine = cv::Mat(cells, CV_32F, cv::Scalar(0));
  maps.short_side = cv::Mat(cells, CV_32F, cv::Scalar(0));
  const std::vector<std::pair<Category, OrientedBox>> painted = {{Category::dimension, box(60, 40, 70, 14, 0)},
                                                                 {Category::dimension, box(300, 60, 60, 12, 90)},
                                                                 {Category::note, box(200, 200, 120, 12, 180)},
                                                                 {Category::gdt_frame, box(90, 220, 80, 18, 30)},
                                                                 {Category::datum_feature, box(330, 240, 20, 20, 0)}};
  for (const auto& [category, region] : painted) paint(maps, category, region);
  const auto found = decode_kernels(maps, 0.5, 0.3);
  ASSERT_EQ(found.size(), painted.size());
  for (const auto& [category, region] : painted) {
    const auto match = std::find_if(found.begin(), found.end(), [&](const Detection& d) {
      return d.category == category && rotated_iou(d.box, region) > 0.7;
    });
    ASSERT_NE(match, found.end()) << category_name(category) << " at " << region.centre_x << "," << region.centre_y;
    EXPECT_NEAR(match->score, 0.95, 1e-6);
    // A square's reading direction comes from the direction maps alone.
    if (category != Category::datum_feature) {
      EXPECT_LT(angle_difference(match->box.angle_degrees, region.angle_degrees), 6.0) << category_name(category);
    }
    EXPECT_NEAR(std::min(match->box.height, match->box.width), std::min(region.height, region.width), 1e-3);
    EXPECT_NEAR(std::max(match->box.height, match->box.width), std::max(region.height, region.width), 4.0);
  }
}

TEST(KernelDecoding, NothingAboveTheThresholdFindsNothing) {
  OutputMaps maps;
  for (auto& p : maps.probability) p = cv::Mat(64, 64, CV_32F, cv::Scalar(0.2));
  maps.cosine = cv::Mat(64, 64, CV_32F, cv::Scalar(1));
  maps.sine = cv::Mat(64, 64, CV_32F, cv::Scalar(0));
  maps.short_side = cv::Mat(64, 64, CV_32F, cv::Scalar(0));
  EXPECT_TRUE(decode_kernels(maps, 0.5, 0.3).empty());
}

TEST(Category, NamesRoundTrip) {
  for (Category c : kCategories) EXPECT_EQ(category_from_name(category_name(c)), c);
  EXPECT_FALSE(category_from_name("balloon").has_value());
}

}  // namespace
}  // namespace drawlens::detect
