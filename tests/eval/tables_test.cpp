// Tables as a scored category: the layout's title block paired on its box, cell texts compared at
// the same (row, col).
#include <gtest/gtest.h>

#include "eval.h"
#include "sample_result.h"

namespace {

using drawlens::eval::Category;
using drawlens::eval::Counts;
using drawlens::eval::evaluate_document;
using drawlens::eval::Protocol;
using drawlens::eval::testing::sample_result;
using nlohmann::json;

json& title_block(json& document) {
  return document["pages"][0]["layout"]["title_block"];
}

Counts table_counts(const json& truth, const json& prediction) {
  return evaluate_document(truth, prediction, Protocol::strict)[Category::tables];
}

TEST(EvalTables, TruthAgainstItselfIsPerfect) {
  const json truth = sample_result();
  const Counts c = table_counts(truth, truth);
  EXPECT_EQ(c.truth, 1u);
  EXPECT_EQ(c.f1(), 1.0);
  EXPECT_EQ(c.cells, 4u);
  EXPECT_EQ(c.cell_accuracy(), 1.0);
  EXPECT_EQ(c.exact_accuracy(), 1.0);
}

TEST(EvalTables, OneWrongCellOfFour) {
  const json truth = sample_result();
  json prediction = truth;
  title_block(prediction)["cells"][3]["text"] = "S235J2";
  const Counts c = table_counts(truth, prediction);
  EXPECT_EQ(c.f1(), 1.0);
  EXPECT_EQ(c.cell_accuracy(), 0.75);
  EXPECT_EQ(c.exact_accuracy(), 0.0);
  // Table text "Drawn\nS. Fischer\nMaterial\nS235JR": 32 code points, one substituted.
  EXPECT_DOUBLE_EQ(c.cer(), 1.0 / 32.0);
}

TEST(EvalTables, MissedTableCountsItsCellsAsWrong) {
  const json truth = sample_result();
  json prediction = truth;
  title_block(prediction) = nullptr;
  const Counts c = table_counts(truth, prediction);
  EXPECT_EQ(c.predicted, 0u);
  EXPECT_EQ(c.recall(), 0.0);
  EXPECT_EQ(c.cells, 4u);
  EXPECT_EQ(c.cell_accuracy(), 0.0);
}

TEST(EvalTables, OtherTablesAreScoredBesideTheTitleBlock) {
  json truth = sample_result();
  json revision = title_block(truth);
  revision["box"] = {50, 50, 300, 80};
  truth["pages"][0]["layout"]["tables"].push_back(revision);
  json prediction = truth;
  prediction["pages"][0]["layout"]["tables"] = json::array();
  const Counts c = table_counts(truth, prediction);
  EXPECT_EQ(c.truth, 2u);
  EXPECT_EQ(c.recall(), 0.5);
  EXPECT_EQ(c.cell_accuracy(), 0.5);
}

}  // namespace
