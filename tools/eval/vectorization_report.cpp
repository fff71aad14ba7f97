// The vectorization section of the reports: coverage of the truth's linework and over- and
// under-segmentation of its primitives.
#include "report_sections.h"

namespace drawlens::eval {

void write_vectorization(std::ostream& out, const VectorizationCounts& counts) {
  if (counts.pages == 0) {
    out << "Not scored: no truth page has `segments`.\n";
    return;
  }
  out << "| pages | coverage | truth primitives found | pieces per primitive | over-segmented | predicted on the "
         "truth | under-segmented |\n|--:|--:|--:|--:|--:|--:|--:|\n"
      << "| " << counts.pages << " | " << figure(counts.coverage()) << " | " << counts.truth_primitives << " | "
      << figure(counts.pieces_per_primitive()) << " | " << figure(counts.over_segmented()) << " | "
      << counts.predicted_on_truth << " | " << figure(counts.under_segmented()) << " |\n";
}

nlohmann::json vectorization_json(const VectorizationCounts& counts) {
  return {{"pages", counts.pages},
          {"truth_samples", counts.truth_samples},
          {"covered_samples", counts.covered_samples},
          {"coverage", optional_json(counts.coverage())},
          {"truth_primitives", counts.truth_primitives},
          {"pieces", counts.pieces},
          {"pieces_per_primitive", optional_json(counts.pieces_per_primitive())},
          {"over_segmented", optional_json(counts.over_segmented())},
          {"predicted_on_truth", counts.predicted_on_truth},
          {"under_segmented", optional_json(counts.under_segmented())}};
}

}  // namespace drawlens::eval
