// Reading what a page draws as lines (read.h): its ruled boxes found once, the frames they make
// read (frame_reading.cpp), the datum letters in theirs (drawn_datums.cpp), then the symbols and
// brackets around the text layer's numbers (drawn_symbols.cpp).
#include <algorithm>

#include "read/drawn_parts.h"
#include "read/page_marks.h"

namespace drawlens::read {

bool framed(const Box& box, const DrawnText& drawn) {
  return std::any_of(drawn.frames.begin(), drawn.frames.end(),
                     [&](const DrawnFrame& f) { return centre_inside(box, f.span.box); });
}

Result<DrawnText> read_drawn_text(const ocr::SymbolClassifier& classifier, const ocr::Engine& engine,
                                  const cv::Mat& page, const cv::Mat& ink, double dpi, const std::vector<Word>& words,
                                  const layout::Layout& layout) {
  if (page.empty() || page.type() != CV_8UC1 || ink.size() != page.size() || ink.type() != CV_8UC1)
    return Error{Status::invalid_argument, "read_drawn_text: the page and its ink mask must be 8-bit gray of one size"};
  if (!(dpi >= 10 && dpi <= 4800))
    return Error{Status::invalid_argument, "read_drawn_text: dpi " + std::to_string(dpi) + " is outside 10..4800"};
  DrawnText drawn;
  // Words are looked at where they lie on the page: a damaged text layer's word beyond the page
  // keeps its place in the list (marks name words by index) with an empty box, and is left alone.
  std::vector<Word> on_page = words;
  for (Word& w : on_page) w.box = clipped(w.box, page.size());
  const std::vector<Box> boxes = ruled_boxes(ink, dpi, layout);
  if (auto frames = read_frames(classifier, engine, page, ink, dpi, on_page, boxes, drawn); !frames)
    return frames.error();
  read_drawn_datums(on_page, boxes, layout, page.size(), drawn);
  if (auto symbols = read_drawn_symbols(classifier, page, ink, on_page, boxes, drawn); !symbols) return symbols.error();
  return drawn;
}

}  // namespace drawlens::read
