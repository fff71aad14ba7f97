// Whole-file reading with the checks every stage needs before it trusts a size from the disk, and
// the directory check behind model_directory and the models search.
#include "core/regular_file.h"

#include <sys/stat.h>
#include <cerrno>
#include <cstring>
#include <fstream>

namespace drawlens {

Result<std::vector<std::uint8_t>> read_regular_file(const std::string& path, std::uint64_t max_bytes,
                                                    const std::string& limit_name) {
  const std::string label = "'" + path + "'";
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) {
    return make_error(Status::io, "cannot open " + label + ": " + std::strerror(errno));
  }
  if (S_ISDIR(info.st_mode)) return make_error(Status::io, label + " is a directory, not a file");
  if (!S_ISREG(info.st_mode)) return make_error(Status::io, label + " is not a regular file");
  const auto size = static_cast<std::uint64_t>(info.st_size);
  if (size > max_bytes) {
    return make_error(Status::limit_exceeded, label + " is " + std::to_string(size) + " bytes, over the limit of " +
                                                  std::to_string(max_bytes) + " (" + limit_name + ")");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error(Status::io, "cannot open " + label + ": " + std::strerror(errno));
  std::vector<std::uint8_t> bytes(static_cast<std::size_t>(size));
  if (size > 0 && !in.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(size))) {
    return make_error(Status::io, "cannot read " + label + ": read " + std::to_string(in.gcount()) + " of " +
                                      std::to_string(size) + " bytes");
  }
  return bytes;
}

std::string why_not_a_directory(const std::string& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) {
    return errno == ENOENT ? std::string("does not exist") : std::string(std::strerror(errno));
  }
  return S_ISDIR(info.st_mode) ? std::string() : std::string("is not a directory");
}

}  // namespace drawlens
