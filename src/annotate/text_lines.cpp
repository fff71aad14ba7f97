// Words into text lines, in each word's own reading frame so rotated dimension text groups the
// same way as upright text.
#include "annotate/text_lines.h"

#include <algorithm>
#include <cmath>

namespace drawlens::annotate {
namespace {

// A word joins a line when it overlaps the line's band by this share of the smaller height and
// starts no further than this many text heights after the line's end.
constexpr double kMinBandOverlap = 0.6;
constexpr double kMaxWordGap = 1.0;
constexpr double kMaxOverlapBack = 0.3;
constexpr double kMaxHeightRatio = 1.6;
// Gaps wider than this share of the text height are word spaces. Text-layer boxes span the
// font's ascent and descent (about 1.3 em) and a space is about 0.25 em.
constexpr double kWordSpace = 0.12;

double band_overlap(const TextLine& line, const FramedWord& word) {
  const double overlap = std::min(line.v1, word.v1) - std::max(line.v0, word.v0);
  return overlap / std::max(1.0, std::min(line.height(), word.height()));
}

}  // namespace

FramedWord frame_word(const Word& word) {
  const Box& b = word.box;
  FramedWord framed;
  framed.word = &word;
  switch (((word.rotation % 360) + 360) % 360) {
    case 90:  // reads bottom to top; the text's top faces -x
      framed = {&word, -double(b.bottom()), -double(b.y), double(b.x), double(b.right())};
      break;
    case 180: framed = {&word, -double(b.right()), -double(b.x), -double(b.bottom()), -double(b.y)}; break;
    case 270:  // reads top to bottom; the text's top faces +x
      framed = {&word, double(b.y), double(b.bottom()), -double(b.right()), -double(b.x)};
      break;
    default: framed = {&word, double(b.x), double(b.right()), double(b.y), double(b.bottom())}; break;
  }
  return framed;
}

void TextLine::add(const FramedWord& word) {
  if (words.empty()) {
    u0 = word.u0, u1 = word.u1, v0 = word.v0, v1 = word.v1;
  } else {
    u0 = std::min(u0, word.u0), u1 = std::max(u1, word.u1);
    v0 = std::min(v0, word.v0), v1 = std::max(v1, word.v1);
  }
  words.push_back(word);
}

std::string TextLine::text() const {
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i > 0) {
      const double gap = words[i].u0 - words[i - 1].u1;
      if (gap > kWordSpace * std::max(words[i].height(), words[i - 1].height())) out += ' ';
    }
    out += words[i].word->text;
  }
  return out;
}

Box TextLine::box() const {
  Box box;
  for (const FramedWord& w : words) box = unite(box, w.word->box);
  return box;
}

std::vector<TextLine> build_lines(const std::vector<const Word*>& words) {
  std::vector<FramedWord> framed;
  framed.reserve(words.size());
  for (const Word* w : words) framed.push_back(frame_word(*w));
  std::sort(framed.begin(), framed.end(), [](const FramedWord& a, const FramedWord& b) {
    if (a.word->rotation != b.word->rotation) return a.word->rotation < b.word->rotation;
    return a.u0 < b.u0;
  });
  std::vector<TextLine> lines;
  for (const FramedWord& word : framed) {
    TextLine* best = nullptr;
    double best_overlap = kMinBandOverlap;
    for (TextLine& line : lines) {
      if (line.rotation != word.word->rotation) continue;
      const double h = std::max(line.height(), word.height());
      const double gap = word.u0 - line.u1;
      const double ratio =
          std::max(line.height(), word.height()) / std::max(1.0, std::min(line.height(), word.height()));
      if (gap > kMaxWordGap * h || gap < -kMaxOverlapBack * h || ratio > kMaxHeightRatio) continue;
      const double overlap = band_overlap(line, word);
      if (overlap >= best_overlap) best_overlap = overlap, best = &line;
    }
    if (best == nullptr) {
      lines.emplace_back();
      lines.back().rotation = word.word->rotation;
      best = &lines.back();
    }
    best->add(word);
  }
  return lines;
}

}  // namespace drawlens::annotate
