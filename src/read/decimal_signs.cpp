// One decimal sign per page (read.h): the recognizer takes a decimal comma for a point (or the
// other way round) now and then, while a drawing writes all its numbers with the same sign.
#include <algorithm>
#include <cctype>
#include <string>

#include "read/read.h"

namespace drawlens::read {
namespace {

// The fewest signs, and how many times the other sign's count, that make a page's sign clear.
constexpr int kClearCount = 3;
constexpr int kClearRatio = 3;

bool digit(char c) {
  return std::isdigit(static_cast<unsigned char>(c)) != 0;
}

// Whether text[i] is `sign` between two digits.
bool decimal_sign_at(const std::string& text, std::size_t i, char sign) {
  return i > 0 && i + 1 < text.size() && text[i] == sign && digit(text[i - 1]) && digit(text[i + 1]);
}

// Whether a reading's numbers are the page's: the recognizer's readings of callouts, not prose.
bool numeric(const RegionReading& r) {
  return r.source == annotate::TextSource::recognizer && r.region.category != detect::Category::note;
}

// How often `sign` stands between two digits in `text`.
int decimal_signs(const std::string& text, char sign) {
  int count = 0;
  for (std::size_t i = 0; i < text.size(); ++i) count += decimal_sign_at(text, i, sign) ? 1 : 0;
  return count;
}

}  // namespace

void unify_decimal_signs(std::vector<RegionReading>& readings) {
  int points = 0, commas = 0;
  for (const RegionReading& r : readings) {
    if (!numeric(r)) continue;
    points += decimal_signs(r.text, '.');
    commas += decimal_signs(r.text, ',');
  }
  const char page_sign = points >= kClearCount && points >= kClearRatio * commas   ? '.'
                         : commas >= kClearCount && commas >= kClearRatio * points ? ','
                                                                                   : '\0';
  if (page_sign == '\0') return;
  const char other = page_sign == '.' ? ',' : '.';
  for (RegionReading& r : readings) {
    if (!numeric(r)) continue;
    for (std::size_t i = 0; i < r.text.size(); ++i) {
      if (decimal_sign_at(r.text, i, other)) r.text[i] = page_sign;
    }
  }
}

}  // namespace drawlens::read
