// Files and directories as `drawlens eval` reads them: pairing by name, a missing prediction, clear
// errors for bad inputs, and a generated synthetic drawing's truth scored against itself.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "eval.h"
#include "sample_result.h"
#include "synth.h"

namespace {

namespace fs = std::filesystem;
using drawlens::eval::Category;
using drawlens::eval::evaluate_paths;
using drawlens::eval::Protocol;
using drawlens::eval::Report;
using nlohmann::json;

class EvalFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() /
            ("drawlens_eval_test_" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(root_);
    fs::create_directories(root_ / "truth");
    fs::create_directories(root_ / "pred");
  }
  void TearDown() override { fs::remove_all(root_); }

  fs::path write(const fs::path& relative, const std::string& text) {
    std::ofstream(root_ / relative, std::ios::binary) << text;
    return root_ / relative;
  }

  fs::path root_;
};

void expect_message(const fs::path& truth, const fs::path& prediction, const std::string& part) {
  try {
    evaluate_paths(truth, prediction);
    ADD_FAILURE() << "no error for " << truth << " and " << prediction;
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find(part), std::string::npos) << e.what();
  }
}

TEST_F(EvalFiles, SingleFileAgainstItself) {
  const fs::path file = write("truth/a.json", drawlens::eval::testing::sample_result().dump());
  const Report report = evaluate_paths(file, file);
  ASSERT_EQ(report.files.size(), 1u);
  EXPECT_EQ(report.files[0].name, "a.json");
  EXPECT_EQ(report.totals[Protocol::strict][Category::dimensions].f1(), 1.0);
}

TEST_F(EvalFiles, DirectoriesPairByName) {
  const std::string sample = drawlens::eval::testing::sample_result().dump();
  write("truth/a.json", sample);
  write("truth/b.json", sample);
  write("pred/a.json", sample);
  write("pred/c.json", sample);
  write("pred/notes.txt", "not a result");
  const Report report = evaluate_paths(root_ / "truth", root_ / "pred");
  ASSERT_EQ(report.files.size(), 2u);
  EXPECT_FALSE(report.files[0].prediction_missing);
  EXPECT_TRUE(report.files[1].prediction_missing);
  EXPECT_EQ(report.unpaired_predictions, std::vector<std::string>{"c.json"});
  const auto& totals = report.totals[Protocol::strict][Category::dimensions];
  EXPECT_EQ(totals.truth, 8u);
  EXPECT_EQ(totals.recall(), 0.5);
  EXPECT_EQ(totals.precision(), 1.0);
  EXPECT_EQ(totals.cer(), 0.5);
  const json figures = drawlens::eval::json_report(report, {Protocol::strict});
  EXPECT_EQ(figures["totals"]["strict"]["dimensions"]["recall"], 0.5);
  EXPECT_EQ(figures["files"][1]["prediction_missing"], true);
  // Results without segments or linework: those sections say so, with zero counts.
  EXPECT_EQ(figures["vectorization"]["pages"], 0);
  EXPECT_TRUE(figures["vectorization"]["coverage"].is_null());
  EXPECT_EQ(figures["linework_links"]["dimensions"], 0);
  EXPECT_TRUE(figures["files"][0]["linework_links"]["lines_accuracy"].is_null());
  const std::string markdown = drawlens::eval::markdown_report(report, {Protocol::edocr});
  EXPECT_NE(markdown.find("b.json (no prediction)"), std::string::npos);
  EXPECT_NE(markdown.find("Not scored: no paired dimension's truth has `linework`."), std::string::npos);
}

TEST_F(EvalFiles, BadInputsAreNamed) {
  const fs::path good = write("truth/a.json", drawlens::eval::testing::sample_result().dump());
  expect_message(root_ / "missing.json", good, "missing.json: no such file");
  expect_message(good, write("pred/text.json", "Ø25 H7, not JSON"), "text.json: not JSON");
  expect_message(good, write("pred/overflow.json", "{\"pages\": [1e999]}"), "overflow.json: not JSON");
  expect_message(good, write("pred/labels.json", R"({"dimensions": ["Ø25"]})"), "labels.json: not a drawlens result");
  expect_message(good, root_ / "pred", "both be files or both be directories");
  const json bad_segment = {
      {"pages",
       json::array(
           {{{"index", 0},
             {"width", 100},
             {"height", 100},
             {"segments", json::array({{{"class", "outline"}, {"kind", "line"}, {"points", {{0, 0}, {9, 9}}}}})}}})}};
  expect_message(write("truth/seg.json", bad_segment.dump()), good, "seg.json: page 0: unknown segment class");
  fs::create_directories(root_ / "empty");
  expect_message(root_ / "empty", root_ / "truth", "empty: no .json files");
}

TEST(EvalSynth, GeneratedTruthAgainstItselfIsPerfect) {
  drawlens::synth::DrawingOptions options;
  options.seed = 1;
  options.dpi = 150;
  const json truth = json::parse(drawlens::synth::generate_drawing(options, 0).truth_json);
  for (Protocol protocol : drawlens::eval::kProtocols) {
    const auto counts = drawlens::eval::evaluate_document(truth, truth, protocol);
    for (Category category : drawlens::eval::kCategories) {
      const auto& c = counts[category];
      EXPECT_GT(c.truth, 0u) << drawlens::eval::category_name(category);
      EXPECT_EQ(c.f1(), 1.0);
      EXPECT_EQ(c.exact_accuracy(), 1.0);
      EXPECT_EQ(c.cer(), 0.0);
    }
    EXPECT_EQ(counts[Category::dimensions].value_accuracy(), 1.0);
  }
  const auto detection = drawlens::eval::evaluate_detection(truth, truth);
  EXPECT_EQ(detection.map_50(), 1.0);
  EXPECT_EQ(detection.map_50_95(), 1.0);
  const auto segmentation = drawlens::eval::evaluate_segmentation(truth, truth);
  EXPECT_EQ(segmentation.pages, 1u);
  EXPECT_EQ(segmentation.pixel_accuracy(), 1.0);
  EXPECT_EQ(segmentation.mean_iou(), 1.0);
}

}  // namespace
