// The detection section of the reports: per-class AP at 0.5, 0.75 and 0.5:0.95 and the means.
#include "report_sections.h"

namespace drawlens::eval {
namespace {

constexpr std::size_t kThreshold75 = 5;  // iou_threshold(5) = 0.75

std::size_t predicted_count(const ClassDetections& c) {
  return c.detections.size();
}

}  // namespace

void write_detection(std::ostream& out, const DetectionRecords& records) {
  out << "| class | truth | predicted | AP@0.5 | AP@0.75 | AP@0.5:0.95 |\n|---|--:|--:|--:|--:|--:|\n";
  for (DetectionClass c : kDetectionClasses) {
    const ClassDetections& d = records[c];
    out << "| " << detection_class_name(c) << " | " << d.truth << " | " << predicted_count(d) << " | "
        << figure(d.average_precision_50()) << " | " << figure(d.average_precision(kThreshold75)) << " | "
        << figure(d.average_precision_50_95()) << " |\n";
  }
  out << "\nmAP@0.5: " << figure(records.map_50()) << ", mAP@0.5:0.95: " << figure(records.map_50_95())
      << " (means over the classes with truth)\n";
}

nlohmann::json detection_json(const DetectionRecords& records) {
  nlohmann::json classes = nlohmann::json::object();
  for (DetectionClass c : kDetectionClasses) {
    const ClassDetections& d = records[c];
    nlohmann::json by_threshold = nlohmann::json::array();
    for (std::size_t i = 0; i < kIouThresholds; ++i) by_threshold.push_back(optional_json(d.average_precision(i)));
    classes[detection_class_name(c)] = {{"truth", d.truth},
                                        {"predicted", predicted_count(d)},
                                        {"ap50", optional_json(d.average_precision_50())},
                                        {"ap75", optional_json(d.average_precision(kThreshold75))},
                                        {"ap50_95", optional_json(d.average_precision_50_95())},
                                        {"ap_by_threshold", by_threshold}};
  }
  nlohmann::json thresholds = nlohmann::json::array();
  for (std::size_t i = 0; i < kIouThresholds; ++i) thresholds.push_back(iou_threshold(i));
  return {{"iou_thresholds", thresholds},
          {"classes", classes},
          {"map50", optional_json(records.map_50())},
          {"map50_95", optional_json(records.map_50_95())}};
}

}  // namespace drawlens::eval
