// Held-out detection AP of a network (detector_evaluation.h).
#include "detector_evaluation.h"

#include <algorithm>
#include <chrono>
#include <cmath>

#include "detection_ap.h"
#include "training_samples.h"

namespace drawlens::train {
namespace {

// The result schema's key for a category, and the eval harness's class for it.
const char* schema_key(detect::Category category) {
  switch (category) {
    case detect::Category::dimension: return "dimensions";
    case detect::Category::gdt_frame: return "gdt_frames";
    case detect::Category::datum_feature: return "datum_features";
    case detect::Category::surface_finish: return "surface_finishes";
    case detect::Category::note: return "notes";
  }
  return "";
}

eval::DetectionClass eval_class(detect::Category category) {
  return static_cast<eval::DetectionClass>(static_cast<int>(category));  // same order, checked below
}
static_assert(static_cast<int>(eval::DetectionClass::notes) == static_cast<int>(detect::Category::note));

}  // namespace

nlohmann::json prediction_page(const std::vector<detect::Detection>& detections) {
  nlohmann::json page = {{"index", 0}};
  for (auto c : detect::kCategories) page[schema_key(c)] = nlohmann::json::array();
  for (const auto& d : detections) {
    nlohmann::json polygon = nlohmann::json::array();
    double left = 1e18, top = 1e18, right = -1e18, bottom = -1e18;
    for (const auto& p : detect::corners(d.box)) {
      polygon.push_back({p.x, p.y});
      left = std::min(left, p.x), right = std::max(right, p.x);
      top = std::min(top, p.y), bottom = std::max(bottom, p.y);
    }
    page[schema_key(d.category)].push_back({{"box", {left, top, right - left, bottom - top}},
                                            {"polygon", polygon},
                                            {"angle", d.box.angle_degrees},
                                            {"confidence", d.score}});
  }
  return page;
}

nlohmann::json evaluate_detector(detect::DetectorNetwork& network, const EvaluationOptions& options,
                                 const torch::Device& device) {
  const bool was_training = network->is_training();
  network->eval();
  eval::DetectionRecords records;
  double seconds = 0;
  for (int i = 0; i < options.drawings; ++i) {
    const auto page = evaluation_page(options.seed, i);
    const auto start = std::chrono::steady_clock::now();
    const auto detections =
        detect::detect_page(network, page.gray, page.dpi, options.network_dpi, {}, device, torch::kFloat32);
    seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const nlohmann::json prediction = {{"pages", {prediction_page(detections)}}};
    records += eval::evaluate_detection(page.truth, prediction);
  }
  if (was_training) network->train();

  nlohmann::json report = {{"drawings", options.drawings},
                           {"seed", options.seed},
                           {"seconds_per_page", seconds / std::max(1, options.drawings)}};
  double sum_50 = 0, sum_50_95 = 0;
  int with_truth = 0;
  for (auto c : detect::kCategories) {
    const auto& r = records[eval_class(c)];
    std::size_t matched = 0;
    for (const auto& d : r.detections) matched += d.true_positive[0] ? 1 : 0;
    nlohmann::json entry = {{"truth", r.truth}, {"detections", r.detections.size()}};
    if (r.truth > 0) {
      entry["ap_50"] = *r.average_precision_50();
      entry["ap_50_95"] = *r.average_precision_50_95();
      entry["recall_50"] = static_cast<double>(matched) / static_cast<double>(r.truth);
      sum_50 += *r.average_precision_50();
      sum_50_95 += *r.average_precision_50_95();
      ++with_truth;
    }
    entry["precision_50"] = r.detections.empty() ? 1.0 : static_cast<double>(matched) / r.detections.size();
    report["categories"][detect::category_name(c)] = entry;
  }
  report["map_50"] = with_truth ? sum_50 / with_truth : 0.0;
  report["map_50_95"] = with_truth ? sum_50_95 / with_truth : 0.0;
  return report;
}

}  // namespace drawlens::train
