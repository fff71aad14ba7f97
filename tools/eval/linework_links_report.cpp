// The linework-links section of the reports: dimensions scored and how many are tied to the right
// lines and feature.
#include "report_sections.h"

namespace drawlens::eval {

void write_links(std::ostream& out, const LinkCounts& counts) {
  if (counts.dimensions == 0) {
    out << "Not scored: no paired dimension's truth has `linework`.\n";
    return;
  }
  out << "| dimensions paired | with linework | lines right | lines accuracy | with a truth feature | feature right "
         "| feature accuracy |\n|--:|--:|--:|--:|--:|--:|--:|\n"
      << "| " << counts.dimensions << " | " << counts.linked << " | " << counts.lines_right << " | "
      << figure(counts.lines_accuracy()) << " | " << counts.features << " | " << counts.feature_right << " | "
      << figure(counts.feature_accuracy()) << " |\n";
}

nlohmann::json links_json(const LinkCounts& counts) {
  return {{"dimensions", counts.dimensions},
          {"linked", counts.linked},
          {"lines_right", counts.lines_right},
          {"lines_accuracy", optional_json(counts.lines_accuracy())},
          {"features", counts.features},
          {"feature_right", counts.feature_right},
          {"feature_accuracy", optional_json(counts.feature_accuracy())}};
}

}  // namespace drawlens::eval
