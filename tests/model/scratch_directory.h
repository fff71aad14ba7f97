// A fresh directory under the system temporary directory, removed with everything in it on exit.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <string>

namespace drawlens_test {

class ScratchDirectory {
 public:
  explicit ScratchDirectory(const std::string& purpose)
      : path_(std::filesystem::temp_directory_path() /
              ("drawlens-model-" + purpose + "-" + std::to_string(::getpid()))) {
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~ScratchDirectory() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  ScratchDirectory(const ScratchDirectory&) = delete;
  ScratchDirectory& operator=(const ScratchDirectory&) = delete;

  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace drawlens_test
