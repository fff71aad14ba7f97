// The OCR engine through the C ABI and the C++ facade: NULL arguments, option, mode, dpi and
// struct-size checks, a models directory without the model, Tesseract languages that are not
// installed, and (with the committed model) lettered dimensions read by the recognizer with their
// characters, prose read by Tesseract with its words, and several crops in one call.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "drawlens/drawlens.hpp"
#include "support/fixtures.h"

namespace {

struct EngineDeleter {
  void operator()(drawlens_ocr_engine* e) const { drawlens_ocr_engine_free(e); }
};
using EnginePtr = std::unique_ptr<drawlens_ocr_engine, EngineDeleter>;

bool model_committed() {
  return std::filesystem::exists(std::string(DRAWLENS_SOURCE_MODELS_DIR) + "/recognizer.dlmodel");
}

EnginePtr committed_engine() {
  drawlens_ocr_options o;
  drawlens_ocr_options_default(&o);
  o.model_directory = DRAWLENS_SOURCE_MODELS_DIR;
  drawlens_ocr_engine* e = nullptr;
  EXPECT_EQ(drawlens_ocr_engine_create(&o, &e), DRAWLENS_OK) << drawlens_last_error();
  return EnginePtr(e);
}

drawlens_crop crop_of(const cv::Mat& gray) {
  return drawlens_crop{gray.data, gray.cols, gray.rows, DRAWLENS_PIXELS_GRAY8, gray.step};
}

TEST(CApiOcr, NullArgumentsAndBadValuesAreInvalidArguments) {
  EXPECT_EQ(drawlens_ocr_engine_create(nullptr, nullptr), DRAWLENS_INVALID_ARGUMENT);
  drawlens_reading* reading = nullptr;
  const unsigned char pixel = 255;
  const drawlens_crop crop{&pixel, 1, 1, DRAWLENS_PIXELS_GRAY8, 1};
  EXPECT_EQ(drawlens_ocr_read(nullptr, &crop, 1, DRAWLENS_OCR_AUTO, 300, &reading), DRAWLENS_INVALID_ARGUMENT);
  EXPECT_EQ(reading, nullptr);
  EXPECT_EQ(drawlens_reading_get_info(nullptr, nullptr), DRAWLENS_INVALID_ARGUMENT);
  drawlens_reading_free(nullptr);
  drawlens_ocr_engine_free(nullptr);

  drawlens_ocr_options o;
  drawlens_ocr_options_default(&o);
  EXPECT_EQ(o.beam_width, 1);
  EXPECT_EQ(o.cuda_device, -1);
  EXPECT_DOUBLE_EQ(o.tesseract_below, 0.5);
  drawlens_ocr_engine* e = nullptr;
  o.beam_width = 0;
  EXPECT_EQ(drawlens_ocr_engine_create(&o, &e), DRAWLENS_INVALID_ARGUMENT);
  EXPECT_NE(std::string(drawlens_last_error()).find("beam_width"), std::string::npos);
  o.struct_size = 3;
  EXPECT_EQ(drawlens_ocr_engine_create(&o, &e), DRAWLENS_ABI_MISMATCH);
  EXPECT_EQ(e, nullptr);
}

TEST(CApiOcr, AMissingModelIsAModelErrorNamingTheFile) {
  const auto empty = std::filesystem::temp_directory_path() / "drawlens-ocr-no-model";
  std::filesystem::create_directories(empty);
  drawlens_ocr_options o;
  drawlens_ocr_options_default(&o);
  const std::string directory = empty.string();
  o.model_directory = directory.c_str();
  drawlens_ocr_engine* e = nullptr;
  EXPECT_EQ(drawlens_ocr_engine_create(&o, &e), DRAWLENS_MODEL);
  EXPECT_NE(std::string(drawlens_last_error()).find("recognizer.dlmodel"), std::string::npos) << drawlens_last_error();
  EXPECT_EQ(e, nullptr);
}

TEST(CApiOcr, MissingTesseractLanguagesAreAModelError) {
  if (!model_committed()) GTEST_SKIP() << "models/recognizer.dlmodel is not committed yet";
  drawlens_ocr_options o;
  drawlens_ocr_options_default(&o);
  o.model_directory = DRAWLENS_SOURCE_MODELS_DIR;
  o.tesseract_languages = "klingon";
  drawlens_ocr_engine* e = nullptr;
  EXPECT_EQ(drawlens_ocr_engine_create(&o, &e), DRAWLENS_MODEL);
  EXPECT_NE(std::string(drawlens_last_error()).find("klingon"), std::string::npos) << drawlens_last_error();
}

TEST(CApiOcr, BadCropsModesAndDpiAreRefusedNamingTheCrop) {
  if (!model_committed()) GTEST_SKIP() << "models/recognizer.dlmodel is not committed yet";
  const EnginePtr engine = committed_engine();
  const cv::Mat white(20, 60, CV_8UC1, cv::Scalar(255));
  drawlens_crop crops[2] = {crop_of(white), crop_of(white)};
  crops[1].pixels = nullptr;
  drawlens_reading* readings[2] = {nullptr, nullptr};
  EXPECT_EQ(drawlens_ocr_read(engine.get(), crops, 2, DRAWLENS_OCR_AUTO, 300, readings), DRAWLENS_INVALID_ARGUMENT);
  EXPECT_NE(std::string(drawlens_last_error()).find("crop 1"), std::string::npos) << drawlens_last_error();
  EXPECT_EQ(readings[0], nullptr);
  crops[1] = crop_of(white);
  crops[1].width = 0;
  EXPECT_EQ(drawlens_ocr_read(engine.get(), crops, 2, DRAWLENS_OCR_AUTO, 300, readings), DRAWLENS_INVALID_ARGUMENT);
  EXPECT_EQ(drawlens_ocr_read(engine.get(), crops, 1, static_cast<drawlens_ocr_mode>(7), 300, readings),
            DRAWLENS_INVALID_ARGUMENT);
  EXPECT_EQ(drawlens_ocr_read(engine.get(), crops, 1, DRAWLENS_OCR_AUTO, 0, readings), DRAWLENS_INVALID_ARGUMENT);
  EXPECT_EQ(drawlens_ocr_read(engine.get(), crops, 0, DRAWLENS_OCR_AUTO, 300, readings), DRAWLENS_OK);
  // A blank crop reads as nothing.
  ASSERT_EQ(drawlens_ocr_read(engine.get(), crops, 1, DRAWLENS_OCR_AUTO, 300, readings), DRAWLENS_OK);
  drawlens_reading_info info{};
  info.struct_size = sizeof info;
  ASSERT_EQ(drawlens_reading_get_info(readings[0], &info), DRAWLENS_OK);
  EXPECT_STREQ(info.text, "");
  drawlens_read_character c{};
  c.struct_size = sizeof c;
  EXPECT_EQ(drawlens_reading_character(readings[0], 0, &c), DRAWLENS_INVALID_ARGUMENT);
  drawlens_reading_free(readings[0]);
}

TEST(CApiOcr, TheRecognizerReadsLetteredDimensionsCharacterByCharacter) {
  if (!model_committed()) GTEST_SKIP() << "models/recognizer.dlmodel is not committed yet";
  const EnginePtr engine = committed_engine();
  const std::vector<std::string> texts = {"Ø25 H7", "12.5 ±0.1", "4x M6", "R3", "45°"};
  std::vector<cv::Mat> grays;
  std::vector<drawlens_crop> crops;
  for (const auto& text : texts) grays.push_back(drawlens::testing::letter_crop(text, "DejaVu Sans", 40));
  for (const auto& gray : grays) crops.push_back(crop_of(gray));
  std::vector<drawlens_reading*> readings(texts.size(), nullptr);
  ASSERT_EQ(drawlens_ocr_read(engine.get(), crops.data(), crops.size(), DRAWLENS_OCR_RECOGNIZER, 300, readings.data()),
            DRAWLENS_OK)
      << drawlens_last_error();
  for (std::size_t i = 0; i < texts.size(); ++i) {
    drawlens_reading_info info{};
    info.struct_size = sizeof info;
    ASSERT_EQ(drawlens_reading_get_info(readings[i], &info), DRAWLENS_OK);
    EXPECT_EQ(std::string(info.text), texts[i]);
    EXPECT_EQ(info.source, DRAWLENS_READING_RECOGNIZER);
    EXPECT_EQ(info.word_count, 0u);
    double previous_x = -1;
    for (std::size_t k = 0; k < info.character_count; ++k) {
      drawlens_read_character c{};
      c.struct_size = sizeof c;
      ASSERT_EQ(drawlens_reading_character(readings[i], k, &c), DRAWLENS_OK);
      EXPECT_GE(c.confidence, info.confidence);
      EXPECT_GT(c.x, previous_x);
      EXPECT_LT(c.x, grays[i].cols);
      EXPECT_EQ(c.track, DRAWLENS_TRACK_MAIN);
      previous_x = c.x;
    }
    drawlens_reading_free(readings[i]);
  }
}

TEST(CApiOcr, TesseractReadsProseWordByWordThroughTheFacade) {
  if (!model_committed()) GTEST_SKIP() << "models/recognizer.dlmodel is not committed yet";
  drawlens::OcrOptions options;
  options.model_directory = DRAWLENS_SOURCE_MODELS_DIR;
  const drawlens::OcrEngine engine(options);
  const cv::Mat prose = drawlens::testing::letter_crop("REMOVE ALL BURRS", "DejaVu Sans", 40);
  const auto reading = engine.read(
      drawlens::Crop{prose.data, prose.cols, prose.rows, DRAWLENS_PIXELS_GRAY8, prose.step}, DRAWLENS_OCR_TESSERACT);
  EXPECT_EQ(reading.text, "REMOVE ALL BURRS");
  EXPECT_EQ(reading.source, DRAWLENS_READING_TESSERACT);
  ASSERT_EQ(reading.words.size(), 3u);
  EXPECT_GT(reading.words[2].x, reading.words[0].x);
  try {
    engine.read(drawlens::Crop{nullptr, 1, 1, DRAWLENS_PIXELS_GRAY8, 1});
    FAIL() << "a NULL crop must throw";
  } catch (const drawlens::Error& e) {
    EXPECT_EQ(e.status(), DRAWLENS_INVALID_ARGUMENT);
  }
}

}  // namespace
