// What a detector model file must be (name, architecture, versions, input shape) and how its header
// describes the network: shared by the Detector's loader and the training program's writer.
#pragma once

#include <vector>

#include <nlohmann/json.hpp>

#include "model/model.h"

namespace drawlens::detect {

inline constexpr int kModelVersion = 1;
inline constexpr const char* kModelName = "detector";
inline constexpr const char* kArchitecture = "separable-fpn-kernels";

model::ModelExpectation model_expectation();

// Hyperparameters a file must carry besides the widths: the resolution pages are read at, and the
// category names in channel order (checked against this build's).
inline constexpr const char* kNetworkDpiKey = "network_dpi";
inline constexpr const char* kCategoriesKey = "categories";
inline constexpr const char* kWidthsKey = "widths";

nlohmann::json category_names_json();

}  // namespace drawlens::detect
