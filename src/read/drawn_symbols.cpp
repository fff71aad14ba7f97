// The symbols and brackets drawn around the text layer's numbers (drawn_parts.h): a ruled box drawn
// tight around a number (a basic dimension's) and the size and hole symbols drawn right before one.
// And words_with_drawn_text (read.h).
#include <algorithm>

#include "read/drawn_parts.h"
#include "read/page_marks.h"
#include "read/quarter_turn.h"

namespace drawlens::read {
namespace {

constexpr double kPrefixAtLeast = 0.8;        // a size symbol before a number
constexpr double kPrefixReachOfHeight = 1.6;  // how far left of a number its symbol may start
constexpr double kBasicBoxOfHeight = 2.0;     // a basic dimension's box: at most this many text heights

// The region right before a word (in its reading direction) where a drawn symbol would stand, up to
// the previous word on its line; in page pixels.
Box prefix_region(const Word& word, const std::vector<Word>& words, const cv::Size& page) {
  const Box w = box_turned_upright(word.box, word.rotation, page);
  int left = w.x - static_cast<int>(kPrefixReachOfHeight * w.height);
  for (const Word& other : words) {
    if (&other == &word || other.rotation != word.rotation) continue;
    const Box o = box_turned_upright(other.box, other.rotation, page);
    const int overlap = std::min(o.bottom(), w.bottom()) - std::max(o.y, w.y);
    if (overlap > w.height / 2 && o.right() <= w.x) left = std::max(left, o.right() + 1);
  }
  if (left >= w.x - 1) return {};
  return box_from_upright({left, w.y, w.x - 1 - left, w.height}, word.rotation, page);
}

// A number, or one with a size symbol the text layer has: what a basic box may hold ("R8.05").
bool is_size(const std::string& text) {
  for (const char* prefix : {"R", "SR", "\u00D8", "S\u00D8", "\u2300", "M"}) {
    const std::string p(prefix);
    if (text.compare(0, p.size(), p) == 0 && starts_with_number(text.substr(p.size()))) return true;
  }
  return starts_with_number(text);
}

}  // namespace

Result<bool> read_drawn_symbols(const ocr::SymbolClassifier& classifier, const cv::Mat& page, const cv::Mat& ink,
                                const std::vector<Word>& words, const std::vector<Box>& boxes, DrawnText& drawn) {
  const cv::Size size = page.size();
  // Size and hole symbols drawn before numbers.
  std::vector<cv::Mat> prefix_crops;
  std::vector<std::size_t> prefixed;
  std::vector<Box> prefix_boxes;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const Word& word = words[i];
    if (word.box.empty() || !starts_with_number(word.text) || framed(word.box, drawn)) continue;
    const Box region = clipped(prefix_region(word, words, size), size);
    if (region.empty()) continue;
    const int height = word.rotation % 180 == 0 ? word.box.height : word.box.width;
    const Box marks = marks_inside(ink, region, std::max(1, height / 8), std::max(3, height / 4));
    if (marks.empty()) continue;
    prefix_crops.push_back(upright_pixels(page, marks, word.rotation));
    prefixed.push_back(i);
    prefix_boxes.push_back(marks);
  }
  if (!prefix_crops.empty()) {
    auto prefixes = classifier.classify(prefix_crops, ocr::SymbolGroup::size_prefix);
    if (!prefixes) return prefixes.error();
    for (std::size_t k = 0; k < prefixed.size(); ++k) {
      const ocr::SymbolReading& prefix = prefixes.value()[k];
      if (prefix.symbol.empty() || prefix.confidence < kPrefixAtLeast) continue;
      drawn.marks.push_back({prefixed[k], prefix.symbol, "", prefix_boxes[k], prefix.confidence});
    }
  }
  // A box drawn tight around a number, and around it alone, is a basic dimension's.
  for (std::size_t i = 0; i < words.size(); ++i) {
    const Word& word = words[i];
    if (word.box.empty() || !is_size(word.text)) continue;
    const Box w = box_turned_upright(word.box, word.rotation, size);
    for (const Box& box : boxes) {
      const Box b = box_turned_upright(box, word.rotation, size);
      const bool tight = b.contains(w) || (centre_inside(w, b) && b.height >= w.height / 2);
      if (!tight || b.height > kBasicBoxOfHeight * w.height || b.width > w.width + kBasicBoxOfHeight * w.height)
        continue;
      const bool alone = std::none_of(words.begin(), words.end(), [&](const Word& other) {
        return &other != &word && centre_inside(other.box, box);
      });
      if (alone && !framed(box, drawn)) drawn.marks.push_back({i, "[", "]", box, 1.0});
      break;
    }
  }
  return true;
}

std::vector<Word> words_with_drawn_text(const std::vector<Word>& words, const DrawnText& drawn) {
  std::vector<Word> marked = words;
  for (const WordMarks& m : drawn.marks) {  // a word's symbol before its brackets: "[Ø6.15]"
    if (m.word >= marked.size()) continue;
    Word& w = marked[m.word];
    w.text = m.before + w.text + m.after;
    w.box = unite(w.box, m.box);
  }
  std::vector<Word> out;
  for (const Word& w : marked) {
    const bool a_datum = std::any_of(drawn.datums.begin(), drawn.datums.end(),
                                     [&](const annotate::TextSpan& d) { return centre_inside(w.box, d.box); });
    if (!framed(w.box, drawn) && !a_datum) out.push_back(w);
  }
  return out;
}

}  // namespace drawlens::read
