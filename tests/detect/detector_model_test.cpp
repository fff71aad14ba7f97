// Loading a detector: model files that are missing, of another model, with other categories, with
// weights that do not fit the header's network; bad options and bad pages refused with a status.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "detect/detect.h"
#include "detect/detector_model.h"
#include "detect/detector_network.h"
#include "model/scratch_directory.h"

namespace drawlens::detect {
namespace {

model::ModelHeader header_for(const NetworkWidths& widths) {
  model::ModelHeader h;
  h.name = kModelName;
  h.version = kModelVersion;
  h.architecture = kArchitecture;
  h.input_shape = {1, 1, -1, -1};
  h.payload_format = model::PayloadFormat::torch;
  h.hyperparameters = {{kWidthsKey, widths.to_json()}, {kNetworkDpiKey, 100}, {kCategoriesKey, category_names_json()}};
  h.training = {"detector_model_test", 1, 0};
  return h;
}

std::vector<std::uint8_t> weights_of(const NetworkWidths& widths) {
  torch::manual_seed(3);
  DetectorNetwork network(widths);
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

Result<Detector> from(const std::vector<std::uint8_t>& bytes, const DetectorOptions& options = {}) {
  return Detector::from_bytes(bytes.data(), bytes.size(), "test.dlmodel", options);
}

void expect_model_error(const Result<Detector>& result, const std::string& fragment) {
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().status, Status::model);
  EXPECT_NE(result.error().message.find("test.dlmodel"), std::string::npos) << result.error().message;
  EXPECT_NE(result.error().message.find(fragment), std::string::npos) << result.error().message;
}

TEST(DetectorModel, AWellFormedFileLoadsAndRunsOnAPage) {
  const NetworkWidths widths;
  auto detector = from(file_bytes(header_for(widths), weights_of(widths)));
  ASSERT_TRUE(detector.ok()) << detector.error().message;
  EXPECT_EQ(detector.value().network_dpi(), 100);
  const cv::Mat page(400, 600, CV_8UC1, cv::Scalar(255));
  auto found = detector.value().detect(page, 200);
  ASSERT_TRUE(found.ok()) << found.error().message;
}

TEST(DetectorModel, AMissingFileNamesItsPath) {
  drawlens_test::ScratchDirectory directory("detector-missing");
  auto result = Detector::load(directory.path().string());
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().status, Status::model);
  EXPECT_NE(result.error().message.find("detector.dlmodel"), std::string::npos) << result.error().message;
}

TEST(DetectorModel, LoadsFromADirectory) {
  drawlens_test::ScratchDirectory directory("detector-load");
  const NetworkWidths widths;
  const auto bytes = file_bytes(header_for(widths), weights_of(widths));
  std::ofstream(directory.path() / "detector.dlmodel", std::ios::binary)
      .write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
  auto result = Detector::load(directory.path().string());
  ASSERT_TRUE(result.ok()) << result.error().message;
}

TEST(DetectorModel, OtherCategoriesAreRefused) {
  auto header = header_for({});
  header.hyperparameters[kCategoriesKey] = {"dimension", "balloon"};
  expect_model_error(from(file_bytes(header, weights_of({}))), "other categories");
}

TEST(DetectorModel, AMissingOrAbsurdResolutionIsRefused) {
  auto header = header_for({});
  header.hyperparameters.erase(kNetworkDpiKey);
  expect_model_error(from(file_bytes(header, weights_of({}))), "network_dpi");
  header.hyperparameters[kNetworkDpiKey] = 5000;
  expect_model_error(from(file_bytes(header, weights_of({}))), "network_dpi");
}

TEST(DetectorModel, WeightsThatDoNotFitTheHeaderAreRefused) {
  NetworkWidths wider;
  wider.pyramid = 48;
  expect_model_error(from(file_bytes(header_for(wider), weights_of({}))), "do not fit");
  expect_model_error(from(file_bytes(header_for({}), std::vector<std::uint8_t>(64, 7))), "do not fit");
}

TEST(DetectorModel, BadWidthsAreRefused) {
  auto header = header_for({});
  header.hyperparameters[kWidthsKey] = {{"stages", {1, 2}}};
  expect_model_error(from(file_bytes(header, weights_of({}))), "stages");
}

TEST(DetectorModel, AnotherModelIsRefused) {
  auto header = header_for({});
  header.name = "recognizer";
  expect_model_error(from(file_bytes(header, weights_of({}))), "expects 'detector'");
}

TEST(DetectorModel, BadOptionsAndPagesAreInvalidArguments) {
  const auto bytes = file_bytes(header_for({}), weights_of({}));
  DetectorOptions options;
  options.score_threshold = 1.5;
  auto refused = from(bytes, options);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().status, Status::invalid_argument);
  EXPECT_NE(refused.error().message.find("score_threshold"), std::string::npos);

  auto detector = from(bytes);
  ASSERT_TRUE(detector.ok());
  EXPECT_EQ(detector.value().detect(cv::Mat(), 300).error().status, Status::invalid_argument);
  EXPECT_EQ(detector.value().detect(cv::Mat(10, 10, CV_8UC3), 300).error().status, Status::invalid_argument);
  EXPECT_EQ(detector.value().detect(cv::Mat(10, 10, CV_8UC1, cv::Scalar(255)), 0).error().status,
            Status::invalid_argument);
  // A 1x1 page and a very long thin one run (tiled) without trouble.
  EXPECT_TRUE(detector.value().detect(cv::Mat(1, 1, CV_8UC1, cv::Scalar(0)), 300).ok());
  EXPECT_TRUE(detector.value().detect(cv::Mat(40, 9000, CV_8UC1, cv::Scalar(255)), 100).ok());
}

}  // namespace
}  // namespace drawlens::detect
