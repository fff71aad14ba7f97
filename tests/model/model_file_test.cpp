// The .dlmodel reader against damaged, hostile and mismatched files: truncation at every length,
// every single-bit flip, each header field missing or mistyped, and each expectation broken.
#include <gtest/gtest.h>
#include <zlib.h>

#include <string>
#include <vector>

#include "model/model.h"
#include "model/model_container.h"
#include "model/model_header_json.h"
#include "model/sample_models.h"

namespace {

using drawlens::Status;
using drawlens::model::ModelExpectation;
using drawlens::model::ModelFile;
using drawlens::model::PayloadFormat;
namespace model = drawlens::model;
namespace samples = drawlens::model::samples;
using Bytes = std::vector<std::uint8_t>;

const std::string kLabel = "recognizer.dlmodel";

Bytes written(const samples::SampleModel& m) {
  auto bytes = model::write_model_file(m.header, m.payload);
  EXPECT_TRUE(bytes.ok()) << bytes.error().message;
  return bytes.value();
}

drawlens::Result<ModelFile> read(const Bytes& bytes, const ModelExpectation& e, std::size_t size) {
  return model::read_model_file(bytes.data(), size, e, kLabel);
}

drawlens::Result<ModelFile> read(const Bytes& bytes, const ModelExpectation& e) {
  return read(bytes, e, bytes.size());
}

// Asserts a MODEL refusal whose message contains every one of `words`.
void expect_refused(const drawlens::Result<ModelFile>& r, const std::vector<std::string>& words) {
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().status, Status::model) << r.error().message;
  for (const std::string& w : words) EXPECT_NE(r.error().message.find(w), std::string::npos) << r.error().message;
}

void put_le(Bytes& bytes, std::size_t at, std::uint64_t value, int width) {
  for (int i = 0; i < width; ++i) bytes[at + i] = static_cast<std::uint8_t>(value >> (8 * i));
}

// Rewrites the trailing CRC-32 so that only the deliberate change is refused.
void reseal(Bytes& bytes) {
  const std::size_t body = bytes.size() - model::kChecksumBytes;
  put_le(bytes, body, crc32(0, bytes.data(), static_cast<uInt>(body)), 4);
}

// A correctly framed file around any header text and the recognizer's payload.
Bytes framed(const std::string& header_json) {
  const Bytes payload = samples::recognizer().payload;
  auto bytes = model::frame_model_container(header_json, payload.data(), payload.size());
  EXPECT_TRUE(bytes.ok()) << bytes.error().message;
  return bytes.value();
}

nlohmann::json recognizer_header_json() {
  return nlohmann::json::parse(model::header_json_text(samples::recognizer().header, samples::kPayloadBytes));
}

TEST(ModelFile, RoundTripKeepsEveryFieldAndThePayload) {
  for (const samples::SampleModel& m : samples::all()) {
    const Bytes bytes = written(m);
    auto r = model::read_model_file(bytes.data(), bytes.size(), samples::expectation_for(m.header), m.header.name);
    ASSERT_TRUE(r.ok()) << r.error().message;
    const model::ModelHeader& h = r.value().header;
    EXPECT_EQ(h.name, m.header.name);
    EXPECT_EQ(h.version, m.header.version);
    EXPECT_EQ(h.architecture, m.header.architecture);
    EXPECT_EQ(h.input_shape, m.header.input_shape);
    EXPECT_EQ(h.payload_format, m.header.payload_format);
    EXPECT_EQ(h.hyperparameters, m.header.hyperparameters);
    EXPECT_EQ(h.training.command, m.header.training.command);
    EXPECT_EQ(h.training.seed, m.header.training.seed);
    EXPECT_EQ(h.training.data_size, m.header.training.data_size);
    EXPECT_EQ(r.value().payload, m.payload);
    EXPECT_EQ(bytes.size(), model::kPrefixBytes + model::header_json_text(m.header, m.payload.size()).size() +
                                m.payload.size() + model::kChecksumBytes);
  }
}

