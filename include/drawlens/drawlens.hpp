// drawlens C++ facade: header-only, move-only RAII wrappers over the C ABI in drawlens.h, with
// value types for results. A failed call throws drawlens::Error carrying the status and message.
//
//   drawlens::Pipeline pipeline;                       // default options
//   drawlens::Result result = pipeline.analyze(drawlens::Document::file("part.pdf"));
//   for (const drawlens::Page& page : result.pages()) { ... page.title_block ... }
//   std::string json = result.json();
#ifndef DRAWLENS_DRAWLENS_HPP
#define DRAWLENS_DRAWLENS_HPP

#include <algorithm>
#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "drawlens/drawlens.h"

namespace drawlens {

class Error : public std::runtime_error {
 public:
  Error(drawlens_status status, const std::string& message) : std::runtime_error(message), status_(status) {}
  drawlens_status status() const noexcept { return status_; }
  const char* status_name() const noexcept { return drawlens_status_name(status_); }
  // What kind of failure it is (the caller's, the input's, a limit, ...): drawlens_status_category.
  drawlens_category category() const noexcept { return drawlens_status_category(status_); }
  const char* category_name() const noexcept { return drawlens_category_name(category()); }

 private:
  drawlens_status status_;
};

inline void check(drawlens_status status) {
  if (status != DRAWLENS_OK) throw Error(status, drawlens_last_error());
}

inline std::string version() {
  return drawlens_version();
}
inline std::string build_info() {
  return drawlens_build_info();
}

struct Box {
  int x = 0, y = 0, width = 0, height = 0;
};

struct Word {
  std::string text;
  Box box;
  int rotation = 0;
};

struct Cell {
  Box box;
  int row = 0, col = 0, row_span = 1, col_span = 1;
  std::string text;
};

struct Table {
  bool is_title_block = false;
  Box box;
  int rows = 0, cols = 0;
  std::vector<Cell> cells;
};

// A dimension with its meaning (drawlens_dimension as a value; strings owned).
struct Dimension {
  std::string text, normalized;
  drawlens_size_type size_type = DRAWLENS_SIZE_LINEAR;
  int count = 1;
  double nominal = 0;
  drawlens_unit unit = DRAWLENS_UNIT_MM;
  drawlens_tolerance_kind tolerance_kind = DRAWLENS_TOLERANCE_NONE;
  std::optional<double> upper_deviation, lower_deviation, upper_limit, lower_limit;
  std::string hole_class, shaft_class, it_grade, thread;
  unsigned int flags = 0;
  double depth = 0;
  double confidence = 1;
  Box box;
  int angle = 0;
  drawlens_source source = DRAWLENS_SOURCE_TEXT_LAYER;
  // With DRAWLENS_STAGE_SEGMENT: indices into Page::segments of its dimension, extension and leader
  // lines and arrowheads, and of the outline it measures (drawlens_result_dimension_linework).
  std::vector<std::size_t> lines, feature;
};

struct GdtFrame {
  std::string text, normalized;
  drawlens_characteristic characteristic = DRAWLENS_GDT_POSITION;
  std::size_t segment_count = 1;
  double tolerance = 0;
  int zone_diameter = 0;  // 1: Ø, 2: SØ
  std::vector<std::string> datums;
  double confidence = 1;
  Box box;
  drawlens_source source = DRAWLENS_SOURCE_TEXT_LAYER;
};

struct TitleField {
  std::string key, label, value;
  Box box;
  double confidence = 1;
  drawlens_source source = DRAWLENS_SOURCE_TEXT_LAYER;
};

// A surface texture symbol: "Ra 1.6" is parameter "Ra", value 1.6, unit "um".
struct SurfaceFinish {
  std::string text, parameter;
  double value = 0;
  std::string unit;  // "um", "uin", "percent", "grade"
  bool lower_limit = false;
  Box box;
  double confidence = 1;
  drawlens_source source = DRAWLENS_SOURCE_TEXT_LAYER;
};

struct Note {
  std::string text;
  Box box;
  double confidence = 1;
  drawlens_source source = DRAWLENS_SOURCE_TEXT_LAYER;
};

// A datum feature symbol: its label ("A", a datum target "A1") and the symbol's box.
struct DatumFeature {
  std::string label;
  Box box;
  double confidence = 1;
  drawlens_source source = DRAWLENS_SOURCE_TEXT_LAYER;
};

// The general tolerance a page states, e.g. "ISO 2768-mK": standard "ISO 2768-1", linear class "m",
// geometric class "K".
struct GeneralTolerance {
  std::string standard, linear_class, geometric_class, text, note;
  Box box;
  double confidence = 1;
  drawlens_source source = DRAWLENS_SOURCE_TEXT_LAYER;
};

struct Detection {
  drawlens_detection_category category = DRAWLENS_DETECTION_DIMENSION;
  double centre_x = 0, centre_y = 0, width = 0, height = 0;
  double angle = 0;                 // reading direction, degrees counter-clockwise as displayed
  std::array<double, 8> corners{};  // bottom-left, bottom-right, top-right, top-left: x, y
  double score = 0;
  // What the read stage read in the region: nullopt when it did not run, "" when nothing was readable.
  std::optional<std::string> text;
  double text_confidence = 0;
  drawlens_source text_source = DRAWLENS_SOURCE_RECOGNIZER;
  std::string category_name() const { return drawlens_detection_category_name(category); }
};

// A classified piece of linework (drawlens_segment; docs/segment.md).
struct Segment {
  drawlens_line_class line_class = DRAWLENS_LINE_CONTOUR;
  drawlens_primitive_kind kind = DRAWLENS_PRIMITIVE_LINE;
  std::vector<std::array<double, 2>> points;      // line: ends; arc: start, middle, end; bezier: control points
  double centre_x = 0, centre_y = 0, radius = 0;  // arcs
  double length = 0, stroke_width = 0;            // page pixels
  double confidence = 0;
  int dash_count = 1;                      // a dashed line's or arc's dashes; 1 for a solid piece
  double dash_length = 0, gap_length = 0;  // page pixels
  std::string class_name() const { return drawlens_line_class_name(line_class); }
  std::string kind_name() const { return drawlens_primitive_kind_name(kind); }
};

// One feature's tolerance analysis (drawlens_tolerance_analysis; docs/tolerance.md).
struct ToleranceAnalysis {
  std::string id, text;
  drawlens_feature_class feature_class = DRAWLENS_FEATURE_LINEAR_SIZE;
  double size_mm = 0;
  bool size_assumed = false;
  double upper_mm = 0, lower_mm = 0, zone_mm = 0;
  bool general = false;
  std::string general_class;                                  // "ISO 2768-m" when general
  std::optional<std::pair<double, double>> fit_clearance_mm;  // min, max (negative: interference)
  std::optional<int> it_grade;                                // 1..18, 0 = IT0, -1 = IT01
  drawlens_process process = DRAWLENS_PROCESS_MILLING;
  drawlens_material material = DRAWLENS_MATERIAL_STEEL;
  double mean_mm = 0, sigma_mm = 0, q05_mm = 0, q50_mm = 0, q95_mm = 0;
  double yield = 0;
  std::optional<double> cp;  // two-sided sizes only
  double cpk = 0;
  drawlens_rating rating = DRAWLENS_RATING_EASY;
  std::string reason;
  std::vector<drawlens_process> capable_processes;
  double tightness = 0;
  bool cost_driver = false;
  std::optional<int> dimension_index, gdt_frame_index;  // in a result: the annotation it came from
};

struct Page {
  int index = 0;
  int width = 0, height = 0;
  double dpi = 0;
  drawlens_dpi_source dpi_source = DRAWLENS_DPI_ASSUMED;
  std::vector<Word> words;
  std::optional<Box> border;
  std::optional<Table> title_block;
  std::vector<Table> tables;  // ruled tables other than the title block
  std::vector<Dimension> dimensions;
  std::vector<GdtFrame> gdt_frames;
  std::vector<DatumFeature> datum_features;
  std::vector<TitleField> title_fields;
  std::vector<SurfaceFinish> surface_finishes;
  std::vector<Note> notes;
  std::optional<GeneralTolerance> general_tolerance;
  std::vector<Detection> detections;          // raster pages: the detector's regions, best first
  std::vector<ToleranceAnalysis> tolerances;  // the tolerance stage's analyses
  std::vector<Segment> segments;              // DRAWLENS_STAGE_SEGMENT: classified linework
};

namespace detail {

inline ToleranceAnalysis to_tolerance_analysis(const drawlens_tolerance_analysis& raw) {
  ToleranceAnalysis out;
  out.id = raw.id;
  out.text = raw.text;
  out.feature_class = raw.feature_class;
  out.size_mm = raw.size_mm;
  out.size_assumed = raw.size_assumed != 0;
  out.upper_mm = raw.upper_mm;
  out.lower_mm = raw.lower_mm;
  out.zone_mm = raw.zone_mm;
  out.general = raw.general != 0;
  out.general_class = raw.general_class;
  if (raw.has_fit) out.fit_clearance_mm = std::make_pair(raw.fit_min_clearance_mm, raw.fit_max_clearance_mm);
  if (raw.it_grade >= -1) out.it_grade = raw.it_grade;
  out.process = raw.process;
  out.material = raw.material;
  out.mean_mm = raw.mean_mm;
  out.sigma_mm = raw.sigma_mm;
  out.q05_mm = raw.q05_mm;
  out.q50_mm = raw.q50_mm;
  out.q95_mm = raw.q95_mm;
  out.yield = raw.yield;
  if (raw.cp >= 0) out.cp = raw.cp;
  out.cpk = raw.cpk;
  out.rating = raw.rating;
  out.reason = raw.reason;
  for (int p = 0; p < 32; ++p) {
    if ((raw.capable_processes >> p) & 1u) out.capable_processes.push_back(static_cast<drawlens_process>(p));
  }
  out.tightness = raw.tightness;
  out.cost_driver = raw.cost_driver != 0;
  if (raw.dimension_index >= 0) out.dimension_index = raw.dimension_index;
  if (raw.gdt_frame_index >= 0) out.gdt_frame_index = raw.gdt_frame_index;
  return out;
}

inline Detection to_detection(const drawlens_detection& d) {
  Detection out;
  out.category = d.category;
  out.centre_x = d.centre_x;
  out.centre_y = d.centre_y;
  out.width = d.width;
  out.height = d.height;
  out.angle = d.angle;
  std::copy(std::begin(d.corners), std::end(d.corners), out.corners.begin());
  out.score = d.score;
  if (d.text != nullptr) {
    out.text = d.text;
    out.text_confidence = d.text_confidence;
    out.text_source = d.text_source;
  }
  return out;
}

inline Segment to_segment(const drawlens_segment& s) {
  Segment out;
  out.line_class = s.line_class;
  out.kind = s.kind;
  for (int i = 0; i < s.point_count && i < 4; ++i) out.points.push_back({s.points[2 * i], s.points[2 * i + 1]});
  out.centre_x = s.centre_x;
  out.centre_y = s.centre_y;
  out.radius = s.radius;
  out.length = s.length;
  out.stroke_width = s.stroke_width;
  out.confidence = s.confidence;
  out.dash_count = s.dash_count;
  out.dash_length = s.dash_length;
  out.gap_length = s.gap_length;
  return out;
}

inline Box to_box(const drawlens_box& b) {
  return {b.x, b.y, b.width, b.height};
}

inline Dimension to_dimension(const drawlens_dimension& raw) {
  Dimension d;
  d.text = raw.text;
  d.normalized = raw.normalized;
  d.size_type = raw.size_type;
  d.count = raw.count;
  d.nominal = raw.nominal;
  d.unit = raw.unit;
  d.tolerance_kind = raw.tolerance_kind;
  if (raw.has_deviations) {
    d.upper_deviation = raw.upper_deviation;
    d.lower_deviation = raw.lower_deviation;
    d.upper_limit = raw.upper_limit;
    d.lower_limit = raw.lower_limit;
  }
  d.hole_class = raw.hole_class;
  d.shaft_class = raw.shaft_class;
  d.it_grade = raw.it_grade;
  d.thread = raw.thread;
  d.flags = raw.flags;
  d.depth = raw.depth;
  d.confidence = raw.confidence;
  d.box = to_box(raw.box);
  d.angle = raw.angle;
  d.source = raw.source;
  return d;
}

inline GdtFrame to_gdt_frame(const drawlens_gdt_frame& raw) {
  GdtFrame f;
  f.text = raw.text;
  f.normalized = raw.normalized;
  f.characteristic = raw.characteristic;
  f.segment_count = raw.segment_count;
  f.tolerance = raw.tolerance;
  f.zone_diameter = raw.zone_diameter;
  for (std::string datums = raw.datums; !datums.empty();) {
    const std::size_t bar = datums.find('|');
    f.datums.push_back(datums.substr(0, bar));
    datums = bar == std::string::npos ? std::string() : datums.substr(bar + 1);
  }
  f.confidence = raw.confidence;
  f.box = to_box(raw.box);
  f.source = raw.source;
  return f;
}

inline SurfaceFinish to_surface_finish(const drawlens_surface_finish& raw) {
  return {raw.text,        raw.parameter,  raw.value, raw.unit, raw.lower_limit != 0,
          to_box(raw.box), raw.confidence, raw.source};
}

inline Note to_note(const drawlens_note& raw) {
  return {raw.text, to_box(raw.box), raw.confidence, raw.source};
}

inline DatumFeature to_datum_feature(const drawlens_datum_feature& raw) {
  return {raw.label, to_box(raw.box), raw.confidence, raw.source};
}

inline GeneralTolerance to_general_tolerance(const drawlens_general_tolerance& raw) {
  return {raw.standard, raw.linear_class, raw.geometric_class, raw.text,
          raw.note,     to_box(raw.box),  raw.confidence,      raw.source};
}

// Appends a page's items of one kind, read through the C accessors `count` and `get`, to `out`.
// Each struct is zeroed first so that fields a newer header has and this library lacks read as zero.
template <typename Raw, typename Item, typename Convert>
void read_page_items(const drawlens_result* result, std::size_t page,
                     drawlens_status (*count)(const drawlens_result*, size_t, size_t*),
                     drawlens_status (*get)(const drawlens_result*, size_t, size_t, Raw*), Convert convert,
                     std::vector<Item>& out) {
  std::size_t n = 0;
  check(count(result, page, &n));
  for (std::size_t i = 0; i < n; ++i) {
    Raw raw{};
    raw.struct_size = sizeof raw;
    check(get(result, page, i, &raw));
    out.push_back(convert(raw));
  }
}

}  // namespace detail

// Parses dimension text a host already has ("Ø25 H7", "M8x1.25-6g"); throws Error (PARSE) with
// the offending position. general_tolerance: e.g. "ISO 2768-mK", or "" for none.
inline Dimension parse_dimension(const std::string& text, drawlens_unit default_unit = DRAWLENS_UNIT_MM,
                                 const std::string& general_tolerance = "") {
  drawlens_dimension raw{};
  raw.struct_size = sizeof raw;
  check(drawlens_parse_dimension(text.c_str(), default_unit,
                                 general_tolerance.empty() ? nullptr : general_tolerance.c_str(), &raw));
  return detail::to_dimension(raw);
}

// Parses a feature control frame, compartments separated by '|' ("⌖|Ø0.2Ⓜ|A|B").
inline GdtFrame parse_gdt(const std::string& text) {
  drawlens_gdt_frame raw{};
  raw.struct_size = sizeof raw;
  check(drawlens_parse_gdt(text.c_str(), &raw));
  return detail::to_gdt_frame(raw);
}

struct Deviations {
  double upper = 0, lower = 0;  // mm
};

// ISO 286 deviations of a tolerance class at a nominal size in mm: iso286_limits(25, "H7").
inline Deviations iso286_limits(double nominal_mm, const std::string& tolerance_class) {
  Deviations d;
  check(drawlens_iso286_limits(nominal_mm, tolerance_class.c_str(), &d.upper, &d.lower));
  return d;
}

// Any parser's value as JSON (the result schema's shapes plus kind, normalized, confidence).
inline std::string parse_json(const std::string& text, drawlens_parse_kind kind = DRAWLENS_PARSE_AUTO) {
  char* json = nullptr;
  check(drawlens_parse_json(text.c_str(), kind, &json));
  std::unique_ptr<char, decltype(&drawlens_free)> owned(json, &drawlens_free);
  return json;
}

// Options with defaults from drawlens_options_default; setters return *this for chaining.
class Options {
 public:
  Options() { drawlens_options_default(&raw_); }
  Options& device(std::string d) {
    device_ = std::move(d);
    return *this;
  }
  Options& pdf_dpi(int dpi) {
    raw_.pdf_dpi = dpi;
    return *this;
  }
  Options& assumed_dpi(int dpi) {
    raw_.assumed_dpi = dpi;
    return *this;
  }
  Options& pages(int first, int last = 0) {
    raw_.first_page = first;
    raw_.last_page = last;
    return *this;
  }
  Options& threads(int n) {
    raw_.threads = n;
    return *this;
  }
  Options& max_megapixels(double mp) {
    raw_.max_megapixels = mp;
    return *this;
  }
  Options& max_pages(int n) {
    raw_.max_pages = n;
    return *this;
  }
  Options& max_file_bytes(unsigned long long n) {
    raw_.max_file_bytes = n;
    return *this;
  }
  Options& stages(unsigned int bits) {
    raw_.stages = bits;
    return *this;
  }
  Options& keep_page_images(bool keep) {
    raw_.keep_page_images = keep ? 1 : 0;
    return *this;
  }
  // Where .dlmodel files are looked up; "" (default): $DRAWLENS_MODELS, then the built-in places.
  Options& model_directory(std::string directory) {
    model_directory_ = std::move(directory);
    return *this;
  }

