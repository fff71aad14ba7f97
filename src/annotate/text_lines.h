// Text lines from positioned words: each word is mapped into its reading frame (u along the
// baseline, v down the page as the text reads), and words sharing a baseline become one line.
#pragma once

#include <string>
#include <vector>

#include "annotate/annotate.h"
#include "core/document.h"
#include "core/geometry.h"

namespace drawlens::annotate {

struct FramedWord {
  const Word* word = nullptr;
  double u0 = 0, u1 = 0;  // along the reading direction
  double v0 = 0, v1 = 0;  // across it, top of the text first
  double height() const { return v1 - v0; }
};

FramedWord frame_word(const Word& word);

struct TextLine {
  int rotation = 0;
  std::vector<FramedWord> words;  // in reading order
  double u0 = 0, u1 = 0, v0 = 0, v1 = 0;

  double height() const { return v1 - v0; }
  double v_center() const { return (v0 + v1) / 2; }
  std::string text() const;  // words joined, with a space where the gap is a word space
  Box box() const;
  void add(const FramedWord& word);
};

// Groups words (any rotation) into lines; lines come out in reading order of their first word.
std::vector<TextLine> build_lines(const std::vector<const Word*>& words);

// Lines of the same rotation that are stacked parts of one annotation (a tolerance pair beside a
// value, a deviation or limit under another, a fit class over another) are merged into their
// base line, giving one span per remaining line (tolerance_stacking.cpp).
std::vector<TextSpan> merge_stacked_lines(std::vector<TextLine> lines);

}  // namespace drawlens::annotate
