// The committed detector (models/detector.dlmodel) on generated drawings it never saw in training:
// recall of dimensions and GD&T frames above a bound, the same on the page turned a quarter turn
// (with the reading direction turned too) and by odd angles, and nothing on an empty page.
#include <gtest/gtest.h>

#include <cmath>
#include <iostream>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "annotation_objects.h"
#include "degradation.h"
#include "detect/detect.h"
#include "synth.h"

namespace drawlens::detect {
namespace {

// Drawings of this series are not among the training program's (its series are seeds 1..100 and
// their held-out offsets).
constexpr std::uint64_t kTestSeed = 20261205;
constexpr int kDrawings = 3;
constexpr double kMatchIou = 0.5;
constexpr double kDimensionRecallBound = 0.5;  // measured 2026-12-07: 19 of 22 (models/detector.MODEL_CARD.md)
constexpr double kTiltedRecallBound = 0.6;     // measured 2026-12-07: 16 of 22 on pages turned by odd angles

struct TruthObject {
  Category category;
  OrientedBox box;
};

struct TestPage {
  cv::Mat gray;
  double dpi = 0;
  std::vector<TruthObject> truth;
};

TestPage generated(int index, synth::Degradation degradation) {
  synth::DrawingOptions options;
  options.seed = kTestSeed;
  options.dpi = 200;
  options.degradation = degradation;
  const auto drawing = synth::generate_drawing(options, index);
  TestPage page;
  page.gray = cv::imdecode(drawing.png, cv::IMREAD_GRAYSCALE);
  const auto truth = nlohmann::json::parse(drawing.truth_json);
  page.dpi = truth.at("pages").at(0).at("dpi").get<double>();
  for (const auto& object : synth::annotation_objects(truth)) {
    const auto category = category_from_name(object.kind);
    if (!category) continue;
    std::array<cv::Point2d, 4> quad;
    for (std::size_t k = 0; k < 4; ++k) quad[k] = {object.quad[k].x, object.quad[k].y};
    page.truth.push_back({*category, box_from_corners(quad)});
  }
  return page;
}

// Turns the page a quarter turn clockwise as displayed, with its truth.
TestPage turned(const TestPage& page) {
  TestPage out = page;
  cv::rotate(page.gray, out.gray, cv::ROTATE_90_CLOCKWISE);
  const double height = page.gray.rows;
  for (auto& t : out.truth) {
    const double x = t.box.centre_x;
    t.box.centre_x = height - t.box.centre_y;
    t.box.centre_y = x;
    t.box.angle_degrees -= 90;
    if (t.box.angle_degrees <= -180) t.box.angle_degrees += 360;
  }
  return out;
}

// Turns the page by `degrees` counter-clockwise as displayed, on a canvas grown to hold all of it,
// with its truth: callouts along leaders and aligned dimensions stand at such angles.
TestPage tilted(const TestPage& page, double degrees) {
  TestPage out = page;
  out.gray = page.gray.clone();
  cv::Mat no_mask;
  const synth::Affine map = synth::skew(out.gray, no_mask, degrees, 255);
  for (auto& t : out.truth) {
    const synth::Point centre = map.apply({t.box.centre_x, t.box.centre_y});
    t.box.centre_x = centre.x;
    t.box.centre_y = centre.y;
    t.box.angle_degrees += degrees;
    if (t.box.angle_degrees > 180) t.box.angle_degrees -= 360;
  }
  return out;
}

struct Recall {
  int truth = 0, found = 0, direction_right = 0;
  double recall() const { return truth ? static_cast<double>(found) / truth : 1.0; }
  void add(const Recall& other) {
    truth += other.truth, found += other.found, direction_right += other.direction_right;
  }
};

Recall recall_of(Category category, const TestPage& page, const std::vector<Detection>& detections) {
  Recall r;
  for (const auto& t : page.truth) {
    if (t.category != category) continue;
    ++r.truth;
    for (const auto& d : detections) {
      if (d.category != category || rotated_iou(d.box, t.box) < kMatchIou) continue;
      ++r.found;
      const double turn = std::abs(std::fmod(d.box.angle_degrees - t.box.angle_degrees + 540.0, 360.0) - 180.0);
      r.direction_right += turn < 20 ? 1 : 0;
      break;
    }
  }
  return r;
}

class TrainedDetector : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto loaded = Detector::load(DRAWLENS_SOURCE_MODELS_DIR);
    ASSERT_TRUE(loaded.ok()) << loaded.error().message;
    detector_ = new Detector(std::move(loaded.value()));
  }
  static void TearDownTestSuite() {
    delete detector_;
    detector_ = nullptr;
  }
  // The committed detector's dimensions on the page, scored against its truth.
  static Recall dimensions_found(const TestPage& page) {
    auto found = detector_->detect(page.gray, page.dpi);
    if (!found.ok()) {
      ADD_FAILURE() << found.error().message;
      return {};
    }
    return recall_of(Category::dimension, page, found.value());
  }
  static Detector* detector_;
};
Detector* TrainedDetector::detector_ = nullptr;

