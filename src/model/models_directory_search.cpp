// Where models are found: an explicit directory, $DRAWLENS_MODELS, beside the loaded library, the
// install data directory, and the source tree (for build-tree use), first existing one wins.
#include "model/models_directory_search.h"

#include <dlfcn.h>
#include <cstdlib>
#include <filesystem>

#include "core/regular_file.h"
#include "model/model.h"

// Set by src/CMakeLists.txt from GNUInstallDirs and the source directory.
#ifndef DRAWLENS_MODELS_FROM_LIBDIR
#error "DRAWLENS_MODELS_FROM_LIBDIR (models directory relative to the library directory) must be defined"
#endif
#ifndef DRAWLENS_INSTALL_MODELS_DIR
#error "DRAWLENS_INSTALL_MODELS_DIR (the installed models directory) must be defined"
#endif
#ifndef DRAWLENS_SOURCE_MODELS_DIR
#error "DRAWLENS_SOURCE_MODELS_DIR (the source tree's models/) must be defined"
#endif

namespace drawlens::model {
namespace {

// Any object inside libdrawlens: dladdr on its address names the shared object that holds it.
const char kLibraryAnchor = 0;

ModelsLocation beside_loaded_library() {
  ModelsLocation location{"beside the loaded libdrawlens", {}, {}};
  Dl_info info{};
  if (::dladdr(&kLibraryAnchor, &info) == 0 || info.dli_fname == nullptr || info.dli_fname[0] == '\0') {
    location.why_absent = "the library's own path is unknown (dladdr failed)";
    return location;
  }
  const std::filesystem::path library(info.dli_fname);
  location.path = (library.parent_path() / DRAWLENS_MODELS_FROM_LIBDIR).lexically_normal().string();
  return location;
}

}  // namespace

std::vector<ModelsLocation> models_search_locations(const std::string& requested) {
  if (!requested.empty()) return {{"the requested models directory", requested, {}}};
  const char* variable = std::getenv("DRAWLENS_MODELS");
  if (variable != nullptr && variable[0] != '\0') return {{"$DRAWLENS_MODELS", variable, {}}};
  return {{"$DRAWLENS_MODELS", {}, variable == nullptr ? "is not set" : "is set but empty"},
          beside_loaded_library(),
          {"the install data directory", DRAWLENS_INSTALL_MODELS_DIR, {}},
          {"the source tree", DRAWLENS_SOURCE_MODELS_DIR, {}}};
}

Result<std::string> first_models_directory(const std::vector<ModelsLocation>& locations) {
  std::string looked;
  for (const ModelsLocation& location : locations) {
    std::string failure = location.why_absent;
    if (!location.path.empty()) {
      failure = why_not_a_directory(location.path);
      if (failure.empty()) return location.path;
      failure = "'" + location.path + "' " + failure;
    }
    looked += (looked.empty() ? "" : "; ") + location.origin + ": " + failure;
  }
  if (locations.size() == 1)
    return make_error(Status::model, "no models directory found. Looked in 1 place: " + looked);
  return make_error(Status::model, "no models directory found. Looked in " + std::to_string(locations.size()) +
                                       " places: " + looked + ". Set DRAWLENS_MODELS or pass a models directory");
}

Result<std::string> find_models_directory(const std::string& requested) {
  return first_models_directory(models_search_locations(requested));
}

}  // namespace drawlens::model
