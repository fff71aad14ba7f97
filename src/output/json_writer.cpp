// Serializes an Analysis to the JSON document described by docs/schema/result.schema.json.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "drawlens/drawlens.h"
#include "output/output.h"

namespace drawlens::output {
namespace {

using nlohmann::json;

json box_json(const Box& b) {
  return json::array({b.x, b.y, b.width, b.height});
}

json table_json(const layout::Table& table) {
  json cells = json::array();
  for (const auto& c : table.cells) {
    json cell = {
        {"box", box_json(c.box)}, {"row", c.row}, {"col", c.col}, {"row_span", c.row_span}, {"col_span", c.col_span}};
    if (!c.text.empty()) cell["text"] = c.text;
    cells.push_back(std::move(cell));
  }
  return {{"box", box_json(table.box)}, {"rows", table.rows}, {"cols", table.cols}, {"cells", std::move(cells)}};
}

json layout_json(const layout::Layout& layout) {
  json tables = json::array();
  for (const auto& t : layout.tables) tables.push_back(table_json(t));
  return {{"border", layout.border ? json{{"box", box_json(*layout.border)}} : json(nullptr)},
          {"title_block", layout.title_block ? table_json(*layout.title_block) : json(nullptr)},
          {"tables", std::move(tables)}};
}

// Whether a datum feature symbol's label ("A", a datum target "A2") establishes datum `letters`.
bool establishes(const std::string& symbol, const std::string& letters) {
  if (symbol.compare(0, letters.size(), letters) != 0) return false;
  const std::string rest = symbol.substr(letters.size());
  return rest.find_first_not_of("0123456789") == std::string::npos;
}

// The ids of the page's datum feature symbols and datum targets that establish a frame's datum
// reference: for "A" the symbols A and targets A1, A2…; for a common datum "A-B" those of A and B.
json datum_feature_ids(const std::string& reference, const std::vector<annotate::Placed<std::string>>& symbols,
                       const std::string& prefix) {
  json ids = json::array();
  for (std::size_t start = 0; start <= reference.size();) {
    const std::size_t dash = std::min(reference.find('-', start), reference.size());
    const std::string letters = reference.substr(start, dash - start);
    for (std::size_t i = 0; i < symbols.size() && !letters.empty(); ++i) {
      if (establishes(symbols[i].value, letters)) ids.push_back(prefix + "a" + std::to_string(i));
    }
    start = dash + 1;
  }
  return ids;
}

// The page-level fields every found annotation carries.
template <typename Value>
json placed_json(json item, const annotate::Placed<Value>& placed, const std::string& id) {
  item["id"] = id;
  item["box"] = box_json(placed.box);
  item["confidence"] = placed.confidence;
  item["source"] = annotate::source_name(placed.source);
  return item;
}

void add_annotations(json& out, const PageAnalysis& page) {
  const annotate::PageAnnotations& found = *page.annotations;
  const std::string prefix = "p" + std::to_string(page.index) + "-";
  json dimensions = json::array();
  for (std::size_t i = 0; i < found.dimensions.size(); ++i) {
    const auto& placed = found.dimensions[i];
    json item = placed_json(dimension_json(placed.value), placed, prefix + "d" + std::to_string(i));
    item["text"] = placed.text;
    if (placed.rotation != 0) item["angle"] = placed.rotation;
    if (page.dimension_linework && i < page.dimension_linework->size()) {
      const segment::DimensionLinework& links = (*page.dimension_linework)[i];
      item["linework"] = {{"lines", links.lines}, {"feature", links.feature}};
    }
    dimensions.push_back(std::move(item));
  }
  json frames = json::array();
  for (std::size_t i = 0; i < found.gdt_frames.size(); ++i) {
    const auto& placed = found.gdt_frames[i];
    json item = placed_json(gdt_frame_json(placed.value), placed, prefix + "g" + std::to_string(i));
    item["unit"] = std::string(parse::name(found.unit));
    for (json& segment : item["segments"]) {
      for (json& datum : segment["datums"])
        datum["datum_features"] = datum_feature_ids(datum["label"], found.datum_features, prefix);
    }
    frames.push_back(std::move(item));
  }
  json datums = json::array();
  for (std::size_t i = 0; i < found.datum_features.size(); ++i) {
    const auto& placed = found.datum_features[i];
    datums.push_back(placed_json(json{{"label", placed.value}}, placed, prefix + "a" + std::to_string(i)));
  }
  json finishes = json::array();
  for (std::size_t i = 0; i < found.surface_finishes.size(); ++i) {
    const auto& placed = found.surface_finishes[i];
    finishes.push_back(placed_json(surface_texture_json(placed.value), placed, prefix + "s" + std::to_string(i)));
  }
  json notes = json::array();
  for (std::size_t i = 0; i < found.notes.size(); ++i) {
    const auto& placed = found.notes[i];
    notes.push_back(placed_json(json{{"text", placed.value}}, placed, prefix + "n" + std::to_string(i)));
  }
  json fields = json::array();
  for (const annotate::TitleField& field : found.title_fields) {
    json item = {{"key", std::string(parse::name(field.key))},
                 {"value", field.value},
                 {"box", box_json(field.box)},
                 {"confidence", field.confidence},
                 {"source", annotate::source_name(field.source)}};
    if (!field.label.empty()) item["label"] = field.label;
    if (field.label_box) item["label_box"] = box_json(*field.label_box);
    if (json parsed = title_value_json(field.key, field.value); !parsed.is_null()) item["parsed"] = std::move(parsed);
    fields.push_back(std::move(item));
  }
  out["dimensions"] = std::move(dimensions);
  out["gdt_frames"] = std::move(frames);
  out["datum_features"] = std::move(datums);
  out["surface_finishes"] = std::move(finishes);
  out["notes"] = std::move(notes);
  out["title_fields"] = std::move(fields);
  out["general_tolerance"] = nullptr;
  if (found.general_tolerance) {
    json general = general_tolerance_json(found.general_tolerance->value);
    general["box"] = box_json(found.general_tolerance->box);
    general["source"] = annotate::source_name(found.general_tolerance->source);
    out["general_tolerance"] = std::move(general);
  }
}

// The pixels the oriented box touches, as the schema's integer box.
Box detection_bounds(const detect::Detection& d) {
  const cv::Rect2d bounds = detect::axis_bounds(d.box);
  const int left = static_cast<int>(std::floor(bounds.x)), top = static_cast<int>(std::floor(bounds.y));
  return {left, top, static_cast<int>(std::ceil(bounds.x + bounds.width)) - left,
          static_cast<int>(std::ceil(bounds.y + bounds.height)) - top};
}

json detection_json(const detect::Detection& d) {
  json polygon = json::array();
  for (const cv::Point2d& p : detect::corners(d.box)) polygon.push_back({p.x, p.y});
  return {{"category", detect::category_name(d.category)},
          {"score", d.score},
          {"centre", {d.box.centre_x, d.box.centre_y}},
          {"width", d.box.width},
          {"height", d.box.height},
          {"angle", d.box.angle_degrees},
          {"polygon", std::move(polygon)},
          {"box", box_json(detection_bounds(d))}};
}

// The annotation a tolerance feature or finding came from, by its id in this page's JSON.
std::string source_id(const std::string& prefix, const tolerance::FeatureSource& source) {
  return prefix + (source.kind == tolerance::SourceKind::dimension ? "d" : "g") + std::to_string(source.index);
}

json tolerances_json(const tolerance::PageTolerances& found, int page_index) {
  const std::string prefix = "p" + std::to_string(page_index) + "-";
  json features = json::array();
  for (std::size_t i = 0; i < found.analyses.size(); ++i) {
    features.push_back(tolerance_analysis_json(found.analyses[i], source_id(prefix, found.sources[i])));
  }
  json skipped = json::array();
  for (const auto& s : found.not_analysed)
    skipped.push_back({{"id", source_id(prefix, s.source)}, {"reason", s.reason}});
  json checks = json::array();
  for (const auto& check : found.frame_checks) {
    json findings = json::array();
    for (const auto& f : check.findings) findings.push_back(finding_json(f));
    checks.push_back({{"id", prefix + "g" + std::to_string(check.frame_index)}, {"findings", std::move(findings)}});
  }
  return {{"process", std::string(tolerance::name(found.process))},
          {"material", std::string(tolerance::name(found.material))},
          {"features", std::move(features)},
          {"not_analysed", std::move(skipped)},
          {"frame_checks", std::move(checks)}};
}

// A classified primitive as the schema's segment: lines by their ends, arcs by start, middle and
// end, Béziers by their four control points.
json segment_json(const segment::Segment& s) {
  json points = json::array();
  for (int i = 0; i < s.primitive.point_count(); ++i)
    points.push_back({s.primitive.points[i].x, s.primitive.points[i].y});
  json out = {{"class", segment::class_name(s.line_class)},
              {"kind", segment::kind_name(s.primitive.kind)},
              {"points", std::move(points)},
              {"stroke_width", s.primitive.stroke_width},
              {"confidence", s.confidence}};
  if (s.dash.count > 1)
    out["dash"] = {{"count", s.dash.count}, {"dash_length", s.dash.dash_length}, {"gap_length", s.dash.gap_length}};
  return out;
}

json page_json(const PageAnalysis& page) {
  json words = json::array();
  for (const auto& w : page.words) {
    words.push_back({{"text", w.text}, {"box", box_json(w.box)}, {"rotation", w.rotation}});
  }
  json out = {{"index", page.index},
              {"width", page.width},
              {"height", page.height},
              {"dpi", page.dpi},
              {"dpi_source", dpi_source_name(page.dpi_source)},
              {"words", std::move(words)}};
  if (page.layout) out["layout"] = layout_json(*page.layout);
  if (page.detections) {
    json detections = json::array();
    for (std::size_t i = 0; i < page.detections->size(); ++i) {
      json d = detection_json((*page.detections)[i]);
      // The read stage reads the regions in this order.
      if (page.readings && i < page.readings->size()) {
        const read::RegionReading& r = (*page.readings)[i];
        d["reading"] = {{"text", r.text}, {"confidence", r.confidence}, {"source", annotate::source_name(r.source)}};
      }
      detections.push_back(std::move(d));
    }
    out["detections"] = std::move(detections);
  }
  if (page.annotations) add_annotations(out, page);
  if (page.tolerances) out["tolerances"] = tolerances_json(*page.tolerances, page.index);
  if (page.segments) {
    json segments = json::array();
    for (const auto& s : *page.segments) segments.push_back(segment_json(s));
    out["segments"] = std::move(segments);
  }
  return out;
}

}  // namespace

json to_json(const Analysis& analysis) {
  json pages = json::array();
  for (const auto& p : analysis.pages) pages.push_back(page_json(p));
  json timings = json::object();
  for (const auto& [stage, ms] : analysis.timings_ms) timings[stage] = ms;
  json diagnostics = json::array();
  for (const auto& d : analysis.diagnostics) {
    diagnostics.push_back({{"severity", d.severity},
                           {"stage", d.stage},
                           {"page", d.page >= 0 ? json(d.page) : json(nullptr)},
                           {"message", d.message}});
  }
  return {{"schema_version", kSchemaVersion},
          {"drawlens_version", DRAWLENS_VERSION_STRING},
          {"source",
           {{"name", analysis.name.empty() ? json(nullptr) : json(analysis.name)},
            {"format", format_name(analysis.format)},
            {"bytes", analysis.bytes},
            {"page_count", analysis.page_count}}},
          {"pages", std::move(pages)},
          {"timings_ms", std::move(timings)},
          {"diagnostics", std::move(diagnostics)}};
}

}  // namespace drawlens::output