  // How the parts are made, for the tolerance stage: "milling", "turning", ... and "steel",
  // "aluminium", ... (drawlens_process_name, drawlens_material_name); "" (default): milling, steel.
  Options& process(std::string name) {
    process_ = std::move(name);
    return *this;
  }
  Options& material(std::string name) {
    material_ = std::move(name);
    return *this;
  }

  // The C struct; its string pointers borrow from this object.
  const drawlens_options& raw() const {
    raw_.device = device_.c_str();
    raw_.model_directory = model_directory_.empty() ? nullptr : model_directory_.c_str();
    raw_.process = process_.empty() ? nullptr : process_.c_str();
    raw_.material = material_.empty() ? nullptr : material_.c_str();
    return raw_;
  }

 private:
  mutable drawlens_options raw_{};
  std::string device_ = "auto";
  std::string model_directory_;
  std::string process_, material_;
};

// What to analyse: a file, an encoded file in memory, or pixels. Borrows the caller's memory.
class Document {
 public:
  static Document file(std::string path) {
    Document d;
    d.path_ = std::move(path);
    return d;
  }
  static Document memory(const void* data, std::size_t size) {
    Document d;
    d.data_ = data;
    d.size_ = size;
    return d;
  }
  static Document pixels(const void* pixels, int width, int height, drawlens_pixel_format format, std::size_t stride,
                         double dpi = 0) {
    Document d;
    d.data_ = pixels;
    d.width_ = width;
    d.height_ = height;
    d.format_ = format;
    d.stride_ = stride;
    d.dpi_ = dpi;
    d.is_pixels_ = true;
    return d;
  }

