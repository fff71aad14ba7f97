// Writes and opens the .dlmodel frame. Lengths are fixed-width and checked against limits and the
// buffer size, and the CRC-32 is verified, before the header JSON or the payload is looked at.
#include "model/model_container.h"

#include <zlib.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstring>

namespace drawlens::model {
namespace {

// PNG-style: a high byte first (not text), then CR LF, EOF (0x1a) and LF to catch line-ending
// conversion by a text-mode transfer.
constexpr std::array<std::uint8_t, 8> kMagic = {0x89, 'D', 'L', 'M', '\r', '\n', 0x1a, '\n'};

void append_le(std::vector<std::uint8_t>& out, std::uint64_t value, int bytes) {
  for (int i = 0; i < bytes; ++i) out.push_back(static_cast<std::uint8_t>(value >> (8 * i)));
}

std::uint64_t read_le(const std::uint8_t* at, int bytes) {
  std::uint64_t value = 0;
  for (int i = bytes - 1; i >= 0; --i) value = (value << 8) | at[i];
  return value;
}

std::uint32_t crc32_of(const std::uint8_t* data, std::size_t size) {
  return static_cast<std::uint32_t>(crc32_z(0, data, size));
}

std::string hex32(std::uint32_t value) {
  char text[11];
  std::snprintf(text, sizeof text, "0x%08x", value);
  return text;
}

Error model_error(const std::string& quoted, const std::string& problem) {
  return make_error(Status::model, quoted + " " + problem);
}

}  // namespace

Result<std::vector<std::uint8_t>> frame_model_container(std::string_view header_json, const std::uint8_t* payload,
                                                        std::size_t payload_size) {
  if (header_json.empty() || header_json.size() > kMaxHeaderBytes) {
    return make_error(Status::invalid_argument, "model header is " + std::to_string(header_json.size()) +
                                                    " bytes; it must be 1.." + std::to_string(kMaxHeaderBytes));
  }
  if (payload_size == 0 || payload_size > kMaxPayloadBytes) {
    return make_error(Status::invalid_argument, "model payload is " + std::to_string(payload_size) +
                                                    " bytes; it must be 1.." + std::to_string(kMaxPayloadBytes));
  }
  std::vector<std::uint8_t> out(kMagic.begin(), kMagic.end());
  out.reserve(kPrefixBytes + header_json.size() + payload_size + kChecksumBytes);
  append_le(out, kFormatVersion, 4);
  append_le(out, header_json.size(), 4);
  append_le(out, payload_size, 8);
  out.insert(out.end(), header_json.begin(), header_json.end());
  out.insert(out.end(), payload, payload + payload_size);
  append_le(out, crc32_of(out.data(), out.size()), 4);
  return out;
}

Result<ContainerParts> open_model_container(const std::uint8_t* data, std::size_t size, const std::string& quoted) {
  if (size == 0) return model_error(quoted, "is empty (0 bytes), not a drawlens model file");
  if (std::memcmp(data, kMagic.data(), std::min(size, kMagic.size())) != 0) {
    return model_error(quoted, "is not a drawlens model file (it does not start with the .dlmodel magic bytes)");
  }
  const std::size_t smallest = kPrefixBytes + kChecksumBytes;
  if (size < kPrefixBytes) {
    return model_error(quoted, "is truncated: it ends after " + std::to_string(size) + " of at least " +
                                   std::to_string(smallest) + " bytes");
  }
  const auto format_version = static_cast<std::uint32_t>(read_le(data + 8, 4));
  if (format_version == 0) return model_error(quoted, "has format version 0, which no drawlens writes (corrupt file)");
  if (format_version > kFormatVersion) {
    return model_error(quoted, "has format version " + std::to_string(format_version) +
                                   ", newer than this drawlens reads (up to " + std::to_string(kFormatVersion) +
                                   "); update drawlens");
  }
  const std::uint64_t header_bytes = read_le(data + 12, 4);
  const std::uint64_t payload_bytes = read_le(data + 16, 8);
  if (header_bytes == 0 || header_bytes > kMaxHeaderBytes) {
    return model_error(quoted, "declares a header of " + std::to_string(header_bytes) + " bytes; the limit is 1.." +
                                   std::to_string(kMaxHeaderBytes) + " (corrupt file)");
  }
  if (payload_bytes == 0) return model_error(quoted, "declares an empty payload (no weights)");
  if (payload_bytes > kMaxPayloadBytes) {
    return model_error(quoted, "declares a payload of " + std::to_string(payload_bytes) + " bytes, over the limit of " +
                                   std::to_string(kMaxPayloadBytes) + " (corrupt file)");
  }
  const std::uint64_t expected = kPrefixBytes + header_bytes + payload_bytes + kChecksumBytes;
  if (size < expected) {
    return model_error(
        quoted, "is truncated: it ends after " + std::to_string(size) + " of " + std::to_string(expected) + " bytes");
  }
  if (size > expected) {
    return model_error(quoted, "has " + std::to_string(size - expected) + " bytes after its checksum (" +
                                   std::to_string(expected) + " bytes expected; corrupt file)");
  }
  const std::size_t checked = static_cast<std::size_t>(expected) - kChecksumBytes;
  const auto stored = static_cast<std::uint32_t>(read_le(data + checked, 4));
  const std::uint32_t computed = crc32_of(data, checked);
  if (stored != computed) {
    return model_error(quoted, "is corrupt: checksum mismatch (stored CRC-32 " + hex32(stored) + ", the bytes give " +
                                   hex32(computed) + "); the file is damaged or bit-flipped");
  }
  ContainerParts parts;
  parts.header_json = std::string_view(reinterpret_cast<const char*>(data + kPrefixBytes), header_bytes);
  parts.payload = data + kPrefixBytes + header_bytes;
  parts.payload_size = static_cast<std::size_t>(payload_bytes);
  return parts;
}

}  // namespace drawlens::model
