// Truth writer. Values come from the output stage's own writers (output/parse_json.cpp) so the
// truth and drawlens analyze speak the same schema; boxes are the lettering's exact ink quads.
#include "truth_json.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <stdexcept>

#include "drawlens/drawlens.h"
#include "output/output.h"

namespace drawlens::synth {
namespace {

using nlohmann::json;

const char* class_name(LineClass c) {
  static constexpr const char* kNames[] = {"contour", "hidden", "centre", "hatch",      "dimension",
                                           "text",    "gdt",    "border", "title_block"};
  return kNames[static_cast<int>(c)];
}

double rounded(double v) {
  return std::round(v * 100.0) / 100.0;
}

class PixelWriter {
 public:
  explicit PixelWriter(const TruthPage& page) : page_(page) {}

  json point(Point sheet) const {
    const Point p = page_.sheet_to_pixels.apply(sheet);
    return json::array({rounded(p.x), rounded(p.y)});
  }
  json polygon(const Quad& quad) const {
    json out = json::array();
    for (const Point& p : quad) out.push_back(point(p));
    return out;
  }
  // Axis-aligned integer box holding the quad, clipped to the page.
  json box(const Quad& quad) const {
    Rect r = Rect::around(page_.sheet_to_pixels.apply(quad[0]));
    for (const Point& p : quad) r = r.united(page_.sheet_to_pixels.apply(p));
    const int left = std::clamp(static_cast<int>(std::floor(r.left)), 0, page_.width);
    const int top = std::clamp(static_cast<int>(std::floor(r.top)), 0, page_.height);
    const int right = std::clamp(static_cast<int>(std::ceil(r.right)), 0, page_.width);
    const int bottom = std::clamp(static_cast<int>(std::ceil(r.bottom)), 0, page_.height);
    return json::array({left, top, right - left, bottom - top});
  }
  json box(const Rect& r) const {
    return box(Quad{Point{r.left, r.top}, {r.right, r.top}, {r.right, r.bottom}, {r.left, r.bottom}});
  }
  double angle(double sheet_degrees) const {
    double a = sheet_degrees + page_.sheet_to_pixels.rotation_degrees();
    return rounded(a);
  }

