// Every figure on known cases: truth against itself, then one perturbation at a time with the exact
// numbers it must give under the strict and the eDOCr2 protocols.
#include <gtest/gtest.h>

#include "box_overlap.h"
#include "eval.h"
#include "item_pairing.h"
#include "sample_result.h"

namespace {

using drawlens::eval::Category;
using drawlens::eval::CategoryCounts;
using drawlens::eval::Counts;
using drawlens::eval::evaluate_document;
using drawlens::eval::Protocol;
using drawlens::eval::testing::sample_result;
using nlohmann::json;

json& dimensions(json& document) {
  return document["pages"][0]["dimensions"];
}

Counts dimension_counts(const json& truth, const json& prediction, Protocol protocol) {
  return evaluate_document(truth, prediction, protocol)[Category::dimensions];
}

TEST(EvalMetrics, TruthAgainstItselfIsPerfect) {
  const json truth = sample_result();
  for (Protocol protocol : drawlens::eval::kProtocols) {
    const CategoryCounts counts = evaluate_document(truth, truth, protocol);
    for (Category category : drawlens::eval::kCategories) {
      const Counts& c = counts[category];
      EXPECT_GT(c.truth, 0u);
      EXPECT_EQ(c.precision(), 1.0);
      EXPECT_EQ(c.recall(), 1.0);
      EXPECT_EQ(c.f1(), 1.0);
      EXPECT_EQ(c.exact_accuracy(), 1.0);
      EXPECT_EQ(c.cer(), 0.0);
    }
    EXPECT_EQ(counts[Category::dimensions].value_accuracy(), 1.0);
  }
  EXPECT_EQ(evaluate_document(truth, truth, Protocol::strict)[Category::dimensions].characters, 30u);
}

TEST(EvalMetrics, DroppedDimensionLowersRecallOnly) {
  const json truth = sample_result();
  json prediction = truth;
  dimensions(prediction).erase(1);  // "180 ±0,05", 9 of the 30 characters
  const Counts c = dimension_counts(truth, prediction, Protocol::strict);
  EXPECT_EQ(c.recall(), 0.75);
  EXPECT_EQ(c.precision(), 1.0);
  EXPECT_DOUBLE_EQ(c.f1(), 2 * 0.75 / 1.75);
  EXPECT_EQ(c.exact_accuracy(), 0.75);
  EXPECT_EQ(c.value_accuracy(), 0.75);
  EXPECT_DOUBLE_EQ(c.cer(), 9.0 / 30.0);
  // eDOCr2's rate leaves the missed text out.
  EXPECT_EQ(dimension_counts(truth, prediction, Protocol::edocr).cer(), 0.0);
}

TEST(EvalMetrics, ExtraPredictionLowersPrecisionOnly) {
  const json truth = sample_result();
  json prediction = truth;
  dimensions(prediction).push_back({{"text", "99"}, {"box", {1000, 800, 20, 20}}});
  const Counts c = dimension_counts(truth, prediction, Protocol::strict);
  EXPECT_EQ(c.precision(), 0.8);
  EXPECT_EQ(c.recall(), 1.0);
  EXPECT_EQ(c.cer(), 0.0);
}

TEST(EvalMetrics, BoxShiftedToIou0_3IsUnmatchedStrictButMatchedByEdocr) {
  const json truth = sample_result();
  json prediction = truth;
  dimensions(prediction)[2]["box"][0] = 170;  // 130 px wide, 70 px right: 60·20 / (2·2600 − 1200)
  const auto a = drawlens::eval::item_box(dimensions(prediction)[2]);
  const auto b = drawlens::eval::item_box(truth["pages"][0]["dimensions"][2]);
  EXPECT_DOUBLE_EQ(drawlens::eval::intersection_over_union(*a, *b), 0.3);

  const Counts strict = dimension_counts(truth, prediction, Protocol::strict);
  EXPECT_EQ(strict.matched_truth, 3u);
  EXPECT_EQ(strict.precision(), 0.75);
  EXPECT_EQ(strict.recall(), 0.75);
  EXPECT_DOUBLE_EQ(strict.cer(), 10.0 / 30.0);

  const Counts edocr = dimension_counts(truth, prediction, Protocol::edocr);
  EXPECT_EQ(edocr.precision(), 1.0);
  EXPECT_EQ(edocr.recall(), 1.0);
  EXPECT_EQ(edocr.exact_accuracy(), 1.0);
  EXPECT_EQ(edocr.cer(), 0.0);
}

TEST(EvalMetrics, OneWrongCharacterInTenIsCer0_1) {
  json truth = sample_result();
  dimensions(truth) = json::array({dimensions(truth)[2]});  // "M12x1.75-6" alone
  json prediction = truth;
  dimensions(prediction)[0]["text"] = "M12x1.75-8";
  const Counts c = dimension_counts(truth, prediction, Protocol::strict);
  EXPECT_DOUBLE_EQ(c.cer(), 0.1);
  EXPECT_EQ(c.exact_accuracy(), 0.0);
  EXPECT_EQ(c.value_accuracy(), 1.0);  // the values were not touched
  EXPECT_EQ(c.f1(), 1.0);
}

TEST(EvalMetrics, ValuesAgreeWithin1e9) {
  const json truth = sample_result();
  json prediction = truth;
  dimensions(prediction)[0]["nominal"] = 25.0 + 1e-12;
  dimensions(prediction)[1]["tolerance"]["limits"]["lower"] = 179.9;
  dimensions(prediction)[3]["tolerance"]["limits"] = {{"upper", 5.1}, {"lower", 4.9}};  // truth has none
  EXPECT_EQ(dimension_counts(truth, prediction, Protocol::strict).value_accuracy(), 0.5);
}

TEST(EvalMetrics, TitleFieldsPairByKeyAndCompareValues) {
  const json truth = sample_result();
  json prediction = truth;
  json& fields = prediction["pages"][0]["title_fields"];
  fields[1]["value"] = "S275JR";                                                    // one wrong character of 6
  fields[2]["box"] = {0, 0, 5, 5};                                                  // boxes do not matter
  fields.push_back({{"key", "mass"}, {"value", "1.2 kg"}, {"box", {0, 0, 1, 1}}});  // no such truth field
  const Counts c = evaluate_document(truth, prediction, Protocol::strict)[Category::title_fields];
  EXPECT_EQ(c.recall(), 1.0);
  EXPECT_EQ(c.precision(), 0.75);
  EXPECT_DOUBLE_EQ(c.exact_accuracy(), 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(c.cer(), 1.0 / 19.0);  // "S. Fischer" 10 + "S235JR" 6 + "1:2" 3
}

TEST(EvalMetrics, StrictPairsAsManyAsPossible) {
  // Truth 0 overlaps both predictions, truth 1 only prediction 0: taking the best overlap for truth 0
  // first would leave truth 1 alone.
  const std::vector<std::vector<double>> overlap = {{0.9, 0.6}, {0.7, 0.0}};
  EXPECT_EQ(drawlens::eval::pair_one_to_one(overlap, 2, 0.5), (drawlens::eval::Pairing{1, 0}));
  EXPECT_EQ(drawlens::eval::pair_best_overlap(overlap, 0.2), (drawlens::eval::Pairing{0, 0}));
}

TEST(EvalMetrics, EdocrLetsOnePredictionServeSeveralTruths) {
  json truth = sample_result();
  dimensions(truth) =
      json::array({{{"text", "10"}, {"box", {0, 0, 50, 20}}}, {{"text", "10"}, {"box", {50, 0, 50, 20}}}});
  json prediction = truth;
  dimensions(prediction) = json::array({{{"text", "10 10"}, {"box", {0, 0, 100, 20}}}});  // IoU 0.5 with each
  const Counts strict = dimension_counts(truth, prediction, Protocol::strict);
  EXPECT_EQ(strict.matched_truth, 1u);
  EXPECT_EQ(strict.recall(), 0.5);
  const Counts edocr = dimension_counts(truth, prediction, Protocol::edocr);
  EXPECT_EQ(edocr.matched_truth, 2u);
  EXPECT_EQ(edocr.matched_predicted, 1u);
  EXPECT_EQ(edocr.recall(), 1.0);
  EXPECT_EQ(edocr.precision(), 1.0);
  EXPECT_DOUBLE_EQ(edocr.cer(), 6.0 / 4.0);  // "10" → "10 10" is 3 insertions, twice
}

TEST(EvalMetrics, PagesPairByIndexAndExtraPagesCountAsPredictions) {
  const json truth = sample_result();
  json prediction = truth;
  json extra = prediction["pages"][0];
  extra["index"] = 1;
  prediction["pages"].push_back(extra);
  const Counts c = dimension_counts(truth, prediction, Protocol::strict);
  EXPECT_EQ(c.predicted, 8u);
  EXPECT_EQ(c.precision(), 0.5);
  EXPECT_EQ(c.recall(), 1.0);
  EXPECT_THROW(evaluate_document(truth, json::object(), Protocol::strict), std::runtime_error);
}

}  // namespace
