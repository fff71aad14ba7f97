// Which predicted item stands for which truth item: one-to-one on overlap, lenient on overlap, or by key.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "box_overlap.h"

namespace drawlens::eval {

// partner[t] is the prediction paired with truth item t, or -1.
using Pairing = std::vector<int>;

// overlap[t][p]: IoU of truth t and prediction p.
std::vector<std::vector<double>> overlap_matrix(const std::vector<std::optional<Box>>& truth,
                                                const std::vector<std::optional<Box>>& predicted);

// One-to-one pairs with IoU ≥ threshold: first as many pairs as possible, then the largest total IoU.
Pairing pair_one_to_one(const std::vector<std::vector<double>>& overlap, std::size_t predicted, double threshold);

// Each truth item takes its best-overlapping prediction with IoU ≥ threshold (ties: the first); a
// prediction may be taken by several truth items.
Pairing pair_best_overlap(const std::vector<std::vector<double>>& overlap, double threshold);

// Truth item t takes the first prediction not yet taken whose key equals its own.
Pairing pair_by_key(const std::vector<std::string>& truth_keys, const std::vector<std::string>& predicted_keys);

}  // namespace drawlens::eval
