// Linework links on known cases: truth against itself, lines or feature elsewhere, a feature met at
// two places of which the prediction reaches one, predictions without linework, and an index outside
// the page's segments refused.
#include <gtest/gtest.h>

#include <stdexcept>

#include "eval.h"
#include "sample_result.h"

namespace {

using drawlens::eval::evaluate_links;
using drawlens::eval::LinkCounts;
using drawlens::eval::testing::line_segment;
using nlohmann::json;

// At 254 dpi (10 px per mm): a 40 x 20 mm part (0 top, 1 bottom, 2 left, 3 right), its width
// dimensioned below it (4, 5 extension lines, 6 dimension line), and an unrelated line (7).
json segments() {
  return json::array({line_segment("contour", 0, 0, 400, 0), line_segment("contour", 0, 200, 400, 200),
                      line_segment("contour", 0, 0, 0, 200), line_segment("contour", 400, 0, 400, 200),
                      line_segment("dimension", 0, 210, 0, 320), line_segment("dimension", 400, 210, 400, 320),
                      line_segment("dimension", 0, 300, 400, 300), line_segment("dimension", 600, 0, 600, 300)});
}

json document(const json& linework) {
  json dimension = {{"text", "40"}, {"box", {170, 255, 60, 35}}};
  if (!linework.is_null()) dimension["linework"] = linework;
  return {{"pages", json::array({{{"index", 0},
                                  {"width", 700},
                                  {"height", 400},
                                  {"dpi", 254},
                                  {"segments", segments()},
                                  {"dimensions", json::array({dimension})}}})}};
}

const json kTruth = document({{"lines", {4, 5, 6}}, {"feature", {1, 2, 3}}});

TEST(EvalLinks, TruthAgainstItselfIsRight) {
  const LinkCounts counts = evaluate_links(kTruth, kTruth);
  EXPECT_EQ(counts.dimensions, 1u);
  EXPECT_EQ(counts.linked, 1u);
  EXPECT_EQ(counts.lines_right, 1u);
  EXPECT_EQ(counts.features, 1u);
  EXPECT_EQ(counts.feature_right, 1u);
  EXPECT_EQ(counts.lines_accuracy(), 1.0);
  EXPECT_EQ(counts.feature_accuracy(), 1.0);
}

TEST(EvalLinks, LinesOrFeatureElsewhereAreWrong) {
  EXPECT_EQ(evaluate_links(kTruth, document({{"lines", {4, 7}}, {"feature", {1}}})).lines_right, 0u)
      << "one extension line and an unrelated line";
  EXPECT_EQ(evaluate_links(kTruth, document({{"lines", {6}}, {"feature", {1}}})).lines_right, 1u)
      << "the dimension line alone covers more than half of the truth's lines";
  EXPECT_EQ(evaluate_links(kTruth, document({{"lines", {4, 5, 6}}, {"feature", {0}}})).feature_right, 0u)
      << "the top edge";
  EXPECT_EQ(evaluate_links(kTruth, document({{"lines", {4, 5, 6}}, {"feature", json::array()}})).feature_right, 0u);
}

TEST(EvalLinks, EachPlaceTheDimensionMeetsItsFeatureMustBeReached) {
  // The feature as the two side edges only: two places; the left edge alone reaches one of them.
  const json truth = document({{"lines", {4, 5, 6}}, {"feature", {2, 3}}});
  EXPECT_EQ(evaluate_links(truth, document({{"lines", {4, 5, 6}}, {"feature", {2}}})).feature_right, 0u);
  EXPECT_EQ(evaluate_links(truth, document({{"lines", {4, 5, 6}}, {"feature", {2, 3}}})).feature_right, 1u);
}

TEST(EvalLinks, PredictionsWithoutLineworkCountAsWrongAndUnlinked) {
  const LinkCounts counts = evaluate_links(kTruth, document(nullptr));
  EXPECT_EQ(counts.dimensions, 1u);
  EXPECT_EQ(counts.linked, 0u);
  EXPECT_EQ(counts.lines_accuracy(), 0.0);
  EXPECT_FALSE(evaluate_links(document(nullptr), document(nullptr)).lines_accuracy().has_value());
}

TEST(EvalLinks, AnIndexOutsideTheSegmentsIsRefused) {
  EXPECT_THROW(evaluate_links(kTruth, document({{"lines", {4, 99}}, {"feature", {1}}})), std::runtime_error);
  EXPECT_THROW(evaluate_links(kTruth, document({{"lines", {-1}}, {"feature", {1}}})), std::runtime_error);
  EXPECT_THROW(evaluate_links(kTruth, document({{"lines", "4"}, {"feature", {1}}})), std::runtime_error);
}

}  // namespace
