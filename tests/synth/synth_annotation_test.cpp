// The generator's annotation kinds over a fixed-seed set: tables (revision table, parts list)
// with every cell inside the image and consistent with the title block, balloons, composite and
// stacked frames, rarer modifiers, datum targets and the rarer dimension forms, each at the
// frequency the generator intends and each re-parsing to its truth; and the look of CAD exports
// (grey annotations, CAD typefaces).
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include "canvas.h"
#include "output/output.h"
#include "parse/parse.h"
#include "synth.h"
#include "test_drawing_options.h"

namespace {

using nlohmann::json;

constexpr int kDrawings = 120;

// The truths of drawings 0..kDrawings-1 of seed 2026 (ISO and ASME alternating), generated once.
const std::vector<json>& truths() {
  static const std::vector<json> kTruths = [] {
    std::vector<json> out;
    for (int i = 0; i < kDrawings; ++i) {
      const drawlens::synth::DrawingOptions o = drawlens::synth::test_drawing_options(
          2026, i % 2 == 0 ? drawlens::synth::SheetStyle::iso : drawlens::synth::SheetStyle::asme);
      out.push_back(json::parse(drawlens::synth::generate_drawing(o, i).truth_json));
    }
    return out;
  }();
  return kTruths;
}

const std::vector<json>& pages() {
  static const std::vector<json> kPages = [] {
    std::vector<json> out;
    for (const json& truth : truths()) out.push_back(truth["pages"][0]);
    return out;
  }();
  return kPages;
}

bool inside(const json& box, const json& outer) {
  const int x = box[0], y = box[1], w = box[2], h = box[3];
  const int ox = outer[0], oy = outer[1], ow = outer[2], oh = outer[3];
  return x >= ox && y >= oy && x + w <= ox + ow && y + h <= oy + oh && w > 0 && h > 0;
}

std::string title_field(const json& page, const std::string& key) {
  for (const json& f : page["title_fields"]) {
    if (f["key"] == key) return f["value"];
  }
  return "";
}

TEST(SynthTables, RevisionTablesAndPartsListsAppearOnAFairShare) {
  int with_table = 0, revision = 0, parts = 0;
  for (const json& page : pages()) {
    const json& tables = page["layout"]["tables"];
    with_table += tables.empty() ? 0 : 1;
    for (const json& t : tables) (t["cols"] == 5 ? parts : revision) += 1;
  }
  EXPECT_GE(with_table, kDrawings / 3);
  EXPECT_GE(revision, kDrawings / 4);
  EXPECT_GE(parts, kDrawings / 10);
}

TEST(SynthTables, EveryCellIsRecordedInsideItsTableAndTheImage) {
  for (const json& page : pages()) {
    const json image = json::array({0, 0, page["width"], page["height"]});
    for (const json& t : page["layout"]["tables"]) {
      ASSERT_TRUE(inside(t["box"], image)) << t["box"];
      const int rows = t["rows"], cols = t["cols"];
      ASSERT_EQ(t["cells"].size(), static_cast<std::size_t>(rows * cols));
      std::map<std::pair<int, int>, int> seen;
      for (const json& c : t["cells"]) {
        EXPECT_TRUE(inside(c["box"], t["box"])) << c.dump();
        EXPECT_FALSE(c["text"].get<std::string>().empty()) << c.dump();
        ++seen[{c["row"].get<int>(), c["col"].get<int>()}];
      }
      EXPECT_EQ(seen.size(), static_cast<std::size_t>(rows * cols));
    }
  }
}

TEST(SynthTables, TablesAgreeWithTheTitleBlock) {
  for (const json& page : pages()) {
    for (const json& t : page["layout"]["tables"]) {
      const int rows = t["rows"], cols = t["cols"];
      auto cell = [&](int r, int c) { return t["cells"][static_cast<std::size_t>(r * cols + c)]["text"]; };
      if (cols == 4) {
        // Header on top, the newest revision last: the title block's.
        EXPECT_GE(rows, 2);
        EXPECT_LE(rows, 5);
        EXPECT_EQ(cell(rows - 1, 0), title_field(page, "revision"));
      } else {
        // Header at the bottom, items counting upwards; item 1 is the drawing's own part.
        ASSERT_EQ(cols, 5);
        for (int r = 0; r + 1 < rows; ++r) EXPECT_EQ(cell(r, 0), std::to_string(rows - 1 - r));
        EXPECT_EQ(cell(rows - 2, 2), title_field(page, "drawing_number"));
        EXPECT_EQ(cell(rows - 2, 4), title_field(page, "material"));
      }
    }
  }
}

TEST(SynthFrames, CompositeStackedAndRareModifiersOccurAndReparse) {
  std::map<std::string, int> types, modifiers;
  for (const json& page : pages()) {
    for (const json& g : page["gdt_frames"]) {
      ++types[g.value("frame_type", "single")];
      for (const json& s : g["segments"]) {
        for (const json& m : s["modifiers"]) ++modifiers[m.get<std::string>()];
      }
      auto parsed = drawlens::parse::parse_gdt(std::string_view(g["text"].get<std::string>()));
      ASSERT_TRUE(parsed.ok()) << g["text"];
      EXPECT_EQ(parsed.value().confidence_penalty, 0.0) << g["text"];
      const json value = drawlens::output::gdt_frame_json(parsed.value());
      EXPECT_EQ(value["segments"], g["segments"]) << g["text"];
      EXPECT_EQ(value.value("frame_type", "single"), g.value("frame_type", "single")) << g["text"];
      // A composite frame's lower row refines the upper: a smaller zone.
      if (g.value("frame_type", "") == "composite") {
        EXPECT_LT(g["segments"][1]["tolerance"].get<double>(), g["segments"][0]["tolerance"].get<double>());
      }
    }
  }
  EXPECT_GE(types["composite"], 3);
  EXPECT_GE(types["stacked"], 1);
  EXPECT_GT(types["single"], types["composite"] + types["stacked"]);
  int rare = 0;
  for (const char* m :
       {"projected", "free_state", "tangent_plane", "unequal_bilateral", "statistical", "continuous_feature"}) {
    rare += modifiers[m] > 0 ? 1 : 0;
  }
  EXPECT_GE(rare, 4);
}

TEST(SynthDimensions, SlantedEdgesCarryAlignedDimensions) {
  int aligned = 0;
  for (const json& page : pages()) {
    for (const json& d : page["dimensions"]) {
      const double angle = d.value("angle", 0.0);
      const bool quarter = std::fmod(std::fabs(angle), 90.0) < 1e-6;
      if (quarter || d["size_type"] != "linear") continue;
      // Along a chamfered corner: a reference length, its text turned with the edge.
      ++aligned;
      EXPECT_EQ(d["text"].get<std::string>().front(), '(') << d.dump();
      ASSERT_TRUE(d.contains("polygon"));
    }
  }
  EXPECT_GE(aligned, 2);
}

TEST(SynthDimensions, CountersunkHolesAreCalledOutAndReparse) {
  int countersunk = 0;
  for (const json& page : pages()) {
    for (const json& d : page["dimensions"]) {
      const std::string text = d["text"];
      if (text.find("\u2335") == std::string::npos) continue;
      // "4x Ø6.6 THRU ⌵Ø13.5x90°": a through hole with its 90° countersink.
      ++countersunk;
      auto parsed = drawlens::parse::parse_dimension(text);
      ASSERT_TRUE(parsed.ok()) << text;
      EXPECT_EQ(parsed.value().confidence_penalty, 0.0) << text;
      ASSERT_TRUE(parsed.value().hole && parsed.value().hole->countersink) << text;
      EXPECT_EQ(parsed.value().hole->countersink->angle, 90.0) << text;
      EXPECT_GT(parsed.value().hole->countersink->diameter, parsed.value().nominal) << text;
      EXPECT_EQ(parsed.value().count, 4) << text;
    }
  }
  // About one plate in five has countersunk corner holes; plates are 40 % of the drawings.
  EXPECT_GE(countersunk, 2);
  EXPECT_LE(countersunk, kDrawings / 4);
}

TEST(SynthDimensions, DomedShaftEndsCarrySphericalRadiiThatReparse) {
  int spherical = 0;
  for (const json& page : pages()) {
    for (const json& d : page["dimensions"]) {
      if (d["size_type"] != "spherical_radius") continue;
      ++spherical;
      const std::string text = d["text"];
      EXPECT_EQ(text.rfind("SR", 0), 0U) << text;
      auto parsed = drawlens::parse::parse_dimension(text);
      ASSERT_TRUE(parsed.ok()) << text;
      EXPECT_EQ(parsed.value().confidence_penalty, 0.0) << text;
      EXPECT_EQ(parsed.value().size_type, drawlens::parse::SizeType::spherical_radius) << text;
      EXPECT_DOUBLE_EQ(parsed.value().nominal, d["nominal"].get<double>()) << text;
    }
  }
  // Three plain shafts in five are domed; shafts are about 13 % of the drawings, half of them plain.
  EXPECT_GE(spherical, 2);
  EXPECT_LE(spherical, kDrawings / 6);
}

}  // namespace

