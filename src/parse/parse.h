// Parse stage: turns recognised drawing text into engineering meaning — dimensions with their
// tolerances and fits (ISO 286, ISO 2768), GD&T feature control frames (ISO 1101 / ASME Y14.5),
// surface texture symbols (ISO 1302 / ISO 21920) and title-block fields. Pure functions of text.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/status.h"

namespace drawlens::parse {

// ---------------------------------------------------------------------------------------------
// Shared vocabulary
// ---------------------------------------------------------------------------------------------

enum class Unit { mm, inch, deg };
std::string_view name(Unit unit);  // "mm", "inch", "deg"

// ISO 286-1 standard tolerance grade. IT01 is finer than IT0, so it sorts before it.
enum class ItGrade : signed char {
  it01 = -1,
  it0,
  it1,
  it2,
  it3,
  it4,
  it5,
  it6,
  it7,
  it8,
  it9,
  it10,
  it11,
  it12,
  it13,
  it14,
  it15,
  it16,
  it17,
  it18,
};
std::string_view name(ItGrade grade);  // "IT01" ... "IT18"

// Upper and lower deviation from the nominal size (upper >= lower), in the caller's unit.
struct Deviations {
  double upper = 0.0;
  double lower = 0.0;
};

// ---------------------------------------------------------------------------------------------
// ISO 286-1/-2: limits and fits (iso286.cpp, tables in iso286_tables.cpp)
// ---------------------------------------------------------------------------------------------

// A tolerance class such as "H7", "g6", "JS9", "zc11": fundamental deviation letters (upper case
// for holes, lower case for shafts) and a standard tolerance grade.
struct ToleranceClass {
  std::string letters;  // "H", "g", "JS", "js", "ZC", "cd", ...
  ItGrade grade = ItGrade::it7;
  bool is_hole() const { return !letters.empty() && letters[0] >= 'A' && letters[0] <= 'Z'; }
  std::string text() const;  // "H7", "js6", "h01"
};

// Parses "H7", "g6", "js6", "JS11", "h01". Errors (PARSE) name what is wrong: unknown letters,
// mixed case ("Js6"), missing or out-of-range grade.
Result<ToleranceClass> parse_tolerance_class(std::string_view text);

// Standard tolerance IT<grade> for a nominal size in mm (0 < size <= 3150), in mm. IT01..IT1
// and IT14..IT18 are undefined for some ranges; such combinations are INVALID_ARGUMENT errors
// naming the reason.
Result<double> standard_tolerance(double nominal_mm, ItGrade grade);

// Upper and lower deviations in mm of a tolerance class at a nominal size in mm, from the
// tables of ISO 286-2 (including the delta rule for K, M, N up to IT8 and P..ZC up to IT7).
// Unknown letters, sizes out of the standard's range and combinations the standard does not
// define are INVALID_ARGUMENT errors naming the reason.
Result<Deviations> iso286_deviations(double nominal_mm, const ToleranceClass& tolerance_class);

// Convenience: parses the class text, then as iso286_deviations.
Result<Deviations> iso286_limits(double nominal_mm, std::string_view tolerance_class);

enum class FitKind { clearance, transition, interference };

// A hole/shaft fit such as "H7/g6" at one nominal size.
struct Fit {
  Deviations hole;
  Deviations shaft;
  double max_clearance = 0.0;  // hole upper - shaft lower (negative: interference)
  double min_clearance = 0.0;  // hole lower - shaft upper
  FitKind kind = FitKind::clearance;
};
Result<Fit> iso286_fit(double nominal_mm, std::string_view hole_class, std::string_view shaft_class);

// The ISO 286 grade whose standard tolerance is the largest not exceeding width_mm at this size
// (allowing 0.5 µm of rounding); nullopt when width is below IT01 or size is outside the range.
std::optional<ItGrade> it_grade_for_width(double nominal_mm, double width_mm);

// ---------------------------------------------------------------------------------------------
// ISO 2768-1 general tolerances (iso2768.cpp)
// ---------------------------------------------------------------------------------------------

enum class GeneralClass { f, m, c, v };
std::string_view name(GeneralClass general_class);  // the class letter: "f", "m", "c", "v"

// Symmetric permissible deviations (±) in mm for linear sizes (ISO 2768-1 table 1), for broken
// edges — radii and chamfer heights — (table 2), and in degrees for angles by the length of the
// shorter side in mm (table 3). Sizes the table leaves blank (class v below 3 mm, sizes under
// 0.5 mm) are INVALID_ARGUMENT errors naming the reason.
Result<Deviations> iso2768_linear(double nominal_mm, GeneralClass general_class);
Result<Deviations> iso2768_radius_chamfer(double nominal_mm, GeneralClass general_class);
Result<Deviations> iso2768_angle(double shorter_side_mm, GeneralClass general_class);

// A general tolerance statement as printed in a title block or note: "ISO 2768-mK",
// "DIN ISO 2768-1 m", "ISO 2768-f", "ISO 22081", "DIN 7168-m", "Allgemeintoleranzen ISO 2768 mH".
struct GeneralTolerance {
  std::string standard;                      // "ISO 2768-1", "ISO 22081", "DIN 7168"
  std::optional<GeneralClass> linear_class;  // f/m/c/v
  std::optional<char> geometric_class;       // 'H', 'K', 'L' (ISO 2768-2, withdrawn)
  std::string text;                          // the text it was read from
  std::string note;                          // e.g. "ISO 2768-2 is withdrawn; replaced by ISO 22081"
};
Result<GeneralTolerance> parse_general_tolerance(std::string_view text);

// ---------------------------------------------------------------------------------------------
// Dimensions (dimension_lexer.cpp, dimension_parser.cpp, thread_parser.cpp)
// ---------------------------------------------------------------------------------------------

enum class SizeType {
  linear,
  diameter,
  radius,
  spherical_diameter,
  spherical_radius,
  angle,
  chamfer,
  thread,
  width_across_flats,
  square,
  arc_length,
  depth,
};
std::string_view name(SizeType type);  // the schema's name: "linear", "diameter", ...

enum class ToleranceKind { none, symmetric, deviation, limits, fit, general, max, min };
std::string_view name(ToleranceKind kind);  // the schema's name: "none", "symmetric", ...

struct Tolerance {
  ToleranceKind kind = ToleranceKind::none;
  std::optional<Deviations> deviations;  // relative to nominal, in the dimension's unit
  std::optional<ToleranceClass> hole_class;
  std::optional<ToleranceClass> shaft_class;
  std::optional<ItGrade> it_grade;
  std::string general_class;  // for kind general, e.g. "ISO 2768-m"
};

enum class ThreadStandard { iso_metric, unified, pipe_g, pipe_rp, pipe_r, other };

struct Thread {
  ThreadStandard standard = ThreadStandard::iso_metric;
  std::string designation;  // normalised, e.g. "M8x1.25-6H", "1/4-20 UNC-2B", "G 1/2"
  std::optional<double> nominal_diameter;
  std::optional<double> pitch;
  std::optional<double> threads_per_inch;
  std::string tolerance_class;  // "6H", "6g", "2B"
  bool left_hand = false;
  std::optional<double> depth;
};

struct Counterbore {
  double diameter = 0.0;
  std::optional<double> depth;
};

struct Countersink {
  double diameter = 0.0;
  std::optional<double> angle;  // included angle in degrees
};

struct Hole {
  std::optional<double> depth;
  std::optional<Counterbore> counterbore;
  std::optional<Counterbore> spotface;
  std::optional<Countersink> countersink;
};

struct Chamfer {
  double size = 0.0;
  std::optional<double> angle;
  std::optional<double> second_size;
};

enum class DimensionFlag : unsigned {
  basic = 1u << 0,
  reference = 1u << 1,
  typical = 1u << 2,
  general = 1u << 3,
  thru = 1u << 4,
  controlled_radius = 1u << 5,
  statistical = 1u << 6,
  all_around = 1u << 7,
  envelope = 1u << 8,
  independency = 1u << 9,
  free_state = 1u << 10,
  not_to_scale = 1u << 11,
};
std::string_view name(DimensionFlag flag);  // the schema's name: "basic", "thru", ...

struct DualValue {
  std::string text;
  double nominal = 0.0;
  Unit unit = Unit::inch;
};

struct Dimension {
  std::string text;        // as given
  std::string normalized;  // canonical spelling, e.g. "4x Ø6.6 +0.4/-0.1"
  SizeType size_type = SizeType::linear;
  int count = 1;
  double nominal = 0.0;
  Unit unit = Unit::mm;
  Tolerance tolerance;
  unsigned flags = 0;  // DimensionFlag bits
  std::optional<Thread> thread;
  std::optional<Hole> hole;
  std::optional<Chamfer> chamfer;
  std::optional<DualValue> dual;
  std::string prefix;
  std::string suffix;
  // How much the reading was repaired (OCR variants such as ',' for '.', 'DIA' for Ø, 'O' for
  // 0): 0 when the text was canonical; each repair adds to it. confidence = 1 - penalty.
  double confidence_penalty = 0.0;

