// The JSON answers of the REST routes, built from an analysed drawing: the old YOLO service's
// /api/v1/detect shape, the gateway's /api/v1/process and the tolerance route (docs/serve.md).
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "drawlens/drawlens.hpp"

namespace drawlens::serve {

// What the analysis of one request produced, besides the result itself.
struct AnalysisFacts {
  std::string file_id;
  std::string filename;
  double processing_seconds = 0;
};

struct DetectFilter {
  double confidence_threshold = 0.25;  // drop regions scored below
  double iou_threshold = 0.45;         // and regions overlapping a better one of their class by more
};

// {status, file_id, detections: [{class_id, class_name, confidence, bbox: {x, y, width, height},
// value, page}], total_detections, processing_time, model_used, image_size: {width, height}}.
// Raster pages give the detector's regions with the text read in each (value null when the read
// stage did not run); pages with a text layer give the annotations read from it, with their text
// as value and the parser's confidence.
nlohmann::json detect_answer(const std::vector<Page>& pages, const AnalysisFacts& facts, const DetectFilter& filter);

// Axis-aligned overlap (intersection over union) of two boxes.
double box_iou(const Box& a, const Box& b);

// The old EDGNet service's route, with drawlens's primitives: {status, file_id, segments: [{class,
// kind, points, stroke_width, confidence, page}], class_counts, total_segments, processing_time,
// model_used, image_size}.
nlohmann::json segment_answer(const nlohmann::json& result, const AnalysisFacts& facts);

// {status, file_id, filename, processing_time, page_count, counts, result, downloads}.
nlohmann::json process_answer(const nlohmann::json& result, const AnalysisFacts& facts, std::size_t overlay_count);

// {status, file_id, process, material, processing_time, pages: [{page, tolerances}]}.
nlohmann::json tolerance_answer(const nlohmann::json& result, const AnalysisFacts& facts, const std::string& process,
                                const std::string& material);

}  // namespace drawlens::serve
