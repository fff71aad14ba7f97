// Edit distance and code-point counting on ASCII, drawing symbols and malformed UTF-8.
#include <gtest/gtest.h>

#include "text_distance.h"

namespace {

using drawlens::eval::code_points;
using drawlens::eval::edit_distance;

TEST(TextDistance, Levenshtein) {
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
  EXPECT_EQ(edit_distance("", "abc"), 3u);
  EXPECT_EQ(edit_distance("abc", ""), 3u);
  EXPECT_EQ(edit_distance("M12x1.75-6", "M12x1.75-6"), 0u);
  EXPECT_EQ(edit_distance("M12x1.75-6", "M12x1.75-8"), 1u);
}

TEST(TextDistance, CountsCodePointsNotBytes) {
  EXPECT_EQ(code_points("Ø25").size(), 3u);
  EXPECT_EQ(code_points("⌖|Ø0.10Ⓜ").size(), 8u);
  EXPECT_EQ(edit_distance("Ø25", "⌀25"), 1u);  // one symbol for another, though the byte counts differ
  EXPECT_EQ(edit_distance("Geprüft", "Gepruft"), 1u);
}

TEST(TextDistance, MalformedBytesCountOneEach) {
  EXPECT_EQ(code_points("a\xC3").size(), 2u);         // truncated sequence
  EXPECT_EQ(code_points("\xC0\xAF").size(), 2u);      // overlong '/'
  EXPECT_EQ(code_points("\xED\xA0\x80").size(), 3u);  // a surrogate
  EXPECT_EQ(code_points("\xC0\xAF")[0], U'\xFFFD');
}

}  // namespace
