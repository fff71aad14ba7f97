// Writes and reads the .dlmodel JSON header. Reading names the field and what was found for every
// missing or mistyped field, so that a hand-edited or foreign header is easy to fix.
#include "model/model_header_json.h"

#include <cstdint>
#include <limits>

namespace drawlens::model {
namespace {

using Json = nlohmann::json;

constexpr std::size_t kMaxNameLength = 64;
constexpr std::size_t kMaxInputRank = 8;

enum class Kind { string, integer, array, object };

const char* kind_words(Kind kind) {
  switch (kind) {
    case Kind::string: return "a string";
    case Kind::integer: return "an integer";
    case Kind::array: return "an array";
    case Kind::object: return "an object";
  }
  return "a value";
}

bool is_kind(const Json& value, Kind kind) {
  switch (kind) {
    case Kind::string: return value.is_string();
    case Kind::integer: return value.is_number_integer();
    case Kind::array: return value.is_array();
    case Kind::object: return value.is_object();
  }
  return false;
}

std::string found_words(const Json& value) {
  if (value.is_number_float()) return "a number with a fraction";
  if (value.is_number_integer()) return "an integer";
  if (value.is_null()) return "null";
  if (value.is_boolean()) return "a boolean";
  return std::string(value.is_object() || value.is_array() ? "an " : "a ") + value.type_name();
}

// Echoes a string from the file in a message, cut short so that a hostile header cannot make it huge.
std::string quoted_value(const std::string& value) {
  constexpr std::size_t kShown = 80;
  if (value.size() <= kShown) return "'" + value + "'";
  std::size_t cut = kShown;
  while (cut > 0 && (static_cast<unsigned char>(value[cut]) & 0xC0) == 0x80) --cut;  // not inside a UTF-8 character
  return "'" + value.substr(0, cut) + "...'";
}

bool name_character(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

// Reads one member of a JSON object, checking its presence and kind; `path` is its dotted name.
class Fields {
 public:
  Fields(const Json& object, std::string parent, const std::string& quoted)
      : object_(object), parent_(std::move(parent)), quoted_(quoted) {}

  Result<const Json*> get(const char* key, Kind kind) const {
    const auto found = object_.find(key);
    if (found == object_.end()) return error(key, "is missing");
    if (!is_kind(*found, kind)) {
      return error(key, std::string("is ") + found_words(*found) + ", expected " + kind_words(kind));
    }
    return &*found;
  }

  Result<std::string> text(const char* key) const {
    auto value = get(key, Kind::string);
    if (!value) return value.error();
    return value.value()->get<std::string>();
  }

  Result<std::uint64_t> count(const char* key) const {
    auto value = get(key, Kind::integer);
    if (!value) return value.error();
    if (!value.value()->is_number_unsigned()) return error(key, "is " + value.value()->dump() + ", expected >= 0");
    return value.value()->get<std::uint64_t>();
  }

  Error error(const std::string& key, const std::string& problem) const {
    return make_error(Status::model, quoted_ + " header field '" + parent_ + key + "' " + problem);
  }

 private:
  const Json& object_;
  std::string parent_;
  const std::string& quoted_;
};

Result<PayloadFormat> payload_format_from(const Fields& fields) {
  auto text = fields.text("payload_format");
  if (!text) return text.error();
  for (PayloadFormat format : {PayloadFormat::torch, PayloadFormat::xgboost_json, PayloadFormat::xgboost_ubj}) {
    if (text.value() == payload_format_name(format)) return format;
  }
  return fields.error("payload_format",
                      "is " + quoted_value(text.value()) + ", expected 'torch', 'xgboost-json' or 'xgboost-ubj'");
}

Result<std::vector<std::int64_t>> input_shape_from(const Fields& fields) {
  auto array = fields.get("input_shape", Kind::array);
  if (!array) return array.error();
  std::vector<std::int64_t> shape;
  for (const Json& dimension : *array.value()) {
    const std::string at = " at index " + std::to_string(shape.size());
    if (!dimension.is_number_integer()) {
      return fields.error("input_shape", "has " + found_words(dimension) + at + ", expected an integer");
    }
    if (dimension.is_number_unsigned() &&
        dimension.get<std::uint64_t>() > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
      return fields.error("input_shape", "has " + dimension.dump() + at + ", out of range");
    }
    shape.push_back(dimension.get<std::int64_t>());
  }
  return shape;
}

Result<TrainingRecord> training_from(const Fields& fields, const std::string& quoted) {
  auto object = fields.get("training", Kind::object);
  if (!object) return object.error();
  const Fields training(*object.value(), "training.", quoted);
  TrainingRecord record;
  auto command = training.text("command");
  if (!command) return command.error();
  record.command = command.value();
  auto seed = training.count("seed");
  if (!seed) return seed.error();
  record.seed = seed.value();
  auto data_size = training.count("data_size");
  if (!data_size) return data_size.error();
  record.data_size = data_size.value();
  return record;
}

// The header's fields, in the order docs/models.md lists them.
Result<ModelHeader> header_from(const Json& root, std::uint64_t payload_size, const std::string& quoted) {
  const Fields fields(root, "", quoted);
  ModelHeader header;
  auto name = fields.text("name");
  if (!name) return name.error();
  header.name = name.value();
  auto version = fields.get("version", Kind::integer);
  if (!version) return version.error();
  const Json& version_value = *version.value();
  constexpr std::int64_t kMaxVersion = std::numeric_limits<int>::max();
  const bool version_in_range =
      version_value.is_number_unsigned()
          ? version_value.get<std::uint64_t>() >= 1 && version_value.get<std::uint64_t>() <= kMaxVersion
          : version_value.get<std::int64_t>() >= 1 && version_value.get<std::int64_t>() <= kMaxVersion;
  if (!version_in_range) {
    return fields.error(
        "version", "is " + version_value.dump() + ", expected 1.." + std::to_string(std::numeric_limits<int>::max()));
  }
  header.version = version_value.get<int>();
  auto architecture = fields.text("architecture");
  if (!architecture) return architecture.error();
  header.architecture = architecture.value();
  auto shape = input_shape_from(fields);
  if (!shape) return shape.error();
  header.input_shape = std::move(shape.value());
  auto format = payload_format_from(fields);
  if (!format) return format.error();
  header.payload_format = format.value();
  auto payload_bytes = fields.count("payload_bytes");
  if (!payload_bytes) return payload_bytes.error();
  if (payload_bytes.value() != payload_size) {
    return fields.error("payload_bytes", "is " + std::to_string(payload_bytes.value()) + ", but the file holds " +
                                             std::to_string(payload_size) + " payload bytes");
  }
  auto hyperparameters = fields.get("hyperparameters", Kind::object);
  if (!hyperparameters) return hyperparameters.error();
  header.hyperparameters = *hyperparameters.value();
  auto training = training_from(fields, quoted);
  if (!training) return training.error();
  header.training = std::move(training.value());
  return header;
}

}  // namespace

const char* payload_format_name(PayloadFormat format) {
  switch (format) {
    case PayloadFormat::torch: return "torch";
    case PayloadFormat::xgboost_json: return "xgboost-json";
    case PayloadFormat::xgboost_ubj: return "xgboost-ubj";
  }
  return "unknown";
}

std::string name_rule_broken(const std::string& name) {
  bool name_ok = !name.empty() && name.size() <= kMaxNameLength;
  for (char c : name) name_ok = name_ok && name_character(c);
  if (name_ok) return {};
  return "name " + quoted_value(name) + " must be 1.." + std::to_string(kMaxNameLength) +
         " characters of a-z, 0-9, '_' and '-' (it is also the file name)";
}

std::string header_rule_broken(const ModelHeader& header) {
  std::string broken = name_rule_broken(header.name);
  if (!broken.empty()) return broken;
  if (header.version < 1) return "version " + std::to_string(header.version) + " must be >= 1";
  if (header.architecture.empty() || header.architecture.size() > kMaxNameLength) {
    return "architecture " + quoted_value(header.architecture) + " must be 1.." + std::to_string(kMaxNameLength) +
           " characters";
  }
  if (header.input_shape.empty() || header.input_shape.size() > kMaxInputRank) {
    return "input_shape has " + std::to_string(header.input_shape.size()) + " dimensions; it must have 1.." +
           std::to_string(kMaxInputRank);
  }
  for (std::size_t i = 0; i < header.input_shape.size(); ++i) {
    if (header.input_shape[i] < 1 && header.input_shape[i] != -1) {
      return "input_shape dimension " + std::to_string(i) + " is " + std::to_string(header.input_shape[i]) +
             "; it must be >= 1, or -1 for any size";
    }
  }
  if (!header.hyperparameters.is_object()) return "hyperparameters must be a JSON object";
  return {};
}

std::string header_json_text(const ModelHeader& header, std::uint64_t payload_bytes) {
  Json training = Json::object();
  training["command"] = header.training.command;
  training["seed"] = header.training.seed;
  training["data_size"] = header.training.data_size;
  Json root = Json::object();
  root["name"] = header.name;
  root["version"] = header.version;
  root["architecture"] = header.architecture;
  root["input_shape"] = header.input_shape;
  root["payload_format"] = payload_format_name(header.payload_format);
  root["payload_bytes"] = payload_bytes;
  root["hyperparameters"] = header.hyperparameters;
  root["training"] = std::move(training);
  return root.dump();
}

Result<ModelHeader> parse_header_json(std::string_view text, std::uint64_t payload_size, const std::string& quoted) {
  Json root;
  try {
    root = Json::parse(text);
  } catch (const Json::parse_error& e) {
    return make_error(Status::model,
                      quoted + " header is not valid JSON (syntax error at byte " + std::to_string(e.byte) + ")");
  } catch (const Json::out_of_range&) {  // found by model_file_fuzzer: "26E626" overflows a double
    return make_error(Status::model, quoted + " header is not valid JSON (a number is out of range)");
  }
  if (!root.is_object()) {
    return make_error(Status::model, quoted + " header is " + found_words(root) + ", expected a JSON object");
  }
  auto header = header_from(root, payload_size, quoted);
  if (!header) return header;
  const std::string broken = header_rule_broken(header.value());
  if (!broken.empty()) return make_error(Status::model, quoted + " header: " + broken);
  return header;
}

}  // namespace drawlens::model
