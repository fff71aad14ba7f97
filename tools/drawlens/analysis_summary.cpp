// The `drawlens analyze` text summary: per page, the layout briefly and the findings a person
// checks first — detected regions (raster pages), dimensions with their tolerances and limits,
// GD&T frames and datum features, title fields, and the tolerance analysis in one line.
#include "analysis_summary.h"

#include <cstdio>
#include <map>
#include <sstream>
#include <vector>

namespace drawlens::cli {
namespace {

// Items of one kind listed per page without --verbose; the rest are counted.
constexpr std::size_t kBriefItems = 8;

// The page's findings. The facade's Page is expected to grow (surface finishes, notes, the general
// tolerance) and its stage results may become optional: only these lines then change.
const std::vector<Dimension>& dimensions_of(const Page& page) {
  return page.dimensions;
}
const std::vector<GdtFrame>& gdt_frames_of(const Page& page) {
  return page.gdt_frames;
}
const std::vector<TitleField>& title_fields_of(const Page& page) {
  return page.title_fields;
}

std::string number(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%g", value);
  return buffer;
}

std::string signed_number(double value) {
  return (value > 0 ? "+" : "") + number(value);
}

std::string box_text(const Box& b) {
  std::ostringstream s;
  s << b.x << "," << b.y << " " << b.width << "x" << b.height;
  return s.str();
}

const char* dpi_source_text(drawlens_dpi_source s) {
  switch (s) {
    case DRAWLENS_DPI_RENDER: return "rendered";
    case DRAWLENS_DPI_FILE: return "from file";
    case DRAWLENS_DPI_CALLER: return "given";
    default: return "assumed";
  }
}

bool toleranced(const Dimension& d) {
  return d.tolerance_kind != DRAWLENS_TOLERANCE_NONE && d.tolerance_kind != DRAWLENS_TOLERANCE_GENERAL;
}

// What the printed text leaves implicit: a fit's or a general tolerance's deviations, and the
// limits of size ("(+0.021/0)  → 25 .. 25.021").
std::string tolerance_text(const Dimension& d) {
  std::string out;
  const bool implicit = d.tolerance_kind == DRAWLENS_TOLERANCE_FIT || d.tolerance_kind == DRAWLENS_TOLERANCE_GENERAL;
  if (implicit && d.upper_deviation && d.lower_deviation) {
    out = "(" + std::string(d.tolerance_kind == DRAWLENS_TOLERANCE_GENERAL ? "general " : "") +
          signed_number(*d.upper_deviation) + "/" + signed_number(*d.lower_deviation) + ")";
  }
  if (d.lower_limit && d.upper_limit) {
    out +=
        (out.empty() ? "" : "  ") + std::string("\u2192 ") + number(*d.lower_limit) + " .. " + number(*d.upper_limit);
  }
  return out;
}

std::string frame_text(const GdtFrame& frame) {
  std::string out = frame.normalized;
  for (char& c : out) c = c == '\n' ? ' ' : c;
  std::string datums;
  for (const std::string& datum : frame.datums) datums += (datums.empty() ? "" : ", ") + datum;
  out += "  (" +
         std::string(frame.zone_diameter == 1   ? "\u00D8"
                     : frame.zone_diameter == 2 ? "S\u00D8"
                                                : "") +
         number(frame.tolerance) + (datums.empty() ? "" : " to " + datums) + ")";
  return out;
}

void print_table(std::ostream& out, const char* what, const Table& t, bool verbose) {
  out << "    " << what << ": " << box_text(t.box) << ", " << t.rows << " rows x " << t.cols << " cols, "
      << t.cells.size() << " cells\n";
  if (!verbose) return;
  for (const Cell& c : t.cells) {
    if (!c.text.empty()) out << "      [" << c.row << "," << c.col << "] " << c.text << "\n";
  }
}

void print_layout(std::ostream& out, const Page& p, bool verbose) {
  out << "    border: " << (p.border ? box_text(*p.border) : std::string("none found")) << "\n";
  if (p.title_block) {
    print_table(out, "title block", *p.title_block, verbose);
  } else {
    out << "    title block: none found\n";
  }
  for (const Table& t : p.tables) print_table(out, "table", t, verbose);
}

void print_dimensions(std::ostream& out, const Page& p, bool verbose) {
  const auto& dimensions = dimensions_of(p);
  std::size_t with_tolerance = 0;
  for (const Dimension& d : dimensions) with_tolerance += toleranced(d) ? 1 : 0;
  out << "    dimensions: " << dimensions.size() << " (" << with_tolerance << " toleranced)\n";
  std::size_t shown = 0, listed = 0;
  for (const Dimension& d : dimensions) {
    if (!verbose && !toleranced(d)) continue;
    ++listed;
    if (!verbose && shown == kBriefItems) continue;
    ++shown;
    const std::string tolerance = tolerance_text(d);
    out << "      " << d.normalized << (tolerance.empty() ? "" : "   " + tolerance) << "\n";
  }
  if (listed > shown) out << "      ... " << listed - shown << " more (--verbose lists all)\n";
}

void print_frames(std::ostream& out, const Page& p, bool verbose) {
  const auto& frames = gdt_frames_of(p);
  out << "    GD&T frames: " << frames.size() << "\n";
  std::size_t shown = 0;
  for (const GdtFrame& frame : frames) {
    if (!verbose && shown == kBriefItems) break;
    ++shown;
    out << "      " << frame_text(frame) << "\n";
  }
  if (frames.size() > shown) out << "      ... " << frames.size() - shown << " more (--verbose lists all)\n";
  if (p.datum_features.empty()) return;
  out << "    datum features: ";
  const char* separator = "";
  for (const DatumFeature& datum : p.datum_features) {
    out << separator << datum.label;
    separator = ", ";
  }
  out << "\n";
}

void print_title_fields(std::ostream& out, const Page& p) {
  const auto& fields = title_fields_of(p);
  out << "    title fields: " << (fields.empty() ? "none found" : std::to_string(fields.size())) << "\n";
  for (const TitleField& field : fields) {
    std::string value = field.value;
    for (char& c : value) c = c == '\n' ? ' ' : c;
    out << "      " << field.key << ": " << value << "\n";
  }
}

// Raster pages: how many regions of each category the detector found (read in a later stage).
void print_detections(std::ostream& out, const Page& p) {
  if (p.detections.empty()) return;
  std::map<std::string, int> counts;
  for (const Detection& d : p.detections) ++counts[d.category_name()];
  out << "    detected regions: " << p.detections.size() << " (";
  const char* separator = "";
  for (const auto& [category, count] : counts) {
    out << separator << count << " " << category;
    separator = ", ";
  }
  out << ")\n";
}

// The segment stage (--segment): how many primitives of each linework class, how many dashed
// lines, and how many dimensions were tied to their lines and to a feature.
void print_segments(std::ostream& out, const Page& p) {
  if (p.segments.empty()) return;
  std::map<std::string, int> counts;
  int dashed = 0;
  for (const Segment& s : p.segments) {
    ++counts[s.class_name()];
    dashed += s.dash_count > 1 ? 1 : 0;
  }
  out << "    linework: " << p.segments.size() << " primitives (";
  const char* separator = "";
  for (const auto& [line_class, count] : counts) {
    out << separator << count << " " << line_class;
    separator = ", ";
  }
  out << "), " << dashed << " dashed lines\n";
  if (p.dimensions.empty()) return;
  int with_lines = 0, with_feature = 0;
  for (const Dimension& d : p.dimensions) {
    with_lines += d.lines.empty() ? 0 : 1;
    with_feature += d.feature.empty() ? 0 : 1;
  }
  out << "    dimensions tied to their lines: " << with_lines << " of " << p.dimensions.size()
      << ", to the feature they measure: " << with_feature << "\n";
}

// One line for the tolerance stage: how many features it analysed, by rating, and the cost drivers.
void print_tolerances(std::ostream& out, const Page& p) {
  if (p.tolerances.empty()) return;
  std::map<std::string, int> ratings;
  int cost_drivers = 0;
  for (const ToleranceAnalysis& a : p.tolerances) {
    ++ratings[drawlens_rating_name(a.rating)];
    cost_drivers += a.cost_driver ? 1 : 0;
  }
  out << "    tolerance analysis (" << drawlens_process_name(p.tolerances.front().process) << ", "
      << drawlens_material_name(p.tolerances.front().material) << "): " << p.tolerances.size() << " features (";
  const char* separator = "";
  for (const auto& [rating, count] : ratings) {
    out << separator << count << " " << rating;
    separator = ", ";
  }
  out << "), " << cost_drivers << " cost driver(s); drawlens tolerance FILE lists them\n";
}

}  // namespace

void print_analysis_summary(std::ostream& out, const std::string& file, const Result& result, bool verbose) {
  out << file << ": " << result.page_count() << " page(s) analysed\n";
  for (const Page& p : result.pages()) {
    out << "  page " << p.index + 1 << ": " << p.width << "x" << p.height << " px at " << p.dpi << " dpi ("
        << dpi_source_text(p.dpi_source) << "), " << p.words.size() << " text-layer words\n";
    print_layout(out, p, verbose);
    print_detections(out, p);
    print_dimensions(out, p, verbose);
    print_frames(out, p, verbose);
    print_title_fields(out, p);
    print_tolerances(out, p);
    print_segments(out, p);
  }
}

}  // namespace drawlens::cli
