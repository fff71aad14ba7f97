// Linework segmentation through the C ABI and the C++ facade: EdgNet on its own (NULL arguments,
// a models directory without the model, a blank page, a drawn page), the segment stage of the
// pipeline (off by default, on with DRAWLENS_STAGE_SEGMENT, its accessors), each dimension's
// linework (drawlens_result_dimension_linework and the facade's lists), and the class names.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include <opencv2/imgproc.hpp>

#include "drawlens/drawlens.hpp"

namespace {

struct EdgNetDeleter {
  void operator()(drawlens_edgnet* e) const { drawlens_edgnet_free(e); }
};
using EdgNetPtr = std::unique_ptr<drawlens_edgnet, EdgNetDeleter>;

EdgNetPtr committed_edgnet() {
  drawlens_edgnet_options o;
  drawlens_edgnet_options_default(&o);
  o.model_directory = DRAWLENS_SOURCE_MODELS_DIR;
  drawlens_edgnet* e = nullptr;
  EXPECT_EQ(drawlens_edgnet_create(&o, &e), DRAWLENS_OK) << drawlens_last_error();
  return EdgNetPtr(e);
}

// A part outline with a hole, a centre line and a dimension line with arrowheads, at 150 dpi.
cv::Mat drawn_page() {
  cv::Mat page(600, 900, CV_8UC1, cv::Scalar(255));
  cv::rectangle(page, {150, 150}, {650, 450}, cv::Scalar(0), 3);
  cv::circle(page, {400, 300}, 80, cv::Scalar(0), 3);
  cv::line(page, {150, 520}, {650, 520}, cv::Scalar(0), 1);
  cv::line(page, {150, 460}, {150, 540}, cv::Scalar(0), 1);
  cv::line(page, {650, 460}, {650, 540}, cv::Scalar(0), 1);
  return page;
}

TEST(CApiSegment, NullArgumentsAreInvalidArguments) {
  EXPECT_EQ(drawlens_edgnet_create(nullptr, nullptr), DRAWLENS_INVALID_ARGUMENT);
  drawlens_segments* list = nullptr;
  const unsigned char pixel = 255;
  EXPECT_EQ(drawlens_edgnet_segment(nullptr, &pixel, 1, 1, DRAWLENS_PIXELS_GRAY8, 1, 300, &list),
            DRAWLENS_INVALID_ARGUMENT);
  EXPECT_NE(std::string(drawlens_last_error()).find("edgnet"), std::string::npos);
  EXPECT_EQ(list, nullptr);
  size_t count = 0;
  EXPECT_EQ(drawlens_segments_count(nullptr, &count), DRAWLENS_INVALID_ARGUMENT);
  drawlens_segment s{};
  s.struct_size = sizeof s;
  EXPECT_EQ(drawlens_segments_get(nullptr, 0, &s), DRAWLENS_INVALID_ARGUMENT);
  drawlens_edgnet_free(nullptr);
  drawlens_segments_free(nullptr);
}

TEST(CApiSegment, AModelsDirectoryWithoutTheModelIsAModelError) {
  const auto empty = std::filesystem::temp_directory_path() / "drawlens-edgnet-empty-models";
  std::filesystem::create_directories(empty);
  const std::string path = empty.string();
  drawlens_edgnet_options o;
  drawlens_edgnet_options_default(&o);
  o.model_directory = path.c_str();
  drawlens_edgnet* e = nullptr;
  EXPECT_EQ(drawlens_edgnet_create(&o, &e), DRAWLENS_MODEL);
  EXPECT_NE(std::string(drawlens_last_error()).find("edgnet.dlmodel"), std::string::npos) << drawlens_last_error();
  EXPECT_EQ(e, nullptr);
  o.threads = -1;
  EXPECT_EQ(drawlens_edgnet_create(&o, &e), DRAWLENS_INVALID_ARGUMENT);
  std::filesystem::remove_all(empty);
}

TEST(CApiSegment, ADrawnPageIsClassifiedAndABlankOneHasNoSegments) {
  const EdgNetPtr edgnet = committed_edgnet();
  ASSERT_NE(edgnet, nullptr);
  const cv::Mat page = drawn_page();
  drawlens_segments* list = nullptr;
  ASSERT_EQ(drawlens_edgnet_segment(edgnet.get(), page.data, page.cols, page.rows, DRAWLENS_PIXELS_GRAY8, page.step,
                                    150, &list),
            DRAWLENS_OK)
      << drawlens_last_error();
  size_t count = 0;
  ASSERT_EQ(drawlens_segments_count(list, &count), DRAWLENS_OK);
  EXPECT_GE(count, 6u);
  int arcs = 0;
  for (size_t i = 0; i < count; ++i) {
    drawlens_segment s{};
    s.struct_size = sizeof s;
    ASSERT_EQ(drawlens_segments_get(list, i, &s), DRAWLENS_OK);
    EXPECT_GE(s.point_count, 2);
    EXPECT_LE(s.point_count, 4);
    EXPECT_GT(s.confidence, 0);
    EXPECT_STRNE(drawlens_line_class_name(s.line_class), "unknown");
    if (s.kind == DRAWLENS_PRIMITIVE_ARC) {
      ++arcs;
      EXPECT_NEAR(s.centre_x, 400, 3);
      EXPECT_NEAR(s.radius, 80, 3);
    }
  }
  EXPECT_GE(arcs, 1);
  drawlens_segment s{};
  s.struct_size = sizeof s;
  EXPECT_EQ(drawlens_segments_get(list, count, &s), DRAWLENS_INVALID_ARGUMENT);
  EXPECT_NE(std::string(drawlens_last_error()).find("out of range"), std::string::npos);
  drawlens_segments_free(list);

  const cv::Mat blank(400, 600, CV_8UC1, cv::Scalar(255));
  ASSERT_EQ(drawlens_edgnet_segment(edgnet.get(), blank.data, blank.cols, blank.rows, DRAWLENS_PIXELS_GRAY8, blank.step,
                                    150, &list),
            DRAWLENS_OK);
  ASSERT_EQ(drawlens_segments_count(list, &count), DRAWLENS_OK);
  EXPECT_EQ(count, 0u);
  drawlens_segments_free(list);
  EXPECT_EQ(drawlens_edgnet_segment(edgnet.get(), blank.data, blank.cols, blank.rows, DRAWLENS_PIXELS_GRAY8, blank.step,
                                    0, &list),
            DRAWLENS_INVALID_ARGUMENT);
}

TEST(CApiSegment, TheStageIsOffByDefaultAndOnWithItsBit) {
  const cv::Mat page = drawn_page();
  for (const bool segment : {false, true}) {
    drawlens::Options options;
    options.model_directory(DRAWLENS_SOURCE_MODELS_DIR).threads(1);
    if (segment) options.stages(DRAWLENS_STAGE_DEFAULT | DRAWLENS_STAGE_SEGMENT);
    const drawlens::Pipeline pipeline(options);
    const drawlens::Result result = pipeline.analyze(
        drawlens::Document::pixels(page.data, page.cols, page.rows, DRAWLENS_PIXELS_GRAY8, page.step, 150));
    const auto pages = result.pages();
    ASSERT_EQ(pages.size(), 1u);
    if (!segment) {
      EXPECT_TRUE(pages[0].segments.empty());
      EXPECT_EQ(result.json().find("\"segments\""), std::string::npos);
      continue;
    }
    EXPECT_GE(pages[0].segments.size(), 6u);
    EXPECT_NE(result.json().find("\"segments\""), std::string::npos);
    for (const auto& s : pages[0].segments) {
      EXPECT_EQ(static_cast<int>(s.points.size()), s.kind == DRAWLENS_PRIMITIVE_LINE  ? 2
                                                   : s.kind == DRAWLENS_PRIMITIVE_ARC ? 3
                                                                                      : 4);
      EXPECT_NE(s.class_name(), "unknown");
    }
  }
}

TEST(CApiSegment, DimensionsNameTheirLinesAndFeatureAmongTheSegments) {
  drawlens::Options options;
  options.model_directory(DRAWLENS_SOURCE_MODELS_DIR)
      .threads(1)
      .stages(DRAWLENS_STAGE_DEFAULT | DRAWLENS_STAGE_SEGMENT);
  const drawlens::Result result =
      drawlens::Pipeline(options).analyze(drawlens::Document::file(DRAWLENS_SAMPLE_DRAWING));
  const drawlens::Page page = result.page(0);
  ASSERT_FALSE(page.dimensions.empty());
  std::size_t with_lines = 0;
  for (std::size_t d = 0; d < page.dimensions.size(); ++d) {
    // The facade's lists are what the C accessor gives, sized by a first call with capacity 0.
    for (const drawlens_linework which : {DRAWLENS_LINEWORK_LINES, DRAWLENS_LINEWORK_FEATURE}) {
      std::size_t count = 99;
      ASSERT_EQ(drawlens_result_dimension_linework(result.get(), 0, d, which, nullptr, 0, &count), DRAWLENS_OK);
      std::vector<std::size_t> indices(count + 1, 7777);
      ASSERT_EQ(drawlens_result_dimension_linework(result.get(), 0, d, which, indices.data(), count, &count),
                DRAWLENS_OK);
      EXPECT_EQ(indices.back(), 7777u) << "wrote past capacity";
      indices.pop_back();
      EXPECT_EQ(indices, which == DRAWLENS_LINEWORK_LINES ? page.dimensions[d].lines : page.dimensions[d].feature);
    }
    for (std::size_t i : page.dimensions[d].lines) EXPECT_EQ(page.segments.at(i).line_class, DRAWLENS_LINE_DIMENSION);
    for (std::size_t i : page.dimensions[d].feature) EXPECT_NE(page.segments.at(i).line_class, DRAWLENS_LINE_DIMENSION);
    with_lines += page.dimensions[d].lines.empty() ? 0 : 1;
  }
  EXPECT_GT(with_lines, 0u);
  // A capacity smaller than the list: that many written, the whole count reported.
  std::size_t count = 0, first = 7777;
  ASSERT_EQ(drawlens_result_dimension_linework(result.get(), 0, 0, DRAWLENS_LINEWORK_LINES, &first, 1, &count),
            DRAWLENS_OK);
  EXPECT_EQ(count, page.dimensions[0].lines.size());
  if (count > 0) {
    EXPECT_EQ(first, page.dimensions[0].lines[0]);
  }

  // Bad arguments: each refused with a message naming it.
  const auto refused = [&](std::size_t p, std::size_t d, int which, std::size_t* indices, std::size_t capacity,
                           std::size_t* out, const char* named) {
    EXPECT_EQ(drawlens_result_dimension_linework(result.get(), p, d, static_cast<drawlens_linework>(which), indices,
                                                 capacity, out),
              DRAWLENS_INVALID_ARGUMENT);
    EXPECT_NE(std::string(drawlens_last_error()).find(named), std::string::npos) << drawlens_last_error();
  };
  std::size_t slot = 0;
  refused(0, 0, 0, nullptr, 0, nullptr, "count");
  refused(0, 0, 0, nullptr, 3, &count, "indices");
  refused(0, 0, 2, nullptr, 0, &count, "which");
  refused(0, 0, -1, nullptr, 0, &count, "which");
  refused(1, 0, 0, &slot, 1, &count, "page");
  refused(0, page.dimensions.size(), 0, &slot, 1, &count, "dimension");
  EXPECT_EQ(drawlens_result_dimension_linework(nullptr, 0, 0, DRAWLENS_LINEWORK_LINES, nullptr, 0, &count),
            DRAWLENS_INVALID_ARGUMENT);

  // Without the stage: no linework, but the dimension is there.
  drawlens::Options plain;
  plain.model_directory(DRAWLENS_SOURCE_MODELS_DIR).threads(1);
  const drawlens::Result without = drawlens::Pipeline(plain).analyze(drawlens::Document::file(DRAWLENS_SAMPLE_DRAWING));
  ASSERT_EQ(drawlens_result_dimension_linework(without.get(), 0, 0, DRAWLENS_LINEWORK_FEATURE, nullptr, 0, &count),
            DRAWLENS_OK);
  EXPECT_EQ(count, 0u);
}

TEST(CApiSegment, NamesOfClassesAndKinds) {
  EXPECT_STREQ(drawlens_line_class_name(DRAWLENS_LINE_CONTOUR), "contour");
  EXPECT_STREQ(drawlens_line_class_name(DRAWLENS_LINE_TITLE_BLOCK), "title_block");
  EXPECT_STREQ(drawlens_line_class_name(static_cast<drawlens_line_class>(9)), "unknown");
  EXPECT_STREQ(drawlens_primitive_kind_name(DRAWLENS_PRIMITIVE_BEZIER), "bezier");
  EXPECT_STREQ(drawlens_primitive_kind_name(static_cast<drawlens_primitive_kind>(-1)), "unknown");
}

}  // namespace