  bool has(DimensionFlag flag) const { return (flags & static_cast<unsigned>(flag)) != 0; }
  // Absolute limits of size, when the tolerance gives them.
  std::optional<Deviations> limits() const;
};

struct DimensionContext {
  Unit default_unit = Unit::mm;  // unit of plain numbers (inch drawings: Unit::inch)
  // Applied to dimensions without an explicit tolerance (flagged general), when set.
  std::optional<GeneralTolerance> general_tolerance;
};

// Parses one dimension text. Stacked tolerances given on separate lines ("+0.40\n-0.10" beside
// the value) are accepted joined by '\n' or by spaces. Anything unparseable is a PARSE error whose
// message names the offending position; ambiguous text (e.g. "25 1") is a PARSE error saying so.
Result<Dimension> parse_dimension(std::string_view text, const DimensionContext& context = {});

// ---------------------------------------------------------------------------------------------
// Surface texture (surface_texture.cpp)
// ---------------------------------------------------------------------------------------------

struct SurfaceTexture {
  std::string parameter;  // "Ra", "Rz", "Rmax", "N", ... (the schema's names)
  double value = 0.0;
  std::string unit = "um";   // "um", "uin", "percent", "grade"
  bool lower_limit = false;  // "L" / min
  std::string normalized;
  double confidence_penalty = 0.0;
};
// "Ra 1.6", "Ra1,6", "Rz 6.3", "U Rz 0.8", "N7", "Rmax 2.5", "Ra 32 µin".
Result<SurfaceTexture> parse_surface_texture(std::string_view text);

// ---------------------------------------------------------------------------------------------
// GD&T feature control frames (gdt_parser.cpp, gdt_symbols.cpp)
// ---------------------------------------------------------------------------------------------

enum class Characteristic {
  straightness,
  flatness,
  circularity,
  cylindricity,
  line_profile,
  surface_profile,
  perpendicularity,
  angularity,
  parallelism,
  position,
  concentricity,
  symmetry,
  circular_runout,
  total_runout,
};
std::string_view name(Characteristic characteristic);  // the schema's name: "position", ...

enum class ZoneShape { none, diameter, spherical_diameter };

struct DatumReference {
  std::string label;                   // "A", "A-B"
  std::vector<std::string> modifiers;  // schema names: "mmc", "lmc", "free_state", ...
};

struct PerUnit {
  double tolerance = 0.0;
  double length = 0.0;
};

struct GdtSegment {
  std::optional<Characteristic> characteristic;  // set when the row has its own symbol
  ZoneShape zone_shape = ZoneShape::none;
  double tolerance = 0.0;
  std::optional<PerUnit> per_unit;
  std::vector<std::string> modifiers;  // schema names: "mmc", "projected", "common_zone", ...
  std::optional<double> unequal_offset;
  std::optional<double> projected_height;
  std::vector<DatumReference> datums;  // primary, secondary, tertiary
};

enum class FrameType { single, composite, stacked };

struct GdtFrame {
  Characteristic characteristic = Characteristic::position;
  FrameType frame_type = FrameType::single;
  std::vector<GdtSegment> segments;  // top row first
  std::string normalized;            // compartments joined by '|', rows by '\n', Unicode symbols
  double confidence_penalty = 0.0;
};

// cells: the compartments of one row as read, e.g. {"⌖", "⌀0.20Ⓜ", "A", "BⓂ"}. Rows of a composite or
// stacked frame are separated by a cell "\n". A single string may use '|' between compartments
// and '\n' between rows. CAD symbol-font letters (AutoCAD AIGDT/GDT) are accepted; see
// gdt_symbols.cpp.
Result<GdtFrame> parse_gdt(const std::vector<std::string>& cells);
Result<GdtFrame> parse_gdt(std::string_view text);

// A datum feature symbol's letter(s) ("A", "[B]", "-C-"), or a datum target ("A1").
Result<std::string> parse_datum_feature(std::string_view text);

// ---------------------------------------------------------------------------------------------
// Title-block fields (title_fields.cpp, title_values.cpp)
// ---------------------------------------------------------------------------------------------

enum class TitleKey {
  part_number,
  drawing_number,
  title,
  material,
  scale,
  sheet,
  revision,
  date,
  mass,
  general_tolerance,
  projection,
  units,
  drawn_by,
  checked_by,
  approved_by,
  company,
  other,
};
std::string_view name(TitleKey key);  // the schema's name: "part_number", ...

// The key a printed label names, in English, German or Korean ("DWG NO.", "Zeichnungsnummer",
// "도번", "Werkstoff", "MATERIAL", "척도"...); nullopt when the text is not a known label.
std::optional<TitleKey> title_key_for_label(std::string_view label);

struct Scale {
  double numerator = 1.0;
  double denominator = 1.0;
};
struct Sheet {
  int number = 1;
  std::optional<int> of;
};
struct Mass {
  double value = 0.0;
  std::string unit;  // "g", "kg", "lb", "oz"
};

// The structured value of a field, for the keys the schema parses.
Result<Scale> parse_scale(std::string_view text);  // "1:2", "2 : 1", "M 1:5", "1/2"
Result<Sheet> parse_sheet(std::string_view text);  // "1/3", "SHEET 2 OF 3", "Blatt 1 von 2"
Result<Mass> parse_mass(std::string_view text);    // "0.25 kg", "250g", "1,2 kg"
Result<std::string> parse_date(
    std::string_view text);                       // ISO "YYYY-MM-DD" from "24.11.2026", "2026-11-24", "11/24/2026"...
Result<Unit> parse_units(std::string_view text);  // "mm", "MILLIMETERS", "INCH", "Dimensions in millimeters"
Result<bool> parse_third_angle(std::string_view text);  // true: third angle; false: first angle

// A key/value field found in cell text.
struct TitleField {
  TitleKey key = TitleKey::other;
  std::string label;  // as printed; empty when found without one
  std::string value;  // as printed
  int label_cell = -1;
  int value_cell = -1;  // index into the cells given
};

// One cell of a title block as the layout stage finds it: text and grid position.
struct TitleCell {
  std::string text;
  int row = 0;
  int col = 0;
  int row_span = 1;
  int col_span = 1;
};

// Pairs labels with values: a label and its value in one cell ("MATERIAL: PLA", or the label on
// the first line and the value below), or a label cell with the value in the next cell to the
// right or below. Fields without a known label are left out.
std::vector<TitleField> title_fields_from_cells(const std::vector<TitleCell>& cells);

// ---------------------------------------------------------------------------------------------
// Reading one annotation (annotation_reader.cpp, stacked_part.cpp, ascii_spelling.cpp)
// ---------------------------------------------------------------------------------------------

// What a repair penalty leaves of a reading's confidence: 1 - penalty, clamped to [0, 1]. Every
// confidence the library reports from a parse goes through here.
double confidence(double penalty);

enum class AnnotationKind { dimension, gdt_frame, surface_texture, general_tolerance, note };
std::string_view name(AnnotationKind kind);  // "dimension", "gdt_frame", ..., "note"

// One text read as the annotation it is. value holds the kind's type (a note is its text).
struct Annotation {
  std::variant<Dimension, GdtFrame, SurfaceTexture, GeneralTolerance, std::string> value;
  std::string normalized;  // the canonical spelling; a note's and a general tolerance's own text
  double confidence = 1.0;

