// Held-out evaluation of a detector network: generated drawings of a series the training never
// sees, run page by page as the Detector runs them, scored with drawlens eval's detection AP.
#pragma once

#include <cstdint>

#include <nlohmann/json.hpp>

#include "detect/detector_network.h"

namespace drawlens::train {

struct EvaluationOptions {
  std::uint64_t seed = 0;  // the held-out series
  int drawings = 24;
  double network_dpi = 100;
};

// Per category: truth count, AP@0.5, AP@0.5:0.95, recall and precision at IoU 0.5 (among the
// detections kept), and the means over categories with truth ("map_50", "map_50_95"); also
// "seconds_per_page".
nlohmann::json evaluate_detector(detect::DetectorNetwork& network, const EvaluationOptions& options,
                                 const torch::Device& device);

// The detections of one page as result-schema items (polygon, box, confidence) under their keys.
nlohmann::json prediction_page(const std::vector<detect::Detection>& detections);

}  // namespace drawlens::train
