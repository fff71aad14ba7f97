// LabelMe to truth on a small hand-made annotation: boxes from rectangles and polygons, values from
// the parse stage, an unreadable label kept bare, other_info as notes, and bad shapes refused.
#include <gtest/gtest.h>

#include <string>

#include "labelme_truth.h"

namespace {

using drawlens::labelme::truth_from_annotation;
using nlohmann::json;

json rectangle(const char* label, double x0, double y0, double x1, double y1) {
  return {{"label", label}, {"points", {{x0, y0}, {x1, y1}}}, {"shape_type", "rectangle"}, {"text", ""}};
}

json annotation() {
  json shapes = json::array({
      rectangle("⌀21,5±0,1", 110.4, 40, 60, 20.6),  // corners in either order
      {{"label", "R10,00"},
       {"points", {{300, 100}, {310, 110}, {350, 70}, {340, 60}}},
       {"shape_type", "polygon"},
       {"text", ""}},
      rectangle("SECTION A-A", 10, 200, 90, 215),
      rectangle("other_info", 20, 300, 180, 330),
  });
  return {{"version", "0.4.10"}, {"shapes", shapes}, {"imagePath", "x.png"}, {"imageWidth", 400}, {"imageHeight", 360}};
}

json loaded() {
  return {{"schema_version", "1.0.0"},
          {"drawlens_version", "0.1.0"},
          {"source", {{"name", "x.png"}, {"format", "png"}, {"bytes", 1234}, {"page_count", 1}}},
          {"pages", json::array({{{"index", 0},
                                  {"width", 400},
                                  {"height", 360},
                                  {"dpi", 96.0},
                                  {"dpi_source", "assumed"},
                                  {"words", json::array()},
                                  {"dimensions", json::array()},
                                  {"gdt_frames", json::array()}}})},
          {"timings_ms", {{"load", 3.5}}},
          {"diagnostics", json::array()}};
}

TEST(LabelmeTruth, ShapesBecomeDimensionsAndNotes) {
  const auto truth = truth_from_annotation(annotation(), loaded());
  EXPECT_EQ(truth.dimensions, 3u);
  EXPECT_EQ(truth.parsed, 2u);
  EXPECT_EQ(truth.notes, 1u);
  const json& page = truth.document["pages"][0];
  EXPECT_EQ(truth.document["source"]["bytes"], 1234);
  EXPECT_FALSE(page.contains("gdt_frames"));  // not labelled, so not claimed
  const json& diameter = page["dimensions"][0];
  EXPECT_EQ(diameter["id"], "p0-d0");
  EXPECT_EQ(diameter["text"], "⌀21,5±0,1");
  EXPECT_EQ(diameter["box"], json::array({60, 20, 51, 20}));  // floor/ceil of 60..110.4, 20.6..40
  EXPECT_FALSE(diameter.contains("polygon"));
  EXPECT_EQ(diameter["size_type"], "diameter");
  EXPECT_EQ(diameter["nominal"], 21.5);
  EXPECT_DOUBLE_EQ(diameter["tolerance"]["limits"]["upper"].get<double>(), 21.6);
  EXPECT_EQ(diameter["source"], "ocr");
  EXPECT_EQ(diameter["confidence"], 1.0);
  const json& radius = page["dimensions"][1];
  EXPECT_EQ(radius["box"], json::array({300, 60, 50, 50}));
  EXPECT_EQ(radius["polygon"].size(), 4u);
  EXPECT_EQ(radius["size_type"], "radius");
  const json& unread = page["dimensions"][2];
  EXPECT_EQ(unread["text"], "SECTION A-A");
  EXPECT_FALSE(unread.contains("nominal"));
  EXPECT_EQ(unread["box"], json::array({10, 200, 80, 15}));
  EXPECT_EQ(page["notes"][0]["id"], "p0-n0");
  EXPECT_EQ(page["notes"][0]["text"], "");
  EXPECT_EQ(page["notes"][0]["box"], json::array({20, 300, 160, 30}));
}

void expect_refused(const json& a, const std::string& part) {
  try {
    truth_from_annotation(a, loaded());
    ADD_FAILURE() << "no error, expected " << part;
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find(part), std::string::npos) << e.what();
  }
}

TEST(LabelmeTruth, BadShapesAreNamed) {
  json a = annotation();
  a["shapes"][1]["shape_type"] = "circle";
  expect_refused(a, "shape 1 (\"R10,00\"): shape_type \"circle\" is not supported");
  a = annotation();
  a["shapes"][0]["points"] = {{60, 20}};
  expect_refused(a, "shape 0 (\"⌀21,5±0,1\"): a rectangle needs 2 points, got 1");
  a = annotation();
  a["shapes"][0]["points"][1] = "110,40";
  expect_refused(a, "a point is not a numeric [x, y] pair");
  a = annotation();
  a["shapes"][2].erase("label");
  expect_refused(a, "shape 2: no \"label\" string");
  a = annotation();
  a["shapes"][3]["points"] = {{500, 500}, {600, 600}};
  expect_refused(a, "shape 3 (\"other_info\"): has no area inside the 400x360 page");
  a = annotation();
  a["imageWidth"] = 401;
  expect_refused(a, "annotation imageWidth 401 differs from the image's 400");
  expect_refused(json{{"version", "0.4.10"}}, "not a LabelMe annotation");
}

}  // namespace
