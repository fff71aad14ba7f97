// The eDOCr2-shaped answer of POST /api/v1/ocr (ocr_answer.h).
#include "ocr_answer.h"

#include <array>
#include <charconv>
#include <string>

namespace drawlens::serve {
namespace {

using nlohmann::json;

// The shortest decimal that reads back as `value` ("0.1", not "0.100000").
std::string decimal(double value) {
  std::array<char, 32> text{};
  const auto end = std::to_chars(text.data(), text.data() + text.size(), value).ptr;
  return {text.data(), end};
}

// A deviation with its sign always written, as drawings print them ("+0.1", "-0.05", "0").
std::string signed_decimal(double value) {
  return value > 0 ? "+" + decimal(value) : decimal(value);
}

// Native boxes are [x, y, width, height]; eDOCr2 located items by a point.
json centre_of(const json& box) {
  if (!box.is_array() || box.size() != 4) return nullptr;
  return {{"x", box[0].get<double>() + box[2].get<double>() / 2},
          {"y", box[1].get<double>() + box[3].get<double>() / 2}};
}

json box_object(const json& box) {
  if (!box.is_array() || box.size() != 4) return nullptr;
  return {{"x", box[0]}, {"y", box[1]}, {"width", box[2]}, {"height", box[3]}};
}

bool centre_inside(const json& word_box, const json& box) {
  const json c = centre_of(word_box);
  if (c.is_null() || !box.is_array() || box.size() != 4) return false;
  const double x = c["x"].get<double>(), y = c["y"].get<double>();
  const double left = box[0].get<double>(), top = box[1].get<double>();
  return x >= left && y >= top && x <= left + box[2].get<double>() && y <= top + box[3].get<double>();
}

json dimension_item(const json& d, int page) {
  const json tolerance = d.value("tolerance", json(nullptr));
  return {{"value", d.contains("nominal") ? d["nominal"] : d.value("text", json(""))},
          {"unit", d.value("unit", "mm")},
          {"type", d.value("size_type", "linear")},
          {"tolerance", tolerance.is_null() ? json(nullptr) : tolerance_text(tolerance)},
          {"location", centre_of(d.value("box", json()))},
          {"text", d.value("text", "")},
          {"count", d.value("count", 1)},
          {"confidence", d.value("confidence", 0.0)},
          {"source", d.value("source", "")},
          {"bbox", box_object(d.value("box", json()))},
          {"page", page},
          {"id", d.value("id", "")}};
}

json gdt_item(const json& frame, int page) {
  const json segments = frame.value("segments", json::array());
  const json first = segments.empty() ? json::object() : segments[0];
  json labels = json::array();
  for (const json& datum : first.value("datums", json::array())) labels.push_back(datum.value("label", ""));
  std::string joined;
  for (const json& label : labels) joined += (joined.empty() ? "" : "|") + label.get<std::string>();
  return {{"type", frame.value("characteristic", "")},
          {"value", first.value("tolerance", 0.0)},
          {"datum", joined.empty() ? json(nullptr) : json(joined)},
          {"datums", labels},
          {"zone_shape", first.value("zone_shape", "none")},
          {"modifiers", first.value("modifiers", json::array())},
          {"location", centre_of(frame.value("box", json()))},
          {"text", frame.value("text", "")},
          {"unit", frame.value("unit", "mm")},
          {"frame_type", frame.value("frame_type", "single")},
          {"rows", segments.size()},
          {"confidence", frame.value("confidence", 0.0)},
          {"source", frame.value("source", "")},
          {"bbox", box_object(frame.value("box", json()))},
          {"page", page},
          {"id", frame.value("id", "")}};
}

// Title fields by key (the first of each key wins: eDOCr2 gave one value per field), eDOCr2's four
// keys always present, and every field with its label in `fields`.
void add_title_fields(const json& page_fields, int page, json& text) {
  for (const json& field : page_fields) {
    const std::string key = field.value("key", "other");
    if (key != "other" && text.value(key, json(nullptr)).is_null()) text[key] = field.value("value", "");
    text["fields"].push_back({{"key", key},
                              {"label", field.value("label", "")},
                              {"value", field.value("value", "")},
                              {"location", centre_of(field.value("box", json()))},
                              {"page", page}});
  }
}

json table_item(const json& table, const std::string& kind, int page) {
  json cells = json::array();
  for (const json& cell : table.value("cells", json::array())) {
    cells.push_back({{"row", cell.value("row", 0)},
                     {"col", cell.value("col", 0)},
                     {"row_span", cell.value("row_span", 1)},
                     {"col_span", cell.value("col_span", 1)},
                     {"text", cell.value("text", "")}});
  }
  json item = {{"kind", kind}, {"bbox", box_object(table.value("box", json()))}, {"cells", cells}, {"page", page}};
  if (table.contains("rows")) item["rows"] = table["rows"];
  if (table.contains("cols")) item["cols"] = table["cols"];
  return item;
}

// Words of the text layer that no reported item covers: eDOCr2's "possible text".
void add_possible_text(const json& page, int page_number, json& out) {
  std::vector<json> covering;
  for (const char* list : {"dimensions", "gdt_frames", "datum_features", "surface_finishes", "notes", "title_fields"}) {
    for (const json& item : page.value(list, json::array())) covering.push_back(item.value("box", json()));
  }
  for (const json& word : page.value("words", json::array())) {
    const json box = word.value("box", json());
    bool covered = false;
    for (const json& c : covering) covered = covered || centre_inside(box, c);
    if (!covered)
      out.push_back({{"text", word.value("text", "")}, {"location", centre_of(box)}, {"page", page_number}});
  }
}

}  // namespace

json tolerance_text(const json& tolerance) {
  const std::string kind = tolerance.value("kind", "none");
  const double upper = tolerance.value("upper", 0.0), lower = tolerance.value("lower", 0.0);
  if (kind == "symmetric") return "±" + decimal(upper);
  if (kind == "deviation") return signed_decimal(upper) + "/" + signed_decimal(lower);
  if (kind == "limits" && tolerance.contains("limits")) {
    return decimal(tolerance["limits"].value("upper", 0.0)) + "/" + decimal(tolerance["limits"].value("lower", 0.0));
  }
  if (kind == "fit" && tolerance.contains("fit")) {
    const json& fit = tolerance["fit"];
    std::string text = fit.value("hole", "");
    if (fit.contains("shaft")) text += (text.empty() ? "" : "/") + fit["shaft"].get<std::string>();
    return text;
  }
  if (kind == "general") return tolerance.value("general_class", "general");
  if (kind == "max") return "MAX";
  if (kind == "min") return "MIN";
  return nullptr;
}

json ocr_answer(const json& result, const AnalysisFacts& facts, const OcrRequest& wanted,
                const std::vector<std::string>& extra_warnings) {
  json dimensions = json::array(), gdt = json::array(), finishes = json::array(), tables = json::array();
  json possible = json::array(), notes = json::array();
  json text = {{"drawing_number", nullptr},
               {"revision", nullptr},
               {"title", nullptr},
               {"material", nullptr},
               {"fields", json::array()}};
  for (const json& page : result.value("pages", json::array())) {
    const int number = page.value("index", 0) + 1;
    if (wanted.dimensions) {
      for (const json& d : page.value("dimensions", json::array())) dimensions.push_back(dimension_item(d, number));
      for (json s : page.value("surface_finishes", json::array())) {
        s["location"] = centre_of(s.value("box", json()));
        s["page"] = number;
        finishes.push_back(std::move(s));
      }
    }
    if (wanted.gdt) {
      for (const json& f : page.value("gdt_frames", json::array())) gdt.push_back(gdt_item(f, number));
    }
    if (!wanted.text) continue;
    add_title_fields(page.value("title_fields", json::array()), number, text);
    for (const json& n : page.value("notes", json::array())) notes.push_back(n.value("text", ""));
    const json layout = page.value("layout", json::object());
    if (layout.contains("title_block")) tables.push_back(table_item(layout["title_block"], "title_block", number));
    for (const json& t : layout.value("tables", json::array())) tables.push_back(table_item(t, "table", number));
    add_possible_text(page, number, possible);
  }
  json data = {{"dimensions", dimensions}, {"gdt", gdt}, {"surface_finishes", finishes}};
  if (wanted.text) {
    text["notes"] = notes;
    data["text"] = text;
    data["tables"] = tables;
    data["possible_text"] = possible;
  } else {
    data["text"] = json::object();
    data["tables"] = json::array();
    data["possible_text"] = json::array();
  }
  json warnings = json::array();
  for (const json& d : result.value("diagnostics", json::array())) {
    warnings.push_back(d.value("stage", "") + ": " + d.value("message", ""));
  }
  for (const std::string& w : extra_warnings) warnings.push_back(w);
  return {{"status", "success"},
          {"data", data},
          {"processing_time", facts.processing_seconds},
          {"file_id", facts.file_id},
          {"model_used", std::string("drawlens ") + drawlens::version()},
          {"warnings", warnings}};
}

}  // namespace drawlens::serve
