// What a recognizer model file must be (name, architecture, version, input shape) and how its
// header describes the network: shared by the Recognizer's loader and the training program's writer.
#pragma once

#include <nlohmann/json.hpp>

#include "model/model.h"

namespace drawlens::ocr {

inline constexpr int kModelVersion = 1;
inline constexpr const char* kModelName = "recognizer";
inline constexpr const char* kArchitecture = "conv-ctc-tracks";

model::ModelExpectation model_expectation();

// Hyperparameters a file must carry: the widths and the alphabet (checked against this build's).
inline constexpr const char* kWidthsKey = "widths";
inline constexpr const char* kAlphabetKey = "alphabet";

nlohmann::json alphabet_json();

}  // namespace drawlens::ocr
