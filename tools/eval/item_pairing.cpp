// The three pairings: Hungarian on IoU (strict), best IoU per truth (eDOCr2's), and by title-field key.
#include "item_pairing.h"

#include <algorithm>

#include "hungarian.h"

namespace drawlens::eval {

std::vector<std::vector<double>> overlap_matrix(const std::vector<std::optional<Box>>& truth,
                                                const std::vector<std::optional<Box>>& predicted) {
  std::vector<std::vector<double>> overlap(truth.size(), std::vector<double>(predicted.size(), 0.0));
  for (std::size_t t = 0; t < truth.size(); ++t) {
    for (std::size_t p = 0; p < predicted.size(); ++p) {
      if (truth[t] && predicted[p]) overlap[t][p] = intersection_over_union(*truth[t], *predicted[p]);
    }
  }
  return overlap;
}

Pairing pair_one_to_one(const std::vector<std::vector<double>>& overlap, std::size_t predicted, double threshold) {
  // An admissible pair is worth more than all IoU together could add (IoU ≤ 1, at most `bonus - 1`
  // pairs), so the least cost pairs as many as possible and, among those, the most overlap.
  const double bonus = static_cast<double>(std::min(overlap.size(), predicted) + 1);
  std::vector<std::vector<double>> cost(overlap.size(), std::vector<double>(predicted, 0.0));
  for (std::size_t t = 0; t < overlap.size(); ++t) {
    for (std::size_t p = 0; p < predicted; ++p) {
      if (overlap[t][p] >= threshold) cost[t][p] = -(bonus + overlap[t][p]);
    }
  }
  Pairing partner = min_cost_assignment(cost);
  for (std::size_t t = 0; t < partner.size(); ++t) {
    if (partner[t] >= 0 && overlap[t][static_cast<std::size_t>(partner[t])] < threshold) partner[t] = -1;
  }
  return partner;
}

Pairing pair_best_overlap(const std::vector<std::vector<double>>& overlap, double threshold) {
  Pairing partner(overlap.size(), -1);
  for (std::size_t t = 0; t < overlap.size(); ++t) {
    double best = threshold;
    for (std::size_t p = 0; p < overlap[t].size(); ++p) {
      if (overlap[t][p] >= best && (partner[t] < 0 || overlap[t][p] > best)) {
        best = overlap[t][p];
        partner[t] = static_cast<int>(p);
      }
    }
  }
  return partner;
}

Pairing pair_by_key(const std::vector<std::string>& truth_keys, const std::vector<std::string>& predicted_keys) {
  Pairing partner(truth_keys.size(), -1);
  std::vector<bool> taken(predicted_keys.size(), false);
  for (std::size_t t = 0; t < truth_keys.size(); ++t) {
    for (std::size_t p = 0; p < predicted_keys.size(); ++p) {
      if (!taken[p] && predicted_keys[p] == truth_keys[t]) {
        taken[p] = true;
        partner[t] = static_cast<int>(p);
        break;
      }
    }
  }
  return partner;
}

}  // namespace drawlens::eval
