// The places find_models_directory looks, in order, and the walk over them that reports every
// place that failed; separate so that tests can walk their own list.
#pragma once

#include <string>
#include <vector>

#include "core/status.h"

namespace drawlens::model {

struct ModelsLocation {
  std::string origin;      // where the path comes from, for messages ("$DRAWLENS_MODELS", "source tree")
  std::string path;        // empty when the origin gave none
  std::string why_absent;  // why the path is empty ("not set")
};

// requested alone when non-empty; else $DRAWLENS_MODELS alone when set and non-empty; else the
// unset variable followed by the three built-in places (docs/models.md, "Where models are found").
std::vector<ModelsLocation> models_search_locations(const std::string& requested);

// The first location that is an existing directory, or MODEL naming every location and its failure.
Result<std::string> first_models_directory(const std::vector<ModelsLocation>& locations);

}  // namespace drawlens::model
