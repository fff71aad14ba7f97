// COCO-style detection AP: greedy confidence-ranked matching per page and class at ten IoU
// thresholds, then precision/recall over all pages ranked together, interpolated at 101 recalls.
#include "detection_ap.h"

#include <algorithm>
#include <numeric>

#include "item_pairing.h"
#include "page_items.h"

namespace drawlens::eval {
namespace {

using nlohmann::json;

double confidence_of(const json& item) {
  const auto found = item.is_object() ? item.find("confidence") : item.end();
  return item.is_object() && found != item.end() && found->is_number() ? found->get<double>() : 1.0;
}

// Each prediction, highest confidence first (ties: item order), takes the unmatched truth item it
// overlaps most, provided the IoU reaches the threshold (ties: the first truth item).
ClassDetections match_page(const json& truth, const json& predicted) {
  std::vector<std::optional<Box>> truth_boxes, predicted_boxes;
  for (const auto& item : truth) truth_boxes.push_back(item_box(item));
  for (const auto& item : predicted) predicted_boxes.push_back(item_box(item));
  const auto overlap = overlap_matrix(truth_boxes, predicted_boxes);
  ClassDetections out;
  out.truth = truth.size();
  out.detections.resize(predicted.size());
  for (std::size_t p = 0; p < predicted.size(); ++p) out.detections[p].confidence = confidence_of(predicted[p]);
  std::vector<std::size_t> order(predicted.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return out.detections[a].confidence > out.detections[b].confidence;
  });
  for (std::size_t i = 0; i < kIouThresholds; ++i) {
    std::vector<bool> taken(truth.size(), false);
    for (std::size_t p : order) {
      int best = -1;
      double best_overlap = iou_threshold(i);
      for (std::size_t t = 0; t < truth.size(); ++t) {
        if (!taken[t] && overlap[t][p] >= best_overlap && (best < 0 || overlap[t][p] > best_overlap)) {
          best = static_cast<int>(t);
          best_overlap = overlap[t][p];
        }
      }
      if (best < 0) continue;
      taken[static_cast<std::size_t>(best)] = true;
      out.detections[p].true_positive[i] = true;
    }
  }
  return out;
}

std::optional<double> mean_over_classes(const DetectionRecords& records,
                                        std::optional<double> (ClassDetections::*figure)() const) {
  double sum = 0.0;
  std::size_t classes = 0;
  for (const ClassDetections& c : records.by_class) {
    if (const auto ap = (c.*figure)()) {
      sum += *ap;
      ++classes;
    }
  }
  return classes == 0 ? std::nullopt : std::optional<double>(sum / static_cast<double>(classes));
}

}  // namespace

const char* detection_class_name(DetectionClass detection_class) {
  static constexpr const char* kNames[] = {"dimensions", "gdt_frames",   "datum_features", "surface_finishes",
                                           "notes",      "title_fields", "tables"};
  return kNames[static_cast<std::size_t>(detection_class)];
}

double iou_threshold(std::size_t i) {
  return static_cast<double>(50 + 5 * i) / 100.0;
}

ClassDetections& ClassDetections::operator+=(const ClassDetections& other) {
  truth += other.truth;
  detections.insert(detections.end(), other.detections.begin(), other.detections.end());
  return *this;
}

std::optional<double> ClassDetections::average_precision(std::size_t threshold) const {
  if (truth == 0) return std::nullopt;
  std::vector<RankedDetection> ranked = detections;
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const RankedDetection& a, const RankedDetection& b) { return a.confidence > b.confidence; });
  // Precision and recall after each ranked prediction, then precision made non-increasing from the
  // right (the best precision at this recall or any higher one).
  std::vector<double> precision(ranked.size()), recall(ranked.size());
  std::size_t hits = 0;
  for (std::size_t k = 0; k < ranked.size(); ++k) {
    hits += ranked[k].true_positive[threshold] ? 1 : 0;
    precision[k] = static_cast<double>(hits) / static_cast<double>(k + 1);
    recall[k] = static_cast<double>(hits) / static_cast<double>(truth);
  }
  for (std::size_t k = ranked.size(); k-- > 1;) precision[k - 1] = std::max(precision[k - 1], precision[k]);
  // At each recall level r = 0, 0.01, ..., 1: the interpolated precision at the first rank whose
  // recall reaches r, 0 when none does.
  double sum = 0.0;
  for (int level = 0; level <= 100; ++level) {
    const double r = static_cast<double>(level) / 100.0;
    const auto reached = std::lower_bound(recall.begin(), recall.end(), r);
    if (reached != recall.end()) sum += precision[static_cast<std::size_t>(reached - recall.begin())];
  }
  return sum / 101.0;
}

std::optional<double> ClassDetections::average_precision_50() const {
  return average_precision(0);
}

std::optional<double> ClassDetections::average_precision_50_95() const {
  if (truth == 0) return std::nullopt;
  double sum = 0.0;
  for (std::size_t i = 0; i < kIouThresholds; ++i) sum += *average_precision(i);
  return sum / static_cast<double>(kIouThresholds);
}

DetectionRecords& DetectionRecords::operator+=(const DetectionRecords& other) {
  for (std::size_t i = 0; i < by_class.size(); ++i) by_class[i] += other.by_class[i];
  return *this;
}

std::optional<double> DetectionRecords::map_50() const {
  return mean_over_classes(*this, &ClassDetections::average_precision_50);
}

std::optional<double> DetectionRecords::map_50_95() const {
  return mean_over_classes(*this, &ClassDetections::average_precision_50_95);
}

DetectionRecords evaluate_detection(const json& truth, const json& prediction) {
  DetectionRecords records;
  for (const auto& [truth_page, predicted_page] : paired_pages(truth, prediction)) {
    for (DetectionClass c : kDetectionClasses) {
      const char* key = detection_class_name(c);
      records[c] += match_page(page_items(truth_page, key), page_items(predicted_page, key));
    }
  }
  return records;
}

}  // namespace drawlens::eval
