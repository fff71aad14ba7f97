// LabelMe to truth: shapes to boxes (and polygons), dimension labels read by the parse stage and
// written by the output stage's own writer, other_info boxes as notes.
#include "labelme_truth.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "output/output.h"
#include "parse/parse.h"

namespace drawlens::labelme {
namespace {

using nlohmann::json;

struct Shape {
  std::string label;
  std::vector<std::pair<double, double>> points;
  bool polygon = false;
};

Shape read_shape(const json& shape, std::size_t position) {
  const std::string where = "shape " + std::to_string(position);
  if (!shape.is_object() || !shape.contains("label") || !shape["label"].is_string()) {
    throw std::runtime_error(where + ": no \"label\" string");
  }
  Shape out;
  out.label = shape["label"].get<std::string>();
  const std::string named = where + " (\"" + out.label + "\")";
  const std::string type = shape.value("shape_type", std::string("polygon"));
  if (type != "rectangle" && type != "polygon") {
    throw std::runtime_error(named + ": shape_type \"" + type + "\" is not supported (rectangle or polygon)");
  }
  out.polygon = type == "polygon";
  const auto points = shape.find("points");
  if (points == shape.end() || !points->is_array()) throw std::runtime_error(named + ": no \"points\" array");
  for (const auto& p : *points) {
    if (!p.is_array() || p.size() != 2 || !p[0].is_number() || !p[1].is_number()) {
      throw std::runtime_error(named + ": a point is not a numeric [x, y] pair");
    }
    out.points.emplace_back(p[0].get<double>(), p[1].get<double>());
  }
  const std::size_t needed = out.polygon ? 3 : 2;
  if (out.points.size() < needed || (!out.polygon && out.points.size() != 2)) {
    throw std::runtime_error(named + ": a " + type + " needs " + (out.polygon ? "at least 3" : "2") + " points, got " +
                             std::to_string(out.points.size()));
  }
  return out;
}

// The shape's integer bounds clipped to the page; the shape must overlap the page.
json shape_box(const Shape& shape, long long width, long long height, const std::string& named) {
  double left = shape.points[0].first, right = left, top = shape.points[0].second, bottom = top;
  for (const auto& [x, y] : shape.points) {
    left = std::min(left, x);
    right = std::max(right, x);
    top = std::min(top, y);
    bottom = std::max(bottom, y);
  }
  const long long x0 = std::clamp(static_cast<long long>(std::floor(left)), 0LL, width);
  const long long y0 = std::clamp(static_cast<long long>(std::floor(top)), 0LL, height);
  const long long x1 = std::clamp(static_cast<long long>(std::ceil(right)), 0LL, width);
  const long long y1 = std::clamp(static_cast<long long>(std::ceil(bottom)), 0LL, height);
  if (x1 <= x0 || y1 <= y0) {
    throw std::runtime_error(named + ": has no area inside the " + std::to_string(width) + "x" +
                             std::to_string(height) + " page");
  }
  return json::array({x0, y0, x1 - x0, y1 - y0});
}

// A dimension label: the parser's reading as the output stage writes it, or the bare text when the
// grammar cannot read it.
json dimension_item(const std::string& label, bool& parsed) {
  const auto dimension = parse::parse_dimension(label);
  parsed = static_cast<bool>(dimension);
  return parsed ? output::dimension_json(dimension.value()) : json{{"text", label}};
}

long long page_extent(const json& page, const char* key) {
  if (!page.contains(key) || !page[key].is_number_integer()) {
    throw std::runtime_error(std::string("the loaded page has no integer \"") + key + "\"");
  }
  return page[key].get<long long>();
}

void check_image_size(const json& annotation, const char* key, long long expected) {
  const auto found = annotation.find(key);
  if (found == annotation.end() || found->is_null()) return;
  if (!found->is_number_integer() || found->get<long long>() != expected) {
    throw std::runtime_error(std::string("annotation ") + key + " " + found->dump() + " differs from the image's " +
                             std::to_string(expected));
  }
}

}  // namespace

json read_annotation(const std::filesystem::path& path) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) throw std::runtime_error(path.string() + ": no such file");
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  if (!in || !(text << in.rdbuf())) throw std::runtime_error(path.string() + ": cannot be read");
  json annotation;
  try {
    annotation = json::parse(text.str());
  } catch (const json::exception& e) {  // parse_error, or out_of_range for a number like 1e999
    throw std::runtime_error(path.string() + ": not JSON (" + e.what() + ")");
  }
  if (!annotation.is_object() || !annotation.contains("shapes") || !annotation["shapes"].is_array()) {
    throw std::runtime_error(path.string() + ": not a LabelMe annotation (no \"shapes\" array)");
  }
  return annotation;
}

Truth truth_from_annotation(const json& annotation, const json& loaded) {
  if (!annotation.is_object() || !annotation.contains("shapes") || !annotation["shapes"].is_array()) {
    throw std::runtime_error("not a LabelMe annotation (no \"shapes\" array)");
  }
  if (!loaded.is_object() || !loaded.contains("pages") || !loaded["pages"].is_array() || loaded["pages"].size() != 1) {
    throw std::runtime_error("the image must load as exactly one page");
  }
  Truth truth;
  truth.document = loaded;
  json& page = truth.document["pages"][0];
  const long long width = page_extent(page, "width");
  const long long height = page_extent(page, "height");
  check_image_size(annotation, "imageWidth", width);
  check_image_size(annotation, "imageHeight", height);
  for (const char* key : {"layout", "dimensions", "gdt_frames", "datum_features", "surface_finishes", "notes",
                          "title_fields", "general_tolerance", "segments", "tolerances"}) {
    page.erase(key);
  }
  json dimensions = json::array();
  json notes = json::array();
  const json& shapes = annotation["shapes"];
  for (std::size_t i = 0; i < shapes.size(); ++i) {
    const Shape shape = read_shape(shapes[i], i);
    const std::string named = "shape " + std::to_string(i) + " (\"" + shape.label + "\")";
    json item;
    if (shape.label == kOtherInfo) {
      const std::string text = shapes[i].value("text", json()).is_string() ? shapes[i]["text"].get<std::string>() : "";
      item = {{"id", "p0-n" + std::to_string(notes.size())}, {"text", text}};
    } else {
      bool parsed = false;
      item = dimension_item(shape.label, parsed);
      item["id"] = "p0-d" + std::to_string(dimensions.size());
      truth.parsed += parsed ? 1 : 0;
    }
    item["box"] = shape_box(shape, width, height, named);
    if (shape.polygon) {
      item["polygon"] = json::array();
      for (const auto& [x, y] : shape.points) item["polygon"].push_back({x, y});
    }
    item["confidence"] = 1.0;
    item["source"] = "ocr";
    (shape.label == kOtherInfo ? notes : dimensions).push_back(std::move(item));
  }
  truth.dimensions = dimensions.size();
  truth.notes = notes.size();
  page["dimensions"] = std::move(dimensions);
  page["notes"] = std::move(notes);
  truth.document["timings_ms"] = json::object();
  return truth;
}

}  // namespace drawlens::labelme