 private:
  const TruthPage& page_;
};

json placed(json item, const TextItem& text, const PixelWriter& px, const std::string& id) {
  item["id"] = id;
  item["box"] = px.box(text.quad());
  item["polygon"] = px.polygon(text.quad());
  item["confidence"] = 1.0;
  item["source"] = "text_layer";
  return item;
}

// The page's segments in the schema and, beside each, its path on the sheet (for finding which
// segments pass through a point); where each scene stroke's and fill's segments start.
struct SceneSegments {
  json list = json::array();
  std::vector<std::vector<Point>> paths;
  std::vector<LineClass> classes;
  std::vector<std::size_t> stroke_first;  // scene.strokes.size() + 1 entries
  std::vector<std::size_t> fill_first;    // scene.fills.size() + 1 entries
};

// One shape as schema segments: polylines (closed ones end where they start), or each of their
// lines when `as_lines`; arcs as start / middle / end, a full circle as two half arcs.
void add_segments(SceneSegments& out, const Shape& shape, LineClass line_class, const PixelWriter& px,
                  const std::function<Point(Point)>& to_sheet, bool as_lines = false) {
  auto segment = [&](const char* kind, const std::vector<Point>& points, std::vector<Point> path) {
    json pts = json::array();
    for (const Point& p : points) pts.push_back(px.point(to_sheet(p)));
    for (Point& p : path) p = to_sheet(p);
    out.list.push_back(
        {{"class", class_name(line_class)}, {"kind", kind}, {"points", std::move(pts)}, {"confidence", 1.0}});
    out.paths.push_back(std::move(path));
    out.classes.push_back(line_class);
  };
  if (shape.kind == Shape::Kind::arc) {
    const bool full = shape.end - shape.start >= 2 * kPi - 1e-9;
    const double middle = full ? shape.start + kPi : shape.end;
    auto arc = [&](double a, double b) {
      constexpr int kSteps = 48;
      std::vector<Point> path;
      for (int i = 0; i <= kSteps; ++i) path.push_back(shape.arc_point(a + (b - a) * i / kSteps));
      segment("arc", {shape.arc_point(a), shape.arc_point((a + b) / 2), shape.arc_point(b)}, std::move(path));
    };
    arc(shape.start, middle);
    if (full) arc(middle, shape.end);
    return;
  }
  std::vector<Point> points = shape.points;
  if (shape.closed) points.push_back(points.front());
  if (!as_lines || points.size() == 2) {
    segment(points.size() == 2 ? "line" : "polyline", points, points);
    return;
  }
  for (std::size_t i = 1; i < points.size(); ++i)
    segment("line", {points[i - 1], points[i]}, {points[i - 1], points[i]});
}

SceneSegments segments(const Scene& scene, const PixelWriter& px) {
  SceneSegments out;
  const auto identity = [](Point p) { return p; };
  // The views' outlines line by line, so that a dimension's feature is the edges it measures.
  for (const Stroke& s : scene.strokes) {
    out.stroke_first.push_back(out.list.size());
    add_segments(out, s.shape, s.line_class, px, identity, true);
  }
  out.stroke_first.push_back(out.list.size());
  for (const Fill& f : scene.fills) {
    out.fill_first.push_back(out.list.size());
    add_segments(out, f.shape, f.line_class, px, identity);
  }
  out.fill_first.push_back(out.list.size());
  for (const TextItem& item : scene.texts) {
    const auto to_sheet = [&item](Point p) { return item.to_sheet(p); };
    for (const TextRun& run : item.runs) {
      const Rect& r = run.ink;
      add_segments(out,
                   Shape::polyline({{r.left, r.bottom}, {r.right, r.bottom}, {r.right, r.top}, {r.left, r.top}}, true),
                   LineClass::text, px, to_sheet);
    }
    for (const Stroke& s : item.strokes) add_segments(out, s.shape, s.line_class, px, to_sheet);
    for (const Fill& f : item.fills) add_segments(out, f.shape, f.line_class, px, to_sheet);
  }
  return out;
}

double distance_to_path(Point p, const std::vector<Point>& path) {
  double best = path.empty() ? INFINITY : length(p - path.front());
  for (std::size_t i = 1; i < path.size(); ++i) {
    const Point a = path[i - 1], ab = path[i] - a;
    const double span = dot(ab, ab);
    const double t = span > 0 ? std::clamp(dot(p - a, ab) / span, 0.0, 1.0) : 0.0;
    best = std::min(best, length(p - (a + ab * t)));
  }
  return best;
}

// A dimension's own segments (the strokes and fills it drew) and the outline, hidden and centre
// lines of the views passing within 0.3 mm of a point where it meets its feature.
json dimension_linework(const DimensionRecord& d, const SceneSegments& segments) {
  constexpr double kOnFeature = 0.3;  // mm
  json lines = json::array(), feature = json::array();
  for (std::size_t k = segments.stroke_first[d.lines.strokes_begin]; k < segments.stroke_first[d.lines.strokes_end];
       ++k)
    lines.push_back(k);
  for (std::size_t k = segments.fill_first[d.lines.fills_begin]; k < segments.fill_first[d.lines.fills_end]; ++k)
    lines.push_back(k);
  for (std::size_t k = 0; k < segments.stroke_first.back(); ++k) {
    const LineClass c = segments.classes[k];
    if (c != LineClass::contour && c != LineClass::hidden && c != LineClass::centre) continue;
    const bool touches = std::any_of(d.feature_points.begin(), d.feature_points.end(),
                                     [&](Point p) { return distance_to_path(p, segments.paths[k]) <= kOnFeature; });
    if (touches) feature.push_back(k);
  }
  return {{"lines", std::move(lines)}, {"feature", std::move(feature)}};
}

json table_json(const TableRecord& table, const PixelWriter& px) {
  json cells = json::array();
  for (const TableCellRecord& c : table.cells) {
    cells.push_back({{"box", px.box(c.box)},
                     {"row", c.row},
                     {"col", c.col},
                     {"row_span", c.row_span},
                     {"col_span", c.col_span},
                     {"text", c.text}});
  }
  return {{"box", px.box(table.box)}, {"rows", table.rows}, {"cols", table.cols}, {"cells", std::move(cells)}};
}

json annotations(const Scene& scene, const PixelWriter& px, const SceneSegments& segments, json page) {
  json dimensions = json::array();
  for (std::size_t i = 0; i < scene.dimensions.size(); ++i) {
    const DimensionRecord& d = scene.dimensions[i];
    const TextItem& text = scene.texts[d.text_item];
    json item = placed(output::dimension_json(d.value), text, px, "p0-d" + std::to_string(i));
    if (const double a = px.angle(text.angle_degrees); a != 0.0) item["angle"] = a;
    item["linework"] = dimension_linework(d, segments);
    dimensions.push_back(std::move(item));
  }
  json frames = json::array();
  for (std::size_t i = 0; i < scene.gdt_frames.size(); ++i) {
    json item = placed(output::gdt_frame_json(scene.gdt_frames[i].value), scene.texts[scene.gdt_frames[i].text_item],
                       px, "p0-g" + std::to_string(i));
    item["unit"] = "mm";
    frames.push_back(std::move(item));
  }
  json datums = json::array();
  for (std::size_t i = 0; i < scene.datums.size(); ++i) {
    datums.push_back(placed({{"label", scene.datums[i].label}}, scene.texts[scene.datums[i].text_item], px,
                            "p0-a" + std::to_string(i)));
  }
  json finishes = json::array();
  for (std::size_t i = 0; i < scene.finishes.size(); ++i) {
    json value = output::surface_texture_json(scene.finishes[i].value);
    value["material_removal"] = scene.finishes[i].material_removal;
    finishes.push_back(
        placed(std::move(value), scene.texts[scene.finishes[i].text_item], px, "p0-s" + std::to_string(i)));
  }
  json notes = json::array();
  for (std::size_t i = 0; i < scene.notes.size(); ++i) {
    notes.push_back(
        placed({{"text", scene.notes[i].text}}, scene.texts[scene.notes[i].text_item], px, "p0-n" + std::to_string(i)));
  }
  json fields = json::array();
  for (const TitleFieldRecord& f : scene.title_fields) {
    json item = {{"key", std::string(parse::name(f.key))},
                 {"label", f.label},
                 {"value", f.value},
                 {"box", px.box(scene.texts[f.value_item].quad())},
                 {"label_box", px.box(scene.texts[f.label_item].quad())},
                 {"confidence", 1.0},
                 {"source", "text_layer"}};
    static constexpr parse::TitleKey kParsed[] = {parse::TitleKey::scale,
                                                  parse::TitleKey::sheet,
                                                  parse::TitleKey::mass,
                                                  parse::TitleKey::date,
                                                  parse::TitleKey::units,
                                                  parse::TitleKey::projection,
                                                  parse::TitleKey::general_tolerance};
    if (std::find(std::begin(kParsed), std::end(kParsed), f.key) != std::end(kParsed)) {
      json parsed = output::title_value_json(f.key, f.value);
      if (parsed.is_null()) throw std::logic_error("synth: title value '" + f.value + "' does not parse");
      item["parsed"] = std::move(parsed);
    }
    fields.push_back(std::move(item));
  }
  page["dimensions"] = std::move(dimensions);
  page["gdt_frames"] = std::move(frames);
  page["datum_features"] = std::move(datums);
  page["surface_finishes"] = std::move(finishes);
  page["notes"] = std::move(notes);
  page["title_fields"] = std::move(fields);
  page["general_tolerance"] = nullptr;
  if (scene.general_tolerance) {
    json general = output::general_tolerance_json(scene.general_tolerance->value);
    general["box"] = px.box(scene.texts[scene.general_tolerance->text_item].quad());
    page["general_tolerance"] = std::move(general);
  }
  return page;
}

}  // namespace

json truth_document(const Scene& scene, const TruthPage& page) {
  const PixelWriter px(page);
  json layout = {{"border", scene.border ? json{{"box", px.box(*scene.border)}} : json(nullptr)},
                 {"title_block", scene.title_block ? table_json(*scene.title_block, px) : json(nullptr)},
                 {"tables", json::array()}};
  for (const TableRecord& table : scene.tables) layout["tables"].push_back(table_json(table, px));
  json page_json = {{"index", 0},           {"width", page.width},    {"height", page.height},      {"dpi", page.dpi},
                    {"dpi_source", "file"}, {"words", json::array()}, {"layout", std::move(layout)}};
  SceneSegments scene_segments = segments(scene, px);
  page_json = annotations(scene, px, scene_segments, std::move(page_json));
  page_json["segments"] = std::move(scene_segments.list);
  return {
      {"schema_version", output::kSchemaVersion},
      {"drawlens_version", DRAWLENS_VERSION_STRING},
      {"source", {{"name", page.file_name}, {"format", "png"}, {"bytes", page.file_bytes}, {"page_count", 1}}},
      {"pages", json::array({std::move(page_json)})},
      {"timings_ms", json::object()},
      {"diagnostics",
       json::array({{{"severity", "info"}, {"stage", "synth"}, {"page", nullptr}, {"message", page.description}}})}};
}

std::string truth_json(const json& document) {
  return document.dump(1) + "\n";
}

}  // namespace drawlens::synth
