// Title-block label helpers shared by the label matcher (title_fields.cpp) and the value parsers
// (title_values.cpp, title_dates.cpp), private to the parse stage.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "parse/parse.h"

namespace drawlens::parse::title {

// Text folded for comparison: ASCII lower case, German umlauts and ß transliterated from either
// case ("Ä" → "ae", "ß" → "ss"); other UTF-8 (Korean) kept as it is.
std::string fold_letters(std::string_view text);

// Runs of ASCII letters and digits and of non-ASCII bytes in folded text ("3rd", "제1각법").
std::vector<std::string> folded_words(std::string_view text);

// The longest leading label of the text ("SHEET" in "SHEET 2 OF 3", "Maßstab" in "Maßstab: 1:2"),
// ending at a space, ':', a line break or a digit: its key and byte length; nullopt when none.
std::optional<std::pair<TitleKey, std::size_t>> leading_label(std::string_view text);

// The text without surrounding whitespace, and without a leading label for `key` and the ':'
// after it ("SCALE: 1:2" → "1:2").
std::string_view strip_label(std::string_view text, TitleKey key);

std::string_view trim(std::string_view text);

}  // namespace drawlens::parse::title