TEST(ModelFile, AnySizeDimensionInTheFileAcceptsWhatTheStageFeeds) {
  ModelExpectation e = samples::expectation_for(samples::recognizer().header);
  e.input_shape = {1, 1, 32, 400};
  EXPECT_TRUE(read(written(samples::recognizer()), e).ok());
  e.min_version = 1;
  e.max_version = 3;
  EXPECT_TRUE(read(written(samples::recognizer()), e).ok());
}

TEST(ModelFile, TruncationAtEveryLengthIsRefused) {
  const Bytes bytes = written(samples::recognizer());
  const ModelExpectation e = samples::expectation_for(samples::recognizer().header);
  const std::string whole = std::to_string(bytes.size());
  for (std::size_t n = 0; n < bytes.size(); ++n) {
    SCOPED_TRACE("length " + std::to_string(n));
    if (n == 0) {
      expect_refused(read(bytes, e, n), {kLabel, "is empty (0 bytes)"});
    } else if (n < model::kPrefixBytes) {
      expect_refused(read(bytes, e, n), {kLabel, "truncated", "ends after " + std::to_string(n) + " of at least 28"});
    } else {
      expect_refused(read(bytes, e, n), {kLabel, "truncated", "ends after " + std::to_string(n) + " of " + whole});
    }
  }
}

TEST(ModelFile, EverySingleBitFlipIsRefused) {
  const Bytes good = written(samples::recognizer());
  const ModelExpectation e = samples::expectation_for(samples::recognizer().header);
  int checksum_refusals = 0;
  for (std::size_t at = 0; at < good.size(); ++at) {
    for (int bit = 0; bit < 8; ++bit) {
      Bytes bytes = good;
      bytes[at] ^= static_cast<std::uint8_t>(1u << bit);
      auto r = read(bytes, e);
      ASSERT_FALSE(r.ok()) << "byte " << at << " bit " << bit;
      ASSERT_EQ(r.error().status, Status::model) << r.error().message;
      ASSERT_NE(r.error().message.find(kLabel), std::string::npos) << r.error().message;
      if (r.error().message.find("checksum mismatch") != std::string::npos) ++checksum_refusals;
    }
  }
  // Past the fixed-width prefix (magic, version, lengths) every flip is caught by the CRC-32.
  EXPECT_EQ(checksum_refusals, static_cast<int>(8 * (good.size() - model::kPrefixBytes)));
}

TEST(ModelFile, BytesAfterTheChecksumAreRefused) {
  Bytes bytes = written(samples::recognizer());
  bytes.push_back(0);
  expect_refused(read(bytes, samples::expectation_for(samples::recognizer().header)),
                 {kLabel, "1 bytes after its checksum"});
}

TEST(ModelFile, ForeignFileIsNotADrawlensModel) {
  const Bytes png = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
  expect_refused(read(png, samples::expectation_for(samples::recognizer().header)),
                 {kLabel, "not a drawlens model file"});
  const Bytes torch_zip = {'P', 'K', 3, 4};
  expect_refused(read(torch_zip, samples::expectation_for(samples::recognizer().header)), {"not a drawlens model"});
}

TEST(ModelFile, NewerAndInvalidFormatVersionsAreRefused) {
  const ModelExpectation e = samples::expectation_for(samples::recognizer().header);
  Bytes bytes = written(samples::recognizer());
  put_le(bytes, 8, 2, 4);
  reseal(bytes);
  expect_refused(read(bytes, e), {kLabel, "format version 2", "newer", "up to 1"});
  put_le(bytes, 8, 0, 4);
  reseal(bytes);
  expect_refused(read(bytes, e), {kLabel, "format version 0"});
}

