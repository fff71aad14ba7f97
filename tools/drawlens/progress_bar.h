// A one-line progress bar on stderr for batches; plain lines when stderr is not a terminal.
#pragma once

#include <cstddef>
#include <string>

namespace drawlens::cli {

class ProgressBar {
 public:
  explicit ProgressBar(std::size_t total);
  ~ProgressBar();
  void step(const std::string& label);  // call before working on item `label`

 private:
  std::size_t total_;
  std::size_t done_ = 0;
  bool terminal_;
};

}  // namespace drawlens::cli
