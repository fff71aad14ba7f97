// Page-range syntax of the command line.
#include "page_range.h"

#include <cctype>

namespace drawlens::cli {
namespace {

std::optional<int> parse_positive(const std::string& s) {
  if (s.empty() || s.size() > 6) return std::nullopt;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
  }
  const int value = std::stoi(s);
  return value >= 1 ? std::optional<int>(value) : std::nullopt;
}

}  // namespace

std::optional<PageRange> parse_page_range(const std::string& text) {
  const auto dash = text.find('-');
  if (dash == std::string::npos) {
    const auto page = parse_positive(text);
    if (!page) return std::nullopt;
    return PageRange{*page, *page};
  }
  const auto first = parse_positive(text.substr(0, dash));
  const std::string tail = text.substr(dash + 1);
  if (!first) return std::nullopt;
  if (tail.empty()) return PageRange{*first, 0};
  const auto last = parse_positive(tail);
  if (!last || *last < *first) return std::nullopt;
  return PageRange{*first, *last};
}

}  // namespace drawlens::cli
