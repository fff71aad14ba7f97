// CTC decoding on hand-made column distributions: greedy collapsing, prefix beam search finding
// the sequence greedy misses, per-character confidence at the aligned column and alternatives.
#include <gtest/gtest.h>

#include <array>
#include <cmath>

#include "ocr/ctc_decoding.h"

namespace drawlens::ocr {
namespace {

// Columns over a vocabulary of blank plus two characters ('1', '2') on the main track; other
// tokens get a negligible probability.
class Columns {
 public:
  explicit Columns(const std::vector<std::array<double, 3>>& probabilities) {
    tokens_ = 1 + static_cast<int>(alphabet().size()) * kTrackCount;
    for (const auto& column : probabilities) {
      std::vector<float> row(static_cast<std::size_t>(tokens_), std::log(1e-9f));
      row[0] = static_cast<float>(std::log(column[0]));
      row[id("1")] = static_cast<float>(std::log(column[1]));
      row[id("2")] = static_cast<float>(std::log(column[2]));
      values_.insert(values_.end(), row.begin(), row.end());
    }
  }
  static std::size_t id(const char* c) { return static_cast<std::size_t>(1 + *character_index(c) * kTrackCount); }
  ColumnDistributions view() const {
    return {values_.data(), static_cast<int>(values_.size() / static_cast<std::size_t>(tokens_)), tokens_};
  }

 private:
  int tokens_ = 0;
  std::vector<float> values_;
};

TEST(CtcDecoding, GreedyCollapsesRepeatsAndDropsBlanks) {
  // 1 1 _ 1 2 2 _  ->  "112"
  const Columns c({{{0.1, 0.8, 0.1}},
                   {{0.1, 0.8, 0.1}},
                   {{0.8, 0.1, 0.1}},
                   {{0.1, 0.8, 0.1}},
                   {{0.1, 0.1, 0.8}},
                   {{0.1, 0.1, 0.8}},
                   {{0.8, 0.1, 0.1}}});
  EXPECT_EQ(text_of(greedy_tokens(c.view())), "112");
  EXPECT_EQ(text_of(beam_tokens(c.view(), 8)), "112");
}

TEST(CtcDecoding, BeamSearchSumsThePathsGreedyMisses) {
  // Greedy reads blank, blank (""): blank is each column's best. But "" has probability 0.16 and
  // "1" (paths 1 1, 1 _, _ 1) 0.4025: beam search reads "1".
  const Columns c({{{0.4, 0.35, 0.25}}, {{0.4, 0.35, 0.25}}});
  EXPECT_EQ(text_of(greedy_tokens(c.view())), "");
  EXPECT_EQ(text_of(beam_tokens(c.view(), 8)), "1");
}

TEST(CtcDecoding, ConfidenceIsTheAlignedColumnsProbabilityWithAlternativesWhenLow) {
  const Columns c({{{0.05, 0.9, 0.05}}, {{0.9, 0.05, 0.05}}, {{0.05, 0.35, 0.6}}});
  const auto tokens = greedy_tokens(c.view());
  const Reading r = reading_of(c.view(), tokens, 0.8);
  ASSERT_EQ(r.characters.size(), 2u);
  EXPECT_EQ(r.text, "12");
  EXPECT_NEAR(r.characters[0].confidence, 0.9, 1e-4);
  EXPECT_EQ(r.characters[0].column, 0);
  EXPECT_TRUE(r.characters[0].alternatives.empty());
  EXPECT_NEAR(r.characters[1].confidence, 0.6, 1e-4);
  EXPECT_EQ(r.characters[1].column, 2);
  ASSERT_FALSE(r.characters[1].alternatives.empty());
  EXPECT_EQ(r.characters[1].alternatives[0].character, "1");
  EXPECT_NEAR(r.characters[1].alternatives[0].probability, 0.35, 1e-3);
  EXPECT_NEAR(r.confidence, 0.6, 1e-4);
}

TEST(CtcDecoding, SpacesAtEitherEndAreNoPartOfTheReading) {
  const Columns c(
      {{{0.9, 0.05, 0.05}}, {{0.05, 0.9, 0.05}}, {{0.9, 0.05, 0.05}}, {{0.05, 0.05, 0.9}}, {{0.9, 0.05, 0.05}}});
  const Token space{*character_index(" "), Track::main};
  const Token one{*character_index("1"), Track::main};
  const Token two{*character_index("2"), Track::main};
  const Reading r = reading_of(c.view(), {space, one, two, space}, 0.5);
  EXPECT_EQ(r.text, "12");
  ASSERT_EQ(r.characters.size(), 2u);
  EXPECT_EQ(r.characters[0].character, "1");
  EXPECT_EQ(r.characters[1].character, "2");
  EXPECT_NEAR(r.confidence, 0.9, 1e-3);  // the spaces' probabilities do not count
  EXPECT_EQ(reading_of(c.view(), {space, space}, 0.5).text, "");
}

TEST(CtcDecoding, AllBlankColumnsReadAsEmptyWithFullConfidence) {
  const Columns c({{{0.99, 0.005, 0.005}}, {{0.99, 0.005, 0.005}}});
  const Reading r = reading_of(c.view(), greedy_tokens(c.view()), 0.9);
  EXPECT_EQ(r.text, "");
  EXPECT_EQ(r.confidence, 1.0);
}

}  // namespace
}  // namespace drawlens::ocr
