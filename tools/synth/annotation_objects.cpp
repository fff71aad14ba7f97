// Reads the objects back from the truth document being written (not from the scene), so boxes and
// crops use exactly the truth's rounded polygons and boxes.
#include "annotation_objects.h"

#include <cstdio>

namespace drawlens::synth {
namespace {

using nlohmann::json;

// Lists of the page that hold placed texts: the key, the object kind, the key of the text.
struct ObjectList {
  const char* key;
  const char* kind;
  const char* text_key;
};
constexpr ObjectList kObjectLists[] = {{"dimensions", "dimension", "text"},
                                       {"gdt_frames", "gdt_frame", "text"},
                                       {"datum_features", "datum_feature", "label"},
                                       {"surface_finishes", "surface_finish", "text"},
                                       {"notes", "note", "text"}};

Quad quad_of_polygon(const json& polygon) {
  Quad quad;
  for (std::size_t i = 0; i < 4; ++i) quad[i] = {polygon[i][0].get<double>(), polygon[i][1].get<double>()};
  return quad;
}

// An axis-aligned box [x, y, w, h] in the polygon order.
Quad quad_of_box(const json& box) {
  const double x = box[0], y = box[1], w = box[2], h = box[3];
  return {Point{x, y + h}, {x + w, y + h}, {x + w, y}, {x, y}};
}

}  // namespace

std::vector<AnnotationObject> annotation_objects(const json& truth) {
  const json& page = truth.at("pages").at(0);
  std::vector<AnnotationObject> out;
  for (const ObjectList& list : kObjectLists) {
    for (const json& item : page.at(list.key)) {
      const Quad quad = item.contains("polygon") ? quad_of_polygon(item["polygon"]) : quad_of_box(item.at("box"));
      out.push_back({list.kind, quad, item.at(list.text_key).get<std::string>()});
    }
  }
  for (const json& field : page.at("title_fields")) {
    const std::string label = field.value("label", "");
    if (!label.empty() && field.contains("label_box")) {
      out.push_back({"title_label", quad_of_box(field["label_box"]), label});
    }
    out.push_back({"title_field", quad_of_box(field.at("box")), field.at("value").get<std::string>()});
  }
  const json& layout = page.at("layout");
  if (!layout.at("title_block").is_null()) out.push_back({"table", quad_of_box(layout["title_block"]["box"]), ""});
  for (const json& table : layout.at("tables")) out.push_back({"table", quad_of_box(table.at("box")), ""});
  return out;
}

std::string detector_boxes(const std::vector<AnnotationObject>& objects) {
  std::string out;
  char number[32];
  for (const AnnotationObject& object : objects) {
    for (const Point& p : object.quad) {
      std::snprintf(number, sizeof number, "%.2f %.2f ", p.x, p.y);
      out += number;
    }
    out += object.kind + " 0\n";
  }
  return out;
}

}  // namespace drawlens::synth
