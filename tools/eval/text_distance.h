// Character-level distance between UTF-8 texts, counted in code points, for the character error rate.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace drawlens::eval {

// The text's code points; each byte of a malformed UTF-8 sequence counts as one (U+FFFD).
std::u32string code_points(std::string_view utf8);

// Levenshtein distance in code points: the fewest insertions, deletions and substitutions.
std::size_t edit_distance(std::string_view a, std::string_view b);

}  // namespace drawlens::eval
