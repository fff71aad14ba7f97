// The parts of read_drawn_text (private to src/read): the frames read from their ruled boxes
// (frame_reading.cpp), the datum letters in theirs (drawn_datums.cpp) and the symbols and brackets
// drawn around the text layer's numbers (drawn_symbols.cpp).
#pragma once

#include <vector>

#include <opencv2/core.hpp>

#include "read/read.h"

namespace drawlens::read {

// Fills drawn.frames and drawn.frame_boxes from the page's ruled boxes.
Result<bool> read_frames(const ocr::SymbolClassifier& classifier, const ocr::Engine& engine, const cv::Mat& page,
                         const cv::Mat& ink, double dpi, const std::vector<Word>& words, const std::vector<Box>& boxes,
                         DrawnText& drawn);

// Fills drawn.datums: each word that is a datum label alone in a ruled box tight around it, inside
// the layout's border and outside drawn.frames.
void read_drawn_datums(const std::vector<Word>& words, const std::vector<Box>& boxes, const layout::Layout& layout,
                       const cv::Size& page, DrawnText& drawn);

// Whether the box's centre lies in a frame read from its ruled boxes (its words are the frame's).
bool framed(const Box& box, const DrawnText& drawn);

// Fills drawn.marks: the size symbols before numbers and the brackets of basic dimensions' boxes,
// for the words outside drawn.frame_boxes.
Result<bool> read_drawn_symbols(const ocr::SymbolClassifier& classifier, const cv::Mat& page, const cv::Mat& ink,
                                const std::vector<Word>& words, const std::vector<Box>& boxes, DrawnText& drawn);

}  // namespace drawlens::read
