// Vectorization against the truth's primitives (docs/eval.md, "Vectorization"): how much of the
// truth's linework the predicted segments cover, and how often one truth primitive is cut into
// several predicted ones (over-segmentation) or one predicted primitive spans several (under-).
#pragma once

#include <cstddef>
#include <optional>

#include <nlohmann/json.hpp>

namespace drawlens::eval {

struct VectorizationCounts {
  std::size_t pages = 0;               // pages scored (those whose truth has "segments")
  std::size_t truth_samples = 0;       // points along the truth's primitives, a pixel apart
  std::size_t covered_samples = 0;     // of those, points near a predicted primitive
  std::size_t truth_primitives = 0;    // truth primitives with at least one predicted primitive on them
  std::size_t pieces = 0;              // predicted primitives on those (each counted for its main one)
  std::size_t split_primitives = 0;    // truth primitives with more than one predicted primitive
  std::size_t predicted_on_truth = 0;  // predicted primitives lying mostly on the truth's linework
  std::size_t spanning = 0;            // of those, primitives spanning two truth primitives or more

  VectorizationCounts& operator+=(const VectorizationCounts& other);
  std::optional<double> coverage() const;              // covered_samples / truth_samples
  std::optional<double> pieces_per_primitive() const;  // pieces / truth_primitives (1 is ideal)
  std::optional<double> over_segmented() const;        // split_primitives / truth_primitives
  std::optional<double> under_segmented() const;       // spanning / predicted_on_truth
};

// Pages paired by index. Truth primitives are the truth page's segments but `text` ones (the
// generator writes a text run as its box, not its strokes). Within max(2 px, 0.5 mm): a truth point
// is covered when a predicted path passes that near; a predicted primitive lies on the truth primitive
// most of its points are near (at least half of them near some truth primitive), and spans two when
// a second truth primitive has at least a quarter of its points. Throws std::runtime_error naming
// the page as segmentation scoring does.
VectorizationCounts evaluate_vectorization(const nlohmann::json& truth, const nlohmann::json& prediction);

}  // namespace drawlens::eval
