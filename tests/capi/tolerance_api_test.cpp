// The tolerance analysis through the C ABI and the C++ facade: the stage in a pipeline's result
// (accessors, JSON), the standalone skin model (load, analyse, retrain from a CSV, save), fits,
// frame checks and stack-ups, and every bad argument a C caller can pass.
#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "drawlens/drawlens.hpp"

namespace {

const std::string kSample = std::string(DRAWLENS_TEST_DATA_DIR) + "/../../examples/data/sample_drawing.pdf";
const std::string kMeasurements = std::string(DRAWLENS_TEST_DATA_DIR) + "/../../examples/data/measurements.csv";

bool mentions(const char* text) {
  return std::string(drawlens_last_error()).find(text) != std::string::npos;
}

struct SkinDeleter {
  void operator()(drawlens_skin_model* m) const { drawlens_skin_model_free(m); }
};
using SkinPtr = std::unique_ptr<drawlens_skin_model, SkinDeleter>;
struct ReportDeleter {
  void operator()(drawlens_tolerance_report* r) const { drawlens_tolerance_report_free(r); }
};
using ReportPtr = std::unique_ptr<drawlens_tolerance_report, ReportDeleter>;

SkinPtr committed() {
  drawlens_skin_model* m = nullptr;
  EXPECT_EQ(drawlens_skin_model_load(DRAWLENS_SOURCE_MODELS_DIR, &m), DRAWLENS_OK) << drawlens_last_error();
  return SkinPtr(m);
}

drawlens_feature feature(const char* id, drawlens_feature_class c, double size, double upper, double lower) {
  drawlens_feature f{};
  f.struct_size = sizeof f;
  f.id = id;
  f.feature_class = c;
  f.size_mm = size;
  f.upper_mm = upper;
  f.lower_mm = lower;
  return f;
}

TEST(CApiTolerance, TheStageAnalysesTheSampleDrawingsToleranceDimensions) {
  drawlens::Options options;
  options.model_directory(DRAWLENS_SOURCE_MODELS_DIR).process("turning").material("aluminum");
  const drawlens::Pipeline pipeline(options);
  const drawlens::Result result = pipeline.analyze(drawlens::Document::file(kSample));
  const std::vector<drawlens::Page> pages = result.pages();
  ASSERT_EQ(pages.size(), 1u);
  const auto& analyses = pages[0].tolerances;
  ASSERT_GE(analyses.size(), 3u);
  bool any_cost_driver = false;
  for (const drawlens::ToleranceAnalysis& a : analyses) {
    EXPECT_EQ(a.process, DRAWLENS_PROCESS_TURNING);
    EXPECT_EQ(a.material, DRAWLENS_MATERIAL_ALUMINIUM);
    EXPECT_GT(a.zone_mm, 0);
    EXPECT_GE(a.yield, 0);
    EXPECT_LE(a.yield, 1);
    ASSERT_TRUE(a.dimension_index.has_value() || a.gdt_frame_index.has_value()) << a.id;
    if (a.dimension_index) {
      // The analysis names the dimension it came from, and carries its zone.
      const drawlens::Dimension& d = pages[0].dimensions.at(static_cast<std::size_t>(*a.dimension_index));
      EXPECT_EQ(a.id, "p0-d" + std::to_string(*a.dimension_index));
      EXPECT_NEAR(a.upper_mm - a.lower_mm, a.zone_mm, 1e-12);
      EXPECT_FALSE(d.text.empty());
    }
    any_cost_driver = any_cost_driver || a.cost_driver;
    EXPECT_FALSE(a.reason.empty());
  }
  EXPECT_TRUE(any_cost_driver);
  const nlohmann::json json = nlohmann::json::parse(result.json());
  const nlohmann::json& tolerances = json["pages"][0]["tolerances"];
  EXPECT_EQ(tolerances["process"], "turning");
  EXPECT_EQ(tolerances["material"], "aluminium");
  EXPECT_EQ(tolerances["features"].size(), analyses.size());
  EXPECT_EQ(tolerances["features"][0]["id"], analyses[0].id);
  EXPECT_TRUE(tolerances.contains("not_analysed"));
  EXPECT_TRUE(tolerances.contains("frame_checks"));
}

TEST(CApiTolerance, AnUnknownProcessOrMaterialIsRefusedAtCreate) {
  drawlens_options o;
  drawlens_options_default(&o);
  o.model_directory = DRAWLENS_SOURCE_MODELS_DIR;
  o.process = "knitting";
  drawlens_pipeline* p = nullptr;
  EXPECT_EQ(drawlens_pipeline_create(&o, &p), DRAWLENS_INVALID_ARGUMENT);
  EXPECT_TRUE(mentions("unknown process 'knitting'")) << drawlens_last_error();
  o.process = nullptr;
  o.material = "wood";
  EXPECT_EQ(drawlens_pipeline_create(&o, &p), DRAWLENS_INVALID_ARGUMENT);
  EXPECT_TRUE(mentions("unknown material 'wood'")) << drawlens_last_error();
  EXPECT_EQ(p, nullptr);
}

TEST(CApiTolerance, ResultAccessorsCheckTheirArguments) {
  drawlens_options o;
  drawlens_options_default(&o);
  o.model_directory = DRAWLENS_SOURCE_MODELS_DIR;
  drawlens_pipeline* p = nullptr;
  ASSERT_EQ(drawlens_pipeline_create(&o, &p), DRAWLENS_OK) << drawlens_last_error();
  drawlens_result* r = nullptr;
  ASSERT_EQ(drawlens_analyze_file(p, kSample.c_str(), &r), DRAWLENS_OK) << drawlens_last_error();
  size_t count = 0;
  ASSERT_EQ(drawlens_result_tolerance_count(r, 0, &count), DRAWLENS_OK);
  EXPECT_GT(count, 0u);
  drawlens_tolerance_analysis a{};
  a.struct_size = sizeof a;
  EXPECT_EQ(drawlens_result_tolerance(r, 0, count, &a), DRAWLENS_INVALID_ARGUMENT);
  EXPECT_EQ(drawlens_result_tolerance(r, 1, 0, &a), DRAWLENS_INVALID_ARGUMENT);
  a.struct_size = 8;
  EXPECT_EQ(drawlens_result_tolerance(r, 0, 0, &a), DRAWLENS_ABI_MISMATCH);
  EXPECT_EQ(drawlens_result_tolerance_count(nullptr, 0, &count), DRAWLENS_INVALID_ARGUMENT);

  // The same page re-analysed for another process through the standalone model.
  SkinPtr model = committed();
  drawlens_tolerance_report* raw = nullptr;
  ASSERT_EQ(
      drawlens_skin_model_analyze_result(model.get(), r, 0, DRAWLENS_PROCESS_GRINDING, DRAWLENS_MATERIAL_STEEL, &raw),
      DRAWLENS_OK)
      << drawlens_last_error();
  ReportPtr report(raw);
  size_t reported = 0;
  ASSERT_EQ(drawlens_tolerance_report_count(report.get(), &reported), DRAWLENS_OK);
  EXPECT_EQ(reported, count);
  a.struct_size = sizeof a;
  ASSERT_EQ(drawlens_tolerance_report_get(report.get(), 0, &a), DRAWLENS_OK);
  EXPECT_EQ(a.process, DRAWLENS_PROCESS_GRINDING);
  EXPECT_GE(a.dimension_index + a.gdt_frame_index, -1);
  EXPECT_EQ(
      drawlens_skin_model_analyze_result(model.get(), r, 3, DRAWLENS_PROCESS_GRINDING, DRAWLENS_MATERIAL_STEEL, &raw),
      DRAWLENS_INVALID_ARGUMENT);
  drawlens_result_free(r);
  drawlens_pipeline_free(p);
}

TEST(CApiTolerance, StandaloneAnalysisOfCallerFeatures) {
  SkinPtr model = committed();
  const drawlens_feature features[] = {feature("bore", DRAWLENS_FEATURE_DIAMETER_SIZE, 20, 0.013, 0),
                                       feature("face", DRAWLENS_FEATURE_FLATNESS, 80, 0.05, 0)};
  drawlens_tolerance_report* raw = nullptr;
  ASSERT_EQ(
      drawlens_skin_model_analyze(model.get(), features, 2, DRAWLENS_PROCESS_MILLING, DRAWLENS_MATERIAL_STEEL, &raw),
      DRAWLENS_OK)
      << drawlens_last_error();
  ReportPtr report(raw);
  drawlens_tolerance_analysis a{};
  a.struct_size = sizeof a;
  ASSERT_EQ(drawlens_tolerance_report_get(report.get(), 0, &a), DRAWLENS_OK);
  EXPECT_STREQ(a.id, "bore");
  EXPECT_EQ(a.it_grade, 6);
  EXPECT_GT(a.cp, 0);
  EXPECT_EQ(a.dimension_index, -1);
  EXPECT_NE(a.capable_processes & (1u << DRAWLENS_PROCESS_GRINDING), 0u);  // IT6 is beyond milling, not grinding
  ASSERT_EQ(drawlens_tolerance_report_get(report.get(), 1, &a), DRAWLENS_OK);
  EXPECT_EQ(a.feature_class, DRAWLENS_FEATURE_FLATNESS);
  EXPECT_EQ(a.cp, -1);  // one-sided zone
  EXPECT_LT(a.q05_mm, a.q95_mm);
  const char* json = nullptr;
  ASSERT_EQ(drawlens_tolerance_report_json(report.get(), &json), DRAWLENS_OK);
  const nlohmann::json parsed = nlohmann::json::parse(json);
  ASSERT_EQ(parsed.size(), 2u);
  EXPECT_EQ(parsed[1]["feature_class"], "flatness");
  EXPECT_TRUE(parsed[1]["cp"].is_null());
}

TEST(CApiTolerance, BadArgumentsAreNamed) {
  SkinPtr model = committed();
  drawlens_tolerance_report* report = nullptr;
  const drawlens_feature bad_zone[] = {feature("x", DRAWLENS_FEATURE_LINEAR_SIZE, 20, 0.1, 0.1)};
  EXPECT_EQ(
      drawlens_skin_model_analyze(model.get(), bad_zone, 1, DRAWLENS_PROCESS_MILLING, DRAWLENS_MATERIAL_STEEL, &report),
      DRAWLENS_INVALID_ARGUMENT);
  EXPECT_TRUE(mentions("features[0]")) << drawlens_last_error();
  const drawlens_feature bad_class[] = {feature("x", static_cast<drawlens_feature_class>(42), 20, 0.1, 0)};
  EXPECT_EQ(drawlens_skin_model_analyze(model.get(), bad_class, 1, DRAWLENS_PROCESS_MILLING, DRAWLENS_MATERIAL_STEEL,
                                        &report),
            DRAWLENS_INVALID_ARGUMENT);
  EXPECT_EQ(drawlens_skin_model_analyze(model.get(), bad_zone, 1, static_cast<drawlens_process>(99),
                                        DRAWLENS_MATERIAL_STEEL, &report),
            DRAWLENS_INVALID_ARGUMENT);
  EXPECT_TRUE(mentions("process 99")) << drawlens_last_error();
  EXPECT_EQ(
      drawlens_skin_model_analyze(nullptr, bad_zone, 1, DRAWLENS_PROCESS_MILLING, DRAWLENS_MATERIAL_STEEL, &report),
      DRAWLENS_INVALID_ARGUMENT);
  EXPECT_EQ(
      drawlens_skin_model_analyze(model.get(), nullptr, 1, DRAWLENS_PROCESS_MILLING, DRAWLENS_MATERIAL_STEEL, &report),
      DRAWLENS_INVALID_ARGUMENT);
  EXPECT_EQ(
      drawlens_skin_model_analyze(model.get(), bad_zone, 1, DRAWLENS_PROCESS_MILLING, DRAWLENS_MATERIAL_STEEL, nullptr),
      DRAWLENS_INVALID_ARGUMENT);
  EXPECT_EQ(report, nullptr);
  EXPECT_EQ(drawlens_skin_model_load(nullptr, nullptr), DRAWLENS_INVALID_ARGUMENT);
  drawlens_skin_model* missing = nullptr;
  EXPECT_EQ(drawlens_skin_model_load("/no/such/skin.dlmodel", &missing), DRAWLENS_MODEL);
  EXPECT_TRUE(mentions("/no/such/skin.dlmodel")) << drawlens_last_error();
  EXPECT_EQ(drawlens_skin_model_load(DRAWLENS_TEST_DATA_DIR, &missing), DRAWLENS_MODEL);
  EXPECT_TRUE(mentions("skinmodel.dlmodel")) << drawlens_last_error();
  EXPECT_EQ(missing, nullptr);
  EXPECT_STREQ(drawlens_process_name(DRAWLENS_PROCESS_SHEET_METAL), "sheet_metal");
  EXPECT_STREQ(drawlens_process_name(static_cast<drawlens_process>(-1)), "unknown");
  EXPECT_STREQ(drawlens_material_name(DRAWLENS_MATERIAL_CAST_IRON), "cast_iron");
  EXPECT_STREQ(drawlens_feature_class_name(DRAWLENS_FEATURE_TOTAL_RUNOUT), "total_runout");
  EXPECT_STREQ(drawlens_rating_name(DRAWLENS_RATING_INFEASIBLE), "infeasible");
  drawlens_skin_model_free(nullptr);
  drawlens_tolerance_report_free(nullptr);
}

TEST(CApiTolerance, RetrainedFromMeasurementsSavedAndLoadedAgain) {
  SkinPtr base = committed();
  drawlens_skin_model* raw = nullptr;
  ASSERT_EQ(drawlens_skin_model_train_csv(base.get(), kMeasurements.c_str(), 20, 3, &raw), DRAWLENS_OK)
      << drawlens_last_error();
  SkinPtr retrained(raw);
  const auto path = std::filesystem::temp_directory_path() / "drawlens_retrained_skin.dlmodel";
  ASSERT_EQ(drawlens_skin_model_save(retrained.get(), path.string().c_str()), DRAWLENS_OK) << drawlens_last_error();
  drawlens_skin_model* loaded = nullptr;
  ASSERT_EQ(drawlens_skin_model_load(path.string().c_str(), &loaded), DRAWLENS_OK) << drawlens_last_error();
  SkinPtr again(loaded);
  const drawlens_feature shaft[] = {feature("shaft", DRAWLENS_FEATURE_DIAMETER_SIZE, 20, 0, -0.021)};
  drawlens_tolerance_report *from_retrained = nullptr, *from_loaded = nullptr;
  ASSERT_EQ(drawlens_skin_model_analyze(retrained.get(), shaft, 1, DRAWLENS_PROCESS_TURNING, DRAWLENS_MATERIAL_STEEL,
                                        &from_retrained),
            DRAWLENS_OK);
  ASSERT_EQ(drawlens_skin_model_analyze(again.get(), shaft, 1, DRAWLENS_PROCESS_TURNING, DRAWLENS_MATERIAL_STEEL,
                                        &from_loaded),
            DRAWLENS_OK);
  ReportPtr a(from_retrained), b(from_loaded);
  drawlens_tolerance_analysis x{}, y{};
  x.struct_size = y.struct_size = sizeof x;
  ASSERT_EQ(drawlens_tolerance_report_get(a.get(), 0, &x), DRAWLENS_OK);
  ASSERT_EQ(drawlens_tolerance_report_get(b.get(), 0, &y), DRAWLENS_OK);
  EXPECT_DOUBLE_EQ(x.sigma_mm, y.sigma_mm);  // the saved file is the model
  std::filesystem::remove(path);

  // A CSV with a bad cell names its line and column; a missing file is IO.
  const auto bad = std::filesystem::temp_directory_path() / "drawlens_bad_measurements.csv";
  {
    std::FILE* f = std::fopen(bad.string().c_str(), "w");
    std::fputs(
        "process,material,feature,size_mm,lower_mm,upper_mm,measured_mm\nturning,steel,linear_size,20,-0.1,"
        "0.1,oops\n",
        f);
    std::fclose(f);
  }
  EXPECT_EQ(drawlens_skin_model_train_csv(nullptr, bad.string().c_str(), 10, 1, &raw), DRAWLENS_INVALID_ARGUMENT);
  EXPECT_TRUE(mentions("line 2, column 'measured_mm'")) << drawlens_last_error();
  std::filesystem::remove(bad);
  EXPECT_EQ(drawlens_skin_model_train_csv(nullptr, "/no/such.csv", 10, 1, &raw), DRAWLENS_IO);
  EXPECT_EQ(drawlens_skin_model_train_csv(nullptr, kMeasurements.c_str(), 0, 1, &raw), DRAWLENS_INVALID_ARGUMENT);
  EXPECT_EQ(drawlens_skin_model_save(retrained.get(), "/no/such/dir/x.dlmodel"), DRAWLENS_IO);
}

TEST(CApiTolerance, FitsFrameChecksAndStackUps) {
  double low = 0, high = 0;
  ASSERT_EQ(drawlens_iso286_fit(20, "H7", "g6", &low, &high), DRAWLENS_OK);
  EXPECT_NEAR(low, 0.007, 1e-9);
  EXPECT_NEAR(high, 0.041, 1e-9);
  EXPECT_NE(drawlens_iso286_fit(20, "H7", "q6", &low, &high), DRAWLENS_OK);
  EXPECT_EQ(drawlens_iso286_fit(20, nullptr, "g6", &low, &high), DRAWLENS_INVALID_ARGUMENT);

  char* json = nullptr;
  ASSERT_EQ(drawlens_validate_gdt_json("⏥|0.2", 0.1, &json), DRAWLENS_OK) << drawlens_last_error();
  const nlohmann::json checked = nlohmann::json::parse(json);
  drawlens_free(json);
  EXPECT_FALSE(checked["consistent"].get<bool>());
  EXPECT_EQ(checked["findings"][0]["rule"], "form_within_size");
  EXPECT_EQ(drawlens_validate_gdt_json("not a frame", 0, &json), DRAWLENS_PARSE);
  EXPECT_EQ(json, nullptr);

  const drawlens_feature features[] = {feature("A", DRAWLENS_FEATURE_LINEAR_SIZE, 50, 0.1, -0.1),
                                       feature("B", DRAWLENS_FEATURE_LINEAR_SIZE, 20, 0.05, -0.05),
                                       feature("F", DRAWLENS_FEATURE_FLATNESS, 20, 0.05, 0)};
  drawlens_stack_link links[2]{};
  links[0] = {sizeof(drawlens_stack_link), "A", 1};
  links[1] = {sizeof(drawlens_stack_link), "B", -1};
  drawlens_stack_up_options options;
  drawlens_stack_up_options_default(&options);
  options.samples = 200000;
  drawlens_stack_up_result out{};
  out.struct_size = sizeof out;
  ASSERT_EQ(drawlens_stack_up(features, 3, links, 2, &options, &out), DRAWLENS_OK) << drawlens_last_error();
  EXPECT_DOUBLE_EQ(out.nominal_mm, 30);
  EXPECT_NEAR(out.worst_case_upper_mm, 0.15, 1e-12);
  EXPECT_NEAR(out.rss_upper_mm, std::sqrt(0.01 + 0.0025), 1e-12);
  EXPECT_EQ(out.samples, 200000u);
  links[1].feature_id = "F";
  EXPECT_EQ(drawlens_stack_up(features, 3, links, 2, &options, &out), DRAWLENS_INVALID_ARGUMENT);
  EXPECT_TRUE(mentions("not a size")) << drawlens_last_error();
  links[1] = {sizeof(drawlens_stack_link), "B", 0};
  EXPECT_EQ(drawlens_stack_up(features, 3, links, 2, &options, &out), DRAWLENS_INVALID_ARGUMENT);
  options.samples = 100000000;
  links[1].direction = -1;
  EXPECT_EQ(drawlens_stack_up(features, 3, links, 2, &options, &out), DRAWLENS_LIMIT_EXCEEDED);
  EXPECT_EQ(drawlens_stack_up(features, 3, nullptr, 2, nullptr, &out), DRAWLENS_INVALID_ARGUMENT);
  EXPECT_EQ(drawlens_stack_up(features, 3, links, 2, nullptr, nullptr), DRAWLENS_INVALID_ARGUMENT);
}

TEST(FacadeTolerance, SkinModelStackUpAndFitFromCpp) {
  const drawlens::SkinModel model(DRAWLENS_SOURCE_MODELS_DIR);
  const auto analyses = model.analyze({{"pin", DRAWLENS_FEATURE_DIAMETER_SIZE, 10, -0.005, -0.014}},
                                      DRAWLENS_PROCESS_GRINDING, DRAWLENS_MATERIAL_STEEL);
  ASSERT_EQ(analyses.size(), 1u);
  EXPECT_EQ(analyses[0].id, "pin");
  EXPECT_TRUE(analyses[0].cp.has_value());
  const auto fit = drawlens::iso286_fit(20, "H7", "g6");
  EXPECT_NEAR(fit.first, 0.007, 1e-9);
  const auto s = drawlens::stack_up({{"A", DRAWLENS_FEATURE_LINEAR_SIZE, 10, 0.1, -0.1}}, {{"A", 1}});
  EXPECT_NEAR(s.worst_case_lower_mm, -0.1, 1e-12);
  EXPECT_THROW(drawlens::SkinModel("/no/such/skin.dlmodel"), drawlens::Error);
  EXPECT_NE(drawlens::validate_gdt_json("⌖|Ø0.2|A").find("\"consistent\":true"), std::string::npos);
}

}  // namespace
