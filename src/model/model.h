// The one place every model stage gets its weights: the NAME.dlmodel format (docs/models.md), its
// writer for the training programs, its checked reader, and the search for the models directory.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/status.h"

namespace drawlens::model {

// How a stage reads the payload: torch::load, or XGBoosterLoadModelFromBuffer (JSON or UBJSON).
enum class PayloadFormat { torch, xgboost_json, xgboost_ubj };

// The spelling in the header ("torch", "xgboost-json", "xgboost-ubj").
const char* payload_format_name(PayloadFormat format);

// How the weights were made, so that a MODEL_CARD.md figure can be reproduced.
struct TrainingRecord {
  std::string command;          // the exact training command line
  std::uint64_t seed = 0;       // the training program's random seed
  std::uint64_t data_size = 0;  // training examples seen (drawings, crops or rows)
};

// The JSON header of a model file. Dimensions of input_shape are >= 1, or -1 for "any size".
struct ModelHeader {
  std::string name;          // also the file name: <name>.dlmodel; [a-z0-9_-], 1..64 characters
  int version = 1;           // the model's own version, >= 1, raised when its inputs or outputs change
  std::string architecture;  // e.g. "crnn-ctc", "graphsage-mean", "xgboost-skin"
  std::vector<std::int64_t> input_shape;
  PayloadFormat payload_format = PayloadFormat::torch;
  nlohmann::json hyperparameters = nlohmann::json::object();  // free-form, must be a JSON object
  TrainingRecord training;
};

struct ModelFile {
  ModelHeader header;
  std::vector<std::uint8_t> payload;  // opaque bytes for torch::load or XGBoost, checksum verified
};

// What a stage accepts. A file matches when every field agrees; for input_shape the ranks must be
// equal and each dimension of the file must be -1 (any) or equal to the expected one.
struct ModelExpectation {
  std::string name;
  std::string architecture;
  int min_version = 1;  // inclusive
  int max_version = 1;  // inclusive
  std::vector<std::int64_t> input_shape;
  PayloadFormat payload_format = PayloadFormat::torch;
};

// Frames header and payload as a .dlmodel file. INVALID_ARGUMENT when the header breaks a rule
// above or the payload is over the format's limit, so that it never writes a file the reader refuses.
Result<std::vector<std::uint8_t>> write_model_file(const ModelHeader& header, const std::vector<std::uint8_t>& payload);

// Checks the container (magic, format version, lengths, CRC-32), then the header, then the
// expectation. Every problem with the bytes is MODEL, with a message that quotes label (the file's
// name or path); NULL data with a non-zero size is INVALID_ARGUMENT.
Result<ModelFile> read_model_file(const std::uint8_t* data, std::size_t size, const ModelExpectation& expectation,
                                  const std::string& label);

// Reads <directory>/<expectation.name>.dlmodel: MODEL when it is missing, not a regular file, too
// large (checked before reading) or fails read_model_file; the message names the full path.
Result<ModelFile> load_model(const std::string& directory, const ModelExpectation& expectation);

// Reads a .dlmodel file at any path (a model the user trained and saved under another name):
// MODEL when it is missing, not a regular file, too large or fails read_model_file, naming the path.
Result<ModelFile> load_model_file(const std::string& path, const ModelExpectation& expectation);

// The directory models are read from. A non-empty `requested` is the only candidate. Otherwise
// $DRAWLENS_MODELS when set (and then only it), else the first existing directory of: beside the
// loaded library (<libdir>/../share/drawlens/models), the install data directory, the source
// tree's models/. MODEL when none exists, naming every place looked and why each failed.
Result<std::string> find_models_directory(const std::string& requested);

}  // namespace drawlens::model
