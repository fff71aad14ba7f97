// The JSON header of a .dlmodel file: written from a ModelHeader, and read back with every field's
// presence, type and range checked, by rules the writer shares.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/status.h"
#include "model/model.h"

namespace drawlens::model {

// Why a model name cannot be used (it is also the file name), or empty when it can.
std::string name_rule_broken(const std::string& name);

// The first rule the header breaks ("name 'A b' must be 1..64 characters of a-z, 0-9, '_' and '-'"),
// or empty when it keeps them all.
std::string header_rule_broken(const ModelHeader& header);

// Compact JSON with sorted keys (the same header always gives the same bytes); payload_bytes records
// the payload's size.
std::string header_json_text(const ModelHeader& header, std::uint64_t payload_bytes);

// MODEL when the text is not a JSON object, a field is missing or of the wrong type, a rule is
// broken, or payload_bytes disagrees with the frame's payload_size. Messages start with `quoted`.
Result<ModelHeader> parse_header_json(std::string_view text, std::uint64_t payload_size, const std::string& quoted);

}  // namespace drawlens::model
