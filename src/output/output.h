// Output stage: the analysis as JSON (docs/schema/result.schema.json) and as an overlay picture.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>
#include <opencv2/core/mat.hpp>

#include "parse/parse.h"
#include "pipeline/pipeline.h"

namespace drawlens::output {

inline constexpr const char* kSchemaVersion = "1.0.0";

nlohmann::json to_json(const Analysis& analysis);

// The parse stage's values as the schema's objects, without the page-level fields (id, box,
// confidence, source) that the analysis adds (parse_json.cpp).
nlohmann::json dimension_json(const parse::Dimension& dimension);
nlohmann::json gdt_frame_json(const parse::GdtFrame& frame);
nlohmann::json surface_texture_json(const parse::SurfaceTexture& texture);
nlohmann::json general_tolerance_json(const parse::GeneralTolerance& general);
// The schema's parsed_* object for a title field's value; null when the key has none or the value
// does not parse.
nlohmann::json title_value_json(parse::TitleKey key, const std::string& value);

// The page in gray with what the stages found drawn over it in colour: border blue, title block
// green, tables orange, cells thin in their table's colour, text-layer words grey.
// Requires page.image (PipelineOptions::keep_page_images); returns an empty Mat otherwise.
cv::Mat render_overlay(const PageAnalysis& page);

std::vector<std::uint8_t> encode_png(const cv::Mat& image);

}  // namespace drawlens::output
