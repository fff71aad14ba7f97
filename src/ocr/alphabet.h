// The recognizer's output vocabulary: the drawing alphabet (each entry one UTF-8 character) on
// three tracks. A crop is read as one sequence from left to right; characters of a stacked pair
// (limits 12.02 over 11.98, deviations +0.1 over -0.2, the two rows of a frame) sit at the same
// x, so each character carries the line it is on: main (full height), upper or lower. The
// network predicts the character and the track separately; a token is their pair.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace drawlens::ocr {

enum class Track { main, upper, lower };
inline constexpr int kTrackCount = 3;

// The characters in output order ("0".."9", "A".."Z", "a".."z", punctuation, "Ø", the GD&T
// symbols and circled modifiers, "ÄÖÜäöüß"); index 0 of the network's character logits is the
// first of them (the CTC blank is a separate logit).
const std::vector<std::string>& alphabet();
std::optional<int> character_index(std::string_view character);

struct Token {
  int character = 0;  // index into alphabet()
  Track track = Track::main;
};

// Splits UTF-8 text into characters; spellings the drawing alphabet treats as one are made one:
// "−" (minus sign) is "-", "⌀" is "Ø", "×" stays itself. Invalid UTF-8 bytes become U+FFFD.
std::vector<std::string> utf8_characters(std::string_view text);

// The tokens of a text in reading order. One line: every character on the main track. Two lines
// (joined by '\n'): the second is stacked under the end of the first. The main track holds the first
// line's lead (everything up to and including its last space, or its leading non-digit prefix such
// as "Ø" of a limit dimension when it has no space; nothing for a gdt_frame-like line starting with
// a symbol other than a size prefix), the upper track the rest of the first line and the lower
// track the second line; upper and lower characters are interleaved by their position along
// their lines. nullopt when a character is outside the alphabet or there are more than two lines.
std::optional<std::vector<Token>> tokens_of(std::string_view text);

// Text from decoded tokens: main + upper, then "\n" + lower when the lower track has characters.
std::string text_of(const std::vector<Token>& tokens);

// The same text as tokens_of would read it back; nullopt as tokens_of.
std::optional<std::string> normalized(std::string_view text);

}  // namespace drawlens::ocr
