// The tolerance stage's results as JSON (docs/schema/result.schema.json, $defs/tolerance_analysis
// and $defs/page_tolerances).
#include <nlohmann/json.hpp>

#include "output/output.h"

namespace drawlens::output {

using nlohmann::json;

json tolerance_analysis_json(const tolerance::Analysis& a, const std::string& id) {
  const tolerance::Feature& f = a.feature;
  json capable = json::array();
  for (tolerance::Process p : a.capable_processes) capable.push_back(std::string(tolerance::name(p)));
  json out = {{"id", id},
              {"feature_class", std::string(tolerance::name(f.feature_class))},
              {"text", f.text},
              {"size_mm", f.size_mm},
              {"size_assumed", f.size_assumed},
              {"upper_mm", f.deviations_mm.upper},
              {"lower_mm", f.deviations_mm.lower},
              {"zone_mm", f.zone_mm()},
              {"general", f.general},
              {"general_class", f.general ? json(f.general_class) : json(nullptr)},
              {"it_grade", a.it_grade ? json(std::string(parse::name(*a.it_grade))) : json(nullptr)},
              {"process", std::string(tolerance::name(a.process))},
              {"material", std::string(tolerance::name(a.material))},
              {"predicted",
               {{"mean_mm", a.predicted.mean_mm},
                {"sigma_mm", a.predicted.sigma_mm},
                {"q05_mm", a.predicted.q05_mm},
                {"q50_mm", a.predicted.q50_mm},
                {"q95_mm", a.predicted.q95_mm}}},
              {"yield", a.conformance.yield},
              {"cp", a.conformance.cp ? json(*a.conformance.cp) : json(nullptr)},
              {"cpk", a.conformance.cpk},
              {"rating", std::string(tolerance::name(a.conformance.rating))},
              {"reason", a.reason},
              {"capable_processes", std::move(capable)},
              {"tightness", a.tightness},
              {"cost_driver", a.cost_driver}};
  if (f.fit) {
    const char* kind = f.fit->kind == parse::FitKind::clearance    ? "clearance"
                       : f.fit->kind == parse::FitKind::transition ? "transition"
                                                                   : "interference";
    out["fit"] = {
        {"kind", kind}, {"min_clearance_mm", f.fit->min_clearance}, {"max_clearance_mm", f.fit->max_clearance}};
  }
  return out;
}

json finding_json(const tolerance::Finding& finding) {
  return {{"rule", finding.rule},
          {"severity", finding.severity == tolerance::Severity::error ? "error" : "warning"},
          {"message", finding.message}};
}

}  // namespace drawlens::output
