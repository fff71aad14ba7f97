// GraphSAGE against a hand-computed small graph, and EdgNet's model files: a well-formed one loads
// and classifies; missing, damaged, foreign or mismatched files and bad graphs are refused with a
// status and a message naming the file or the problem.
#include <gtest/gtest.h>

#include <sstream>

#include <opencv2/imgproc.hpp>

#include "model/scratch_directory.h"
#include "segment/edgnet_model.h"
#include "segment/sage_network.h"
#include "segment/segment.h"

namespace drawlens::segment {
namespace {

TEST(SageConv, MeanOfNeighboursThroughOneLinearPlusSelfThroughTheOther) {
  SageConv conv(2, 1);
  {
    torch::NoGradGuard no_grad;
    auto params = conv->named_parameters();
    params["neighbours.weight"].copy_(torch::tensor({{1.0f, 10.0f}}));
    params["neighbours.bias"].fill_(0.5f);
    params["self.weight"].copy_(torch::tensor({{100.0f, 1000.0f}}));
  }
  // Nodes 0, 1, 2; edges 1->0, 2->0, 0->1. Node 2 has no incoming edge.
  const torch::Tensor x = torch::tensor({{1.0f, 0.0f}, {0.0f, 1.0f}, {2.0f, 2.0f}});
  const torch::Tensor source = torch::tensor({1, 2, 0}, torch::kInt64),
                      target = torch::tensor({0, 0, 1}, torch::kInt64);
  const torch::Tensor y = conv->forward(x, source, target, inverse_degree(target, 3, x.options()));
  // Node 0: mean(x1, x2) = (1, 1.5) -> 1 + 15 + 0.5; self (1, 0) -> 100.
  EXPECT_FLOAT_EQ(y[0][0].item<float>(), 16.5f + 100);
  // Node 1: mean(x0) = (1, 0) -> 1 + 0.5; self (0, 1) -> 1000.
  EXPECT_FLOAT_EQ(y[1][0].item<float>(), 1.5f + 1000);
  // Node 2: no neighbours -> bias only; self (2, 2) -> 2200.
  EXPECT_FLOAT_EQ(y[2][0].item<float>(), 0.5f + 2200);
}

model::ModelHeader header_for(const NetworkShape& shape) {
  model::ModelHeader h;
  h.name = kModelName;
  h.version = kModelVersion;
  h.architecture = kArchitecture;
  h.input_shape = {-1, kFeatureCount};
  h.payload_format = model::PayloadFormat::torch;
  h.hyperparameters = {
      {kNetworkKey, shape.to_json()}, {kClassesKey, class_names_json()}, {kFeaturesKey, kFeatureCount}};
  h.training = {"edgnet_model_test", 1, 0};
  return h;
}

std::vector<std::uint8_t> weights_of(const NetworkShape& shape) {
  torch::manual_seed(5);
  EdgNetNetwork network(shape, kFeatureCount, kClassCount);
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

Result<EdgNet> from(const std::vector<std::uint8_t>& bytes, const EdgNetOptions& options = {}) {
  return EdgNet::from_bytes(bytes.data(), bytes.size(), "test.dlmodel", options);
}

void expect_model_error(const Result<EdgNet>& result, const std::string& fragment) {
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().status, Status::model);
  EXPECT_NE(result.error().message.find("test.dlmodel"), std::string::npos) << result.error().message;
  EXPECT_NE(result.error().message.find(fragment), std::string::npos) << result.error().message;
}

TEST(EdgNetModel, AWellFormedFileClassifiesEveryPrimitiveOfAPage) {
  const NetworkShape shape;
  auto edgnet = from(file_bytes(header_for(shape), weights_of(shape)));
  ASSERT_TRUE(edgnet.ok()) << edgnet.error().message;
  cv::Mat ink(300, 400, CV_8UC1, cv::Scalar(0));
  cv::rectangle(ink, {50, 50}, {350, 250}, cv::Scalar(255), 2);
  cv::circle(ink, {200, 150}, 40, cv::Scalar(255), 2);
  auto segments = edgnet.value().segment(ink, 150);
  ASSERT_TRUE(segments.ok()) << segments.error().message;
  EXPECT_GE(segments.value().size(), 5u);
  for (const auto& s : segments.value()) {
    EXPECT_GT(s.confidence, 1.0 / kClassCount - 1e-6);
    EXPECT_LE(s.confidence, 1.0);
  }
  auto vectorized = vectorize(ink, 150);
  auto probabilities = edgnet.value().classify(build_graph(vectorized.value()));
  ASSERT_TRUE(probabilities.ok());
  for (std::size_t i = 0; i < probabilities.value().size() / kClassCount; ++i) {
    double sum = 0;
    for (int c = 0; c < kClassCount; ++c) sum += probabilities.value()[i * kClassCount + c];
    EXPECT_NEAR(sum, 1.0, 1e-4);
  }
}

TEST(EdgNetModel, AFileForOtherClassesOrFeaturesIsRefused) {
  const NetworkShape shape;
  auto header = header_for(shape);
  header.hyperparameters[kClassesKey] = {"contour", "text"};
  expect_model_error(from(file_bytes(header, weights_of(shape))), "classes");
  header = header_for(shape);
  header.hyperparameters[kFeaturesKey] = kFeatureCount + 1;
  expect_model_error(from(file_bytes(header, weights_of(shape))), "features");
}

TEST(EdgNetModel, WeightsOfAnotherShapeAreRefused) {
  NetworkShape wide;
  wide.hidden = 32;
  expect_model_error(from(file_bytes(header_for(NetworkShape{}), weights_of(wide))), "weights do not fit");
  NetworkShape deep;
  deep.layers = 2;
  expect_model_error(from(file_bytes(header_for(deep), weights_of(NetworkShape{}))), "weights do not fit");
}

TEST(EdgNetModel, DamagedBytesAndABadHeaderAreRefused) {
  const NetworkShape shape;
  auto bytes = file_bytes(header_for(shape), weights_of(shape));
  bytes[bytes.size() / 2] ^= 0x5a;
  expect_model_error(from(bytes), "");
  auto header = header_for(shape);
  header.hyperparameters[kNetworkKey] = {{"hidden", 0}};
  expect_model_error(from(file_bytes(header, weights_of(shape))), "hidden");
}

TEST(EdgNetModel, AMissingFileIsAModelErrorNamingIt) {
  drawlens_test::ScratchDirectory empty("edgnet");
  auto loaded = EdgNet::load(empty.path().string());
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.error().status, Status::model);
  EXPECT_NE(loaded.error().message.find("edgnet.dlmodel"), std::string::npos) << loaded.error().message;
}

TEST(EdgNetModel, BadOptionsAndBadGraphsAreRefused) {
  const NetworkShape shape;
  const auto bytes = file_bytes(header_for(shape), weights_of(shape));
  EdgNetOptions bad;
  bad.threads = -1;
  EXPECT_EQ(from(bytes, bad).error().status, Status::invalid_argument);
  auto edgnet = from(bytes);
  ASSERT_TRUE(edgnet.ok());
  Graph graph;
  graph.nodes = 2;
  graph.features.assign(2 * kFeatureCount, 0.0f);
  graph.source = {0};
  graph.target = {5};
  auto refused = edgnet.value().classify(graph);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().status, Status::invalid_argument);
  graph.features.pop_back();
  EXPECT_FALSE(edgnet.value().classify(graph).ok());
  EXPECT_EQ(edgnet.value().segment(cv::Mat(), 150).error().status, Status::invalid_argument);
}

}  // namespace
}  // namespace drawlens::segment
