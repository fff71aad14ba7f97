// The binary frame of a .dlmodel file: magic, format version, lengths, header, payload, CRC-32.
// Opening checks everything a hostile or damaged file could get wrong before any parser sees it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace drawlens::model {

constexpr std::uint32_t kFormatVersion = 1;               // the newest format this library reads and writes
constexpr std::size_t kPrefixBytes = 24;                  // magic 8, format version 4, header 4, payload 8
constexpr std::size_t kChecksumBytes = 4;                 // CRC-32 at the end
constexpr std::uint64_t kMaxHeaderBytes = 1ull << 20;     // 1 MiB of JSON
constexpr std::uint64_t kMaxPayloadBytes = 256ull << 20;  // 256 MiB of weights
constexpr std::uint64_t kMaxFileBytes = kPrefixBytes + kMaxHeaderBytes + kMaxPayloadBytes + kChecksumBytes;

// Views into the opened buffer; valid while it lives.
struct ContainerParts {
  std::string_view header_json;
  const std::uint8_t* payload = nullptr;
  std::size_t payload_size = 0;
};

// INVALID_ARGUMENT when the header or payload is empty or over its limit.
Result<std::vector<std::uint8_t>> frame_model_container(std::string_view header_json, const std::uint8_t* payload,
                                                        std::size_t payload_size);

// MODEL for: not a .dlmodel, a newer or invalid format version, a length over its limit, an empty
// payload, a truncated file or bytes after the checksum, and a checksum mismatch. `quoted` is the
// file's name in quotes, used to start every message.
Result<ContainerParts> open_model_container(const std::uint8_t* data, std::size_t size, const std::string& quoted);

}  // namespace drawlens::model
