// drawlens eval: scores predicted result JSON against truth result JSON (docs/eval.md defines every
// figure). Dimensions, GD&T frames, title-block fields and tables under a strict protocol and eDOCr2's
// lenient one; detector mAP over every located item class; linework segmentation IoU; the
// vectorization against the truth's primitives; how often dimensions are tied to the right linework.
#pragma once

#include <array>
#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "detection_ap.h"
#include "linework_links.h"
#include "segmentation.h"
#include "vectorization.h"

namespace drawlens::eval {

enum class Category { dimensions, gdt_frames, title_fields, tables };
inline constexpr std::array<Category, 4> kCategories = {Category::dimensions, Category::gdt_frames,
                                                        Category::title_fields, Category::tables};

// strict: one-to-one (Hungarian) on box IoU ≥ kStrictIou. edocr: each truth item takes its best
// prediction with IoU ≥ kEdocrIou, a prediction may serve several, CER over those pairs only.
enum class Protocol { strict, edocr };
inline constexpr std::array<Protocol, 2> kProtocols = {Protocol::strict, Protocol::edocr};

inline constexpr double kStrictIou = 0.5;
inline constexpr double kEdocrIou = 0.2;
inline constexpr double kValueTolerance = 1e-9;  // nominal and limits agree within this

// The result-schema key of the category ("dimensions") and the protocol's name ("strict").
const char* category_name(Category category);
const char* protocol_name(Protocol protocol);

// Raw counts: they add over pages and files, and every figure is a ratio of them.
struct Counts {
  std::size_t truth = 0;
  std::size_t predicted = 0;
  std::size_t matched_truth = 0;      // truth items with a partner
  std::size_t matched_predicted = 0;  // predictions with a partner (= matched_truth under strict)
  std::size_t exact = 0;              // pairs whose texts are identical
  std::size_t value_equal = 0;        // dimension pairs whose nominal and limits agree
  std::size_t edits = 0;              // CER numerator (code points)
  std::size_t characters = 0;         // CER denominator (code points of truth texts)
  std::size_t cells = 0;              // table cells in the truth tables
  std::size_t cells_equal = 0;        // of those, cells whose partner table has the same text at (row, col)

  Counts& operator+=(const Counts& other);
  double precision() const;       // matched_predicted / predicted; with no predictions 1 if no truth, else 0
  double recall() const;          // matched_truth / truth; with no truth 1 if no predictions, else 0
  double f1() const;              // harmonic mean of the two; 0 when both are 0
  double exact_accuracy() const;  // exact / truth; 1 with no truth
  double value_accuracy() const;  // value_equal / truth, meaningful for dimensions only; 1 with no truth
  double cer() const;             // edits / characters; 0 with no characters
  double cell_accuracy() const;   // cells_equal / cells, tables only; 1 with no cells
};

// Counts per category, indexed by Category.
struct CategoryCounts {
  std::array<Counts, kCategories.size()> by_category;
  Counts& operator[](Category category) { return by_category[static_cast<std::size_t>(category)]; }
  const Counts& operator[](Category category) const { return by_category[static_cast<std::size_t>(category)]; }
  CategoryCounts& operator+=(const CategoryCounts& other);
};

// Counts per protocol, indexed by Protocol.
struct ProtocolCounts {
  std::array<CategoryCounts, kProtocols.size()> by_protocol;
  CategoryCounts& operator[](Protocol p) { return by_protocol[static_cast<std::size_t>(p)]; }
  const CategoryCounts& operator[](Protocol p) const { return by_protocol[static_cast<std::size_t>(p)]; }
  ProtocolCounts& operator+=(const ProtocolCounts& other);
};

struct FileScores {
  std::string name;                 // the truth file's name
  bool prediction_missing = false;  // no prediction file of that name: scored as empty
  ProtocolCounts counts;
  DetectionRecords detection;
  SegmentationCounts segmentation;
  LinkCounts links;
  VectorizationCounts vectorization;
};

struct Report {
  std::string truth_path;
  std::string prediction_path;
  std::vector<FileScores> files;                  // in file-name order
  ProtocolCounts totals;                          // sum over files
  DetectionRecords detection;                     // every file's detections, ranked together for AP
  SegmentationCounts segmentation;                // sum over files
  LinkCounts links;                               // sum over files
  VectorizationCounts vectorization;              // sum over files
  std::vector<std::string> unpaired_predictions;  // prediction files without a truth file, not scored
};

// Scores one prediction document against one truth document (both result JSON; pages paired by
// "index"). Throws std::runtime_error when either lacks a "pages" array.
CategoryCounts evaluate_document(const nlohmann::json& truth, const nlohmann::json& prediction, Protocol protocol);

// Reads a result-JSON file. Throws std::runtime_error naming the file when it is missing, unreadable,
// not JSON or not a result (no "pages" array).
nlohmann::json read_result_file(const std::filesystem::path& path);

// Both paths files, or both directories whose *.json files are paired by name. Throws
// std::runtime_error naming the path on any problem (missing, mixed kinds, no truth files, bad JSON).
Report evaluate_paths(const std::filesystem::path& truth, const std::filesystem::path& prediction);

// The report as Markdown tables (totals, then one row per file) for the protocols given.
std::string markdown_report(const Report& report, const std::vector<Protocol>& protocols);

// The same figures as JSON: {"truth", "prediction", "protocols", "totals", "detection", "segmentation",
// "files", "unpaired_predictions"}.
nlohmann::json json_report(const Report& report, const std::vector<Protocol>& protocols);

}  // namespace drawlens::eval