 private:
  friend class Pipeline;
  Document() = default;
  std::optional<std::string> path_;
  const void* data_ = nullptr;
  std::size_t size_ = 0;
  bool is_pixels_ = false;
  int width_ = 0, height_ = 0;
  drawlens_pixel_format format_ = DRAWLENS_PIXELS_GRAY8;
  std::size_t stride_ = 0;
  double dpi_ = 0;
};

class Result {
 public:
  explicit Result(drawlens_result* handle) : handle_(handle, &drawlens_result_free) {}

  std::size_t page_count() const {
    std::size_t n = 0;
    check(drawlens_result_page_count(get(), &n));
    return n;
  }

  std::vector<Page> pages() const {
    std::vector<Page> out;
    for (std::size_t i = 0, n = page_count(); i < n; ++i) out.push_back(page(i));
    return out;
  }

  Page page(std::size_t index) const {
    drawlens_page raw{};
    raw.struct_size = sizeof raw;
    check(drawlens_result_page(get(), index, &raw));
    Page p;
    p.index = raw.index;
    p.width = raw.width;
    p.height = raw.height;
    p.dpi = raw.dpi;
    p.dpi_source = raw.dpi_source;
    if (raw.has_border) p.border = to_box(raw.border);
    for (std::size_t w = 0; w < raw.word_count; ++w) {
      drawlens_word word{};
      word.struct_size = sizeof word;
      check(drawlens_result_word(get(), index, w, &word));
      p.words.push_back({word.text, to_box(word.box), word.rotation});
    }
    for (std::size_t t = 0; t < raw.table_count; ++t) {
      Table table = read_table(index, t);
      if (table.is_title_block) {
        p.title_block = std::move(table);
      } else {
        p.tables.push_back(std::move(table));
      }
    }
    read_annotations(index, p);
    return p;
  }

