// The detector through the C ABI and the C++ facade: NULL arguments, option and struct-size checks,
// a models directory without the model, and (with the committed model) a blank page and a page of
// drawn callouts.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include <opencv2/imgproc.hpp>

#include "drawlens/drawlens.hpp"
#include "support/fixtures.h"

namespace {

struct DetectorDeleter {
  void operator()(drawlens_detector* d) const { drawlens_detector_free(d); }
};
using DetectorPtr = std::unique_ptr<drawlens_detector, DetectorDeleter>;

bool model_committed() {
  return std::filesystem::exists(std::string(DRAWLENS_SOURCE_MODELS_DIR) + "/detector.dlmodel");
}

DetectorPtr committed_detector() {
  drawlens_detector_options o;
  drawlens_detector_options_default(&o);
  o.model_directory = DRAWLENS_SOURCE_MODELS_DIR;
  drawlens_detector* d = nullptr;
  EXPECT_EQ(drawlens_detector_create(&o, &d), DRAWLENS_OK) << drawlens_last_error();
  return DetectorPtr(d);
}

TEST(CApiDetector, NullArgumentsAreInvalidArguments) {
  EXPECT_EQ(drawlens_detector_create(nullptr, nullptr), DRAWLENS_INVALID_ARGUMENT);
  drawlens_detections* list = nullptr;
  const unsigned char pixel = 255;
  EXPECT_EQ(drawlens_detector_detect(nullptr, &pixel, 1, 1, DRAWLENS_PIXELS_GRAY8, 1, 300, &list),
            DRAWLENS_INVALID_ARGUMENT);
  EXPECT_NE(std::string(drawlens_last_error()).find("detector"), std::string::npos);
  EXPECT_EQ(list, nullptr);
  size_t count = 0;
  EXPECT_EQ(drawlens_detections_count(nullptr, &count), DRAWLENS_INVALID_ARGUMENT);
  drawlens_detection d{};
  d.struct_size = sizeof d;
  EXPECT_EQ(drawlens_detections_get(nullptr, 0, &d), DRAWLENS_INVALID_ARGUMENT);
  drawlens_detector_free(nullptr);
  drawlens_detections_free(nullptr);
}

TEST(CApiDetector, AModelsDirectoryWithoutTheModelIsAModelError) {
  const auto empty = std::filesystem::temp_directory_path() / "drawlens-detector-empty-models";
  std::filesystem::create_directories(empty);
  const std::string path = empty.string();
  drawlens_detector_options o;
  drawlens_detector_options_default(&o);
  o.model_directory = path.c_str();
  drawlens_detector* d = nullptr;
  EXPECT_EQ(drawlens_detector_create(&o, &d), DRAWLENS_MODEL);
  EXPECT_EQ(d, nullptr);
  EXPECT_NE(std::string(drawlens_last_error()).find("detector.dlmodel"), std::string::npos) << drawlens_last_error();
  std::filesystem::remove_all(empty);
}

TEST(CApiDetector, BadOptionsAndStructSizesAreRefused) {
  drawlens_detector_options o;
  drawlens_detector_options_default(&o);
  o.model_directory = DRAWLENS_SOURCE_MODELS_DIR;
  o.struct_size = 4;
  drawlens_detector* d = nullptr;
  EXPECT_EQ(drawlens_detector_create(&o, &d), DRAWLENS_ABI_MISMATCH);
  if (!model_committed()) return;
  drawlens_detector_options_default(&o);
  o.model_directory = DRAWLENS_SOURCE_MODELS_DIR;
  o.score_threshold = 0;
  EXPECT_EQ(drawlens_detector_create(&o, &d), DRAWLENS_INVALID_ARGUMENT);
  EXPECT_NE(std::string(drawlens_last_error()).find("score_threshold"), std::string::npos);
}

TEST(CApiDetector, ABlankPageHasNoDetectionsAndBadPagesAreRefused) {
  if (!model_committed()) GTEST_SKIP() << "models/detector.dlmodel is not in this tree";
  const auto detector = committed_detector();
  ASSERT_NE(detector, nullptr);
  const std::vector<unsigned char> page(1200 * 800, 255);
  drawlens_detections* list = nullptr;
  ASSERT_EQ(drawlens_detector_detect(detector.get(), page.data(), 1200, 800, DRAWLENS_PIXELS_GRAY8, 1200, 150, &list),
            DRAWLENS_OK)
      << drawlens_last_error();
  size_t count = 99;
  EXPECT_EQ(drawlens_detections_count(list, &count), DRAWLENS_OK);
  EXPECT_EQ(count, 0u);
  drawlens_detection d{};
  d.struct_size = sizeof d;
  EXPECT_EQ(drawlens_detections_get(list, 0, &d), DRAWLENS_INVALID_ARGUMENT);
  drawlens_detections_free(list);

  list = nullptr;
  EXPECT_EQ(drawlens_detector_detect(detector.get(), page.data(), 1200, 800, DRAWLENS_PIXELS_GRAY8, 1200, 0, &list),
            DRAWLENS_INVALID_ARGUMENT);
  EXPECT_EQ(drawlens_detector_detect(detector.get(), page.data(), 0, 800, DRAWLENS_PIXELS_GRAY8, 1200, 150, &list),
            DRAWLENS_INVALID_ARGUMENT);
  EXPECT_EQ(drawlens_detector_detect(detector.get(), page.data(), 1200, 800, DRAWLENS_PIXELS_GRAY8, 100, 150, &list),
            DRAWLENS_INVALID_ARGUMENT);
  EXPECT_EQ(list, nullptr);
}

// The detect stage of a pipeline gives what the detector gives on its own, through the result
// accessors and the facade's Page.
TEST(CApiDetector, AnalysedRasterPagesCarryTheDetectorsRegions) {
  if (!model_committed()) GTEST_SKIP() << "models/detector.dlmodel is not in this tree";
  cv::Mat page = drawlens::testing::make_drawing_page(1200, 800);
  cv::putText(page, "25 +0.1/-0.2", {300, 300}, cv::FONT_HERSHEY_SIMPLEX, 0.9, cv::Scalar(0), 2);
  cv::putText(page, "NOTES: BREAK ALL EDGES", {200, 600}, cv::FONT_HERSHEY_SIMPLEX, 0.8, cv::Scalar(0), 2);
  const auto detector = committed_detector();
  drawlens_detections* list = nullptr;
  ASSERT_EQ(drawlens_detector_detect(detector.get(), page.data, page.cols, page.rows, DRAWLENS_PIXELS_GRAY8, page.step,
                                     150, &list),
            DRAWLENS_OK);
  size_t expected = 0;
  ASSERT_EQ(drawlens_detections_count(list, &expected), DRAWLENS_OK);

  const drawlens::Pipeline pipeline(drawlens::Options().model_directory(DRAWLENS_SOURCE_MODELS_DIR));
  const drawlens::Result result = pipeline.analyze(
      drawlens::Document::pixels(page.data, page.cols, page.rows, DRAWLENS_PIXELS_GRAY8, page.step, 150));
  size_t count = 99;
  ASSERT_EQ(drawlens_result_detection_count(result.get(), 0, &count), DRAWLENS_OK);
  EXPECT_EQ(count, expected);
  const drawlens::Page typed = result.page(0);
  ASSERT_EQ(typed.detections.size(), expected);
  for (size_t i = 0; i < count; ++i) {
    drawlens_detection alone{}, analysed{};
    alone.struct_size = analysed.struct_size = sizeof alone;
    ASSERT_EQ(drawlens_detections_get(list, i, &alone), DRAWLENS_OK);
    ASSERT_EQ(drawlens_result_detection(result.get(), 0, i, &analysed), DRAWLENS_OK);
    EXPECT_EQ(analysed.category, alone.category);
    EXPECT_NEAR(analysed.centre_x, alone.centre_x, 1e-3);
    EXPECT_NEAR(typed.detections[i].score, alone.score, 1e-5);  // thread counts differ: sums in another order
    // The standalone detector reads nothing; the pipeline's read stage reads every region.
    EXPECT_EQ(alone.text, nullptr);
    ASSERT_NE(analysed.text, nullptr);
    EXPECT_GE(analysed.text_confidence, 0.0);
    EXPECT_LE(analysed.text_confidence, 1.0);
    EXPECT_TRUE(analysed.text_source == DRAWLENS_SOURCE_RECOGNIZER ||
                analysed.text_source == DRAWLENS_SOURCE_TESSERACT);
    ASSERT_TRUE(typed.detections[i].text.has_value());
    EXPECT_EQ(*typed.detections[i].text, analysed.text);
  }
  // Without the read stage the regions stay unread.
  const drawlens::Pipeline unread(drawlens::Options()
                                      .model_directory(DRAWLENS_SOURCE_MODELS_DIR)
                                      .stages(DRAWLENS_STAGE_DEFAULT & ~DRAWLENS_STAGE_READ));
  const drawlens::Page plain =
      unread.analyze(drawlens::Document::pixels(page.data, page.cols, page.rows, DRAWLENS_PIXELS_GRAY8, page.step, 150))
          .page(0);
  ASSERT_EQ(plain.detections.size(), expected);
  for (const drawlens::Detection& detection : plain.detections) EXPECT_FALSE(detection.text.has_value());
  drawlens_detections_free(list);
  drawlens_detection d{};
  d.struct_size = sizeof d;
  EXPECT_EQ(drawlens_result_detection(result.get(), 0, count, &d), DRAWLENS_INVALID_ARGUMENT);
  EXPECT_EQ(drawlens_result_detection(result.get(), 1, 0, &d), DRAWLENS_INVALID_ARGUMENT);
  EXPECT_EQ(drawlens_result_detection_count(nullptr, 0, &count), DRAWLENS_INVALID_ARGUMENT);
  EXPECT_EQ(drawlens_result_detection_count(result.get(), 0, nullptr), DRAWLENS_INVALID_ARGUMENT);
}

TEST(FacadeDetector, ReportsAMissingModelAsAnError) {
  drawlens::DetectorOptions options;
  options.model_directory = "/proc";  // a directory without detector.dlmodel
  try {
    drawlens::Detector detector(options);
    FAIL() << "expected an error";
  } catch (const drawlens::Error& e) {
    EXPECT_EQ(e.status(), DRAWLENS_MODEL);
  }
}

}  // namespace
