// What a symbol classifier model file must be (name, architecture, version, input shape) and the
// classes its header lists: shared by the SymbolClassifier's loader and the training program.
#pragma once

#include <nlohmann/json.hpp>

#include "model/model.h"

namespace drawlens::ocr {

inline constexpr int kSymbolModelVersion = 1;
inline constexpr const char* kSymbolModelName = "symbols";
inline constexpr const char* kSymbolArchitecture = "conv-symbol-classes";
inline constexpr const char* kSymbolClassesKey = "classes";

model::ModelExpectation symbol_model_expectation();
nlohmann::json symbol_classes_json();

}  // namespace drawlens::ocr
