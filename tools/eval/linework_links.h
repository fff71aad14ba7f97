// Dimension-to-linework links: whether each dimension found is tied to its own dimension,
// extension and leader lines and to the feature it measures (docs/eval.md, "Linework links").
#pragma once

#include <cstddef>
#include <optional>

#include <nlohmann/json.hpp>

namespace drawlens::eval {

struct LinkCounts {
  std::size_t dimensions = 0;     // dimension pairs (strict protocol) whose truth has "linework"
  std::size_t linked = 0;         // of those, predictions with "linework" (the segment stage ran)
  std::size_t lines_right = 0;    // predicted lines on the truth's and covering them
  std::size_t features = 0;       // pairs whose truth names a feature
  std::size_t feature_right = 0;  // predicted feature on the truth's and reaching each of its places

  LinkCounts& operator+=(const LinkCounts& other);
  std::optional<double> lines_accuracy() const;    // lines_right / dimensions; nullopt with none
  std::optional<double> feature_accuracy() const;  // feature_right / features; nullopt with none
};

// Pages paired by index, dimensions paired one-to-one at box IoU ≥ kStrictIou. Lines are right when
// at least half the length of each side's lines lies within max(2 px, 0.5 mm) of the other's; the
// feature is right when at least half the predicted feature's length lies on the truth's and every
// connected piece of the truth's feature (each place the dimension meets it) has predicted feature
// within that distance. Throws std::runtime_error on a linework index outside the page's segments.
LinkCounts evaluate_links(const nlohmann::json& truth, const nlohmann::json& prediction);

}  // namespace drawlens::eval
