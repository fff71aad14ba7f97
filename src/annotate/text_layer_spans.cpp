// Spans from the PDF text layer: the words of the drawing area, grouped into lines with their
// stacked parts. Zone markers outside the frame and words inside ruled tables are left out.
#include "annotate/annotate.h"
#include "annotate/text_lines.h"

namespace drawlens::annotate {
namespace {

bool in_drawing_area(const Word& word, const layout::Layout& layout) {
  if (layout.border && !centre_inside(word.box, *layout.border)) return false;
  if (layout.title_block && centre_inside(word.box, layout.title_block->box)) return false;
  for (const layout::Table& table : layout.tables) {
    if (centre_inside(word.box, table.box)) return false;
  }
  return true;
}

}  // namespace

std::vector<TextSpan> text_layer_spans(const std::vector<Word>& words, const layout::Layout& layout) {
  std::vector<const Word*> drawing_words;
  for (const Word& word : words) {
    if (!word.text.empty() && in_drawing_area(word, layout)) drawing_words.push_back(&word);
  }
  return merge_stacked_lines(build_lines(drawing_words));
}

}  // namespace drawlens::annotate
