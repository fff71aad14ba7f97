// Vectorization scoring on known cases: the truth against itself, a primitive cut in two, one
// drawn through a corner, truth text boxes left out, and a page without predicted segments.
#include <gtest/gtest.h>

#include "eval.h"
#include "sample_result.h"

namespace {

using drawlens::eval::evaluate_vectorization;
using drawlens::eval::VectorizationCounts;
using drawlens::eval::testing::line_segment;
using nlohmann::json;

json document(const json& segments) {
  return {
      {"pages", json::array({{{"index", 0}, {"width", 400}, {"height", 300}, {"dpi", 254}, {"segments", segments}}})}};
}

// An L of two 200 px edges meeting at (50, 250), and a text box the generator would write.
const json kTruth = document(json::array({line_segment("contour", 50, 50, 50, 250),
                                          line_segment("contour", 50, 250, 250, 250),
                                          {{"class", "text"},
                                           {"kind", "polyline"},
                                           {"points", {{300, 20}, {380, 20}, {380, 40}, {300, 40}, {300, 20}}},
                                           {"confidence", 1.0}}}));

TEST(EvalVectorization, TheTruthAgainstItsOwnPrimitivesIsPerfect) {
  const VectorizationCounts counts = evaluate_vectorization(kTruth, kTruth);
  EXPECT_EQ(counts.pages, 1u);
  EXPECT_DOUBLE_EQ(counts.coverage().value(), 1.0);
  EXPECT_EQ(counts.truth_primitives, 2u) << "the text box is no primitive";
  EXPECT_DOUBLE_EQ(counts.pieces_per_primitive().value(), 1.0);
  EXPECT_DOUBLE_EQ(counts.over_segmented().value(), 0.0);
  EXPECT_DOUBLE_EQ(counts.under_segmented().value(), 0.0);
}

TEST(EvalVectorization, APrimitiveCutInTwoIsOverSegmented) {
  const json cut =
      document(json::array({line_segment("contour", 50, 50, 50, 150), line_segment("contour", 50, 150, 50, 250),
                            line_segment("contour", 50, 250, 250, 250)}));
  const VectorizationCounts counts = evaluate_vectorization(kTruth, cut);
  EXPECT_DOUBLE_EQ(counts.coverage().value(), 1.0);
  EXPECT_DOUBLE_EQ(counts.pieces_per_primitive().value(), 1.5);
  EXPECT_DOUBLE_EQ(counts.over_segmented().value(), 0.5);
}

TEST(EvalVectorization, OnePrimitiveThroughACornerIsUnderSegmented) {
  const json through = document(json::array({{{"class", "contour"},
                                              {"kind", "polyline"},
                                              {"points", {{50, 50}, {50, 250}, {250, 250}}},
                                              {"confidence", 1.0}}}));
  const VectorizationCounts counts = evaluate_vectorization(kTruth, through);
  EXPECT_EQ(counts.predicted_on_truth, 1u);
  EXPECT_DOUBLE_EQ(counts.under_segmented().value(), 1.0);
}

TEST(EvalVectorization, NothingPredictedCoversNothing) {
  const VectorizationCounts counts = evaluate_vectorization(kTruth, document(json::array()));
  EXPECT_DOUBLE_EQ(counts.coverage().value(), 0.0);
  EXPECT_FALSE(counts.pieces_per_primitive().has_value());
  EXPECT_EQ(evaluate_vectorization(json{{"pages", json::array({{{"index", 0}}})}}, kTruth).pages, 0u)
      << "a truth page without segments is not scored";
}

}  // namespace
