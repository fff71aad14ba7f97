// Small valid models, one per payload format, shared by the model tests, the fuzz target and its
// seed corpus (tests/fuzz/corpus/model_file, checked against these by ModelFuzzSeeds).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "model/model.h"

namespace drawlens::model::samples {

// Every sample payload has this size, so that the fuzz target can wrap any header text with one.
constexpr std::size_t kPayloadBytes = 16;

struct SampleModel {
  ModelHeader header;
  std::vector<std::uint8_t> payload;
};

inline std::vector<std::uint8_t> counting_payload(std::uint8_t first) {
  std::vector<std::uint8_t> payload(kPayloadBytes);
  for (std::size_t i = 0; i < payload.size(); ++i) payload[i] = static_cast<std::uint8_t>(first + 7 * i);
  return payload;
}

inline SampleModel recognizer() {
  SampleModel m;
  m.header.name = "recognizer";
  m.header.version = 2;
  m.header.architecture = "crnn-ctc";
  m.header.input_shape = {1, 1, 32, -1};
  m.header.payload_format = PayloadFormat::torch;
  m.header.hyperparameters = {{"alphabet_size", 96}, {"hidden", 128}, {"lstm_layers", 2}};
  m.header.training = {"drawlens-train recognizer --seed 7 --crops 20000", 7, 20000};
  m.payload = counting_payload(1);
  return m;
}

inline SampleModel skin_json() {
  SampleModel m;
  m.header.name = "skin";
  m.header.version = 1;
  m.header.architecture = "xgboost-skin";
  m.header.input_shape = {-1, 12};
  m.header.payload_format = PayloadFormat::xgboost_json;
  m.header.hyperparameters = {{"max_depth", 6}, {"num_parallel_tree", 1}, {"eta", 0.1}};
  m.header.training = {"drawlens-train skin --seed 3 --rows 50000", 3, 50000};
  const std::string json = "{\"learner\":{}}\n\n";
  m.payload.assign(json.begin(), json.end());
  return m;
}

inline SampleModel skin_ubj() {
  SampleModel m = skin_json();
  m.header.name = "skin-ubj";
  m.header.payload_format = PayloadFormat::xgboost_ubj;
  m.header.hyperparameters = nlohmann::json::object();
  m.payload = counting_payload(200);
  return m;
}

inline std::vector<SampleModel> all() {
  return {recognizer(), skin_json(), skin_ubj()};
}

// What a stage expecting exactly this model would ask for.
inline ModelExpectation expectation_for(const ModelHeader& header) {
  ModelExpectation e;
  e.name = header.name;
  e.architecture = header.architecture;
  e.min_version = header.version;
  e.max_version = header.version;
  e.input_shape = header.input_shape;
  e.payload_format = header.payload_format;
  return e;
}

}  // namespace drawlens::model::samples