TEST(ModelFile, HostileLengthsAreRefusedBeforeAnythingIsAllocated) {
  const ModelExpectation e = samples::expectation_for(samples::recognizer().header);
  const Bytes good = written(samples::recognizer());
  Bytes bytes = good;
  put_le(bytes, 12, 0xFFFFFFFFu, 4);
  expect_refused(read(bytes, e), {kLabel, "header of 4294967295 bytes", "1048576"});
  bytes = good;
  put_le(bytes, 16, 1ull << 62, 8);
  expect_refused(read(bytes, e), {kLabel, "payload of 4611686018427387904 bytes", "over the limit of 268435456"});
  bytes = good;
  put_le(bytes, 16, 200ull << 20, 8);  // within the limit, far beyond the buffer
  expect_refused(read(bytes, e), {kLabel, "truncated", "ends after " + std::to_string(good.size())});
  bytes = good;
  put_le(bytes, 16, 0, 8);
  expect_refused(read(bytes, e), {kLabel, "empty payload"});
  bytes = good;
  put_le(bytes, 12, 0, 4);
  expect_refused(read(bytes, e), {kLabel, "header of 0 bytes"});
}

TEST(ModelFile, WrongNameArchitectureVersionFormatAndShapeAreRefused) {
  const Bytes bytes = written(samples::recognizer());
  const ModelExpectation good = samples::expectation_for(samples::recognizer().header);
  ModelExpectation e = good;
  e.name = "detector";
  expect_refused(read(bytes, e), {"'recognizer.dlmodel' holds model 'recognizer', this drawlens expects 'detector'"});
  e = good;
  e.architecture = "crnn-attention";
  expect_refused(read(bytes, e), {"'recognizer.dlmodel' is architecture 'crnn-ctc', this drawlens expects "
                                  "'crnn-attention'"});
  e = good;
  e.min_version = e.max_version = 1;
  expect_refused(read(bytes, e), {kLabel, "is model version 2, this drawlens supports version 1"});
  e.min_version = 3;
  e.max_version = 5;
  expect_refused(read(bytes, e), {kLabel, "is model version 2, this drawlens supports versions 3 to 5"});
  e = good;
  e.payload_format = PayloadFormat::xgboost_ubj;
  expect_refused(read(bytes, e), {kLabel, "holds a 'torch' payload, this drawlens expects 'xgboost-ubj'"});
  e = good;
  e.input_shape = {1, 3, 32, -1};
  expect_refused(read(bytes, e), {kLabel, "input shape [1, 1, 32, -1]", "feeds [1, 3, 32, -1]", "dimension 1"});
  e.input_shape = {1, 32, -1};
  expect_refused(read(bytes, e), {kLabel, "4 dimensions, expected 3"});
  samples::SampleModel fixed = samples::recognizer();
  fixed.header.input_shape = {1, 1, 32, 128};  // a fixed-width model cannot take any width
  expect_refused(read(written(fixed), good), {kLabel, "[1, 1, 32, 128]", "feeds [1, 1, 32, -1]", "dimension 3"});
}

struct FieldCase {
  const char* pointer;   // JSON pointer into the header
  nlohmann::json value;  // null with `remove` set: the field is removed
  bool remove;
  std::vector<std::string> words;
};

