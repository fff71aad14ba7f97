// Output stage: the analysis as JSON (docs/schema/result.schema.json) and as an overlay picture.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>
#include <opencv2/core/mat.hpp>
#include <opencv2/core/types.hpp>

#include "parse/parse.h"
#include "pipeline/pipeline.h"
#include "tolerance/tolerance.h"

namespace drawlens::output {

inline constexpr const char* kSchemaVersion = "1.0.0";

nlohmann::json to_json(const Analysis& analysis);

// The parse stage's values as the schema's objects, without the page-level fields (id, box,
// confidence, source) that the analysis adds (parse_json.cpp).
nlohmann::json dimension_json(const parse::Dimension& dimension);
nlohmann::json gdt_frame_json(const parse::GdtFrame& frame);
nlohmann::json surface_texture_json(const parse::SurfaceTexture& texture);
nlohmann::json general_tolerance_json(const parse::GeneralTolerance& general);
// One reading of parse::read_annotation: its kind's object plus "kind" (parse::name of the kind),
// "normalized" and "confidence"; a note is {"text"}. What drawlens_parse_json returns.
nlohmann::json annotation_json(const parse::Annotation& reading);
// The schema's parsed_* object for a title field's value; null when the key has none or the value
// does not parse.
nlohmann::json title_value_json(parse::TitleKey key, const std::string& value);

// One feature's tolerance analysis as the schema's tolerance_analysis object (tolerance_json.cpp);
// `id` names it ("p0-d3" in a result, the caller's id in a standalone report).
nlohmann::json tolerance_analysis_json(const tolerance::Analysis& analysis, const std::string& id);
// A validation finding as {rule, severity, message}.
nlohmann::json finding_json(const tolerance::Finding& finding);

// What the overlay draws, each in its own colour: the layout (border, title block, tables with
// their cells thin), text-layer words, the annotations (dimensions, GD&T frames, surface
// finishes, notes and the general tolerance, title fields) and the detector's regions (thin
// rotated outlines tagged with their category).
enum class OverlayClass {
  border,
  title_block,
  table,
  word,
  dimension,
  gdt_frame,
  surface_finish,
  note,
  title_field,
  detection,
  datum_feature,
};
inline constexpr std::size_t kOverlayClassCount = 11;
cv::Scalar overlay_colour(OverlayClass cls);  // BGR
std::string_view name(OverlayClass cls);      // as the legend prints it: "GD&T frame"
// The colour the overlay draws a linework class in (BGR); its legend lists the classes under the
// other legend when the segment stage ran.
cv::Scalar segment_colour(segment::LineClass line_class);
// Where the legend sits on a page of this size: the top-left corner.
cv::Rect overlay_legend_rect(cv::Size page);

// The page in gray with what the stages found drawn over it, each class in its colour; dimensions
// and GD&T frames are labelled with their parsed value (in ASCII: "DIA6.6 +0.4/-0.1"), and a legend
// names the colours. Requires page.image (PipelineOptions::keep_page_images); returns an empty Mat
// otherwise.
cv::Mat render_overlay(const PageAnalysis& page);

std::vector<std::uint8_t> encode_png(const cv::Mat& image);

}  // namespace drawlens::output
