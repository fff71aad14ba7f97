// Held-out evaluation of the recognizer: exact-string accuracy and character error rate on
// generated-drawing crops (per kind), on grammar strings in the training typefaces and in the
// typefaces kept out of training.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <torch/torch.h>
#include <nlohmann/json.hpp>

#include "crop_sources.h"
#include "ocr/recognizer_network.h"

namespace drawlens::train {

struct EvaluationSet {
  std::string name;
  std::vector<LabelledCrop> crops;
};

// The fixed held-out sets of a training seed: `drawings` generated drawings of another series, and
// `rendered` strings per typeface group, degraded.
std::vector<EvaluationSet> evaluation_sets(std::uint64_t seed, int drawings, int rendered);

// Levenshtein distance between the character sequences of two UTF-8 strings.
std::size_t edit_distance(const std::string& a, const std::string& b);

// {"sets": {name: {"crops", "exact", "cer", "kinds": {kind: {"crops", "exact", "cer"}}}}}; greedy
// decoding; the network in eval mode on `device`.
nlohmann::json evaluate_recognizer(ocr::RecognizerNetwork& network, const std::vector<EvaluationSet>& sets,
                                   const torch::Device& device);

}  // namespace drawlens::train