namespace {

bool notes_layout(const json& truth, const std::string& layout) {
  const std::string message = truth["diagnostics"][0]["message"];
  return message.find("; " + layout) != std::string::npos;
}

TEST(SynthLayouts, OrdinateAndCrowdedSheetsOccurAtTheirShare) {
  int ordinate = 0, crowded = 0, plates = 0;
  for (const json& truth : truths()) {
    const std::string message = truth["diagnostics"][0]["message"];
    plates += message.find("part plate") != std::string::npos ? 1 : 0;
    if (notes_layout(truth, "ordinate dimensions")) {
      ++ordinate;
      // Coordinates from the datums: sizes lettered along their extension lines (0° or 90°).
      int along_extension = 0;
      for (const json& d : truth["pages"][0]["dimensions"]) {
        const double angle = d.value("angle", 0.0);
        along_extension += d["size_type"] == "linear" && std::fmod(std::fabs(angle), 90.0) < 1e-6 ? 1 : 0;
      }
      EXPECT_GE(along_extension, 2) << message;
    }
    crowded += notes_layout(truth, "crowded") ? 1 : 0;
  }
  // Three plates in ten are dimensioned by ordinates, one sheet in five is crowded.
  EXPECT_GE(ordinate, plates / 6);
  EXPECT_LE(ordinate, plates / 2);
  EXPECT_GE(crowded, kDrawings / 10);
  EXPECT_LE(crowded, kDrawings * 3 / 10);
}

TEST(SynthLayouts, SlantedCalloutsLieInsideTheImageAtTheirAngle) {
  int slanted = 0;
  for (const json& page : pages()) {
    const double width = page["width"], height = page["height"];
    for (const json& d : page["dimensions"]) {
      const double angle = d.value("angle", 0.0);
      const std::string kind = d["size_type"];
      if (std::fmod(std::fabs(angle), 90.0) < 1e-6 || kind == "linear" || kind == "angle") continue;
      if (kind == "chamfer") continue;  // a chamfer's callout on its leader may follow its edge
      ++slanted;
      EXPECT_GE(std::fabs(angle), 15.0 - 1e-6) << d.dump();
      EXPECT_LE(std::fabs(angle), 75.0 + 1e-6) << d.dump();
      const json& polygon = d["polygon"];
      ASSERT_EQ(polygon.size(), 4u) << d.dump();
      for (const json& p : polygon) {
        EXPECT_GE(p[0].get<double>(), 0.0);
        EXPECT_GE(p[1].get<double>(), 0.0);
        EXPECT_LE(p[0].get<double>(), width);
        EXPECT_LE(p[1].get<double>(), height);
      }
      // The box's baseline edge runs at the recorded angle (counter-clockwise, y down).
      const double dx = polygon[1][0].get<double>() - polygon[0][0].get<double>();
      const double dy = polygon[1][1].get<double>() - polygon[0][1].get<double>();
      EXPECT_NEAR(std::atan2(-dy, dx) * 180.0 / 3.14159265358979323846, angle, 0.5) << d.dump();
    }
  }
  EXPECT_GE(slanted, kDrawings / 6);
}

TEST(SynthDatums, DatumTargetsAreNumberedInsideTheImage) {
  int drawings_with_targets = 0;
  for (const json& page : pages()) {
    const json image = json::array({0, 0, page["width"], page["height"]});
    std::vector<std::string> targets;
    for (const json& datum : page["datum_features"]) {
      const std::string label = datum["label"];
      EXPECT_TRUE(inside(datum["box"], image)) << label;
      // A target's label is a letter and its number ("A1"); a datum feature's is letters only.
      const bool target = label.size() >= 2 && std::isupper(static_cast<unsigned char>(label[0])) &&
                          std::all_of(label.begin() + 1, label.end(), [](char c) { return c >= '0' && c <= '9'; });
      if (target) targets.push_back(label);
    }
    if (targets.empty()) continue;
    ++drawings_with_targets;
    // A1, A2, ... in order, at most three: the points of datum plane A.
    EXPECT_LE(targets.size(), 3u);
    for (std::size_t k = 0; k < targets.size(); ++k) EXPECT_EQ(targets[k], "A" + std::to_string(k + 1));
  }
  // Meant: three plates in ten, and about four drawings in ten are plates.
  EXPECT_GE(drawings_with_targets, kDrawings / 20);
  EXPECT_LE(drawings_with_targets, kDrawings / 4);
}

// What a drawing says of its look ("; lettering URW Gothic", "; grey annotations"): a quarter of
// sheets print lettering and dimension lines grey, as SolidWorks exports do, and URW Gothic
// (Century Gothic's metric twin) and Liberation Sans Narrow letter some sheets beside osifont.
TEST(SynthLook, GreyAnnotationsAndCadTypefacesOccurAtTheirShare) {
  int grey = 0;
  std::map<std::string, int> faces;
  for (const json& truth : truths()) {
    const std::string message = truth["diagnostics"][0]["message"];
    grey += message.find("; grey annotations") != std::string::npos ? 1 : 0;
    const auto at = message.find("; lettering ");
    ASSERT_NE(at, std::string::npos) << message;
    const auto start = at + 12;
    ++faces[message.substr(start, message.find(';', start) - start)];
  }
  EXPECT_GE(grey, kDrawings / 8);
  EXPECT_LE(grey, kDrawings * 2 / 5);
  EXPECT_GE(faces["osifont"], kDrawings / 2);
  EXPECT_GE(faces["URW Gothic"], 1);
  EXPECT_GE(faces["Liberation Sans Narrow"], 1);
}

// On a grey sheet the lettering's ink is grey and the outlines' black; the class mask is unchanged.
TEST(SynthLook, GreyAnnotationsArePrintedLighterThanTheOutlines) {
  int index = -1;
  for (int i = 0; i < kDrawings && index < 0; ++i) {
    const std::string message = truths()[static_cast<std::size_t>(i)]["diagnostics"][0]["message"];
    if (message.find("; grey annotations") != std::string::npos) index = i;
  }
  ASSERT_GE(index, 0);
  const auto o = drawlens::synth::test_drawing_options(
      2026, index % 2 == 0 ? drawlens::synth::SheetStyle::iso : drawlens::synth::SheetStyle::asme,
      drawlens::synth::Degradation::none, "png,json,mask");
  const auto drawing = drawlens::synth::generate_drawing(o, index);
  const cv::Mat gray = cv::imdecode(drawing.png, cv::IMREAD_GRAYSCALE);
  const cv::Mat mask = cv::imdecode(drawing.mask, cv::IMREAD_GRAYSCALE);
  ASSERT_EQ(gray.size(), mask.size());
  // The darkest tenth of each class's pixels: glyph and line cores, not their antialiased edges.
  auto dark_level = [&](int mask_value) {
    std::vector<int> values;
    for (int y = 0; y < gray.rows; ++y) {
      for (int x = 0; x < gray.cols; ++x) {
        if (mask.at<std::uint8_t>(y, x) == mask_value) values.push_back(gray.at<std::uint8_t>(y, x));
      }
    }
    EXPECT_GT(values.size(), 1000u) << "class " << mask_value;
    std::nth_element(values.begin(), values.begin() + static_cast<long>(values.size() / 10), values.end());
    return values.empty() ? 0 : values[values.size() / 10];
  };
  const int text = dark_level(drawlens::synth::mask_value(drawlens::synth::LineClass::text));
  const int contour = dark_level(drawlens::synth::mask_value(drawlens::synth::LineClass::contour));
  EXPECT_LT(contour, 40);
  EXPECT_GT(text, contour + 30);
}

}  // namespace