  std::string json() const {
    const char* text = nullptr;
    check(drawlens_result_json(get(), &text));
    return text;
  }

  // PNG bytes of the page with the findings drawn over it (needs keep_page_images).
  std::vector<std::uint8_t> overlay_png(std::size_t page) const {
    unsigned char* png = nullptr;
    std::size_t size = 0;
    check(drawlens_result_overlay_png(get(), page, &png, &size));
    std::unique_ptr<unsigned char, decltype(&drawlens_free)> owned(png, &drawlens_free);
    return std::vector<std::uint8_t>(png, png + size);
  }

  drawlens_result* get() const noexcept { return handle_.get(); }

 private:
  static Box to_box(const drawlens_box& b) { return detail::to_box(b); }

  void read_annotations(std::size_t page, Page& p) const {
    const drawlens_result* r = get();
    detail::read_page_items(r, page, drawlens_result_dimension_count, drawlens_result_dimension, detail::to_dimension,
                            p.dimensions);
    for (std::size_t i = 0; i < p.dimensions.size(); ++i) {
      p.dimensions[i].lines = read_linework(page, i, DRAWLENS_LINEWORK_LINES);
      p.dimensions[i].feature = read_linework(page, i, DRAWLENS_LINEWORK_FEATURE);
    }
    detail::read_page_items(r, page, drawlens_result_gdt_frame_count, drawlens_result_gdt_frame, detail::to_gdt_frame,
                            p.gdt_frames);
    detail::read_page_items(
        r, page, drawlens_result_title_field_count, drawlens_result_title_field,
        [](const drawlens_title_field& raw) {
          return TitleField{raw.key, raw.label, raw.value, to_box(raw.box), raw.confidence, raw.source};
        },
        p.title_fields);
    detail::read_page_items(r, page, drawlens_result_surface_finish_count, drawlens_result_surface_finish,
                            detail::to_surface_finish, p.surface_finishes);
    detail::read_page_items(r, page, drawlens_result_note_count, drawlens_result_note, detail::to_note, p.notes);
    detail::read_page_items(r, page, drawlens_result_datum_feature_count, drawlens_result_datum_feature,
                            detail::to_datum_feature, p.datum_features);
    detail::read_page_items(r, page, drawlens_result_detection_count, drawlens_result_detection, detail::to_detection,
                            p.detections);
    detail::read_page_items(r, page, drawlens_result_tolerance_count, drawlens_result_tolerance,
                            detail::to_tolerance_analysis, p.tolerances);
    detail::read_page_items(r, page, drawlens_result_segment_count, drawlens_result_segment, detail::to_segment,
                            p.segments);
    drawlens_general_tolerance general{};
    general.struct_size = sizeof general;
    check(drawlens_result_general_tolerance(r, page, &general));
    if (general.found) p.general_tolerance = detail::to_general_tolerance(general);
  }

  std::vector<std::size_t> read_linework(std::size_t page, std::size_t dimension, drawlens_linework which) const {
    std::size_t count = 0;
    check(drawlens_result_dimension_linework(get(), page, dimension, which, nullptr, 0, &count));
    std::vector<std::size_t> indices(count);
    if (count > 0)
      check(drawlens_result_dimension_linework(get(), page, dimension, which, indices.data(), count, &count));
    return indices;
  }

  Table read_table(std::size_t page, std::size_t index) const {
    drawlens_table raw{};
    raw.struct_size = sizeof raw;
    check(drawlens_result_table(get(), page, index, &raw));
    Table t;
    t.is_title_block = raw.kind == DRAWLENS_TABLE_TITLE_BLOCK;
    t.box = to_box(raw.box);
    t.rows = raw.rows;
    t.cols = raw.cols;
    for (std::size_t c = 0; c < raw.cell_count; ++c) {
      drawlens_cell cell{};
      cell.struct_size = sizeof cell;
      check(drawlens_result_cell(get(), page, index, c, &cell));
      t.cells.push_back({to_box(cell.box), cell.row, cell.col, cell.row_span, cell.col_span, cell.text});
    }
    return t;
  }

