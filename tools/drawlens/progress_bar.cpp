// Progress display for `drawlens analyze` over many files.
#include "progress_bar.h"

#include <unistd.h>

#include <cstdio>

namespace drawlens::cli {

ProgressBar::ProgressBar(std::size_t total) : total_(total), terminal_(isatty(STDERR_FILENO) != 0) {}

ProgressBar::~ProgressBar() {
  if (terminal_ && total_ > 1) std::fprintf(stderr, "\n");
}

void ProgressBar::step(const std::string& label) {
  ++done_;
  if (total_ <= 1) return;
  constexpr int kWidth = 30;
  const int filled = static_cast<int>(kWidth * done_ / total_);
  if (terminal_) {
    std::fprintf(stderr, "\r[%.*s%*s] %zu/%zu %-40.40s", filled, "##############################", kWidth - filled, "",
                 done_, total_, label.c_str());
  } else {
    std::fprintf(stderr, "[%zu/%zu] %s\n", done_, total_, label.c_str());
  }
  std::fflush(stderr);
}

}  // namespace drawlens::cli
