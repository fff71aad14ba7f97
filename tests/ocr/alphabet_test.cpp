// The drawing alphabet and the text <-> token mapping: one line, stacked deviations and limits, the
// rows of a frame, spellings made one, characters outside the alphabet.
#include <gtest/gtest.h>

#include "ocr/alphabet.h"

namespace drawlens::ocr {
namespace {

std::string tracks_of(std::string_view text) {
  const auto tokens = tokens_of(text);
  if (!tokens) return "none";
  std::string out;
  for (const Token& t : *tokens) out += "mul"[static_cast<int>(t.track)];
  return out;
}

TEST(Alphabet, EveryCharacterIsOneUtf8CharacterAndUnique) {
  const auto& a = alphabet();
  EXPECT_GE(a.size(), 120u);
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(utf8_characters(a[i]).size(), 1u) << a[i];
    EXPECT_EQ(character_index(a[i]), static_cast<int>(i)) << a[i];
  }
  for (const char* symbol : {"Ø", "±", "°", "⌖", "⏥", "⟂", "⫽", "⌰", "Ⓜ", "Ⓢ", "↧", "⌴", "⌵", "□", "ß", "|"})
    EXPECT_TRUE(character_index(symbol).has_value()) << symbol;
}

TEST(Alphabet, OneLineIsAllOnTheMainTrackAndReadsBack) {
  EXPECT_EQ(tracks_of("4x Ø11 THRU"), std::string(11, 'm'));
  EXPECT_EQ(normalized("⌖|Ø0.1Ⓜ|A|BⓂ"), "⌖|Ø0.1Ⓜ|A|BⓂ");
}

TEST(Alphabet, StackedDeviationsSitBesideTheValue) {
  // "25 " leads; "+0.1" and "-0.2" are interleaved by their position along their lines.
  EXPECT_EQ(tracks_of("25 +0.1\n-0.2"), "mmmulululul");
  EXPECT_EQ(normalized("25 +0.1\n-0.2"), "25 +0.1\n-0.2");
  EXPECT_EQ(normalized("Ø30 +0.021\n0"), "Ø30 +0.021\n0");
}

TEST(Alphabet, LimitsKeepTheirSizePrefixOnTheMainTrack) {
  EXPECT_EQ(tracks_of("Ø140.20\n140.00").substr(0, 3), "mul");
  EXPECT_EQ(normalized("Ø140.20\n140.00"), "Ø140.20\n140.00");
  EXPECT_EQ(tracks_of("12.02\n11.98").substr(0, 2), "ul");
}

TEST(Alphabet, TheRowsOfAFrameAreBothStacked) {
  const std::string frame = "⌖|Ø0.2|A|B\n⌖|Ø0.05|A";
  EXPECT_EQ(tracks_of(frame).find('m'), std::string::npos);
  EXPECT_EQ(normalized(frame), frame);
}

TEST(Alphabet, SpellingsOfTheSameSignAreMadeOne) {
  EXPECT_EQ(normalized("\u2300"
                       "12 \u22120.1"),
            "Ø12 -0.1");
  EXPECT_EQ(utf8_characters("a\xff"
                            "b"),
            (std::vector<std::string>{"a", "\xEF\xBF\xBD", "b"}));
}

TEST(Alphabet, TextOutsideTheAlphabetOrOnThreeLinesHasNoTokens) {
  EXPECT_FALSE(tokens_of("도면").has_value());
  EXPECT_FALSE(tokens_of("1\n2\n3").has_value());
  EXPECT_TRUE(tokens_of("").has_value());
  EXPECT_EQ(normalized(""), "");
}

}  // namespace
}  // namespace drawlens::ocr
