// Paths on disk checked before they are trusted: a whole file read after checking with stat, before
// allocating anything, that it is a regular file within the caller's size limit; a directory's existence.
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

// Empty when path is an existing directory, else why not ("does not exist", "is not a directory",
// or the system's reason).
std::string why_not_a_directory(const std::string& path);

}  // namespace drawlens
