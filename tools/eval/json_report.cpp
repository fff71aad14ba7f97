// The evaluation report as JSON: the raw counts and every figure, totals and per file.
#include "eval.h"
#include "report_sections.h"

namespace drawlens::eval {

nlohmann::json optional_json(const std::optional<double>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

namespace {

using nlohmann::json;

json counts_json(const Counts& c, Category category) {
  json out = {{"truth", c.truth},
              {"predicted", c.predicted},
              {"matched_truth", c.matched_truth},
              {"matched_predicted", c.matched_predicted},
              {"exact", c.exact},
              {"edits", c.edits},
              {"characters", c.characters},
              {"precision", c.precision()},
              {"recall", c.recall()},
              {"f1", c.f1()},
              {"exact_accuracy", c.exact_accuracy()},
              {"cer", c.cer()}};
  if (category == Category::dimensions) {
    out["value_equal"] = c.value_equal;
    out["value_accuracy"] = c.value_accuracy();
  }
  if (category == Category::tables) {
    out["cells"] = c.cells;
    out["cells_equal"] = c.cells_equal;
    out["cell_accuracy"] = c.cell_accuracy();
  }
  return out;
}

json protocols_json(const ProtocolCounts& counts, const std::vector<Protocol>& protocols) {
  json out = json::object();
  for (Protocol protocol : protocols) {
    json& categories = out[protocol_name(protocol)] = json::object();
    for (Category category : kCategories) {
      categories[category_name(category)] = counts_json(counts[protocol][category], category);
    }
  }
  return out;
}

}  // namespace

json json_report(const Report& report, const std::vector<Protocol>& protocols) {
  json names = json::array();
  for (Protocol protocol : protocols) names.push_back(protocol_name(protocol));
  json files = json::array();
  for (const FileScores& file : report.files) {
    files.push_back({{"name", file.name},
                     {"prediction_missing", file.prediction_missing},
                     {"scores", protocols_json(file.counts, protocols)},
                     {"detection", detection_json(file.detection)},
                     {"segmentation", segmentation_json(file.segmentation)},
                     {"vectorization", vectorization_json(file.vectorization)},
                     {"linework_links", links_json(file.links)}});
  }
  return {{"truth", report.truth_path},
          {"prediction", report.prediction_path},
          {"protocols", names},
          {"totals", protocols_json(report.totals, protocols)},
          {"detection", detection_json(report.detection)},
          {"segmentation", segmentation_json(report.segmentation)},
          {"vectorization", vectorization_json(report.vectorization)},
          {"linework_links", links_json(report.links)},
          {"files", files},
          {"unpaired_predictions", report.unpaired_predictions}};
}

}  // namespace drawlens::eval
