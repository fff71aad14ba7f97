// The read stage inside the pipeline, with the committed detector and recognizer: the regions of a
// generated raster drawing (upright, turned a quarter and upside down) are read into dimensions
// whose source is the recognizer, and its title block into title fields; a blank page reads
// nothing; the stage can be left out; a missing recognizer fails only pipelines that read; and the
// module's own contract (bad pages, regions of no size, spans, cell lines).
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include <opencv2/imgproc.hpp>
#include "output/output.h"
#include "parse/parse.h"
#include "pipeline/pipeline.h"
#include "read/read.h"
#include "stage_test_support.h"
#include "synth.h"

namespace drawlens {
namespace {

using stage_tests::committed_pipeline;

synth::Drawing drawing() {
  return stage_tests::unseen_drawing(1, 200);
}

Analysis analysed(const std::vector<std::uint8_t>& png, PipelineOptions options = {}) {
  auto made = committed_pipeline(std::move(options));
  if (!made) throw std::runtime_error(made.error().message);
  auto analysis = made.value().analyze_memory(png.data(), png.size());
  if (!analysis) throw std::runtime_error(analysis.error().message);
  return std::move(analysis).value();
}

// Truth dimensions whose text a recognizer-read dimension gives exactly, its box centre inside
// the truth's box grown by `slack` pixels (a turned page's truth is turned with it by the caller).
int exactly_read(const nlohmann::json& truth_dimensions, const annotate::PageAnnotations& found, int slack) {
  int exact = 0;
  for (const auto& t : truth_dimensions) {
    const auto& b = t.at("box");
    const Box grown{b[0].get<int>() - slack, b[1].get<int>() - slack, b[2].get<int>() + 2 * slack,
                    b[3].get<int>() + 2 * slack};
    for (const auto& d : found.dimensions) {
      const int cx = d.box.x + d.box.width / 2, cy = d.box.y + d.box.height / 2;
      const bool inside = cx >= grown.x && cy >= grown.y && cx <= grown.right() && cy <= grown.bottom();
      if (inside && d.text == t.at("text").get<std::string>()) {
        ++exact;
        break;
      }
    }
  }
  return exact;
}

TEST(ReadStage, TheDetectedRegionsOfARasterDrawingAreReadIntoDimensions) {
  const synth::Drawing generated = drawing();
  const Analysis analysis = analysed(generated.png);
  const PageAnalysis& page = analysis.pages.at(0);
  ASSERT_TRUE(page.detections && page.readings);
  ASSERT_EQ(page.readings->size(), page.detections->size());
  ASSERT_FALSE(page.annotations->dimensions.empty());
  for (const auto& d : page.annotations->dimensions) {
    EXPECT_EQ(d.source, annotate::TextSource::recognizer);
    EXPECT_GT(d.confidence, 0.0);
    EXPECT_LE(d.confidence, 1.0);
  }
  const auto truth = nlohmann::json::parse(generated.truth_json).at("pages").at(0).at("dimensions");
  const int exact = exactly_read(truth, *page.annotations, 4);
  // 3 of 4 on this drawing when the stage was added ("0,052" read as "0.052"); docs/read.md has more.
  EXPECT_GE(exact, static_cast<int>(truth.size()) / 2) << exact << " of " << truth.size();

  const auto json = output::to_json(analysis);
  const auto& first = json.at("pages").at(0).at("detections").at(0);
  ASSERT_TRUE(first.contains("reading"));
  EXPECT_TRUE(first.at("reading").at("source") == "recognizer" || first.at("reading").at("source") == "tesseract");
  EXPECT_TRUE(json.at("timings_ms").contains("read"));
  const auto& dimension = json.at("pages").at(0).at("dimensions").at(0);
  EXPECT_EQ(dimension.at("source"), "recognizer");
}

TEST(ReadStage, TheTitleBlockCellsOfARasterDrawingAreReadIntoTitleFields) {
  const synth::Drawing generated = drawing();
  const Analysis analysis = analysed(generated.png);
  const PageAnalysis& page = analysis.pages.at(0);
  ASSERT_TRUE(page.layout && page.layout->title_block);
  const auto truth = nlohmann::json::parse(generated.truth_json).at("pages").at(0).at("title_fields");
  int exact = 0;
  for (const auto& t : truth) {
    for (const annotate::TitleField& f : page.annotations->title_fields) {
      if (std::string(parse::name(f.key)) == t.at("key").get<std::string>() && f.value == t.at("value")) {
        ++exact;
        EXPECT_EQ(f.source, annotate::TextSource::recognizer);
        EXPECT_GT(f.confidence, 0.0);
        break;
      }
    }
  }
  // 14 of 16 on this drawing when cell reading was added.
  EXPECT_GE(exact, static_cast<int>(truth.size()) * 2 / 3) << exact << " of " << truth.size();
  ASSERT_TRUE(page.annotations->general_tolerance.has_value());
  EXPECT_EQ(page.annotations->general_tolerance->source, annotate::TextSource::recognizer);
}

// The generated drawing turned by `rotation` (counter-clockwise or half a turn) and analysed, with
// its truth dimensions turned alike.
struct TurnedReading {
  Analysis analysis;
  nlohmann::json truth;
};

TurnedReading read_turned(cv::RotateFlags rotation) {
  const synth::Drawing generated = drawing();
  const cv::Mat upright = cv::imdecode(generated.png, cv::IMREAD_GRAYSCALE);
  cv::Mat turned;
  cv::rotate(upright, turned, rotation);
  std::vector<std::uint8_t> png;
  cv::imencode(".png", turned, png);
  PipelineOptions options;
  options.load.assumed_dpi = 200;
  TurnedReading out{analysed(png, options), nlohmann::json::parse(generated.truth_json)["pages"][0]["dimensions"]};
  for (auto& t : out.truth) {
    auto& b = t.at("box");
    const int x = b[0], y = b[1], w = b[2], h = b[3];
    if (rotation == cv::ROTATE_90_COUNTERCLOCKWISE) {
      b = {y, upright.cols - x - w, h, w};  // (x, y) -> (y, W - x)
    } else {
      b = {upright.cols - x - w, upright.rows - y - h, w, h};  // (x, y) -> (W - x, H - y)
    }
  }
  return out;
}

TEST(ReadStage, AQuarterTurnedDrawingIsReadToo) {
  const TurnedReading read = read_turned(cv::ROTATE_90_COUNTERCLOCKWISE);
  const auto& found = *read.analysis.pages.at(0).annotations;
  const int exact = exactly_read(read.truth, found, 4);
  EXPECT_GE(exact, static_cast<int>(read.truth.size()) / 2) << exact << " of " << read.truth.size();
  // The title block is on the turned sheet's right edge, and its cells are read upright.
  EXPECT_GE(found.title_fields.size(), 10u);
  for (const auto& d : found.dimensions) {
    if (d.box.height > 2 * d.box.width) {
      EXPECT_TRUE(d.rotation == 90 || d.rotation == 270) << d.text;
    }
  }
}

TEST(ReadStage, AnUpsideDownDrawingIsReadToo) {
  const TurnedReading read = read_turned(cv::ROTATE_180);
  const auto& found = *read.analysis.pages.at(0).annotations;
  // 2 of 4 when this test was added (the detector finds fewer regions upside down).
  const int exact = exactly_read(read.truth, found, 4);
  EXPECT_GE(exact, static_cast<int>(read.truth.size()) / 4) << exact << " of " << read.truth.size();
  // The title block is on the turned sheet's top edge, and its cells are read upright.
  EXPECT_GE(found.title_fields.size(), 10u);
}

TEST(ReadStage, ABlankPageReadsNothing) {
  const cv::Mat blank(1400, 2000, CV_8UC1, cv::Scalar(255));
  std::vector<std::uint8_t> png;
  cv::imencode(".png", blank, png);
  const Analysis analysis = analysed(png);
  const PageAnalysis& page = analysis.pages.at(0);
  ASSERT_TRUE(page.readings.has_value());
  EXPECT_EQ(page.readings->size(), page.detections->size());
  EXPECT_TRUE(page.annotations->dimensions.empty());
  EXPECT_TRUE(page.annotations->gdt_frames.empty());
}

TEST(ReadStage, CanBeLeftOutAndThenRegionsStayUnread) {
  const synth::Drawing generated = drawing();
  PipelineOptions options;
  options.stages = StageSet::defaults().without(Stage::read);
  const Analysis analysis = analysed(generated.png, options);
  const PageAnalysis& page = analysis.pages.at(0);
  EXPECT_TRUE(page.detections.has_value());
  EXPECT_FALSE(page.readings.has_value());
  EXPECT_TRUE(page.annotations->dimensions.empty());
  const auto json = output::to_json(analysis);
  EXPECT_FALSE(json.at("pages").at(0).at("detections").at(0).contains("reading"));
  bool said = false;
  for (const Diagnostic& d : analysis.diagnostics) said = said || d.message.find("read stage") != std::string::npos;
  EXPECT_TRUE(said);
}

TEST(ReadStage, WithoutDetectionThereIsNothingToRead) {
  const synth::Drawing generated = drawing();
  PipelineOptions options;
  options.stages = StageSet::defaults().without(Stage::detect);
  const Analysis analysis = analysed(generated.png, options);
  EXPECT_FALSE(analysis.pages.at(0).detections.has_value());
  ASSERT_TRUE(analysis.pages.at(0).readings.has_value());
  EXPECT_TRUE(analysis.pages.at(0).readings->empty());
}

TEST(ReadStage, AMissingRecognizerOrSymbolClassifierFailsOnlyPipelinesThatRead) {
  const auto models = std::filesystem::temp_directory_path() / "drawlens-read-stage-models";
  std::filesystem::remove_all(models);
  std::filesystem::create_directories(models);
  for (const char* name : {"detector.dlmodel", "skinmodel.dlmodel"})
    std::filesystem::copy_file(std::string(DRAWLENS_SOURCE_MODELS_DIR) + "/" + name, models / name);
  auto refused = committed_pipeline({}, models.string());
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().status, Status::model);
  EXPECT_NE(refused.error().message.find("recognizer.dlmodel"), std::string::npos) << refused.error().message;
  PipelineOptions without;
  without.stages = StageSet::defaults().without(Stage::read);
  EXPECT_TRUE(committed_pipeline(without, models.string()).ok());
  // The recognizer alone is not enough: the symbol classifier is the stage's too.
  std::filesystem::copy_file(std::string(DRAWLENS_SOURCE_MODELS_DIR) + "/recognizer.dlmodel",
                             models / "recognizer.dlmodel");
  auto still_refused = committed_pipeline({}, models.string());
  ASSERT_FALSE(still_refused.ok());
  EXPECT_NE(still_refused.error().message.find("symbols.dlmodel"), std::string::npos) << still_refused.error().message;
  std::filesystem::remove_all(models);
}

TEST(ReadCells, LinesAreFoundInsideTheRulingAndCutAtWideGaps) {
  // A ruled cell 300 x 80 at 200 dpi: a label line, and a value line with a mark far to its right.
  cv::Mat ink(200, 400, CV_8UC1, cv::Scalar(0));
  cv::rectangle(ink, cv::Rect(50, 50, 300, 80), cv::Scalar(255), 3);
  cv::rectangle(ink, cv::Rect(60, 60, 70, 10), cv::Scalar(255), cv::FILLED);   // label
  cv::rectangle(ink, cv::Rect(60, 90, 120, 20), cv::Scalar(255), cv::FILLED);  // value
  cv::rectangle(ink, cv::Rect(300, 92, 20, 16), cv::Scalar(255), cv::FILLED);  // a symbol
  ink.at<unsigned char>(120, 200) = 255;                                       // a speck
  const auto lines = read::cell_text_lines(ink, Box{50, 50, 301, 81}, 200);
  ASSERT_EQ(lines.size(), 2u);
  ASSERT_EQ(lines[0].size(), 1u);
  EXPECT_EQ(lines[0][0], cv::Rect(60, 60, 70, 10));
  ASSERT_EQ(lines[1].size(), 2u);
  EXPECT_EQ(lines[1][0], cv::Rect(60, 90, 120, 20));
  EXPECT_EQ(lines[1][1], cv::Rect(300, 92, 20, 16));
  EXPECT_TRUE(read::cell_text_lines(ink, Box{0, 0, 2, 2}, 200).empty());
}

TEST(ReadRegions, BadPagesAndRegionsOfNoSize) {
  auto engine = ocr::Engine::create(DRAWLENS_SOURCE_MODELS_DIR);
  ASSERT_TRUE(engine.ok()) << engine.error().message;
  detect::Detection region;
  region.box = {50, 20, 60, 16, 0};
  const std::vector<detect::Detection> regions = {region};
  EXPECT_EQ(read::read_regions(engine.value(), cv::Mat(), 300, regions).error().status, Status::invalid_argument);
  EXPECT_EQ(read::read_regions(engine.value(), cv::Mat(40, 100, CV_8UC3), 300, regions).error().status,
            Status::invalid_argument);
  const cv::Mat page(40, 100, CV_8UC1, cv::Scalar(255));
  EXPECT_EQ(read::read_regions(engine.value(), page, 0, regions).error().status, Status::invalid_argument);

  detect::Detection flat = region;
  flat.box.height = 0;
  auto read = read::read_regions(engine.value(), page, 300, {region, flat});
  ASSERT_TRUE(read.ok()) << read.error().message;
  ASSERT_EQ(read.value().size(), 2u);
  EXPECT_EQ(read.value()[0].text, "");  // blank paper
  EXPECT_EQ(read.value()[1].text, "");
  EXPECT_EQ(read.value()[1].confidence, 0.0);
}

TEST(ReadRegions, SpansTakeTheRegionsBoundsAndNearestQuarterTurn) {
  std::vector<read::RegionReading> readings(4);
  readings[0].region.box = {100, 50, 40, 10, 0};
  readings[0].text = "25";
  readings[0].confidence = 0.9;
  readings[1].region.box = {100, 50, 40, 10, 88};
  readings[1].text = "Ø8";
  readings[2].region.box = {100, 50, 40, 10, -93};
  readings[2].text = "R2";
  readings[2].source = annotate::TextSource::tesseract;
  readings[3].region.box = {100, 50, 40, 10, 0};  // read as nothing: no span
  const auto spans = read::reading_spans(readings, layout::Layout{});
  ASSERT_EQ(spans.size(), 3u);
  EXPECT_TRUE(spans[0].parts.empty());
  EXPECT_EQ(spans[0].box, (Box{80, 45, 40, 10}));
  EXPECT_EQ(spans[0].rotation, 0);
  EXPECT_DOUBLE_EQ(spans[0].confidence, 0.9);
  EXPECT_EQ(spans[0].source, annotate::TextSource::recognizer);
  EXPECT_EQ(spans[1].rotation, 90);
  EXPECT_EQ(spans[2].rotation, 270);
  EXPECT_EQ(spans[2].source, annotate::TextSource::tesseract);

  // A dimension line's stray marks at the ends are offered without them; a region in a ruled table
  // is left to the table's cells.
  readings[0].text = "-200,00.";
  layout::Layout layout;
  layout.title_block = layout::Table{Box{0, 0, 60, 60}, 1, 1, {}};
  readings[1].region.box = {30, 30, 20, 10, 0};
  const auto kept = read::reading_spans(readings, layout);
  ASSERT_EQ(kept.size(), 2u);
  ASSERT_EQ(kept[0].parts.size(), 1u);
  EXPECT_EQ(kept[0].parts[0].text, "200,00");
  EXPECT_EQ(kept[1].text, "R2");

  // A box side read as a bracket without its partner, or as a bar, is a stray mark; a basic
  // dimension's balanced box is not.
  readings[0].text = "7.00]";
  readings[2].text = "[R8.05";
  readings[3].text = "[12.5]";
  readings[3].region.box = {200, 50, 40, 10, 0};
  const auto boxed = read::reading_spans(readings, layout);
  ASSERT_EQ(boxed.size(), 3u);
  ASSERT_EQ(boxed[0].parts.size(), 1u);
  EXPECT_EQ(boxed[0].parts[0].text, "7.00");
  ASSERT_EQ(boxed[1].parts.size(), 1u);
  EXPECT_EQ(boxed[1].parts[0].text, "R8.05");
  EXPECT_TRUE(boxed[2].parts.empty());
}

// A callout the detector took for a note: the recognizer's reading where Tesseract's is a short line
// with a digit that parses only as a note; Tesseract's for prose and for what already parses.
TEST(ReadRegions, ANoteRegionTakesTheRecognizersReadingOfACallout) {
  auto reading = [](const std::string& text, annotate::TextSource source) {
    read::RegionReading r;
    r.region.category = detect::Category::note;
    r.region.box = {100, 50, 80, 12, 0};
    r.text = text;
    r.confidence = source == annotate::TextSource::tesseract ? 0.8 : 0.6;
    r.source = source;
    return r;
  };
  using annotate::TextSource;
  const auto chamfer = read::note_reading(reading("4 x CHANFER 0,2", TextSource::tesseract),
                                          reading("4 x CHAMFER 0,2", TextSource::recognizer));
  EXPECT_EQ(chamfer.text, "4 x CHAMFER 0,2");
  EXPECT_EQ(chamfer.source, TextSource::recognizer);
  EXPECT_DOUBLE_EQ(chamfer.confidence, 0.6);
  EXPECT_EQ(chamfer.region.box.width, 80);
  EXPECT_EQ(
      read::note_reading(reading("ALL DIMENSIONS IN MM", TextSource::tesseract), reading("25", TextSource::recognizer))
          .text,
      "ALL DIMENSIONS IN MM");  // no digit: prose
  EXPECT_EQ(read::note_reading(reading("25,5", TextSource::tesseract), reading("26,5", TextSource::recognizer)).text,
            "25,5");  // Tesseract's already parses
  EXPECT_EQ(
      read::note_reading(reading("SEE NOTE 3", TextSource::tesseract), reading("SEE NOTE 3", TextSource::recognizer))
          .source,
      TextSource::tesseract);  // neither is an annotation
  EXPECT_EQ(read::note_reading(reading("1. BREAK ALL SHARP EDGES AND REMOVE BURRS 0.3", TextSource::tesseract),
                               reading("0.3", TextSource::recognizer))
                .source,
            TextSource::tesseract);  // a long line is prose
}

// The recognizer's readings of one page share its decimal sign; notes (prose) keep theirs, and a
// page without a clear sign is left as read.
TEST(ReadRegions, ReadingsTakeThePagesDecimalSign) {
  auto reading = [](const std::string& text, detect::Category category, annotate::TextSource source) {
    read::RegionReading r;
    r.text = text;
    r.region.category = category;
    r.source = source;
    return r;
  };
  const auto recognizer = annotate::TextSource::recognizer;
  std::vector<read::RegionReading> page = {
      reading("0,05", detect::Category::gdt_frame, recognizer),
      reading("12,5 ±0,1", detect::Category::dimension, recognizer),
      reading("8x Ø6.6 THRU", detect::Category::dimension, recognizer),
      reading("Ra 3,2", detect::Category::surface_finish, recognizer),
      reading("EN 10204 3.1", detect::Category::note, annotate::TextSource::tesseract),
      reading("M8x1.25", detect::Category::dimension, annotate::TextSource::tesseract)};
  read::unify_decimal_signs(page);
  EXPECT_EQ(page[2].text, "8x Ø6,6 THRU");
  EXPECT_EQ(page[1].text, "12,5 ±0,1");
  EXPECT_EQ(page[4].text, "EN 10204 3.1");  // prose
  EXPECT_EQ(page[5].text, "M8x1.25");       // not the recognizer's

  std::vector<read::RegionReading> mixed = {reading("0,05", detect::Category::gdt_frame, recognizer),
                                            reading("12,5", detect::Category::dimension, recognizer),
                                            reading("6.6", detect::Category::dimension, recognizer),
                                            reading("3.2", detect::Category::dimension, recognizer)};
  read::unify_decimal_signs(mixed);
  EXPECT_EQ(mixed[2].text, "6.6");
  EXPECT_EQ(mixed[0].text, "0,05");
}

}  // namespace
}  // namespace drawlens
