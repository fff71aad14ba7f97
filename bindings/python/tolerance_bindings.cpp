// The tolerance analysis in the Python module (tolerance_bindings.h): names for the C enums,
// typed analyses, and the standalone SkinModel, stack-ups, fits and frame checks.
#include "tolerance_bindings.h"

#include <pybind11/stl.h>

#include "drawlens/drawlens.hpp"
#include "packaged_models.h"

namespace py = pybind11;

namespace drawlens::python {
namespace {

template <typename Enum>
Enum named(const std::string& name, int count, const char* (*name_of)(Enum), const char* what) {
  std::string accepted;
  for (int i = 0; i < count; ++i) {
    const char* candidate = name_of(static_cast<Enum>(i));
    if (name == candidate) return static_cast<Enum>(i);
    accepted += (i ? ", " : "") + std::string(candidate);
  }
  throw py::value_error(std::string("unknown ") + what + " '" + name + "'; accepted: " + accepted);
}

drawlens_feature_class feature_class_named(const std::string& name) {
  return named(name, 16, drawlens_feature_class_name, "feature class");
}

Feature to_feature(const py::handle& item) {
  if (py::isinstance<Feature>(item)) return item.cast<Feature>();
  const py::dict d = item.cast<py::dict>();
  Feature f;
  f.id = d.contains("id") ? d["id"].cast<std::string>() : "";
  f.feature_class = feature_class_named(d.contains("feature_class") ? d["feature_class"].cast<std::string>()
                                                                    : std::string("linear_size"));
  f.size_mm = d["size_mm"].cast<double>();
  f.upper_mm = d["upper_mm"].cast<double>();
  f.lower_mm = d.contains("lower_mm") ? d["lower_mm"].cast<double>() : 0.0;
  return f;
}

std::vector<Feature> to_features(const py::iterable& items) {
  std::vector<Feature> out;
  for (const py::handle& item : items) out.push_back(to_feature(item));
  return out;
}

py::dict analysis_dict(const ToleranceAnalysis& a) {
  py::dict d;
  d["id"] = a.id;
  d["text"] = a.text;
  d["feature_class"] = drawlens_feature_class_name(a.feature_class);
  d["size_mm"] = a.size_mm;
  d["size_assumed"] = a.size_assumed;
  d["upper_mm"] = a.upper_mm;
  d["lower_mm"] = a.lower_mm;
  d["zone_mm"] = a.zone_mm;
  d["it_grade"] =
      a.it_grade ? py::cast(*a.it_grade == -1 ? std::string("IT01") : "IT" + std::to_string(*a.it_grade)) : py::none();
  d["process"] = drawlens_process_name(a.process);
  d["material"] = drawlens_material_name(a.material);
  d["mean_mm"] = a.mean_mm;
  d["sigma_mm"] = a.sigma_mm;
  d["yield"] = a.yield;
  d["cp"] = a.cp ? py::cast(*a.cp) : py::none();
  d["cpk"] = a.cpk;
  d["rating"] = drawlens_rating_name(a.rating);
  d["reason"] = a.reason;
  d["cost_driver"] = a.cost_driver;
  return d;
}

}  // namespace

drawlens_process process_named(const std::string& name) {
  return named(name, 11, drawlens_process_name, "process");
}
drawlens_material material_named(const std::string& name) {
  return named(name, 7, drawlens_material_name, "material");
}

void register_tolerance(py::module_& m) {
  py::class_<Feature>(m, "Feature",
                      "A toleranced feature in mm: a size (upper/lower deviations) or a GD&T "
                      "characteristic (upper_mm = its tolerance, lower_mm = 0)")
      .def(py::init([](const std::string& id, const std::string& feature_class, double size_mm, double upper_mm,
                       double lower_mm) {
             return Feature{id, feature_class_named(feature_class), size_mm, upper_mm, lower_mm};
           }),
           py::arg("id"), py::arg("feature_class"), py::arg("size_mm"), py::arg("upper_mm"), py::arg("lower_mm") = 0.0)
      .def_readwrite("id", &Feature::id)
      .def_property_readonly("feature_class",
                             [](const Feature& f) { return drawlens_feature_class_name(f.feature_class); })
      .def_readwrite("size_mm", &Feature::size_mm)
      .def_readwrite("upper_mm", &Feature::upper_mm)
      .def_readwrite("lower_mm", &Feature::lower_mm);

  py::class_<ToleranceAnalysis>(m, "ToleranceAnalysis", "One feature's tolerance analysis (docs/tolerance.md)")
      .def_readonly("id", &ToleranceAnalysis::id)
      .def_readonly("text", &ToleranceAnalysis::text)
      .def_property_readonly("feature_class",
                             [](const ToleranceAnalysis& a) { return drawlens_feature_class_name(a.feature_class); })
      .def_readonly("size_mm", &ToleranceAnalysis::size_mm)
      .def_readonly("size_assumed", &ToleranceAnalysis::size_assumed)
      .def_readonly("upper_mm", &ToleranceAnalysis::upper_mm)
      .def_readonly("lower_mm", &ToleranceAnalysis::lower_mm)
      .def_readonly("zone_mm", &ToleranceAnalysis::zone_mm)
      .def_readonly("general", &ToleranceAnalysis::general)
      .def_readonly("general_class", &ToleranceAnalysis::general_class)
      .def_readonly("fit_clearance_mm", &ToleranceAnalysis::fit_clearance_mm)
      .def_readonly("it_grade", &ToleranceAnalysis::it_grade)
      .def_property_readonly("process", [](const ToleranceAnalysis& a) { return drawlens_process_name(a.process); })
      .def_property_readonly("material", [](const ToleranceAnalysis& a) { return drawlens_material_name(a.material); })
      .def_readonly("mean_mm", &ToleranceAnalysis::mean_mm)
      .def_readonly("sigma_mm", &ToleranceAnalysis::sigma_mm)
      .def_readonly("q05_mm", &ToleranceAnalysis::q05_mm)
      .def_readonly("q50_mm", &ToleranceAnalysis::q50_mm)
      .def_readonly("q95_mm", &ToleranceAnalysis::q95_mm)
      .def_readonly("yield_", &ToleranceAnalysis::yield, "Probability that a part conforms (yield is a keyword)")
      .def_readonly("cp", &ToleranceAnalysis::cp)
      .def_readonly("cpk", &ToleranceAnalysis::cpk)
      .def_property_readonly("rating", [](const ToleranceAnalysis& a) { return drawlens_rating_name(a.rating); })
      .def_readonly("reason", &ToleranceAnalysis::reason)
      .def_property_readonly("capable_processes",
                             [](const ToleranceAnalysis& a) {
                               py::list names;
                               for (drawlens_process p : a.capable_processes) names.append(drawlens_process_name(p));
                               return names;
                             })
      .def_readonly("tightness", &ToleranceAnalysis::tightness)
      .def_readonly("cost_driver", &ToleranceAnalysis::cost_driver)
      .def_readonly("dimension_index", &ToleranceAnalysis::dimension_index)
      .def_readonly("gdt_frame_index", &ToleranceAnalysis::gdt_frame_index)
      .def("to_dict", &analysis_dict, "The main fields as a dict");

  py::class_<SkinModel>(m, "SkinModel",
                        "The tolerance model: from a .dlmodel file, a directory holding skinmodel.dlmodel, or '' "
                        "(the models directory search)")
      .def(py::init([](const std::string& path) { return SkinModel(models_directory_for(path)); }),
           py::arg("path") = "")
      .def_static(
          "train_csv",
          [](const std::string& csv, int rounds, unsigned long long seed, const SkinModel* base) {
            py::gil_scoped_release release;
            return SkinModel::train_csv(csv, rounds, seed, base);
          },
          py::arg("csv_path"), py::arg("rounds") = 50, py::arg("seed") = 1, py::arg("base") = nullptr,
          "A model retrained on measured parts (docs/tolerance.md, 'Measurements CSV'), continuing from base")
      .def("save", &SkinModel::save, py::arg("path"))
      .def(
          "analyze",
          [](const SkinModel& model, const py::iterable& features, const std::string& process,
             const std::string& material) {
            const std::vector<Feature> list = to_features(features);
            const drawlens_process p = process_named(process);
            const drawlens_material mat = material_named(material);
            py::gil_scoped_release release;
            return model.analyze(list, p, mat);
          },
          py::arg("features"), py::arg("process") = "milling", py::arg("material") = "steel",
          "Analyse Feature objects or dicts {id, feature_class, size_mm, upper_mm, lower_mm}")
      .def(
          "analyze_result",
          [](const SkinModel& model, const Result& result, std::size_t page, const std::string& process,
             const std::string& material) {
            const drawlens_process p = process_named(process);
            const drawlens_material mat = material_named(material);
            py::gil_scoped_release release;
            return model.analyze(result, page, p, mat);
          },
          py::arg("result"), py::arg("page") = 0, py::arg("process") = "milling", py::arg("material") = "steel",
          "Analyse one page of an analysed drawing under this process and material");

  m.def(
      "stack_up",
      [](const py::iterable& features, const std::vector<std::pair<std::string, int>>& chain,
         unsigned long long samples, unsigned long long seed, bool uniform) {
        const std::vector<Feature> list = to_features(features);
        std::vector<StackLink> links;
        for (const auto& [id, direction] : chain) links.push_back({id, direction});
        const drawlens_stack_up_result s = [&] {
          py::gil_scoped_release release;
          return drawlens::stack_up(list, links, {samples, seed, uniform});
        }();
        py::dict d;
        d["nominal_mm"] = s.nominal_mm;
        d["worst_case_mm"] = py::make_tuple(s.worst_case_lower_mm, s.worst_case_upper_mm);
        d["rss_mm"] = py::make_tuple(s.rss_lower_mm, s.rss_upper_mm);
        d["monte_carlo_mean_mm"] = s.monte_carlo_mean_mm;
        d["monte_carlo_sigma_mm"] = s.monte_carlo_sigma_mm;
        d["quantiles_mm"] =
            py::dict(py::arg("0.135%") = s.q00135_mm, py::arg("5%") = s.q05_mm, py::arg("50%") = s.q50_mm,
                     py::arg("95%") = s.q95_mm, py::arg("99.865%") = s.q99865_mm);
        d["samples"] = s.samples;
        return d;
      },
      py::arg("features"), py::arg("chain"), py::arg("samples") = 1000000, py::arg("seed") = 1,
      py::arg("uniform") = false,
      "Worst case, RSS and Monte Carlo of a chain [(feature_id, +1 or -1), ...] over size features");
  m.def(
      "iso286_fit", &drawlens::iso286_fit, py::arg("nominal_mm"), py::arg("hole"), py::arg("shaft"),
      "ISO 286 fit clearances (min, max) in mm; negative: interference. iso286_fit(20, 'H7', 'g6') -> (0.007, 0.041)");
  m.def(
      "validate_gdt",
      [](const std::string& frame, double size_zone_mm) {
        return py::module_::import("json").attr("loads")(drawlens::validate_gdt_json(frame, size_zone_mm));
      },
      py::arg("frame"), py::arg("size_zone_mm") = 0.0,
      "Check a feature control frame for consistency: {'frame', 'consistent', 'findings': [{rule, severity, "
      "message}]}");
}

}  // namespace drawlens::python