  std::unique_ptr<drawlens_result, decltype(&drawlens_result_free)> handle_{nullptr, &drawlens_result_free};
};

// How far an analysis got (drawlens_progress): one finished stage of one page.
struct Progress {
  std::string stage;  // "load", "prepare", "layout", "detect", "read", "annotate", "tolerance", "segment"
  int page = 0;       // 0-based page of the document
  int page_count = 0;
  int steps_done = 0;   // unique per analysis; reports may arrive out of order
  int steps_total = 0;  // pages x stages
};

// Per-call deadline, cancellation and progress (drawlens_run_options):
//   std::atomic<bool> stop{false};
//   pipeline.analyze(doc, drawlens::RunOptions().timeout_ms(2000).cancel_when([&] { return stop.load(); }));
// The predicate runs on the pipeline's worker threads, possibly several at once; an exception it
// throws counts as "stop". on_progress's function runs there too, after each stage of each page;
// an exception it throws is ignored.
class RunOptions {
 public:
  RunOptions() { drawlens_run_options_default(&raw_); }
  RunOptions& timeout_ms(double ms) {
    raw_.timeout_ms = ms;
    return *this;
  }
  RunOptions& cancel_when(std::function<bool()> should_stop) {
    should_stop_ = std::make_shared<std::function<bool()>>(std::move(should_stop));
    raw_.cancel = &RunOptions::call;
    raw_.user_data = should_stop_.get();
    return *this;
  }
  RunOptions& on_progress(std::function<void(const Progress&)> report) {
    report_ = std::make_shared<std::function<void(const Progress&)>>(std::move(report));
    raw_.progress = &RunOptions::relay;
    raw_.progress_user_data = report_.get();
    return *this;
  }
  const drawlens_run_options& raw() const noexcept { return raw_; }

 private:
  static int call(void* user_data) noexcept {
    try {
      return (*static_cast<std::function<bool()>*>(user_data))() ? 1 : 0;
    } catch (...) {
      return 1;
    }
  }
  static void relay(const drawlens_progress* raw, void* user_data) noexcept {
    try {
      (*static_cast<std::function<void(const Progress&)>*>(user_data))(
          Progress{raw->stage, raw->page, raw->page_count, raw->steps_done, raw->steps_total});
    } catch (...) {
      // A report is advice: the analysis goes on.
    }
  }
  drawlens_run_options raw_{};
  std::shared_ptr<std::function<bool()>> should_stop_;
  std::shared_ptr<std::function<void(const Progress&)>> report_;
};

class Pipeline {
 public:
  explicit Pipeline(const Options& options = Options()) {
    drawlens_pipeline* raw = nullptr;
    check(drawlens_pipeline_create(&options.raw(), &raw));
    handle_.reset(raw);
  }

  // Throws Error with DRAWLENS_CANCELLED when run's deadline passes or its predicate says stop.
  Result analyze(const Document& doc, const RunOptions& run = RunOptions()) const {
    drawlens_result* raw = nullptr;
    if (doc.path_) {
      check(drawlens_analyze_file_v2(get(), doc.path_->c_str(), &run.raw(), &raw));
    } else if (doc.is_pixels_) {
      check(drawlens_analyze_pixels_v2(get(), doc.data_, doc.width_, doc.height_, doc.format_, doc.stride_, doc.dpi_,
                                       &run.raw(), &raw));
    } else {
      check(drawlens_analyze_memory_v2(get(), doc.data_, doc.size_, &run.raw(), &raw));
    }
    return Result(raw);
  }

  std::string device() const { return drawlens_pipeline_device(get()); }
  drawlens_pipeline* get() const noexcept { return handle_.get(); }

 private:
  std::unique_ptr<drawlens_pipeline, decltype(&drawlens_pipeline_free)> handle_{nullptr, &drawlens_pipeline_free};
};

// ---- GPU probe -------------------------------------------------------------------------------
// The assessment behind `drawlens gpu`; unknown readings are empty optionals.
//
//   drawlens::GpuProbe probe(drawlens::GpuProbeOptions{true});   // measure the GPU stages too
//   std::cout << probe.summary().verdict << "\n";

struct GpuProbeOptions {
  bool measure = false;        // run the GPU stages on cuda:0 (about energy_seconds + 1 s)
  double safety_margin = 0.2;  // share of free VRAM the memory plan leaves free
  double energy_seconds = 3;   // length of the energy run
};

struct GpuSummary {
  bool built_with_cuda = false;
  int cuda_runtime_version = 0;  // 13000 for 13.0; 0 unknown
  int cuda_driver_version = 0;   // 0 without a driver
  std::string driver_version;
  bool nvml_loaded = false;
  std::string nvml_status;
  std::size_t device_count = 0;
  std::size_t usable_device_count = 0;
  std::string reason;  // "no CUDA device: ..." when no device is usable
  std::optional<bool> libtorch_cuda;
  std::string verdict;
};

struct GpuDevice {
  int index = 0;
  std::optional<int> cuda_ordinal;
  std::string name;
  std::string pci_bus_id;
  std::optional<int> compute_major, compute_minor, multiprocessors;
  std::optional<long long> memory_total_bytes, memory_used_bytes, memory_free_bytes;
  std::optional<int> temperature_c;
  std::optional<double> power_watts, power_limit_watts;
  std::optional<int> utilization_gpu_percent, utilization_memory_percent;
  std::optional<int> clock_sm_mhz, clock_memory_mhz;
  std::optional<bool> ecc_enabled, mig_enabled;
};

struct GpuComponent {
  std::string name;
  std::string version;  // empty when not found at build time
  bool linked = false;
  std::string note;
};

struct GpuStage {
  std::string name;
  std::string description;
  std::optional<long long> peak_bytes;
  bool fits = false;
};

struct GpuPlan {
  bool measured = false;
  std::string status;  // why not measured
  std::optional<int> cuda_ordinal;
  std::optional<long long> free_bytes, budget_bytes, need_bytes;
  double safety_margin = 0;
  std::vector<GpuStage> stages;
  bool all_fit = false;
  int energy_pages = 0;
  std::optional<double> seconds_per_page, joules_per_page, mean_power_watts;
};

class GpuProbe {
 public:
  explicit GpuProbe(const GpuProbeOptions& options = GpuProbeOptions()) {
    drawlens_gpu_probe_options raw;
    drawlens_gpu_probe_options_default(&raw);
    raw.measure = options.measure ? 1 : 0;
    raw.safety_margin = options.safety_margin;
    raw.energy_seconds = options.energy_seconds;
    drawlens_gpu_probe* handle = nullptr;
    check(drawlens_gpu_probe_create(&raw, &handle));
    handle_.reset(handle);
  }

