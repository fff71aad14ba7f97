// Parses the --pages option ("3", "1-3", "2-" for page 2 to the end).
#pragma once

#include <optional>
#include <string>

namespace drawlens::cli {

struct PageRange {
  int first = 1;
  int last = 0;  // 0 = to the last page
};

std::optional<PageRange> parse_page_range(const std::string& text);

}  // namespace drawlens::cli
