// The detect stage inside the pipeline, with the committed model: a generated raster drawing gets
// the detector's regions (the same ones the Detector gives on its own), in the JSON and on the
// overlay; the stage can be left out; a PDF page with a text layer is read, not detected.
#include <gtest/gtest.h>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include "detect/detect.h"
#include "output/output.h"
#include "pipeline/pipeline.h"
#include "stage_test_support.h"
#include "synth.h"

namespace drawlens {
namespace {

synth::Drawing drawing(bool with_pdf) {
  return stage_tests::unseen_drawing(0, 150, with_pdf);
}

Pipeline pipeline(PipelineOptions options) {
  auto created = stage_tests::committed_pipeline(std::move(options));
  if (!created) throw std::runtime_error(created.error().message);
  return std::move(created).value();
}

TEST(DetectStage, RasterPagesGetTheDetectorsRegions) {
  const synth::Drawing generated = drawing(false);
  PipelineOptions options;
  options.keep_page_images = true;
  auto analysis = pipeline(options).analyze_memory(generated.png.data(), generated.png.size());
  ASSERT_TRUE(analysis.ok()) << analysis.error().message;
  const PageAnalysis& page = analysis.value().pages.at(0);
  ASSERT_TRUE(page.detections.has_value());

  auto detector = detect::Detector::load(DRAWLENS_SOURCE_MODELS_DIR);
  ASSERT_TRUE(detector.ok()) << detector.error().message;
  const cv::Mat gray = cv::imdecode(generated.png, cv::IMREAD_GRAYSCALE);
  auto alone = detector.value().detect(gray, page.dpi);
  ASSERT_TRUE(alone.ok());
  ASSERT_EQ(page.detections->size(), alone.value().size());
  int dimensions = 0;
  for (std::size_t i = 0; i < alone.value().size(); ++i) {
    EXPECT_EQ((*page.detections)[i].category, alone.value()[i].category);
    EXPECT_NEAR((*page.detections)[i].box.centre_x, alone.value()[i].box.centre_x, 1e-3);
    dimensions += (*page.detections)[i].category == detect::Category::dimension ? 1 : 0;
  }
  EXPECT_GE(dimensions, 2);

  const auto json = output::to_json(analysis.value());
  const auto& listed = json.at("pages").at(0).at("detections");
  ASSERT_EQ(listed.size(), page.detections->size());
  EXPECT_EQ(listed.at(0).at("polygon").size(), 4u);
  EXPECT_EQ(listed.at(0).at("category"), detect::category_name(page.detections->front().category));
  EXPECT_TRUE(json.at("timings_ms").contains("detect"));

  const cv::Mat overlay = output::render_overlay(page);
  cv::Mat mask;
  const cv::Scalar colour = output::overlay_colour(output::OverlayClass::detection);
  cv::inRange(overlay, colour, colour, mask);
  EXPECT_GT(cv::countNonZero(mask), 0);
}

TEST(DetectStage, CanBeLeftOut) {
  const synth::Drawing generated = drawing(false);
  PipelineOptions options;
  options.stages = StageSet::defaults().without(Stage::detect);
  auto analysis = pipeline(options).analyze_memory(generated.png.data(), generated.png.size());
  ASSERT_TRUE(analysis.ok());
  EXPECT_FALSE(analysis.value().pages.at(0).detections.has_value());
  EXPECT_FALSE(output::to_json(analysis.value()).at("pages").at(0).contains("detections"));
}

TEST(DetectStage, PagesWithATextLayerAreReadNotDetected) {
  const synth::Drawing generated = drawing(true);
  ASSERT_FALSE(generated.pdf.empty());
  PipelineOptions options;
  options.load.pdf_dpi = 100;
  auto analysis = pipeline(options).analyze_memory(generated.pdf.data(), generated.pdf.size());
  ASSERT_TRUE(analysis.ok()) << analysis.error().message;
  const PageAnalysis& page = analysis.value().pages.at(0);
  EXPECT_FALSE(page.words.empty());
  EXPECT_FALSE(page.detections.has_value());
  EXPECT_FALSE(page.annotations->dimensions.empty());
}

}  // namespace
}  // namespace drawlens
