// Writing and reading whole .dlmodel files: the frame, then the header, then what the stage expects.
#include "model/model.h"

#include "model/model_container.h"
#include "model/model_header_json.h"

namespace drawlens::model {
namespace {

std::string shape_text(const std::vector<std::int64_t>& shape) {
  std::string text = "[";
  for (std::size_t i = 0; i < shape.size(); ++i) text += (i ? ", " : "") + std::to_string(shape[i]);
  return text + "]";
}

// Why a model with input shape `file` cannot take what the stage feeds, or empty when it can.
std::string shape_mismatch(const std::vector<std::int64_t>& file, const std::vector<std::int64_t>& fed) {
  if (file.size() != fed.size()) {
    return std::to_string(file.size()) + " dimensions, expected " + std::to_string(fed.size());
  }
  for (std::size_t i = 0; i < fed.size(); ++i) {
    if (file[i] != -1 && file[i] != fed[i]) return "dimension " + std::to_string(i) + " differs";
  }
  return {};
}

Error mismatch(const std::string& quoted, const std::string& problem) {
  return make_error(Status::model, quoted + " " + problem);
}

Result<ModelFile> check_expectation(ModelFile file, const ModelExpectation& expected, const std::string& quoted) {
  const ModelHeader& h = file.header;
  if (h.name != expected.name) {
    return mismatch(quoted, "holds model '" + h.name + "', this drawlens expects '" + expected.name + "'");
  }
  if (h.architecture != expected.architecture) {
    return mismatch(quoted,
                    "is architecture '" + h.architecture + "', this drawlens expects '" + expected.architecture + "'");
  }
  if (h.version < expected.min_version || h.version > expected.max_version) {
    const std::string supported =
        expected.min_version == expected.max_version
            ? "version " + std::to_string(expected.min_version)
            : "versions " + std::to_string(expected.min_version) + " to " + std::to_string(expected.max_version);
    return mismatch(quoted, "is model version " + std::to_string(h.version) + ", this drawlens supports " + supported);
  }
  if (h.payload_format != expected.payload_format) {
    return mismatch(quoted, std::string("holds a '") + payload_format_name(h.payload_format) +
                                "' payload, this drawlens expects '" + payload_format_name(expected.payload_format) +
                                "'");
  }
  const std::string shape_problem = shape_mismatch(h.input_shape, expected.input_shape);
  if (!shape_problem.empty()) {
    return mismatch(quoted, "has input shape " + shape_text(h.input_shape) + ", this drawlens feeds " +
                                shape_text(expected.input_shape) + " (" + shape_problem + "; -1 means any size)");
  }
  return file;
}

}  // namespace

Result<std::vector<std::uint8_t>> write_model_file(const ModelHeader& header,
                                                   const std::vector<std::uint8_t>& payload) {
  const std::string broken = header_rule_broken(header);
  if (!broken.empty()) return make_error(Status::invalid_argument, "cannot write model file: " + broken);
  return frame_model_container(header_json_text(header, payload.size()), payload.data(), payload.size());
}

Result<ModelFile> read_model_file(const std::uint8_t* data, std::size_t size, const ModelExpectation& expectation,
                                  const std::string& label) {
  const std::string quoted = "'" + label + "'";
  if (data == nullptr && size > 0) return make_error(Status::invalid_argument, quoted + ": data is NULL");
  auto parts = open_model_container(data, size, quoted);
  if (!parts) return parts.error();
  auto header = parse_header_json(parts.value().header_json, parts.value().payload_size, quoted);
  if (!header) return header.error();
  ModelFile file;
  file.header = std::move(header.value());
  file.payload.assign(parts.value().payload, parts.value().payload + parts.value().payload_size);
  return check_expectation(std::move(file), expectation, quoted);
}

}  // namespace drawlens::model
