// Output stage: the analysis as JSON (docs/schema/result.schema.json) and as an overlay picture.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>
#include <opencv2/core/mat.hpp>

#include "pipeline/analysis.h"

namespace drawlens::output {

inline constexpr const char* kSchemaVersion = "1.0.0";

nlohmann::json to_json(const Analysis& analysis);

// The page in gray with what the stages found drawn over it in colour: border blue, title block
// green, tables orange, cells thin in their table's colour, text-layer words grey.
// Requires page.image (PipelineOptions::keep_page_images); returns an empty Mat otherwise.
cv::Mat render_overlay(const PageAnalysis& page);

std::vector<std::uint8_t> encode_png(const cv::Mat& image);

}  // namespace drawlens::output
