// Detector average precision, COCO style: per class, predictions ranked by confidence and matched
// greedily at each IoU threshold 0.50:0.05:0.95, 101-point interpolated AP (docs/eval.md).
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <vector>

#include <nlohmann/json.hpp>

namespace drawlens::eval {

// The result schema's located items; tables are the layout's title block and tables.
enum class DetectionClass { dimensions, gdt_frames, datum_features, surface_finishes, notes, title_fields, tables };
inline constexpr std::array<DetectionClass, 7> kDetectionClasses = {
    DetectionClass::dimensions,     DetectionClass::gdt_frames,
    DetectionClass::datum_features, DetectionClass::surface_finishes,
    DetectionClass::notes,          DetectionClass::title_fields,
    DetectionClass::tables};

// The schema key of the class ("datum_features", "tables").
const char* detection_class_name(DetectionClass detection_class);

inline constexpr std::size_t kIouThresholds = 10;
// Threshold i: (50 + 5 i) / 100, i.e. 0.50, 0.55, ..., 0.95.
double iou_threshold(std::size_t i);

// One prediction: its confidence and, per threshold, whether it matched a truth item.
struct RankedDetection {
  double confidence = 1.0;
  std::array<bool, kIouThresholds> true_positive{};
};

// A class's truth count and predictions; they add over pages and files.
struct ClassDetections {
  std::size_t truth = 0;
  std::vector<RankedDetection> detections;  // in page and item order; ranked when AP is computed

  ClassDetections& operator+=(const ClassDetections& other);
  // 101-point interpolated AP at threshold i; nullopt when there is no truth.
  std::optional<double> average_precision(std::size_t threshold) const;
  std::optional<double> average_precision_50() const;  // threshold 0.50
  // The mean of the ten thresholds' AP; nullopt when there is no truth.
  std::optional<double> average_precision_50_95() const;
};

struct DetectionRecords {
  std::array<ClassDetections, kDetectionClasses.size()> by_class;
  ClassDetections& operator[](DetectionClass c) { return by_class[static_cast<std::size_t>(c)]; }
  const ClassDetections& operator[](DetectionClass c) const { return by_class[static_cast<std::size_t>(c)]; }
  DetectionRecords& operator+=(const DetectionRecords& other);
  // Means over the classes that have truth; nullopt when none has.
  std::optional<double> map_50() const;
  std::optional<double> map_50_95() const;
};

// Matches every class on every page pair (pages paired by index). Throws std::runtime_error when
// either document lacks a "pages" array.
DetectionRecords evaluate_detection(const nlohmann::json& truth, const nlohmann::json& prediction);

}  // namespace drawlens::eval
