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

// One shape as schema segments: lines, polylines (closed ones end where they start), arcs as
// start / middle / end, a full circle as two half arcs.
void add_segments(json& out, const Shape& shape, LineClass line_class, const PixelWriter& px,
                  const std::function<Point(Point)>& to_sheet) {
  auto segment = [&](const char* kind, const std::vector<Point>& points) {
    json pts = json::array();
    for (const Point& p : points) pts.push_back(px.point(to_sheet(p)));
    out.push_back({{"class", class_name(line_class)}, {"kind", kind}, {"points", std::move(pts)}, {"confidence", 1.0}});
  };
  if (shape.kind == Shape::Kind::arc) {
    const bool full = shape.end - shape.start >= 2 * kPi - 1e-9;
    const double middle = full ? shape.start + kPi : shape.end;
    auto arc = [&](double a, double b) {
      segment("arc", {shape.arc_point(a), shape.arc_point((a + b) / 2), shape.arc_point(b)});
    };
    arc(shape.start, middle);
    if (full) arc(middle, shape.end);
    return;
  }
  std::vector<Point> points = shape.points;
  if (shape.closed) points.push_back(points.front());
  segment(points.size() == 2 ? "line" : "polyline", points);
}

json segments(const Scene& scene, const PixelWriter& px) {
  json out = json::array();
  const auto identity = [](Point p) { return p; };
  for (const Stroke& s : scene.strokes) add_segments(out, s.shape, s.line_class, px, identity);
  for (const Fill& f : scene.fills) add_segments(out, f.shape, f.line_class, px, identity);
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

json annotations(const Scene& scene, const PixelWriter& px, json page) {
  json dimensions = json::array();
  for (std::size_t i = 0; i < scene.dimensions.size(); ++i) {
    const DimensionRecord& d = scene.dimensions[i];
    const TextItem& text = scene.texts[d.text_item];
    json item = placed(output::dimension_json(d.value), text, px, "p0-d" + std::to_string(i));
    if (const double a = px.angle(text.angle_degrees); a != 0.0) item["angle"] = a;
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
  page_json = annotations(scene, px, std::move(page_json));
  page_json["segments"] = segments(scene, px);
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
