// load_model and load_model_file: read a .dlmodel from disk, size-checked before reading, then checked.
#include <filesystem>

#include "core/regular_file.h"
#include "model/model.h"
#include "model/model_container.h"
#include "model/model_header_json.h"

namespace drawlens::model {

Result<ModelFile> load_model(const std::string& directory, const ModelExpectation& expectation) {
  const std::string broken = name_rule_broken(expectation.name);
  if (!broken.empty()) return make_error(Status::invalid_argument, "cannot load model: " + broken);

  const std::string path = (std::filesystem::path(directory) / (expectation.name + ".dlmodel")).string();
  return load_model_file(path, expectation);
}

Result<ModelFile> load_model_file(const std::string& path, const ModelExpectation& expectation) {
  auto bytes = read_regular_file(path, kMaxFileBytes, "the .dlmodel size limit");
  if (!bytes)
    return make_error(Status::model, "cannot load model '" + expectation.name + "': " + bytes.error().message);
  return read_model_file(bytes.value().data(), bytes.value().size(), expectation, path);
}

}  // namespace drawlens::model