  GpuSummary summary() const {
    const drawlens_gpu_summary raw = summary_struct();
    return {raw.built_with_cuda != 0,
            raw.cuda_runtime_version,
            raw.cuda_driver_version,
            raw.driver_version,
            raw.nvml_loaded != 0,
            raw.nvml_status,
            raw.device_count,
            raw.usable_device_count,
            raw.reason,
            flag(raw.libtorch_cuda),
            raw.verdict};
  }

  std::vector<GpuDevice> devices() const {
    std::vector<GpuDevice> out;
    for (std::size_t i = 0, n = summary_struct().device_count; i < n; ++i) {
      drawlens_gpu_device d{};
      d.struct_size = sizeof d;
      check(drawlens_gpu_probe_device(get(), i, &d));
      out.push_back({d.index, known(d.cuda_ordinal), d.name, d.pci_bus_id, known(d.compute_major),
                     known(d.compute_minor), known(d.multiprocessors), known(d.memory_total_bytes),
                     known(d.memory_used_bytes), known(d.memory_free_bytes), known(d.temperature_c),
                     known(d.power_watts), known(d.power_limit_watts), known(d.utilization_gpu_percent),
                     known(d.utilization_memory_percent), known(d.clock_sm_mhz), known(d.clock_memory_mhz),
                     flag(d.ecc_enabled), flag(d.mig_enabled)});
    }
    return out;
  }

  std::vector<GpuComponent> components() const {
    std::vector<GpuComponent> out;
    for (std::size_t i = 0, n = summary_struct().component_count; i < n; ++i) {
      drawlens_gpu_component c{};
      c.struct_size = sizeof c;
      check(drawlens_gpu_probe_component(get(), i, &c));
      out.push_back({c.name, c.version, c.linked != 0, c.note});
    }
    return out;
  }

  GpuPlan plan() const {
    drawlens_gpu_plan raw{};
    raw.struct_size = sizeof raw;
    check(drawlens_gpu_probe_plan(get(), &raw));
    GpuPlan p{raw.measured != 0,
              raw.status,
              known(raw.cuda_ordinal),
              known(raw.free_bytes),
              known(raw.budget_bytes),
              known(raw.need_bytes),
              raw.safety_margin,
              {},
              raw.all_fit != 0,
              raw.energy_pages,
              known(raw.seconds_per_page),
              known(raw.joules_per_page),
              known(raw.mean_power_watts)};
    for (std::size_t i = 0; i < raw.stage_count; ++i) {
      drawlens_gpu_stage s{};
      s.struct_size = sizeof s;
      check(drawlens_gpu_probe_stage(get(), i, &s));
      p.stages.push_back({s.name, s.description, known(s.peak_bytes), s.fits != 0});
    }
    return p;
  }

  std::string json() const {
    const char* text = nullptr;
    check(drawlens_gpu_probe_json(get(), &text));
    return text;
  }

  drawlens_gpu_probe* get() const noexcept { return handle_.get(); }

 private:
  // The C ABI reports unknown numbers as -1.
  template <typename T>
  static std::optional<T> known(T value) {
    return value < 0 ? std::nullopt : std::optional<T>(value);
  }
  static std::optional<bool> flag(int value) { return value < 0 ? std::nullopt : std::optional<bool>(value != 0); }

  drawlens_gpu_summary summary_struct() const {
    drawlens_gpu_summary raw{};
    raw.struct_size = sizeof raw;
    check(drawlens_gpu_probe_summary(get(), &raw));
    return raw;
  }

  std::unique_ptr<drawlens_gpu_probe, decltype(&drawlens_gpu_probe_free)> handle_{nullptr, &drawlens_gpu_probe_free};
};

// ---- Detector: the trained region detector on its own (docs/detector.md) ----------------------

struct DetectorOptions {
  std::string model_directory;  // empty: the models directory search
  int threads = 0;              // LibTorch intra-op threads (process-wide); 0 leaves them
  double score_threshold = 0.5;
  int cuda_device = -1;  // -1: the CPU
};

class Detector {
 public:
  explicit Detector(const DetectorOptions& options = DetectorOptions()) {
    drawlens_detector_options raw;
    drawlens_detector_options_default(&raw);
    raw.model_directory = options.model_directory.empty() ? nullptr : options.model_directory.c_str();
    raw.threads = options.threads;
    raw.score_threshold = options.score_threshold;
    raw.cuda_device = options.cuda_device;
    drawlens_detector* handle = nullptr;
    check(drawlens_detector_create(&raw, &handle));
    handle_.reset(handle);
  }

  // Caller pixels (rows `stride` bytes apart), copied during the call; dpi > 0.
  std::vector<Detection> detect(const void* pixels, int width, int height, drawlens_pixel_format format,
                                std::size_t stride, double dpi) const {
    drawlens_detections* raw_list = nullptr;
    check(drawlens_detector_detect(handle_.get(), pixels, width, height, format, stride, dpi, &raw_list));
    const std::unique_ptr<drawlens_detections, decltype(&drawlens_detections_free)> list(raw_list,
                                                                                         &drawlens_detections_free);
    std::size_t count = 0;
    check(drawlens_detections_count(list.get(), &count));
    std::vector<Detection> out(count);
    for (std::size_t i = 0; i < count; ++i) {
      drawlens_detection d{};
      d.struct_size = sizeof d;
      check(drawlens_detections_get(list.get(), i, &d));
      out[i] = detail::to_detection(d);
    }
    return out;
  }

 private:
  std::unique_ptr<drawlens_detector, decltype(&drawlens_detector_free)> handle_{nullptr, &drawlens_detector_free};
};

// ---- EdgNet: linework segmentation on its own (docs/segment.md) ---------------------------------

struct EdgNetOptions {
  std::string model_directory;  // empty: the models directory search
  int threads = 0;              // LibTorch intra-op threads (process-wide); 0 leaves them
  int cuda_device = -1;         // -1: the CPU
};

class EdgNet {
 public:
  explicit EdgNet(const EdgNetOptions& options = EdgNetOptions()) {
    drawlens_edgnet_options raw;
    drawlens_edgnet_options_default(&raw);
    raw.model_directory = options.model_directory.empty() ? nullptr : options.model_directory.c_str();
    raw.threads = options.threads;
    raw.cuda_device = options.cuda_device;
    drawlens_edgnet* handle = nullptr;
    check(drawlens_edgnet_create(&raw, &handle));
    handle_.reset(handle);
  }

