// Stacked annotation parts: CAD programs print "+0.10" over "-0.20" beside a value, the lower
// deviation on the value's baseline with the upper one above it, limits one over the other, and
// "H7" over "k6". Each part is its own text line; this merges them into the line they belong to.
#include <algorithm>
#include <cmath>

#include "annotate/annotate.h"
#include "annotate/text_lines.h"

namespace drawlens::annotate {
namespace {

// Stacked parts start in the same column (within this share of the text height), sit at most
// this far apart across the baseline, and a pair starts at most this far after its value.
constexpr double kColumnTolerance = 0.6;
constexpr double kMaxStackGap = 0.6;
constexpr double kMaxOverlap = 0.4;
constexpr double kMaxPairDistance = 1.2;

using PartKind = parse::StackedPart;

bool compatible(PartKind part, PartKind base_tail, const std::string& part_text, const std::string& base_text) {
  if (part == base_tail) return true;
  const auto is_zero = [](const std::string& text) { return text.find_first_not_of("0., ") == std::string::npos; };
  const std::string base_last = base_text.substr(base_text.find_last_of(' ') + 1);
  if (part == PartKind::signed_number && base_tail == PartKind::number) return is_zero(base_last);
  if (part == PartKind::number && base_tail == PartKind::signed_number) return is_zero(part_text);
  return false;
}

// Two bands across the baseline lie one directly over the other: apart by at most a small gap,
// overlapping by at most a little.
bool adjacent(double a0, double a1, double b0, double b1, double h) {
  const double gap = (a0 + a1 < b0 + b1) ? b0 - a1 : a0 - b1;
  return gap <= kMaxStackGap * h && gap >= -kMaxOverlap * h;
}

bool adjacent(const TextLine& a, const TextLine& b, double h) {
  return adjacent(a.v0, a.v1, b.v0, b.v1, h);
}

void absorb(TextLine& base, TextLine& part) {
  for (const FramedWord& w : part.words) base.add(w);  // the merged text is kept beside the line
  part.words.clear();
}

struct Merged {
  TextLine line;
  std::string text;
  std::vector<TextSpan> parts;  // the lines merged in, the base first
};

void absorb(Merged& base, Merged& part) {
  if (base.parts.empty()) base.parts.push_back({base.text, base.line.box(), base.line.rotation, {}});
  base.parts.push_back({part.text, part.line.box(), part.line.rotation, {}});
  base.text += " " + part.text;
  absorb(base.line, part.line);
}

// "25" with "+0.1" above-right and "-0.2" below-right.
bool merge_pair(std::vector<Merged>& lines, std::size_t a, std::size_t b) {
  Merged& first = lines[a];
  Merged& second = lines[b];
  Merged& upper = first.line.v_center() < second.line.v_center() ? first : second;
  Merged& lower = &upper == &first ? second : first;
  const double h = std::max(upper.line.height(), lower.line.height());
  for (Merged& base : lines) {
    if (&base == &upper || &base == &lower || base.line.words.empty() || base.line.rotation != upper.line.rotation)
      continue;
    const double start = std::min(upper.line.u0, lower.line.u0);
    const double distance = start - base.line.u1;
    const double center = base.line.v_center();
    if (distance < -kMaxOverlap * h || distance > kMaxPairDistance * h) continue;
    if (center < upper.line.v_center() || center > lower.line.v_center()) continue;
    absorb(base, upper);
    absorb(base, lower);
    return true;
  }
  return false;
}

// A part in the column of its base line's last word, directly above or below it.
bool merge_single(std::vector<Merged>& lines, Merged& part, PartKind kind) {
  for (Merged& base : lines) {
    if (&base == &part || base.line.words.empty() || base.line.rotation != part.line.rotation) continue;
    const double h = std::max(base.line.height(), part.line.height());
    // The base's last word, not its whole line: "R" beside "11.20" must not push "11.30" away.
    const FramedWord& last = base.line.words.back();
    const double column = std::abs(last.u0 - part.line.words.back().u0);
    if (column > kColumnTolerance * h || !adjacent(last.v0, last.v1, part.line.v0, part.line.v1, h)) continue;
    if (!compatible(kind, parse::stacked_part(base.text, true), part.text, base.text)) continue;
    absorb(base, part);
    return true;
  }
  return false;
}

}  // namespace

std::vector<TextSpan> merge_stacked_lines(std::vector<TextLine> lines) {
  std::vector<Merged> merged;
  merged.reserve(lines.size());
  for (TextLine& line : lines) merged.push_back({line, line.text(), {}});
  std::vector<PartKind> kinds;
  for (const Merged& m : merged) kinds.push_back(parse::stacked_part(m.text, false));
  // Pairs first: two parts in one column, one over the other, beside a base.
  for (std::size_t a = 0; a < merged.size(); ++a) {
    for (std::size_t b = a + 1; b < merged.size() && kinds[a] != PartKind::none; ++b) {
      if (kinds[b] == PartKind::none || merged[a].line.words.empty() || merged[b].line.words.empty()) continue;
      const TextLine& x = merged[a].line;
      const TextLine& y = merged[b].line;
      const double h = std::max(x.height(), y.height());
      if (x.rotation != y.rotation || std::abs(x.u0 - y.u0) > kColumnTolerance * h || !adjacent(x, y, h)) continue;
      if (merge_pair(merged, a, b)) kinds[a] = kinds[b] = PartKind::none;
    }
  }
  for (std::size_t i = 0; i < merged.size(); ++i) {
    if (kinds[i] != PartKind::none && !merged[i].line.words.empty()) merge_single(merged, merged[i], kinds[i]);
  }
  std::vector<TextSpan> spans;
  for (const Merged& m : merged) {
    if (!m.line.words.empty()) spans.push_back({m.text, m.line.box(), m.line.rotation, m.parts});
  }
  return spans;
}

}  // namespace drawlens::annotate
