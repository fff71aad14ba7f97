// The read module: the pipeline's reading of raster pages. Each region the detector found is cut
// upright along its oriented box (core/upright_crop.h, the generator's crop convention), read by the
// OCR engine (the recognizer for dimensions, GD&T frames, datum letters and surface finishes,
// Tesseract for notes) and handed to the annotate stage as a text span that carries the reading's
// confidence and source, so the one annotation reader parses scans and text layers alike.
#pragma once

#include <string>
#include <vector>

#include <opencv2/core/mat.hpp>

#include "annotate/annotate.h"
#include "core/status.h"
#include "detect/detect.h"
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
// and source.
std::vector<annotate::TextSpan> reading_spans(const std::vector<RegionReading>& readings);

}  // namespace drawlens::read
