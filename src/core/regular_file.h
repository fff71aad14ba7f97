// Reads a whole file from disk, after checking with stat, before allocating anything, that it is a
// regular file and that its size fits the caller's limit.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"

namespace drawlens {

// Errors: IO (missing, unreadable, a directory or another non-regular file) and LIMIT_EXCEEDED
// (larger than max_bytes; the message names the limit as limit_name). Every message quotes path.
Result<std::vector<std::uint8_t>> read_regular_file(const std::string& path, std::uint64_t max_bytes,
                                                    const std::string& limit_name);

}  // namespace drawlens
