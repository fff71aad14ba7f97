// Accuracy of the vector-PDF path against hand ground truth (tests/data/real/truth): recall and
// precision of dimensions matched on their values (nominal and both limits), printed per drawing,
// with floors that catch regressions. The figures go in the notes; the floors are not targets.
#include <cmath>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "drawlens/drawlens.hpp"

namespace {

const std::string kRealDir = DRAWLENS_TEST_DATA_DIR "/real/";

bool same(const std::optional<double>& a, const std::optional<double>& b) {
  if (a.has_value() != b.has_value()) return false;
  return !a || std::abs(*a - *b) < 1e-6;
}

bool same_values(const drawlens::Dimension& truth, const drawlens::Dimension& found) {
  return std::abs(truth.nominal - found.nominal) < 1e-6 && same(truth.upper_limit, found.upper_limit) &&
         same(truth.lower_limit, found.lower_limit);
}

struct Score {
  std::size_t truth = 0, found = 0, matched = 0, size_type_right = 0;
};

Score score_drawing(const std::string& drawing, const std::string& truth_file) {
  std::ifstream in(kRealDir + "truth/" + truth_file);
  const auto truth_json = nlohmann::json::parse(in);
  // Inch drawings say so once ("unit": "in"), as their sheets do in a note.
  const drawlens_unit unit = truth_json.value("unit", "mm") == "in" ? DRAWLENS_UNIT_INCH : DRAWLENS_UNIT_MM;
  std::vector<drawlens::Dimension> truth;
  for (const auto& text : truth_json["dimensions"])
    truth.push_back(drawlens::parse_dimension(text.get<std::string>(), unit));
  const drawlens::Pipeline pipeline(drawlens::Options().pdf_dpi(150));
  const drawlens::Page page = pipeline.analyze(drawlens::Document::file(kRealDir + drawing)).page(0);
  Score score;
  score.truth = truth.size();
  score.found = page.dimensions.size();
  std::vector<bool> used(page.dimensions.size(), false);
  for (const auto& t : truth) {
    for (std::size_t i = 0; i < page.dimensions.size(); ++i) {
      if (used[i] || !same_values(t, page.dimensions[i])) continue;
      used[i] = true;
      ++score.matched;
      if (t.size_type == page.dimensions[i].size_type && t.count == page.dimensions[i].count) ++score.size_type_right;
      break;
    }
  }
  std::cout << "[ accuracy ] " << drawing << ": truth " << score.truth << ", found " << score.found << ", values right "
            << score.matched << " (recall " << double(score.matched) / score.truth << ", precision "
            << (score.found ? double(score.matched) / score.found : 0.0) << "), size type and count right "
            << score.size_type_right << "\n";
  return score;
}

struct Case {
  const char* drawing;
  const char* truth;
  std::size_t min_matched;
};

class TextLayerAccuracy : public ::testing::TestWithParam<Case> {};

TEST_P(TextLayerAccuracy, FindsDimensionsWithTheirValues) {
  const Score score = score_drawing(GetParam().drawing, GetParam().truth);
  EXPECT_GE(score.matched, GetParam().min_matched);
}

INSTANTIATE_TEST_SUITE_P(
    VectorPdfs, TextLayerAccuracy,
    ::testing::Values(Case{"edocr2_Aufspannung.PDF", "edocr2_Aufspannung.json", 7},
                      Case{"edocr2_Elevator_bottom.PDF", "edocr2_Elevator_bottom.json", 12},
                      Case{"edocr_Gripper.PDF", "edocr_Gripper.json", 7},
                      Case{"edocr_Adapterplatte.PDF", "edocr_Adapterplatte.json", 8},
                      Case{"odri_center_pulley_at3_t10.PDF", "odri_center_pulley_at3_t10.json", 17},
                      Case{"odri_center_pulley_at3_t10_inch.PDF", "odri_center_pulley_at3_t10_inch.json", 15},
                      Case{"odri_motor_shaft.PDF", "odri_motor_shaft.json", 8},
                      Case{"odri_motor_shaft_inch.PDF", "odri_motor_shaft_inch.json", 8},
                      Case{"odri_codewheel_modification.PDF", "odri_codewheel_modification.json", 3},
                      Case{"odri_pulley_at3_t10_form_cutter.PDF", "odri_pulley_at3_t10_form_cutter.json", 7},
                      Case{"odri_pulley_at3_t10_wire_edm.PDF", "odri_pulley_at3_t10_wire_edm.json", 5},
                      Case{"odri_aluminum_profiles.pdf", "odri_aluminum_profiles.json", 8}));

}  // namespace
