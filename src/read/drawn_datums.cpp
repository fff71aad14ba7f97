// Datum feature symbols on a page with a text layer (read_drawn_text, read.h): the letter is a word
// of the text layer, its box (drawn on a triangle that touches the feature) is lines. A word that
// parses as a datum label and lies alone in a ruled box tight around it is one, when the box is
// about square, inside the drawing's border (not a sheet zone's) and stands alone: a table's cells
// and a frame's compartments have neighbours of their size in their row or column.
#include <algorithm>
#include <cstdlib>

#include "read/drawn_parts.h"
#include "read/quarter_turn.h"

namespace drawlens::read {
namespace {

constexpr double kBoxOfLetterHeight = 3.0;  // a datum box: at most this many letter heights high
constexpr double kBoxAspectAtMost = 1.5;    // and no longer than this many times its height
constexpr double kRulingOfHeight = 0.15;    // a neighbour within this share of the box's height shares a ruling
// Neighbours narrower than this share of the box's side are slivers cut off by a line crossing it,
// not cells of a table or compartments of a frame.
constexpr double kNeighbourOfSide = 0.4;

bool stands_alone(const Box& box, const std::vector<Box>& boxes) {
  const int reach = std::max(2, static_cast<int>(kRulingOfHeight * std::min(box.width, box.height)));
  const Box around{box.x - reach, box.y - reach, box.width + 2 * reach, box.height + 2 * reach};
  const int least = static_cast<int>(kNeighbourOfSide * std::min(box.width, box.height));
  auto near = [reach](int a, int b) { return std::abs(a - b) <= reach; };
  return std::none_of(boxes.begin(), boxes.end(), [&](const Box& other) {
    const bool touching =
        other.x < around.right() && around.x < other.right() && other.y < around.bottom() && around.y < other.bottom();
    const bool same_row = near(other.y, box.y) && near(other.bottom(), box.bottom());
    const bool same_column = near(other.x, box.x) && near(other.right(), box.right());
    return !(other == box) && touching && (same_row || same_column) && other.width >= least && other.height >= least;
  });
}

}  // namespace

void read_drawn_datums(const std::vector<Word>& words, const std::vector<Box>& boxes, const layout::Layout& layout,
                       const cv::Size& page, DrawnText& drawn) {
  for (const Word& word : words) {
    if (word.box.empty() || framed(word.box, drawn) || !parse::parse_datum_feature(word.text)) continue;
    if (layout.border && !centre_inside(word.box, *layout.border)) continue;
    const Box w = box_turned_upright(word.box, word.rotation, page);
    for (const Box& box : boxes) {
      const Box b = box_turned_upright(box, word.rotation, page);
      if (!centre_inside(w, b) || b.height < w.height / 2 || b.height > kBoxOfLetterHeight * w.height ||
          b.width > kBoxAspectAtMost * b.height || b.width > w.width + kBoxOfLetterHeight * w.height)
        continue;
      const bool alone = std::none_of(words.begin(), words.end(), [&](const Word& other) {
        return &other != &word && !other.box.empty() && centre_inside(other.box, box);
      });
      if (!alone || framed(box, drawn) || !stands_alone(box, boxes)) break;
      annotate::TextSpan span;
      span.text = word.text;
      span.box = box;
      span.rotation = word.rotation;
      span.datum_feature = true;
      drawn.datums.push_back(std::move(span));
      break;
    }
  }
}

}  // namespace drawlens::read