TEST_F(TrainedDetector, FindsTheDimensionsOfCleanAndScannedDrawings) {
  ASSERT_NE(detector_, nullptr);
  Recall dimensions;
  for (int i = 0; i < kDrawings; ++i) {
    dimensions.add(dimensions_found(generated(i, i % 2 ? synth::Degradation::scan : synth::Degradation::none)));
  }
  ASSERT_GT(dimensions.truth, 20);
  EXPECT_GE(dimensions.recall(), kDimensionRecallBound) << dimensions.found << " of " << dimensions.truth;
  EXPECT_GE(dimensions.direction_right, dimensions.found * 9 / 10);
  std::cout << "upright pages: " << dimensions.found << " of " << dimensions.truth << " dimensions, "
            << dimensions.direction_right << " read the right way\n";
}

TEST_F(TrainedDetector, FindsThemOnAPageTurnedAQuarterTurn) {
  ASSERT_NE(detector_, nullptr);
  const auto r = dimensions_found(turned(generated(0, synth::Degradation::none)));
  ASSERT_GT(r.truth, 5);
  EXPECT_GE(r.recall(), kDimensionRecallBound) << r.found << " of " << r.truth;
  EXPECT_GE(r.direction_right * 2, r.found) << "reading directions turned with the page";
  std::cout << "turned page: " << r.found << " of " << r.truth << " dimensions, " << r.direction_right
            << " read the right way\n";
}

TEST_F(TrainedDetector, FindsThemOnPagesTurnedByOddAngles) {
  ASSERT_NE(detector_, nullptr);
  constexpr double kAngles[kDrawings] = {30, -20, 45};
  Recall dimensions;
  for (int i = 0; i < kDrawings; ++i) {
    dimensions.add(dimensions_found(tilted(generated(i, synth::Degradation::none), kAngles[i])));
  }
  ASSERT_GT(dimensions.truth, 20);
  EXPECT_GE(dimensions.recall(), kTiltedRecallBound) << dimensions.found << " of " << dimensions.truth;
  EXPECT_GE(dimensions.direction_right * 2, dimensions.found) << "reading directions turned with the page";
  std::cout << "pages turned by 30, -20 and 45 degrees: " << dimensions.found << " of " << dimensions.truth
            << " dimensions, " << dimensions.direction_right << " read the right way\n";
}

TEST_F(TrainedDetector, FindsNothingOnAnEmptyPage) {
  ASSERT_NE(detector_, nullptr);
  const cv::Mat blank(3508, 4961, CV_8UC1, cv::Scalar(250));  // A3 landscape at 300 dpi
  auto found = detector_->detect(blank, 300);
  ASSERT_TRUE(found.ok()) << found.error().message;
  EXPECT_TRUE(found.value().empty()) << found.value().size() << " detections";
}

}  // namespace
}  // namespace drawlens::detect
