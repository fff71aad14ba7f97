// Surface finishes, notes, datum features and the general tolerance through the C accessors and the
// facade: they carry what the JSON carries, each item records where its text came from, and the
// accessors check their arguments like the others.
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "drawlens/drawlens.hpp"
#include "support/fixtures.h"

namespace {

using nlohmann::json;

drawlens::Box box_of(const json& j) {
  return {j[0].get<int>(), j[1].get<int>(), j[2].get<int>(), j[3].get<int>()};
}

void expect_box(const drawlens::Box& actual, const json& expected) {
  const drawlens::Box b = box_of(expected);
  EXPECT_EQ(actual.x, b.x);
  EXPECT_EQ(actual.y, b.y);
  EXPECT_EQ(actual.width, b.width);
  EXPECT_EQ(actual.height, b.height);
}

// Every surface finish, note and general tolerance the facade reads equals the JSON's.
void expect_matches_json(const drawlens::Result& result) {
  const json doc = json::parse(result.json());
  for (std::size_t i = 0; i < result.page_count(); ++i) {
    const drawlens::Page page = result.page(i);
    const json& jp = doc["pages"][i];
    ASSERT_EQ(page.surface_finishes.size(), jp["surface_finishes"].size());
    for (std::size_t k = 0; k < page.surface_finishes.size(); ++k) {
      const drawlens::SurfaceFinish& s = page.surface_finishes[k];
      const json& j = jp["surface_finishes"][k];
      EXPECT_EQ(s.text, j["text"]);
      EXPECT_EQ(s.parameter, j["parameter"]);
      EXPECT_DOUBLE_EQ(s.value, j["value"].get<double>());
      EXPECT_EQ(s.unit, j["unit"]);
      EXPECT_EQ(s.lower_limit, j.value("limit", "") == "lower");
      EXPECT_DOUBLE_EQ(s.confidence, j["confidence"].get<double>());
      EXPECT_EQ(drawlens_source_name(s.source), j["source"]);
      expect_box(s.box, j["box"]);
    }
    ASSERT_EQ(page.notes.size(), jp["notes"].size());
    for (std::size_t k = 0; k < page.notes.size(); ++k) {
      EXPECT_EQ(page.notes[k].text, jp["notes"][k]["text"]);
      EXPECT_EQ(drawlens_source_name(page.notes[k].source), jp["notes"][k]["source"]);
      expect_box(page.notes[k].box, jp["notes"][k]["box"]);
    }
    ASSERT_EQ(page.datum_features.size(), jp["datum_features"].size());
    for (std::size_t k = 0; k < page.datum_features.size(); ++k) {
      EXPECT_EQ(page.datum_features[k].label, jp["datum_features"][k]["label"]);
      EXPECT_DOUBLE_EQ(page.datum_features[k].confidence, jp["datum_features"][k]["confidence"].get<double>());
      EXPECT_EQ(drawlens_source_name(page.datum_features[k].source), jp["datum_features"][k]["source"]);
      expect_box(page.datum_features[k].box, jp["datum_features"][k]["box"]);
    }
    ASSERT_EQ(page.general_tolerance.has_value(), !jp["general_tolerance"].is_null());
    if (page.general_tolerance) {
      const json& j = jp["general_tolerance"];
      EXPECT_EQ(page.general_tolerance->standard, j["standard"]);
      EXPECT_EQ(page.general_tolerance->text, j["text"]);
      EXPECT_EQ(page.general_tolerance->linear_class, j.value("class", ""));
      EXPECT_EQ(page.general_tolerance->geometric_class, j.value("geometric_class", ""));
      EXPECT_EQ(drawlens_source_name(page.general_tolerance->source), j["source"]);
      expect_box(page.general_tolerance->box, j["box"]);
    }
    for (std::size_t k = 0; k < page.dimensions.size(); ++k) {
      EXPECT_EQ(drawlens_source_name(page.dimensions[k].source), jp["dimensions"][k]["source"]);
    }
    for (std::size_t k = 0; k < page.title_fields.size(); ++k) {
      EXPECT_EQ(drawlens_source_name(page.title_fields[k].source), jp["title_fields"][k]["source"]);
    }
  }
}

drawlens::Result analyse_words(const std::vector<drawlens::testing::PdfWord>& words) {
  const drawlens::testing::Bytes pdf = drawlens::testing::make_pdf(1, 842, 595, words);
  const drawlens::Pipeline pipeline(drawlens::Options().pdf_dpi(100));
  return pipeline.analyze(drawlens::Document::memory(pdf.data(), pdf.size()));
}

TEST(TextItems, FinishNoteAndGeneralToleranceFromATextLayer) {
  const drawlens::Result result = analyse_words({{"GENERAL TOLERANCES ISO 2768-mK", 60, 60},
                                                 {"DEBURR ALL EDGES", 60, 100},
                                                 {"25", 300, 300},
                                                 {"Ra 6,5", 450, 300}});
  const drawlens::Page page = result.page(0);
  ASSERT_EQ(page.surface_finishes.size(), 1u);
  EXPECT_EQ(page.surface_finishes[0].parameter, "Ra");
  EXPECT_DOUBLE_EQ(page.surface_finishes[0].value, 6.5);
  EXPECT_EQ(page.surface_finishes[0].unit, "um");
  EXPECT_GT(page.surface_finishes[0].box.width, 0);
  EXPECT_EQ(page.surface_finishes[0].source, DRAWLENS_SOURCE_TEXT_LAYER);
  bool deburr = false;
  for (const drawlens::Note& note : page.notes) deburr = deburr || note.text.find("DEBURR") != std::string::npos;
  EXPECT_TRUE(deburr);
  ASSERT_TRUE(page.general_tolerance.has_value());
  EXPECT_EQ(page.general_tolerance->linear_class, "m");
  EXPECT_EQ(page.general_tolerance->geometric_class, "K");
  EXPECT_NE(page.general_tolerance->text.find("2768"), std::string::npos);
  EXPECT_EQ(page.general_tolerance->source, DRAWLENS_SOURCE_TEXT_LAYER);
  ASSERT_EQ(page.dimensions.size(), 1u);
  EXPECT_EQ(page.dimensions[0].tolerance_kind, DRAWLENS_TOLERANCE_GENERAL);
  expect_matches_json(result);
}

TEST(TextItems, AccessorsCarryWhatTheJsonCarries) {
  const drawlens::Pipeline pipeline(drawlens::Options().pdf_dpi(100));
  for (const char* name : {"edocr_Gripper.PDF", "nist_ftc_07_asme1_rd.pdf", "edocr2_Aufspannung.PDF"}) {
    SCOPED_TRACE(name);
    expect_matches_json(
        pipeline.analyze(drawlens::Document::file(drawlens::testing::data_path(std::string("real/") + name))));
  }
}

// A frame's datum reference names the datum feature symbols of its page that establish it.
TEST(TextItems, FrameDatumsLinkTheDatumFeatureSymbolsOfThePage) {
  const drawlens::Pipeline pipeline(drawlens::Options().pdf_dpi(100));
  int linked = 0;
  for (const char* name : {"edocr2_Aufspannung.PDF", "odri_center_pulley_at3_t10.PDF", "edocr_Gripper.PDF"}) {
    SCOPED_TRACE(name);
    const json doc = json::parse(
        pipeline.analyze(drawlens::Document::file(drawlens::testing::data_path(std::string("real/") + name))).json());
    for (const json& page : doc["pages"]) {
      for (const json& frame : page["gdt_frames"]) {
        for (const json& segment : frame["segments"]) {
          for (const json& datum : segment["datums"]) {
            ASSERT_TRUE(datum.contains("datum_features")) << datum.dump();
            // Every linked symbol carries the reference's letters (a target its letters and a
            // number); every symbol with them is linked.
            const std::string letters = datum["label"];
            auto carries = [&letters](const json& symbol) {
              const std::string label = symbol["label"];
              return label.rfind(letters, 0) == 0 &&
                     label.find_first_not_of("0123456789", letters.size()) == std::string::npos;
            };
            std::size_t carrying = 0;
            for (const json& symbol : page["datum_features"]) carrying += carries(symbol) ? 1 : 0;
            EXPECT_EQ(datum["datum_features"].size(), carrying) << datum.dump();
            for (const json& id : datum["datum_features"]) {
              bool found = false;
              for (const json& symbol : page["datum_features"])
                found = found || (symbol["id"] == id && carries(symbol));
              EXPECT_TRUE(found) << id;
              ++linked;
            }
          }
        }
      }
    }
  }
  EXPECT_GE(linked, 2);  // Aufspannung's ⫽|0.6|A and the pulley's ◎|Ø0.02|A to their A
}

TEST(TextItems, PageWithoutAGeneralToleranceSaysSo) {
  const drawlens::Result result = analyse_words({{"DEBURR ALL EDGES", 60, 100}});
  drawlens_general_tolerance general{};
  general.struct_size = sizeof general;
  general.found = 7;
  ASSERT_EQ(drawlens_result_general_tolerance(result.get(), 0, &general), DRAWLENS_OK);
  EXPECT_EQ(general.found, 0);
  EXPECT_EQ(general.standard, nullptr);
}

TEST(TextItems, AccessorsCheckTheirArguments) {
  const drawlens::Result result = analyse_words({{"Ra 3,2", 300, 300}, {"DEBURR ALL EDGES", 60, 100}});
  drawlens_result* r = result.get();
  std::size_t n = 0;
  EXPECT_EQ(drawlens_result_surface_finish_count(nullptr, 0, &n), DRAWLENS_INVALID_ARGUMENT);
  EXPECT_EQ(drawlens_result_surface_finish_count(r, 0, nullptr), DRAWLENS_INVALID_ARGUMENT);
  EXPECT_EQ(drawlens_result_note_count(r, 1, &n), DRAWLENS_INVALID_ARGUMENT);
  EXPECT_NE(std::string(drawlens_last_error()).find("page index 1 is out of range"), std::string::npos)
      << drawlens_last_error();
  ASSERT_EQ(drawlens_result_surface_finish_count(r, 0, &n), DRAWLENS_OK);
  ASSERT_EQ(n, 1u);
  drawlens_surface_finish finish{};
  finish.struct_size = sizeof finish;
  EXPECT_EQ(drawlens_result_surface_finish(r, 0, 1, &finish), DRAWLENS_INVALID_ARGUMENT);
  EXPECT_NE(std::string(drawlens_last_error()).find("surface finish index 1"), std::string::npos);
  EXPECT_EQ(drawlens_result_surface_finish(r, 0, 0, nullptr), DRAWLENS_INVALID_ARGUMENT);
  finish.struct_size = sizeof finish - 1;
  EXPECT_EQ(drawlens_result_surface_finish(r, 0, 0, &finish), DRAWLENS_ABI_MISMATCH);
  drawlens_note note{};
  note.struct_size = 8;
  EXPECT_EQ(drawlens_result_note(r, 0, 0, &note), DRAWLENS_ABI_MISMATCH);
  EXPECT_EQ(drawlens_result_datum_feature_count(nullptr, 0, &n), DRAWLENS_INVALID_ARGUMENT);
  ASSERT_EQ(drawlens_result_datum_feature_count(r, 0, &n), DRAWLENS_OK);
  EXPECT_EQ(n, 0u);
  drawlens_datum_feature datum{};
  datum.struct_size = sizeof datum;
  EXPECT_EQ(drawlens_result_datum_feature(r, 0, 0, &datum), DRAWLENS_INVALID_ARGUMENT);
  EXPECT_NE(std::string(drawlens_last_error()).find("datum feature index 0"), std::string::npos)
      << drawlens_last_error();
  drawlens_general_tolerance general{};
  general.struct_size = sizeof general;
  EXPECT_EQ(drawlens_result_general_tolerance(nullptr, 0, &general), DRAWLENS_INVALID_ARGUMENT);
  EXPECT_EQ(drawlens_result_general_tolerance(r, 0, nullptr), DRAWLENS_INVALID_ARGUMENT);
  EXPECT_EQ(drawlens_result_general_tolerance(r, 3, &general), DRAWLENS_INVALID_ARGUMENT);
}

TEST(TextItems, SourceNamesAreTheJsonNames) {
  EXPECT_STREQ(drawlens_source_name(DRAWLENS_SOURCE_TEXT_LAYER), "text_layer");
  EXPECT_STREQ(drawlens_source_name(DRAWLENS_SOURCE_RECOGNIZER), "recognizer");
  EXPECT_STREQ(drawlens_source_name(DRAWLENS_SOURCE_TESSERACT), "tesseract");
  EXPECT_STREQ(drawlens_source_name(DRAWLENS_SOURCE_CALLER), "caller");
  EXPECT_STREQ(drawlens_source_name(static_cast<drawlens_source>(17)), "unknown");
}

TEST(TextItems, ParsedTextComesFromTheCaller) {
  EXPECT_EQ(drawlens::parse_dimension("Ø25 H7").source, DRAWLENS_SOURCE_CALLER);
  EXPECT_EQ(drawlens::parse_gdt("⌖|Ø0.2|A").source, DRAWLENS_SOURCE_CALLER);
}

}  // namespace
