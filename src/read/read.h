// The read module: the pipeline's reading of raster pages, and of what pages draw as lines rather
// than text. Each region the detector found is cut upright along its oriented box
// (core/upright_crop.h, the generator's crop convention), read by the OCR engine (the recognizer for
// dimensions, GD&T frames, datum letters and surface finishes, Tesseract for notes) and handed to
// the annotate stage as a text span that carries the reading's confidence and source, so the one
// annotation reader parses scans and text layers alike. The cells of the title block and ruled
// tables are read line by line, as the text layer fills them. Feature control frames are found by
// their ruled compartments on every page, and the symbols and boxes drawn around a text layer's
// numbers are read (read_drawn_text).
#pragma once

#include <string>
#include <vector>

#include <opencv2/core/mat.hpp>

#include "annotate/annotate.h"
#include "core/status.h"
#include "detect/detect.h"
#include "layout/layout.h"
#include "ocr/ocr.h"

namespace drawlens::read {

struct RegionReading {
  detect::Detection region;
  std::string text;       // as read; "" when the region held nothing readable
  double confidence = 0;  // the reader's, 0..1
  annotate::TextSource source = annotate::TextSource::recognizer;
};

// The reader each category of region goes to.
ocr::ReadMode read_mode(detect::Category category);

// A note region read by Tesseract and by the recognizer. Notes go to Tesseract, which reads prose
// better, but the detector takes many callouts for notes (`4 x CHAMFER 0,2`, `Ø3,99 -0,02/0` on
// real drawings) and Tesseract knows none of their symbols: the recognizer's reading is kept where
// Tesseract's is a short line (32 bytes at most) with a digit that the parser takes only as a note,
// and the recognizer's is an annotation (a dimension, frame, surface texture or general tolerance).
RegionReading note_reading(RegionReading tesseract, RegionReading recognizer);

// Reads every region of `page` (CV_8UC1, at `dpi`), batched per reader, in the regions' order, note
// regions by both readers (note_reading), with the page's decimal sign (unify_decimal_signs).
// INVALID_ARGUMENT for a page of another type or a dpi outside 10..4800; the engine's own errors
// otherwise. A region of no size reads as "" with confidence 0.
Result<std::vector<RegionReading>> read_regions(const ocr::Engine& engine, const cv::Mat& page, double dpi,
                                                const std::vector<detect::Detection>& regions);

// Gives the recognizer's readings of a page's callouts (notes, read by Tesseract, aside) the page's
// decimal sign: when one of '.' and ',' stands between digits at least 3 times, and 3 times as often
// as the other, the other becomes it ("Ø6.6" on a page of "0,05", "12,5" … reads "Ø6,6"). A page
// without a clear sign is left as read. read_regions does this on its page.
void unify_decimal_signs(std::vector<RegionReading>& readings);

// The spans the annotate stage reads: one per region with text, placed at the region's axis-aligned
// bounds, turned by its reading direction (the nearest quarter turn), with the reading's confidence
// and source. Regions whose centre lies in a ruled table of `layout` are left out: the table's
// cells are read instead (as text_layer_spans leaves out the words there).
// Regions whose centre lies in a frame of `drawn` (frames read from their ruled boxes,
// read_drawn_text) are left out too: the frame's span holds them. Datum feature regions give spans
// marked datum_feature.
struct DrawnText;
std::vector<annotate::TextSpan> reading_spans(const std::vector<RegionReading>& readings, const layout::Layout& layout,
                                              const DrawnText* drawn = nullptr);

// The text lines inside a ruled cell of an ink mask (CV_8UC1, 255 ink), each cut at wide gaps into
// pieces, top line first and pieces left to right, in page pixels. Rows or columns mostly inked are
// taken for ruling and ignored; bands under 0.7 mm high are specks.
std::vector<std::vector<cv::Rect>> cell_text_lines(const cv::Mat& ink, const Box& cell, double dpi);

// The direction a page's text reads in, as a quarter turn counter-clockwise (0, 90, 180, 270): the
// one most detected regions read in, weighted by score; 0 without regions.
int page_reading_turn(const std::vector<detect::Detection>& regions);

// Fills the text of every cell of the layout's title block and tables that has none: the page is
// turned by `turn` (page_reading_turn) so its text stands upright, and each cell's pieces are read by
// the OCR engine (automatic mode), pieces of a line joined by ' ', lines by '\n'.
// INVALID_ARGUMENT for a page and ink mask that are not 8-bit gray of one size, a dpi outside
// 10..4800 or another turn; the engine's own errors otherwise.
Result<bool> read_cells(const ocr::Engine& engine, const cv::Mat& page, const cv::Mat& ink, double dpi, int turn,
                        layout::Layout& layout);

// A feature control frame found by its ruled compartments (frame_finding.cpp), in page pixels.
struct FrameCompartments {
  Box box;           // the frame's outline
  int rotation = 0;  // the direction its text reads in: 0, 90 (upward) or 270 (downward)
  // Each row's compartments in reading order, the characteristic symbol's first. A composite
  // frame's symbol compartment spans its rows: the lower rows start with an empty box in its place.
  // Stacked frames (one under another, each with its symbol) are one frame of several rows.
  std::vector<std::vector<Box>> rows;
  bool composite = false;
};

// The ruled boxes of an ink mask (CV_8UC1, 255 ink) at `dpi` that could be a frame's compartments or
// a basic dimension's box: enclosed paper regions (holes of the ink) that are rectangles 1.25 to
// 20 mm across on their short side, outside the layout's tables; in page pixels. Empty for an empty
// mask or a dpi outside 10..4800.
std::vector<Box> ruled_boxes(const cv::Mat& ink, double dpi, const layout::Layout& layout);

// Frames among ruled boxes on a page of `page` size: rows of at least two compartments, the first
// square (two rows high for a composite frame), rows 2.5 to 20 mm high. Only the geometry decides:
// a frame of turned text is found twice, read upward and downward, and read_drawn_text keeps the
// reading that makes sense.
std::vector<FrameCompartments> find_frames(const std::vector<Box>& boxes, const cv::Size& page, double dpi);

// Marks drawn around one text-layer word, as text: "Ø" before "9,14", "[" and "]" around "9.30".
struct WordMarks {
  std::size_t word = 0;  // index into the page's words
  std::string before;
  std::string after;
  Box box;                // the marks' ink (a symbol) or the box drawn around the word, page pixels
  double confidence = 1;  // the classifier's for a symbol; 1 for a ruled box
};

// A feature control frame read from its ruled boxes.
struct DrawnFrame {
  // "◎|Ø0,02|A", rows joined by '\n', at the frame's outline (the text layer's words there are the
  // frame's). Its source is the text layer when the text layer gave its values (the symbol is always
  // read from pixels), the recognizer otherwise; its confidence the lowest of its readings', 0 when
  // a compartment read as nothing.
  annotate::TextSpan span;
  double symbol_confidence = 0;  // the characteristic's (the lowest of its rows')
};

// What a page draws as lines rather than as text.
struct DrawnText {
  std::vector<DrawnFrame> frames;
  // What is drawn around the text layer's words: size and hole symbols before a number, the box
  // around a basic dimension. Symbols come before brackets.
  std::vector<WordMarks> marks;
  // Datum feature symbols: a word that is a datum label ("A") alone in a ruled box tight around it,
  // as spans marked datum_feature at the box.
  std::vector<annotate::TextSpan> datums;
};

// Reads the frames of find_frames (the symbol compartment by the classifier, the others from the
// text layer's words inside them, or by the recognizer where there are none: on a raster page,
// words is empty and every compartment is read from pixels), the datum letters in their boxes,
// the symbols drawn before the text layer's numbers and the boxes drawn tight around them (basic
// dimensions). page and ink: CV_8UC1
// of one size. INVALID_ARGUMENT for other pages or a dpi outside 10..4800; the models' own errors
// otherwise.
Result<DrawnText> read_drawn_text(const ocr::SymbolClassifier& symbols, const ocr::Engine& engine, const cv::Mat& page,
                                  const cv::Mat& ink, double dpi, const std::vector<Word>& words,
                                  const layout::Layout& layout);

// The frames' spans for the annotate stage. On a raster page the detector may have read a frame
// whole as well (`readings`): when that reading parses as a frame, its compartments are kept (the
// recognizer reads them better in their frame than one by one) with the classifier's characteristic.
std::vector<annotate::TextSpan> frame_spans(const DrawnText& drawn, const std::vector<RegionReading>& readings);

// The words the annotate stage reads on such a page: the text layer's, less those inside a frame
// or a datum symbol's box (their spans hold them), each with its marks ("Ø9,14", "[9.30]", its box grown by them).
std::vector<Word> words_with_drawn_text(const std::vector<Word>& words, const DrawnText& drawn);

}  // namespace drawlens::read
