// The read module: the pipeline's reading of raster pages. Each region the detector found is cut
// upright along its oriented box (core/upright_crop.h, the generator's crop convention), read by the
// OCR engine (the recognizer for dimensions, GD&T frames, datum letters and surface finishes,
// Tesseract for notes) and handed to the annotate stage as a text span that carries the reading's
// confidence and source, so the one annotation reader parses scans and text layers alike. The
// cells of the title block and ruled tables are read line by line, as the text layer fills them.
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

// Reads every region of `page` (CV_8UC1, at `dpi`), batched per reader, in the regions' order.
// INVALID_ARGUMENT for a page of another type or a dpi outside 10..4800; the engine's own errors
// otherwise. A region of no size reads as "" with confidence 0.
Result<std::vector<RegionReading>> read_regions(const ocr::Engine& engine, const cv::Mat& page, double dpi,
                                                const std::vector<detect::Detection>& regions);

// The spans the annotate stage reads: one per region with text, placed at the region's axis-aligned
// bounds, turned by its reading direction (the nearest quarter turn), with the reading's confidence
// and source. Regions whose centre lies in a ruled table of `layout` are left out: the table's
// cells are read instead (as text_layer_spans leaves out the words there).
std::vector<annotate::TextSpan> reading_spans(const std::vector<RegionReading>& readings, const layout::Layout& layout);

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

}  // namespace drawlens::read