  AnnotationKind kind() const { return static_cast<AnnotationKind>(value.index()); }
};

// Classifies and parses one annotation text, the one reading both `analyze` and
// drawlens_parse_json(AUTO) use. In order, each behind a cheap prefilter so that prose is never
// forced through a grammar: a surface texture (starts with a parameter name: "Ra 1.6"), a GD&T
// frame (has a characteristic glyph: "⌖|Ø0.2|A"), a general tolerance (names ISO 2768, ISO 22081
// or DIN 7168), a dimension, and last a note (has a word of two or more letters). Text that is
// none of these is a PARSE error: the dimension grammar's, which names the offending position.
Result<Annotation> read_annotation(std::string_view text, const DimensionContext& context = {});

// Parses text as the given kind, without prefilters (the caller says what it is). A note is any
// non-empty text.
Result<Annotation> read_annotation_as(AnnotationKind kind, std::string_view text, const DimensionContext& context = {});

// What a short text line is as a stacked part of a larger annotation: a signed deviation
// ("+0.10"), a bare number ("15.50"), or a fit class ("k6"). tail: look at the end of a longer
// text instead ("-0.20" in "4.00 -0.20"). Used to merge stacked lines before reading them.
enum class StackedPart { none, signed_number, number, fit_class };
StackedPart stacked_part(std::string_view text, bool tail);

// The text with every symbol spelled in printable ASCII, for outputs whose fonts have no symbols
// (OpenCV's Hershey fonts): "Ø" → "DIA", "±" → "+/-", "°" → "deg", "⌖" → "position", "Ⓜ" → "(M)";
// decimal separators and letters are kept; anything else unknown becomes '?'.
std::string ascii_spelling(std::string_view text);

}  // namespace drawlens::parse
