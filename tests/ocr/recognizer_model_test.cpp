// Loading a recognizer: missing files, another model, another alphabet, weights that do not fit
// the header, bad options; and bad crops (empty, wrong type, 1x1, blank, all ink, huge) read with a
// status or as nothing, never a crash. The network has random weights here.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include "model/scratch_directory.h"
#include "ocr/ocr.h"
#include "ocr/recognizer_model.h"
#include "ocr/recognizer_network.h"

namespace drawlens::ocr {
namespace {

model::ModelHeader header_for(const NetworkWidths& widths) {
  model::ModelHeader h;
  h.name = kModelName;
  h.version = kModelVersion;
  h.architecture = kArchitecture;
  h.input_shape = {-1, 1, kInputHeight, -1};
  h.payload_format = model::PayloadFormat::torch;
  h.hyperparameters = {{kWidthsKey, widths.to_json()}, {kAlphabetKey, alphabet_json()}};
  h.training = {"recognizer_model_test", 1, 0};
  return h;
}

std::vector<std::uint8_t> weights_of(const NetworkWidths& widths) {
  torch::manual_seed(5);
  RecognizerNetwork network(widths, static_cast<int>(alphabet().size()));
  std::ostringstream stream;
  torch::save(network, stream);
  const std::string bytes = stream.str();
  return {bytes.begin(), bytes.end()};
}

std::vector<std::uint8_t> file_bytes(const model::ModelHeader& header, const std::vector<std::uint8_t>& payload) {
  auto file = model::write_model_file(header, payload);
  EXPECT_TRUE(file.ok());
  return file.ok() ? file.value() : std::vector<std::uint8_t>{};
}

Result<Recognizer> from(const std::vector<std::uint8_t>& bytes, const RecognizerOptions& options = {}) {
  return Recognizer::from_bytes(bytes.data(), bytes.size(), "test.dlmodel", options);
}

void expect_model_error(const Result<Recognizer>& result, const std::string& fragment) {
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().status, Status::model);
  EXPECT_NE(result.error().message.find("test.dlmodel"), std::string::npos) << result.error().message;
  EXPECT_NE(result.error().message.find(fragment), std::string::npos) << result.error().message;
}

Recognizer random_recognizer(const RecognizerOptions& options = {}) {
  auto r = from(file_bytes(header_for({}), weights_of({})), options);
  EXPECT_TRUE(r.ok()) << r.error().message;
  return std::move(r.value());
}

TEST(RecognizerModel, AMissingFileNamesItsPath) {
  drawlens_test::ScratchDirectory directory("recognizer-missing");
  auto r = Recognizer::load(directory.path().string());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().status, Status::model);
  EXPECT_NE(r.error().message.find("recognizer.dlmodel"), std::string::npos) << r.error().message;
}

TEST(RecognizerModel, LoadsFromADirectory) {
  drawlens_test::ScratchDirectory directory("recognizer-load");
  const auto bytes = file_bytes(header_for({}), weights_of({}));
  std::ofstream(directory.path() / "recognizer.dlmodel", std::ios::binary)
      .write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
  EXPECT_TRUE(Recognizer::load(directory.path().string()).ok());
}

TEST(RecognizerModel, AnotherAlphabetIsRefused) {
  auto header = header_for({});
  header.hyperparameters[kAlphabetKey] = nlohmann::json::array({"0", "1"});
  expect_model_error(from(file_bytes(header, weights_of({}))), "alphabet");
}

TEST(RecognizerModel, WeightsThatDoNotFitTheHeaderAreRefused) {
  NetworkWidths wider;
  wider.sequence = 96;
  expect_model_error(from(file_bytes(header_for(wider), weights_of({}))), "weights do not fit");
}

TEST(RecognizerModel, BadWidthsAndAnotherModelAreRefused) {
  auto header = header_for({});
  header.hyperparameters[kWidthsKey] = {{"stem", -3}};
  expect_model_error(from(file_bytes(header, weights_of({}))), "widths.stem");
  auto other = header_for({});
  other.name = "detector";
  expect_model_error(from(file_bytes(other, weights_of({}))), "detector");
}

TEST(RecognizerModel, BadOptionsAreInvalidArguments) {
  const auto bytes = file_bytes(header_for({}), weights_of({}));
  std::vector<RecognizerOptions> bad(5);
  bad[0].threads = -1;
  bad[1].beam_width = 0;
  bad[2].alternatives_below = 2;
  bad[3].batch = 0;
  bad[4].cuda_device = -7;
  for (const auto& options : bad) {
    auto r = from(bytes, options);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().status, Status::invalid_argument);
  }
}

TEST(RecognizerModel, BadCropsAreRefusedOrReadAsNothing) {
  const Recognizer recognizer = random_recognizer();
  auto empty = recognizer.read(cv::Mat());
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.error().status, Status::invalid_argument);
  auto colour = recognizer.read(std::vector<cv::Mat>{cv::Mat(20, 60, CV_8UC1, cv::Scalar(255)),
                                                     cv::Mat(20, 60, CV_8UC3, cv::Scalar(255, 255, 255))});
  ASSERT_FALSE(colour.ok());
  EXPECT_NE(colour.error().message.find("crop 1"), std::string::npos) << colour.error().message;
  // Any size reads; a crop without contrast gives the network nothing to read.
  for (const cv::Mat& crop : {cv::Mat(1, 1, CV_8UC1, cv::Scalar(0)), cv::Mat(3, 4000, CV_8UC1, cv::Scalar(128)),
                              cv::Mat(4000, 3, CV_8UC1, cv::Scalar(255)), cv::Mat(40, 200, CV_8UC1, cv::Scalar(0))}) {
    auto reading = recognizer.read(crop);
    ASSERT_TRUE(reading.ok()) << reading.error().message;
    EXPECT_GE(reading.value().confidence, 0.0);
    EXPECT_LE(reading.value().confidence, 1.0);
  }
}

TEST(RecognizerModel, NetworkInputIsThirtyTwoHighWithPaperZeroAndInkOne) {
  cv::Mat crop(40, 100, CV_8UC1, cv::Scalar(230));
  crop(cv::Rect(10, 10, 30, 20)).setTo(20);
  const cv::Mat input = network_input(crop);
  EXPECT_EQ(input.rows, kInputHeight);
  EXPECT_EQ(input.cols, 80);
  EXPECT_FLOAT_EQ(input.at<float>(0, 0), 0.0f);
  EXPECT_FLOAT_EQ(input.at<float>(16, 20), 1.0f);
  EXPECT_EQ(cv::countNonZero(network_input(cv::Mat(30, 90, CV_8UC1, cv::Scalar(77)))), 0);
}

TEST(RecognizerModel, BatchesAreReadLikeSingleCrops) {
  RecognizerOptions pairs;
  pairs.batch = 2;
  const Recognizer recognizer = random_recognizer(pairs);
  std::vector<cv::Mat> crops;
  for (int i = 0; i < 5; ++i) {
    cv::Mat crop(24, 40 + 30 * i, CV_8UC1, cv::Scalar(255));
    cv::putText(crop, std::to_string(i * 37), {3, 19}, cv::FONT_HERSHEY_SIMPLEX, 0.6, cv::Scalar(0), 1);
    crops.push_back(crop);
  }
  auto together = recognizer.read(crops);
  ASSERT_TRUE(together.ok());
  ASSERT_EQ(together.value().size(), crops.size());
  for (std::size_t i = 0; i < crops.size(); ++i)
    EXPECT_EQ(together.value()[i].text, recognizer.read(crops[i]).value().text);
}

}  // namespace
}  // namespace drawlens::ocr
