// What an EdgNet model file must be (name, architecture, versions, input shape) and how its header
// describes the network: shared by EdgNet's loader and the training program's writer.
#pragma once

#include <nlohmann/json.hpp>

#include "model/model.h"

namespace drawlens::segment {

inline constexpr int kModelVersion = 1;
inline constexpr const char* kModelName = "edgnet";
inline constexpr const char* kArchitecture = "graphsage-mean";

// input_shape: [-1 nodes, kFeatureCount].
model::ModelExpectation model_expectation();

// Hyperparameters besides the network's shape ("network"): the class names in output order and the
// feature count, both checked against this build's.
inline constexpr const char* kClassesKey = "classes";
inline constexpr const char* kFeaturesKey = "features";
inline constexpr const char* kNetworkKey = "network";

nlohmann::json class_names_json();

}  // namespace drawlens::segment
