// What the pipeline returns: per-page results of every stage that ran (empty optionals for the
// stages that did not), stage timings and diagnostics. Immutable once returned.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <opencv2/core/mat.hpp>

#include "annotate/annotate.h"
#include "core/document.h"
#include "detect/detect.h"
#include "layout/layout.h"
#include "read/read.h"
#include "segment/segment.h"
#include "tolerance/page_tolerances.h"

namespace drawlens {

struct PageAnalysis {
  int index = 0;  // 0-based page number in the source
  int width = 0;
  int height = 0;
  double dpi = 0;
  DpiSource dpi_source = DpiSource::assumed;
  std::vector<Word> words;               // the PDF text layer; empty for raster input
  std::optional<layout::Layout> layout;  // Stage::layout
  // Stage::detect: annotation regions found by the detector, best first. Pages with a text layer
  // are read from it instead, so this is empty (nullopt) for them.
  std::optional<std::vector<detect::Detection>> detections;
  // Stage::read: each detected region as read (in the detections' order); nullopt when the stage
  // did not run, empty on a page with a text layer.
  std::optional<std::vector<read::RegionReading>> readings;
  // Stage::read: the page's frames read from their ruled boxes and, on a page with a text layer,
  // the symbols drawn as lines before its numbers; nullopt when the stage did not run or the page
  // was not prepared (no ink mask).
  std::optional<read::DrawnText> drawn_text;
  std::optional<annotate::PageAnnotations> annotations;   // Stage::annotate
  std::optional<tolerance::PageTolerances> tolerances;    // Stage::tolerance
  std::optional<std::vector<segment::Segment>> segments;  // Stage::segment: classified linework
  // Stage::segment on a page the annotate stage read: what each of annotations->dimensions (in its
  // order) is tied to among `segments`.
  std::optional<std::vector<segment::DimensionLinework>> dimension_linework;
  cv::Mat image;  // the page as analysed; kept only when PipelineOptions::keep_page_images
};

struct Diagnostic {
  std::string severity;  // "info", "warning", "error"
  std::string stage;
  int page = -1;  // 0-based source page, -1 for the whole document
  std::string message;
};

struct Analysis {
  std::string name;
  Format format = Format::pixels;
  std::uint64_t bytes = 0;
  int page_count = 0;
  std::vector<PageAnalysis> pages;
  std::vector<std::pair<std::string, double>> timings_ms;  // stage -> milliseconds, in run order
  std::vector<Diagnostic> diagnostics;
};

}  // namespace drawlens