  // Caller pixels (rows `stride` bytes apart), copied during the call; dpi > 0.
  std::vector<Segment> segment(const void* pixels, int width, int height, drawlens_pixel_format format,
                               std::size_t stride, double dpi) const {
    drawlens_segments* raw_list = nullptr;
    check(drawlens_edgnet_segment(handle_.get(), pixels, width, height, format, stride, dpi, &raw_list));
    const std::unique_ptr<drawlens_segments, decltype(&drawlens_segments_free)> list(raw_list, &drawlens_segments_free);
    std::size_t count = 0;
    check(drawlens_segments_count(list.get(), &count));
    std::vector<Segment> out(count);
    for (std::size_t i = 0; i < count; ++i) {
      drawlens_segment s{};
      s.struct_size = sizeof s;
      check(drawlens_segments_get(list.get(), i, &s));
      out[i] = detail::to_segment(s);
    }
    return out;
  }

 private:
  std::unique_ptr<drawlens_edgnet, decltype(&drawlens_edgnet_free)> handle_{nullptr, &drawlens_edgnet_free};
};

// ---- OcrEngine: reading crops on their own (docs/ocr.md) ---------------------------------------

struct OcrOptions {
  std::string model_directory;                  // empty: the models directory search
  int threads = 0;                              // LibTorch intra-op threads (process-wide); 0 leaves them
  int cuda_device = -1;                         // -1: the CPU
  int beam_width = 1;                           // 1: greedy decoding; 2..64: beam search
  std::string tesseract_languages = "eng+deu";  // "": no Tesseract
  double tesseract_below = 0.5;                 // DRAWLENS_OCR_AUTO: unsure readings also go to Tesseract
};

struct ReadCharacter {
  std::string character;  // one UTF-8 character
  double confidence = 0;
  drawlens_text_track track = DRAWLENS_TRACK_MAIN;
  double x = 0;                                              // crop pixels from the left
  std::vector<std::pair<std::string, double>> alternatives;  // character, probability
};

struct ReadWord {
  std::string text;
  double confidence = 0;
  int x = 0, y = 0, width = 0, height = 0;
};

struct Reading {
  std::string text;  // UTF-8; a stacked pair is "upper\nlower" after the shared lead
  double confidence = 0;
  drawlens_reading_source source = DRAWLENS_READING_RECOGNIZER;
  std::vector<ReadCharacter> characters;  // recognizer readings
  std::vector<ReadWord> words;            // Tesseract readings
};

// A gray (or RGB/RGBA) crop of caller pixels, rows `stride` bytes apart (drawlens_crop).
struct Crop {
  const void* pixels = nullptr;
  int width = 0, height = 0;
  drawlens_pixel_format format = DRAWLENS_PIXELS_GRAY8;
  std::size_t stride = 0;
};

namespace detail {

inline Reading to_reading(drawlens_reading* raw_reading) {
  const std::unique_ptr<drawlens_reading, decltype(&drawlens_reading_free)> owned(raw_reading, &drawlens_reading_free);
  drawlens_reading_info info{};
  info.struct_size = sizeof info;
  check(drawlens_reading_get_info(owned.get(), &info));
  Reading r;
  r.text = info.text;
  r.confidence = info.confidence;
  r.source = info.source;
  for (std::size_t i = 0; i < info.character_count; ++i) {
    drawlens_read_character c{};
    c.struct_size = sizeof c;
    check(drawlens_reading_character(owned.get(), i, &c));
    ReadCharacter out{c.character, c.confidence, c.track, c.x, {}};
    for (std::size_t k = 0; k < c.alternative_count; ++k)
      out.alternatives.emplace_back(c.alternatives[k], c.alternative_probabilities[k]);
    r.characters.push_back(std::move(out));
  }
  for (std::size_t i = 0; i < info.word_count; ++i) {
    drawlens_read_word w{};
    w.struct_size = sizeof w;
    check(drawlens_reading_word(owned.get(), i, &w));
    r.words.push_back({w.text, w.confidence, w.x, w.y, w.width, w.height});
  }
  return r;
}

}  // namespace detail

class OcrEngine {
 public:
  explicit OcrEngine(const OcrOptions& options = OcrOptions()) {
    drawlens_ocr_options raw;
    drawlens_ocr_options_default(&raw);
    raw.model_directory = options.model_directory.empty() ? nullptr : options.model_directory.c_str();
    raw.threads = options.threads;
    raw.cuda_device = options.cuda_device;
    raw.beam_width = options.beam_width;
    raw.tesseract_languages = options.tesseract_languages.c_str();
    raw.tesseract_below = options.tesseract_below;
    drawlens_ocr_engine* handle = nullptr;
    check(drawlens_ocr_engine_create(&raw, &handle));
    handle_.reset(handle);
  }

  // Reads crops (batched through the recognizer); one reading per crop, in order.
  std::vector<Reading> read(const std::vector<Crop>& crops, drawlens_ocr_mode mode = DRAWLENS_OCR_AUTO,
                            double dpi = 300) const {
    std::vector<drawlens_crop> raw(crops.size());
    for (std::size_t i = 0; i < crops.size(); ++i)
      raw[i] = drawlens_crop{crops[i].pixels, crops[i].width, crops[i].height, crops[i].format, crops[i].stride};
    std::vector<drawlens_reading*> readings(crops.size(), nullptr);
    check(drawlens_ocr_read(handle_.get(), raw.data(), raw.size(), mode, dpi, readings.data()));
    std::vector<Reading> out;
    out.reserve(readings.size());
    // Each reading is owned from here on, even if converting an earlier one throws.
    std::vector<std::unique_ptr<drawlens_reading, decltype(&drawlens_reading_free)>> owned;
    for (drawlens_reading* r : readings) owned.emplace_back(r, &drawlens_reading_free);
    for (auto& r : owned) out.push_back(detail::to_reading(r.release()));
    return out;
  }

  Reading read(const Crop& crop, drawlens_ocr_mode mode = DRAWLENS_OCR_AUTO, double dpi = 300) const {
    return read(std::vector<Crop>{crop}, mode, dpi).front();
  }

