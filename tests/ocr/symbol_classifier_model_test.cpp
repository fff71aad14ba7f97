// Loading a symbol classifier: a missing file, another class list, weights that do not fit, bad
// options; bad crops refused, a blank crop read as no symbol; each group answers only its own
// symbols; the input fits the ink. The network has random weights here.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include "model/scratch_directory.h"
#include "ocr/ocr.h"
#include "ocr/symbol_model.h"
#include "ocr/symbol_network.h"

namespace drawlens::ocr {
namespace {

model::ModelHeader header(nlohmann::json classes = symbol_classes_json()) {
  model::ModelHeader h;
  h.name = kSymbolModelName;
  h.version = kSymbolModelVersion;
  h.architecture = kSymbolArchitecture;
  h.input_shape = {-1, 1, kSymbolInputSize, kSymbolInputSize};
  h.payload_format = model::PayloadFormat::torch;
  h.hyperparameters = {{kSymbolClassesKey, std::move(classes)}};
  h.training = {"symbol_classifier_model_test", 1, 0};
  return h;
}

std::vector<std::uint8_t> weights(int classes = static_cast<int>(symbol_classes().size())) {
  torch::manual_seed(3);
  SymbolNetwork network(classes);
  std::ostringstream stream;
  torch::save(network, stream);
  const std::string bytes = stream.str();
  return {bytes.begin(), bytes.end()};
}

std::vector<std::uint8_t> file_bytes(const model::ModelHeader& h, const std::vector<std::uint8_t>& payload) {
  auto file = model::write_model_file(h, payload);
  EXPECT_TRUE(file.ok());
  return file.ok() ? file.value() : std::vector<std::uint8_t>{};
}

Result<SymbolClassifier> from(const std::vector<std::uint8_t>& bytes, const RecognizerOptions& options = {}) {
  return SymbolClassifier::from_bytes(bytes.data(), bytes.size(), "symbols-test.dlmodel", options);
}

void expect_model_error(const Result<SymbolClassifier>& result, const std::string& fragment) {
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().status, Status::model);
  EXPECT_NE(result.error().message.find("symbols-test.dlmodel"), std::string::npos) << result.error().message;
  EXPECT_NE(result.error().message.find(fragment), std::string::npos) << result.error().message;
}

cv::Mat circle_crop() {
  cv::Mat crop(40, 40, CV_8UC1, cv::Scalar(255));
  cv::circle(crop, {20, 20}, 14, cv::Scalar(0), 2);
  return crop;
}

TEST(SymbolClassifierModel, AMissingFileNamesItsPath) {
  drawlens_test::ScratchDirectory directory("symbols-missing");
  auto c = SymbolClassifier::load(directory.path().string());
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.error().status, Status::model);
  EXPECT_NE(c.error().message.find("symbols.dlmodel"), std::string::npos) << c.error().message;
}

TEST(SymbolClassifierModel, LoadsFromADirectory) {
  drawlens_test::ScratchDirectory directory("symbols-load");
  const auto bytes = file_bytes(header(), weights());
  std::ofstream(directory.path() / "symbols.dlmodel", std::ios::binary)
      .write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
  EXPECT_TRUE(SymbolClassifier::load(directory.path().string()).ok());
}

TEST(SymbolClassifierModel, AnotherClassListOrWeightsThatDoNotFitAreRefused) {
  expect_model_error(from(file_bytes(header({"a", "b"}), weights())), "names other symbols");
  expect_model_error(from(file_bytes(header(), weights(5))), "do not fit");
  expect_model_error(from(file_bytes(header(), {1, 2, 3})), "do not fit");
}

TEST(SymbolClassifierModel, BadOptionsAreInvalidArguments) {
  const auto bytes = file_bytes(header(), weights());
  RecognizerOptions options;
  options.batch = 0;
  auto c = from(bytes, options);
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.error().status, Status::invalid_argument);
  EXPECT_NE(c.error().message.find("batch"), std::string::npos);
  options = {};
  options.cuda_device = -2;
  EXPECT_EQ(from(bytes, options).error().status, Status::invalid_argument);
}

TEST(SymbolClassifierModel, BadCropsAreRefusedAndBlankOnesAreNoSymbol) {
  auto c = from(file_bytes(header(), weights()));
  ASSERT_TRUE(c.ok()) << c.error().message;
  const auto empty = c.value().classify({cv::Mat()}, SymbolGroup::characteristic);
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.error().status, Status::invalid_argument);
  const auto colour = c.value().classify({cv::Mat(8, 8, CV_8UC3)}, SymbolGroup::size_prefix);
  ASSERT_FALSE(colour.ok());
  EXPECT_NE(colour.error().message.find("crop 0"), std::string::npos);
  const auto blank = c.value().classify({cv::Mat(30, 30, CV_8UC1, cv::Scalar(255)), cv::Mat(1, 1, CV_8UC1)},
                                        SymbolGroup::characteristic);
  ASSERT_TRUE(blank.ok());
  for (const SymbolReading& r : blank.value()) {
    EXPECT_EQ(r.symbol, "");
    EXPECT_EQ(r.confidence, 1.0);
  }
  EXPECT_TRUE(c.value().classify({}, SymbolGroup::characteristic).value().empty());
}

TEST(SymbolClassifierModel, EachGroupAnswersOnlyItsOwnSymbols) {
  auto c = from(file_bytes(header(), weights()));
  ASSERT_TRUE(c.ok());
  const auto& classes = symbol_classes();
  const auto characteristic = c.value().classify({circle_crop()}, SymbolGroup::characteristic).value().at(0);
  const auto first = classes.begin(), prefixes = classes.begin() + kCharacteristicClasses;
  EXPECT_NE(std::find(first, prefixes, characteristic.symbol), prefixes);
  const auto prefix = c.value().classify({circle_crop()}, SymbolGroup::size_prefix).value().at(0);
  EXPECT_NE(std::find(prefixes, classes.end(), prefix.symbol), classes.end());
  EXPECT_GT(prefix.confidence, 0.0);
  EXPECT_LE(prefix.confidence, 1.0);
}

TEST(SymbolClassifierModel, TheInputFitsTheInkInAThirtyTwoSquare) {
  cv::Mat crop(200, 300, CV_8UC1, cv::Scalar(250));
  cv::rectangle(crop, cv::Rect(100, 50, 100, 50), cv::Scalar(10), cv::FILLED);  // 2:1 ink, off centre
  const cv::Mat input = symbol_input(crop);
  ASSERT_EQ(input.size(), cv::Size(kSymbolInputSize, kSymbolInputSize));
  ASSERT_EQ(input.type(), CV_32FC1);
  cv::Mat inked = input > 0.5f;
  const cv::Rect ink = cv::boundingRect(inked);
  EXPECT_NEAR(ink.width, kSymbolFittedSize, 1);
  EXPECT_NEAR(ink.height, kSymbolFittedSize / 2, 1);
  EXPECT_NEAR(ink.x + ink.width / 2.0, kSymbolInputSize / 2.0, 1);
  EXPECT_EQ(cv::countNonZero(symbol_input(cv::Mat(20, 20, CV_8UC1, cv::Scalar(128)))), 0);
}

}  // namespace
}  // namespace drawlens::ocr
