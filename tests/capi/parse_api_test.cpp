// The parsing entry points and the annotation accessors of the C ABI, and their facade wrappers,
// as hosts see them through libdrawlens.so.
#include <cstring>
#include <string>
#include <utility>

#include <gtest/gtest.h>

#include "drawlens/drawlens.h"
#include "drawlens/drawlens.hpp"

namespace {

TEST(ParseApi, DimensionWithFit) {
  drawlens_dimension d{};
  d.struct_size = sizeof d;
  ASSERT_EQ(drawlens_parse_dimension("Ø25 g6", DRAWLENS_UNIT_MM, nullptr, &d), DRAWLENS_OK);
  EXPECT_EQ(d.size_type, DRAWLENS_SIZE_DIAMETER);
  EXPECT_DOUBLE_EQ(d.nominal, 25.0);
  EXPECT_EQ(d.tolerance_kind, DRAWLENS_TOLERANCE_FIT);
  ASSERT_EQ(d.has_deviations, 1);
  EXPECT_NEAR(d.upper_deviation, -0.007, 1e-12);
  EXPECT_NEAR(d.lower_limit, 24.980, 1e-12);
  EXPECT_STREQ(d.shaft_class, "g6");
  EXPECT_STREQ(d.hole_class, "");
  EXPECT_STREQ(d.it_grade, "IT6");
  EXPECT_STREQ(d.normalized, "Ø25 g6");
}

TEST(ParseApi, GeneralToleranceAppliesToUntoleranced) {
  drawlens_dimension d{};
  d.struct_size = sizeof d;
  ASSERT_EQ(drawlens_parse_dimension("120", DRAWLENS_UNIT_MM, "ISO 2768-f", &d), DRAWLENS_OK);
  EXPECT_EQ(d.tolerance_kind, DRAWLENS_TOLERANCE_GENERAL);
  EXPECT_TRUE(d.flags & DRAWLENS_FLAG_GENERAL);
  EXPECT_NEAR(d.upper_deviation, 0.15, 1e-12);  // ISO 2768-f, over 30 up to 120
}

TEST(ParseApi, ErrorsNameTheProblem) {
  drawlens_dimension d{};
  d.struct_size = sizeof d;
  EXPECT_EQ(drawlens_parse_dimension("25 1", DRAWLENS_UNIT_MM, nullptr, &d), DRAWLENS_PARSE);
  EXPECT_NE(std::strstr(drawlens_last_error(), "ambiguous"), nullptr);
  EXPECT_EQ(drawlens_parse_dimension(nullptr, DRAWLENS_UNIT_MM, nullptr, &d), DRAWLENS_INVALID_ARGUMENT);
  EXPECT_EQ(drawlens_parse_dimension("25", DRAWLENS_UNIT_DEG, nullptr, &d), DRAWLENS_INVALID_ARGUMENT);
  EXPECT_EQ(drawlens_parse_dimension("25", static_cast<drawlens_unit>(77), nullptr, &d), DRAWLENS_INVALID_ARGUMENT);
  EXPECT_EQ(drawlens_parse_dimension("25", DRAWLENS_UNIT_MM, "nonsense", &d), DRAWLENS_PARSE);
  d.struct_size = 8;
  EXPECT_EQ(drawlens_parse_dimension("25", DRAWLENS_UNIT_MM, nullptr, &d), DRAWLENS_ABI_MISMATCH);
  EXPECT_EQ(drawlens_parse_dimension("25", DRAWLENS_UNIT_MM, nullptr, nullptr), DRAWLENS_INVALID_ARGUMENT);
}

TEST(ParseApi, GdtFrame) {
  drawlens_gdt_frame f{};
  f.struct_size = sizeof f;
  ASSERT_EQ(drawlens_parse_gdt("⌖|Ø0.2Ⓜ|A|B|C", &f), DRAWLENS_OK);
  EXPECT_EQ(f.characteristic, DRAWLENS_GDT_POSITION);
  EXPECT_DOUBLE_EQ(f.tolerance, 0.2);
  EXPECT_EQ(f.zone_diameter, 1);
  EXPECT_STREQ(f.datums, "A|B|C");
  EXPECT_EQ(drawlens_parse_gdt("|0.2|", &f), DRAWLENS_PARSE);
  EXPECT_EQ(drawlens_parse_gdt(nullptr, &f), DRAWLENS_INVALID_ARGUMENT);
}

TEST(ParseApi, Iso286Limits) {
  double upper = 0, lower = 0;
  ASSERT_EQ(drawlens_iso286_limits(25.0, "H7", &upper, &lower), DRAWLENS_OK);
  EXPECT_NEAR(upper, 0.021, 1e-12);
  EXPECT_NEAR(lower, 0.0, 1e-12);
  EXPECT_EQ(drawlens_iso286_limits(4000.0, "H7", &upper, &lower), DRAWLENS_INVALID_ARGUMENT);
  EXPECT_NE(std::strstr(drawlens_last_error(), "3150"), nullptr);
  EXPECT_EQ(drawlens_iso286_limits(25.0, "Q7", &upper, &lower), DRAWLENS_PARSE);
  EXPECT_EQ(drawlens_iso286_limits(25.0, nullptr, &upper, &lower), DRAWLENS_INVALID_ARGUMENT);
}

TEST(ParseApi, JsonIsOwnedAndDescribesTheKind) {
  char* json = nullptr;
  ASSERT_EQ(drawlens_parse_json("Ra 1,6", DRAWLENS_PARSE_AUTO, &json), DRAWLENS_OK);
  ASSERT_NE(json, nullptr);
  EXPECT_NE(std::strstr(json, "\"kind\":\"surface_texture\""), nullptr);
  drawlens_free(json);
  EXPECT_EQ(drawlens_parse_json("Ra 1,6", static_cast<drawlens_parse_kind>(42), &json), DRAWLENS_INVALID_ARGUMENT);
  EXPECT_EQ(json, nullptr);
}

// AUTO reads text as analyze does (parse::read_annotation): prose is a note, a general tolerance
// statement is one, and text that is nothing is refused with the dimension grammar's message.
TEST(ParseApi, AutoReadsAsAnalyzeDoes) {
  const std::pair<const char*, const char*> expected[] = {{"ISO 2768-mK", "general_tolerance"},
                                                          {"DEBURR ALL EDGES", "note"},
                                                          {"\u2316|\u00D80.2|A", "gdt_frame"},
                                                          {"N7", "surface_texture"},
                                                          {"\u00D825 H7", "dimension"}};
  for (const auto& [text, kind] : expected) {
    char* json = nullptr;
    ASSERT_EQ(drawlens_parse_json(text, DRAWLENS_PARSE_AUTO, &json), DRAWLENS_OK) << text;
    EXPECT_NE(std::strstr(json, (std::string("\"kind\":\"") + kind + "\"").c_str()), nullptr) << json;
    drawlens_free(json);
  }
  char* json = nullptr;
  EXPECT_EQ(drawlens_parse_json("25 1", DRAWLENS_PARSE_AUTO, &json), DRAWLENS_PARSE);
  EXPECT_NE(std::strstr(drawlens_last_error(), "ambiguous"), nullptr);
  EXPECT_EQ(drawlens_parse_json("DEBURR ALL EDGES", DRAWLENS_PARSE_DIMENSION, &json), DRAWLENS_PARSE);
}

TEST(ParseFacade, ThrowsErrorWithStatus) {
  EXPECT_NEAR(drawlens::parse_dimension("Ø20 H7").upper_deviation.value(), 0.021, 1e-12);
  EXPECT_EQ(drawlens::parse_gdt("⏥|0.05").characteristic, DRAWLENS_GDT_FLATNESS);
  EXPECT_NEAR(drawlens::iso286_limits(20, "g6").lower, -0.020, 1e-12);
  try {
    drawlens::parse_dimension("Ø25 Q7");
    FAIL() << "no error";
  } catch (const drawlens::Error& e) {
    EXPECT_EQ(e.status(), DRAWLENS_PARSE);
  }
}

// edocr2 Aufspannung is a SolidWorks vector PDF: its text layer carries the dimensions.
TEST(AnnotationApi, SampleDrawingDimensionsAndTitleFields) {
  const drawlens::Pipeline pipeline(drawlens::Options().pdf_dpi(150));
  const drawlens::Result result =
      pipeline.analyze(drawlens::Document::file(DRAWLENS_TEST_DATA_DIR "/real/edocr2_Aufspannung.PDF"));
  const drawlens::Page page = result.page(0);
  bool stacked = false;
  for (const auto& d : page.dimensions) {
    if (d.text.rfind("4.00", 0) == 0) {
      stacked = true;
      EXPECT_NEAR(d.upper_deviation.value(), 0.10, 1e-12);
      EXPECT_NEAR(d.lower_deviation.value(), -0.20, 1e-12);
      EXPECT_GT(d.box.width, 0);
    }
  }
  EXPECT_TRUE(stacked);
  bool drawing_number = false;
  for (const auto& f : page.title_fields)
    drawing_number = drawing_number || (f.key == "drawing_number" && f.value == "Micro_Vu-4.20");
  EXPECT_TRUE(drawing_number);

  size_t count = 0;
  EXPECT_EQ(drawlens_result_dimension_count(result.get(), 9, &count), DRAWLENS_INVALID_ARGUMENT);
  drawlens_dimension d{};
  d.struct_size = sizeof d;
  ASSERT_EQ(drawlens_result_dimension_count(result.get(), 0, &count), DRAWLENS_OK);
  EXPECT_EQ(drawlens_result_dimension(result.get(), 0, count, &d), DRAWLENS_INVALID_ARGUMENT);
  EXPECT_EQ(drawlens_result_dimension(nullptr, 0, 0, &d), DRAWLENS_INVALID_ARGUMENT);
}

}  // namespace