TEST(ModelFile, MissingOrMistypedHeaderFieldsAreNamed) {
  const std::vector<FieldCase> cases = {
      {"/name", nullptr, true, {"field 'name' is missing"}},
      {"/version", nullptr, true, {"field 'version' is missing"}},
      {"/architecture", nullptr, true, {"field 'architecture' is missing"}},
      {"/input_shape", nullptr, true, {"field 'input_shape' is missing"}},
      {"/payload_format", nullptr, true, {"field 'payload_format' is missing"}},
      {"/payload_bytes", nullptr, true, {"field 'payload_bytes' is missing"}},
      {"/hyperparameters", nullptr, true, {"field 'hyperparameters' is missing"}},
      {"/training", nullptr, true, {"field 'training' is missing"}},
      {"/training/command", nullptr, true, {"field 'training.command' is missing"}},
      {"/training/seed", nullptr, true, {"field 'training.seed' is missing"}},
      {"/training/data_size", nullptr, true, {"field 'training.data_size' is missing"}},
      {"/name", 5, false, {"field 'name' is an integer, expected a string"}},
      {"/version", "2", false, {"field 'version' is a string, expected an integer"}},
      {"/version", 2.5, false, {"field 'version' is a number with a fraction, expected an integer"}},
      {"/version", 0, false, {"field 'version' is 0, expected 1.."}},
      {"/version", 1ull << 40, false, {"field 'version' is 1099511627776"}},
      {"/architecture", nullptr, false, {"field 'architecture' is null, expected a string"}},
      {"/input_shape", "1x32", false, {"field 'input_shape' is a string, expected an array"}},
      {"/input_shape", {1, "32"}, false, {"field 'input_shape' has a string at index 1, expected an integer"}},
      {"/input_shape", {1, 0}, false, {"input_shape dimension 1 is 0"}},
      {"/input_shape", nlohmann::json::array(), false, {"input_shape has 0 dimensions"}},
      {"/payload_format", "onnx", false, {"field 'payload_format' is 'onnx', expected 'torch'"}},
      {"/payload_bytes", 17, false, {"field 'payload_bytes' is 17, but the file holds 16 payload bytes"}},
      {"/payload_bytes", -16, false, {"field 'payload_bytes' is -16, expected >= 0"}},
      {"/hyperparameters", {1, 2}, false, {"field 'hyperparameters' is an array, expected an object"}},
      {"/training", true, false, {"field 'training' is a boolean, expected an object"}},
      {"/training/seed", -1, false, {"field 'training.seed' is -1, expected >= 0"}},
      {"/training/data_size", "many", false, {"field 'training.data_size' is a string, expected an integer"}},
      {"/name", "Recognizer v2", false, {"name 'Recognizer v2' must be 1..64 characters of a-z"}},
      {"/architecture", "", false, {"architecture '' must be 1..64 characters"}},
  };
  const ModelExpectation e = samples::expectation_for(samples::recognizer().header);
  for (const FieldCase& c : cases) {
    SCOPED_TRACE(std::string(c.pointer) + " " + c.value.dump());
    nlohmann::json header = recognizer_header_json();
    const nlohmann::json::json_pointer pointer(c.pointer);
    if (c.remove) {
      header[pointer.parent_pointer()].erase(pointer.back());
    } else {
      header[pointer] = c.value;
    }
    std::vector<std::string> words = c.words;
    words.push_back(kLabel);
    expect_refused(read(framed(header.dump()), e), words);
  }
}

TEST(ModelFile, HeaderThatIsNotAJsonObjectIsRefused) {
  const ModelExpectation e = samples::expectation_for(samples::recognizer().header);
  expect_refused(read(framed("{\"name\": "), e), {kLabel, "header is not valid JSON", "at byte 10"});
  expect_refused(read(framed("[1, 2]"), e), {kLabel, "header is an array, expected a JSON object"});
  expect_refused(read(framed("\"recognizer\""), e), {kLabel, "header is a string, expected a JSON object"});
  // Found by model_file_fuzzer: nlohmann throws out_of_range, not parse_error, for this number.
  expect_refused(read(framed("26E626"), e), {kLabel, "header is not valid JSON (a number is out of range)"});
  expect_refused(read(framed("{\"version\": 1e999}"), e), {kLabel, "a number is out of range"});
}

TEST(ModelFile, WriterRefusesHeadersTheReaderWouldRefuse) {
  samples::SampleModel m = samples::recognizer();
  m.header.name = "../detector";
  auto r = model::write_model_file(m.header, m.payload);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().status, Status::invalid_argument);
  EXPECT_NE(r.error().message.find("name '../detector'"), std::string::npos) << r.error().message;
  m = samples::recognizer();
  m.header.hyperparameters = 3;
  EXPECT_FALSE(model::write_model_file(m.header, m.payload).ok());
  m = samples::recognizer();
  m.header.input_shape = {1, -2};
  EXPECT_FALSE(model::write_model_file(m.header, m.payload).ok());
  m = samples::recognizer();
  r = model::write_model_file(m.header, {});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("payload is 0 bytes"), std::string::npos) << r.error().message;
}

}  // namespace
