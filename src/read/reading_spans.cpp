// Region readings as the annotate stage's text spans (read.h).
#include <algorithm>
#include <cmath>
#include <string>

#include "read/quarter_turn.h"
#include "read/read.h"

namespace drawlens::read {
namespace {

// Characters a dimension line, arrowhead or leader leaves at a crop's ends, which no annotation
// starts or ends with.
bool stray_mark(char c) {
  return c == '-' || c == '.' || c == ',' || c == ':' || c == ';' || c == '_' || c == '\'' || c == '`' || c == ' ';
}

// The reading without stray marks at either end, or "" when it has none to drop. A bracket at an
// end without its partner is a stray mark too: the side of a basic dimension's box or of a table
// cell at the crop's edge (`7.00]`, `[R8.05`); a balanced pair is a basic dimension's box.
std::string without_stray_ends(const std::string& text) {
  std::size_t first = 0, last = text.size();
  const bool opens = text.find('[') != std::string::npos, closes = text.find(']') != std::string::npos;
  const auto stray_at = [&](std::size_t i) {
    return stray_mark(text[i]) || text[i] == '|' || (text[i] == '[' && !closes) || (text[i] == ']' && !opens);
  };
  while (first < last && stray_at(first)) ++first;
  while (last > first && stray_at(last - 1)) --last;
  if (first == 0 && last == text.size()) return "";
  return text.substr(first, last - first);
}

Box bounds_of(const detect::OrientedBox& box) {
  const cv::Rect2d r = detect::axis_bounds(box);
  const int x = static_cast<int>(std::floor(r.x)), y = static_cast<int>(std::floor(r.y));
  return {x, y, static_cast<int>(std::ceil(r.x + r.width)) - x, static_cast<int>(std::ceil(r.y + r.height)) - y};
}

bool inside_a_table(const detect::OrientedBox& box, const layout::Layout& layout) {
  const int x = static_cast<int>(std::lround(box.centre_x)), y = static_cast<int>(std::lround(box.centre_y));
  const auto holds = [x, y](const layout::Table& t) { return t.box.contains(Box{x, y, 0, 0}); };
  return (layout.title_block && holds(*layout.title_block)) ||
         std::any_of(layout.tables.begin(), layout.tables.end(), holds);
}

}  // namespace

std::vector<annotate::TextSpan> reading_spans(const std::vector<RegionReading>& readings, const layout::Layout& layout,
                                              const DrawnText* drawn) {
  std::vector<annotate::TextSpan> spans;
  for (const RegionReading& r : readings) {
    if (r.text.empty() || inside_a_table(r.region.box, layout)) continue;
    const bool framed =
        drawn != nullptr && std::any_of(drawn->frames.begin(), drawn->frames.end(), [&](const DrawnFrame& f) {
          return contains_point(f.span.box, r.region.box.centre_x, r.region.box.centre_y);
        });
    if (framed) continue;
    annotate::TextSpan span;
    span.text = r.text;
    span.box = bounds_of(r.region.box);
    span.rotation = quarter_turn(r.region.box.angle_degrees);
    span.confidence = r.confidence;
    span.source = r.source;
    if (r.region.category == detect::Category::gdt_frame) span.kind = parse::AnnotationKind::gdt_frame;
    span.datum_feature = r.region.category == detect::Category::datum_feature;
    // Tried when the whole reading does not parse (annotate reads a span's parts then).
    if (std::string trimmed = without_stray_ends(r.text); !trimmed.empty()) {
      annotate::TextSpan part = span;
      part.text = std::move(trimmed);
      span.parts.push_back(std::move(part));
    }
    spans.push_back(std::move(span));
  }
  return spans;
}

}  // namespace drawlens::read