 private:
  std::unique_ptr<drawlens_ocr_engine, decltype(&drawlens_ocr_engine_free)> handle_{nullptr, &drawlens_ocr_engine_free};
};

// A feature to analyse or stack, in millimetres (drawlens_feature).
struct Feature {
  std::string id;
  drawlens_feature_class feature_class = DRAWLENS_FEATURE_LINEAR_SIZE;
  double size_mm = 0;
  double upper_mm = 0;  // GD&T: the tolerance
  double lower_mm = 0;  // GD&T: 0
};

namespace detail {

inline std::vector<drawlens_feature> raw_features(const std::vector<Feature>& features) {
  std::vector<drawlens_feature> raw(features.size());
  for (std::size_t i = 0; i < features.size(); ++i) {
    raw[i] = drawlens_feature{};
    raw[i].struct_size = sizeof(drawlens_feature);
    raw[i].id = features[i].id.c_str();
    raw[i].feature_class = features[i].feature_class;
    raw[i].size_mm = features[i].size_mm;
    raw[i].upper_mm = features[i].upper_mm;
    raw[i].lower_mm = features[i].lower_mm;
  }
  return raw;
}

inline std::vector<ToleranceAnalysis> read_report(drawlens_tolerance_report* raw_report) {
  const std::unique_ptr<drawlens_tolerance_report, decltype(&drawlens_tolerance_report_free)> report(
      raw_report, &drawlens_tolerance_report_free);
  std::size_t count = 0;
  check(drawlens_tolerance_report_count(report.get(), &count));
  std::vector<ToleranceAnalysis> out;
  for (std::size_t i = 0; i < count; ++i) {
    drawlens_tolerance_analysis a{};
    a.struct_size = sizeof a;
    check(drawlens_tolerance_report_get(report.get(), i, &a));
    out.push_back(to_tolerance_analysis(a));
  }
  return out;
}

}  // namespace detail

// The tolerance analysis on its own (docs/tolerance.md): the skin model, loaded from a .dlmodel
// file, a directory holding skinmodel.dlmodel, or ("") the models directory search.
class SkinModel {
 public:
  explicit SkinModel(const std::string& path = "") {
    drawlens_skin_model* handle = nullptr;
    check(drawlens_skin_model_load(path.empty() ? nullptr : path.c_str(), &handle));
    handle_.reset(handle);
  }

  // A model trained on measured parts (a CSV file), continuing from `base` when given.
  static SkinModel train_csv(const std::string& csv_path, int rounds = 50, unsigned long long seed = 1,
                             const SkinModel* base = nullptr) {
    drawlens_skin_model* handle = nullptr;
    check(drawlens_skin_model_train_csv(base != nullptr ? base->handle_.get() : nullptr, csv_path.c_str(), rounds, seed,
                                        &handle));
    return SkinModel(handle);
  }

  void save(const std::string& path) const { check(drawlens_skin_model_save(handle_.get(), path.c_str())); }

  std::vector<ToleranceAnalysis> analyze(const std::vector<Feature>& features, drawlens_process process,
                                         drawlens_material material) const {
    const std::vector<drawlens_feature> raw = detail::raw_features(features);
    drawlens_tolerance_report* report = nullptr;
    check(drawlens_skin_model_analyze(handle_.get(), raw.data(), raw.size(), process, material, &report));
    return detail::read_report(report);
  }

  // One page of an analysed result (the annotate stage must have run) under this process and material.
  std::vector<ToleranceAnalysis> analyze(const Result& result, std::size_t page, drawlens_process process,
                                         drawlens_material material) const {
    drawlens_tolerance_report* report = nullptr;
    check(drawlens_skin_model_analyze_result(handle_.get(), result.get(), page, process, material, &report));
    return detail::read_report(report);
  }

 private:
  explicit SkinModel(drawlens_skin_model* handle) { handle_.reset(handle); }
  std::unique_ptr<drawlens_skin_model, decltype(&drawlens_skin_model_free)> handle_{nullptr, &drawlens_skin_model_free};
};

struct StackLink {
  std::string feature_id;
  int direction = 1;  // +1 adds, -1 subtracts
};

struct StackUpOptions {
  unsigned long long samples = 1000000;
  unsigned long long seed = 1;
  bool uniform = false;  // false: normal, zone = ±3 sigma
};

// Worst case, RSS and Monte Carlo over size features by id (drawlens_stack_up_result).
inline drawlens_stack_up_result stack_up(const std::vector<Feature>& features, const std::vector<StackLink>& chain,
                                         const StackUpOptions& options = StackUpOptions()) {
  const std::vector<drawlens_feature> raw = detail::raw_features(features);
  std::vector<drawlens_stack_link> links(chain.size());
  for (std::size_t i = 0; i < chain.size(); ++i) {
    links[i] = drawlens_stack_link{};
    links[i].struct_size = sizeof(drawlens_stack_link);
    links[i].feature_id = chain[i].feature_id.c_str();
    links[i].direction = chain[i].direction;
  }
  drawlens_stack_up_options raw_options;
  drawlens_stack_up_options_default(&raw_options);
  raw_options.samples = options.samples;
  raw_options.seed = options.seed;
  raw_options.uniform = options.uniform ? 1 : 0;
  drawlens_stack_up_result out{};
  out.struct_size = sizeof out;
  check(drawlens_stack_up(raw.data(), raw.size(), links.data(), links.size(), &raw_options, &out));
  return out;
}

// An ISO 286 hole/shaft fit's clearances in mm: {min, max} (negative: interference).
inline std::pair<double, double> iso286_fit(double nominal_mm, const std::string& hole, const std::string& shaft) {
  std::pair<double, double> out;
  check(drawlens_iso286_fit(nominal_mm, hole.c_str(), shaft.c_str(), &out.first, &out.second));
  return out;
}

// A GD&T frame's consistency check as JSON ({"frame", "consistent", "findings"}).
inline std::string validate_gdt_json(const std::string& frame_text, double size_zone_mm = 0) {
  char* raw = nullptr;
  check(drawlens_validate_gdt_json(frame_text.c_str(), size_zone_mm, &raw));
  const std::unique_ptr<char, decltype(&drawlens_free)> owned(raw, &drawlens_free);
  return std::string(owned.get());
}

}  // namespace drawlens

#endif  // DRAWLENS_DRAWLENS_HPP
