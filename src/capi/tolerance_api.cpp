// C entry points of the SkinModel and the tolerance tools: loading, training and saving models,
// analyses of caller features and of a result's page, ISO 286 fits, GD&T frame checks, stack-ups,
// and the tolerance stage's views in a result.
#include <fstream>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "capi/enum_bits.h"
#include "capi/guard.h"
#include "capi/handles.h"
#include "capi/result_access.h"
#include "capi/tolerance_view.h"
#include "core/regular_file.h"
#include "model/model.h"
#include "output/output.h"
#include "tolerance/page_tolerances.h"
#include "tolerance/skin_training.h"

namespace {

namespace tol = drawlens::tolerance;
using drawlens::capi::bad_out_struct;
using drawlens::capi::bits_of;
using drawlens::capi::fail;
using drawlens::capi::guard;
using drawlens::capi::in_range;
using drawlens::capi::is_null;
using drawlens::capi::out_of_range;
using drawlens::capi::write_out_struct;
using drawlens::capi::zeroed_struct;

constexpr std::uint64_t kMaxCsvBytes = 256ull << 20;

drawlens_status failed(const char* fn, const drawlens::Error& e) {
  return fail(static_cast<drawlens_status>(e.status), std::string(fn) + ": " + e.message);
}

drawlens_status check_process_material(const drawlens_process& process, const drawlens_material& material,
                                       const char* fn) {
  if (!in_range(process, tol::kProcessCount)) {
    return fail(DRAWLENS_INVALID_ARGUMENT,
                std::string(fn) + ": process " + std::to_string(bits_of(process)) + " is unknown");
  }
  if (!in_range(material, tol::kMaterialCount)) {
    return fail(DRAWLENS_INVALID_ARGUMENT,
                std::string(fn) + ": material " + std::to_string(bits_of(material)) + " is unknown");
  }
  return DRAWLENS_OK;
}

// Element i of a caller array whose stride is the first element's struct_size, read over the
// struct's defaults (drawlens.h, "Structs that grow").
template <typename Struct>
drawlens_status read_element(const Struct* array, std::size_t i, const char* fn, const char* what, Struct& out) {
  const std::size_t stride = array[0].struct_size;
  const auto* element = reinterpret_cast<const Struct*>(reinterpret_cast<const unsigned char*>(array) + i * stride);
  if (i > 0 && element->struct_size != stride) {
    return fail(DRAWLENS_ABI_MISMATCH, std::string(fn) + ": " + what + "[" + std::to_string(i) +
                                           "].struct_size differs from the first element's");
  }
  out = zeroed_struct<Struct>();
  return drawlens::capi::read_in(element, fn, what, out);
}

drawlens_status read_features(const drawlens_feature* features, std::size_t count, const char* fn,
                              std::vector<tol::Feature>& out) {
  drawlens_status status = DRAWLENS_OK;
  if (count > 0 && is_null(features, fn, "features", status)) return status;
  for (std::size_t i = 0; i < count; ++i) {
    drawlens_feature f;
    if ((status = read_element(features, i, fn, "features", f)) != DRAWLENS_OK) return status;
    if (!in_range(f.feature_class, tol::kFeatureClassCount)) {
      return fail(DRAWLENS_INVALID_ARGUMENT, std::string(fn) + ": features[" + std::to_string(i) + "].feature_class " +
                                                 std::to_string(bits_of(f.feature_class)) + " is unknown");
    }
    tol::Feature feature;
    feature.id = f.id != nullptr ? f.id : "";
    feature.text = feature.id;
    feature.feature_class = static_cast<tol::FeatureClass>(f.feature_class);
    feature.size_mm = f.size_mm;
    feature.deviations_mm = {f.upper_mm, f.lower_mm};
    if (!(f.size_mm > 0) || !(f.upper_mm > f.lower_mm) || (!tol::is_size(feature.feature_class) && f.lower_mm != 0)) {
      return fail(DRAWLENS_INVALID_ARGUMENT,
                  std::string(fn) + ": features[" + std::to_string(i) +
                      "] needs size_mm > 0 and upper_mm > lower_mm (lower_mm = 0 for a GD&T feature)");
    }
    out.push_back(std::move(feature));
  }
  return DRAWLENS_OK;
}

// The report handle for analyses; ids and source indices parallel to them.
drawlens_status make_report(const std::vector<tol::Analysis>& analyses, const std::vector<std::string>& ids,
                            const std::vector<int>& dimension_index, const std::vector<int>& frame_index,
                            drawlens_tolerance_report** out) {
  auto report = std::make_unique<drawlens_tolerance_report>();
  nlohmann::json json = nlohmann::json::array();
  for (std::size_t i = 0; i < analyses.size(); ++i) {
    report->views.push_back(
        drawlens::capi::tolerance_view(analyses[i], ids[i], dimension_index[i], frame_index[i], report->strings));
    json.push_back(drawlens::output::tolerance_analysis_json(analyses[i], ids[i]));
  }
  report->json = json.dump();
  *out = report.release();
  return DRAWLENS_OK;
}

drawlens_stack_up_options default_stack_up_options() {
  auto options = zeroed_struct<drawlens_stack_up_options>();
  const tol::StackUpOptions defaults;
  options.samples = defaults.samples;
  options.seed = defaults.seed;
  options.uniform = 0;
  return options;
}

}  // namespace

namespace drawlens::capi {

drawlens_tolerance_analysis tolerance_view(const tolerance::Analysis& a, const std::string& id, int dimension_index,
                                           int gdt_frame_index, ViewStrings& strings) {
  auto view = zeroed_struct<drawlens_tolerance_analysis>();
  const tolerance::Feature& f = a.feature;
  view.id = strings.keep(id);
  view.text = strings.keep(f.text);
  view.feature_class = static_cast<drawlens_feature_class>(f.feature_class);
  view.size_mm = f.size_mm;
  view.size_assumed = f.size_assumed ? 1 : 0;
  view.upper_mm = f.deviations_mm.upper;
  view.lower_mm = f.deviations_mm.lower;
  view.zone_mm = f.zone_mm();
  view.general = f.general ? 1 : 0;
  view.general_class = strings.keep(f.general_class);
  view.has_fit = f.fit ? 1 : 0;
  view.fit_min_clearance_mm = f.fit ? f.fit->min_clearance : 0.0;
  view.fit_max_clearance_mm = f.fit ? f.fit->max_clearance : 0.0;
  view.it_grade = a.it_grade ? static_cast<int>(*a.it_grade) : -2;
  view.process = static_cast<drawlens_process>(a.process);
  view.material = static_cast<drawlens_material>(a.material);
  view.mean_mm = a.predicted.mean_mm;
  view.sigma_mm = a.predicted.sigma_mm;
  view.q05_mm = a.predicted.q05_mm;
  view.q50_mm = a.predicted.q50_mm;
  view.q95_mm = a.predicted.q95_mm;
  view.yield = a.conformance.yield;
  view.cp = a.conformance.cp ? *a.conformance.cp : -1.0;
  view.cpk = a.conformance.cpk;
  view.rating = static_cast<drawlens_rating>(a.conformance.rating);
  view.reason = strings.keep(a.reason);
  for (tolerance::Process p : a.capable_processes) view.capable_processes |= 1u << static_cast<unsigned>(p);
  view.tightness = a.tightness;
  view.cost_driver = a.cost_driver ? 1 : 0;
  view.dimension_index = dimension_index;
  view.gdt_frame_index = gdt_frame_index;
  return view;
}

}  // namespace drawlens::capi

extern "C" {

DRAWLENS_API const char* drawlens_process_name(drawlens_process process) {
  return in_range(process, tol::kProcessCount) ? tol::name(static_cast<tol::Process>(process)).data() : "unknown";
}

DRAWLENS_API const char* drawlens_material_name(drawlens_material material) {
  return in_range(material, tol::kMaterialCount) ? tol::name(static_cast<tol::Material>(material)).data() : "unknown";
}

DRAWLENS_API const char* drawlens_feature_class_name(drawlens_feature_class feature_class) {
  return in_range(feature_class, tol::kFeatureClassCount)
             ? tol::name(static_cast<tol::FeatureClass>(feature_class)).data()
             : "unknown";
}

DRAWLENS_API const char* drawlens_rating_name(drawlens_rating rating) {
  return in_range(rating, 5) ? tol::name(static_cast<tol::Rating>(rating)).data() : "unknown";
}

DRAWLENS_API drawlens_status drawlens_skin_model_load(const char* path, drawlens_skin_model** out) {
  const char* fn = "drawlens_skin_model_load";
  return guard(fn, [&] {
    drawlens_status status = DRAWLENS_OK;
    if (is_null(out, fn, "out", status)) return status;
    *out = nullptr;
    const std::string given = path != nullptr ? path : "";
    const bool directory = given.empty() || drawlens::why_not_a_directory(given).empty();
    drawlens::Result<tol::SkinModel> model = drawlens::make_error(drawlens::Status::internal, "not loaded");
    if (directory) {
      auto found = drawlens::model::find_models_directory(given);
      if (!found) return failed(fn, found.error());
      model = tol::SkinModel::load(found.value());
    } else {
      model = tol::SkinModel::load_file(given);
    }
    if (!model) return failed(fn, model.error());
    *out = std::make_unique<drawlens_skin_model>(drawlens_skin_model{std::move(model).value()}).release();
    return DRAWLENS_OK;
  });
}

DRAWLENS_API drawlens_status drawlens_skin_model_train_csv(const drawlens_skin_model* base, const char* csv_path,
                                                           int rounds, unsigned long long seed,
                                                           drawlens_skin_model** out) {
  const char* fn = "drawlens_skin_model_train_csv";
  return guard(fn, [&] {
    drawlens_status status = DRAWLENS_OK;
    if (is_null(out, fn, "out", status)) return status;
    *out = nullptr;
    if (is_null(csv_path, fn, "csv_path", status)) return status;
    if (rounds <= 0) return fail(DRAWLENS_INVALID_ARGUMENT, std::string(fn) + ": rounds must be > 0");
    auto bytes = drawlens::read_regular_file(csv_path, kMaxCsvBytes, "the 256 MiB CSV limit");
    if (!bytes) return failed(fn, bytes.error());
    auto model = tol::train_from_measurements(
        std::string_view(reinterpret_cast<const char*>(bytes.value().data()), bytes.value().size()),
        base != nullptr ? &base->model : nullptr, rounds, seed,
        "drawlens_skin_model_train_csv " + std::string(csv_path));
    if (!model) return failed(fn, model.error());
    *out = std::make_unique<drawlens_skin_model>(drawlens_skin_model{std::move(model).value()}).release();
    return DRAWLENS_OK;
  });
}

DRAWLENS_API drawlens_status drawlens_skin_model_save(const drawlens_skin_model* model, const char* path) {
  const char* fn = "drawlens_skin_model_save";
  return guard(fn, [&] {
    drawlens_status status = DRAWLENS_OK;
    if (is_null(model, fn, "model", status) || is_null(path, fn, "path", status)) return status;
    auto bytes = model->model.file_bytes();
    if (!bytes) return failed(fn, bytes.error());
    std::ofstream file(path, std::ios::binary | std::ios::trunc);
    file.write(reinterpret_cast<const char*>(bytes.value().data()), static_cast<std::streamsize>(bytes.value().size()));
    file.close();
    if (!file) return fail(DRAWLENS_IO, std::string(fn) + ": cannot write '" + path + "'");
    return DRAWLENS_OK;
  });
}

DRAWLENS_API void drawlens_skin_model_free(drawlens_skin_model* model) {
  delete model;
}

DRAWLENS_API drawlens_status drawlens_skin_model_analyze(const drawlens_skin_model* model,
                                                         const drawlens_feature* features, size_t count,
                                                         drawlens_process process, drawlens_material material,
                                                         drawlens_tolerance_report** out) {
  const char* fn = "drawlens_skin_model_analyze";
  return guard(fn, [&] {
    drawlens_status status = DRAWLENS_OK;
    if (is_null(out, fn, "out", status)) return status;
    *out = nullptr;
    if (is_null(model, fn, "model", status)) return status;
    if ((status = check_process_material(process, material, fn)) != DRAWLENS_OK) return status;
    std::vector<tol::Feature> list;
    if ((status = read_features(features, count, fn, list)) != DRAWLENS_OK) return status;
    auto analyses =
        model->model.analyze(list, static_cast<tol::Process>(process), static_cast<tol::Material>(material));
    if (!analyses) return failed(fn, analyses.error());
    std::vector<std::string> ids;
    for (const tol::Feature& f : list) ids.push_back(f.id);
    const std::vector<int> none(list.size(), -1);
    return make_report(analyses.value(), ids, none, none, out);
  });
}

DRAWLENS_API drawlens_status drawlens_skin_model_analyze_result(const drawlens_skin_model* model,
                                                                const drawlens_result* result, size_t page,
                                                                drawlens_process process, drawlens_material material,
                                                                drawlens_tolerance_report** out) {
  const char* fn = "drawlens_skin_model_analyze_result";
  return guard(fn, [&] {
    drawlens_status status = DRAWLENS_OK;
    if (is_null(out, fn, "out", status)) return status;
    *out = nullptr;
    if (is_null(model, fn, "model", status)) return status;
    if ((status = check_process_material(process, material, fn)) != DRAWLENS_OK) return status;
    const drawlens::PageAnalysis* analysis = nullptr;
    if ((status = drawlens::capi::find_page(result, page, fn, &analysis)) != DRAWLENS_OK) return status;
    if (!analysis->annotations) {
      return fail(DRAWLENS_INVALID_ARGUMENT,
                  std::string(fn) + ": the result has no annotations (run it with DRAWLENS_STAGE_ANNOTATE)");
    }
    auto found = tol::analyze_page(model->model, *analysis->annotations, analysis->dpi,
                                   static_cast<tol::Process>(process), static_cast<tol::Material>(material));
    if (!found) return failed(fn, found.error());
    std::vector<std::string> ids;
    std::vector<int> dimension_index, frame_index;
    const std::string prefix = "p" + std::to_string(analysis->index) + "-";
    for (const tol::FeatureSource& source : found.value().sources) {
      const bool dimension = source.kind == tol::SourceKind::dimension;
      ids.push_back(prefix + (dimension ? "d" : "g") + std::to_string(source.index));
      dimension_index.push_back(dimension ? static_cast<int>(source.index) : -1);
      frame_index.push_back(dimension ? -1 : static_cast<int>(source.index));
    }
    return make_report(found.value().analyses, ids, dimension_index, frame_index, out);
  });
}

DRAWLENS_API drawlens_status drawlens_tolerance_report_count(const drawlens_tolerance_report* report, size_t* out) {
  const char* fn = "drawlens_tolerance_report_count";
  return guard(fn, [&] {
    drawlens_status status = DRAWLENS_OK;
    if (is_null(report, fn, "report", status) || is_null(out, fn, "out", status)) return status;
    *out = report->views.size();
    return DRAWLENS_OK;
  });
}

DRAWLENS_API drawlens_status drawlens_tolerance_report_get(const drawlens_tolerance_report* report, size_t index,
                                                           drawlens_tolerance_analysis* out) {
  const char* fn = "drawlens_tolerance_report_get";
  return guard(fn, [&] {
    drawlens_status status = DRAWLENS_OK;
    if (is_null(report, fn, "report", status) || bad_out_struct(out, fn, status)) return status;
    if (index >= report->views.size()) return out_of_range(fn, "analysis", index, report->views.size());
    write_out_struct(report->views[index], out);
    return DRAWLENS_OK;
  });
}

DRAWLENS_API drawlens_status drawlens_tolerance_report_json(const drawlens_tolerance_report* report, const char** out) {
  const char* fn = "drawlens_tolerance_report_json";
  return guard(fn, [&] {
    drawlens_status status = DRAWLENS_OK;
    if (is_null(out, fn, "out", status)) return status;
    *out = nullptr;
    if (is_null(report, fn, "report", status)) return status;
    *out = report->json.c_str();
    return DRAWLENS_OK;
  });
}

DRAWLENS_API void drawlens_tolerance_report_free(drawlens_tolerance_report* report) {
  delete report;
}

DRAWLENS_API drawlens_status drawlens_iso286_fit(double nominal_mm, const char* hole_class, const char* shaft_class,
                                                 double* min_clearance_mm, double* max_clearance_mm) {
  const char* fn = "drawlens_iso286_fit";
  return guard(fn, [&] {
    drawlens_status status = DRAWLENS_OK;
    if (is_null(hole_class, fn, "hole_class", status) || is_null(shaft_class, fn, "shaft_class", status) ||
        is_null(min_clearance_mm, fn, "min_clearance_mm", status) ||
        is_null(max_clearance_mm, fn, "max_clearance_mm", status))
      return status;
    auto fit = drawlens::parse::iso286_fit(nominal_mm, hole_class, shaft_class);
    if (!fit) return failed(fn, fit.error());
    *min_clearance_mm = fit.value().min_clearance;
    *max_clearance_mm = fit.value().max_clearance;
    return DRAWLENS_OK;
  });
}

DRAWLENS_API drawlens_status drawlens_validate_gdt_json(const char* frame_text, double size_zone_mm, char** json) {
  const char* fn = "drawlens_validate_gdt_json";
  return guard(fn, [&] {
    drawlens_status status = DRAWLENS_OK;
    if (is_null(json, fn, "json", status)) return status;
    *json = nullptr;
    if (is_null(frame_text, fn, "frame_text", status)) return status;
    if (!(size_zone_mm >= 0)) return fail(DRAWLENS_INVALID_ARGUMENT, std::string(fn) + ": size_zone_mm must be >= 0");
    auto frame = drawlens::parse::parse_gdt(std::string_view(frame_text));
    if (!frame) return failed(fn, frame.error());
    nlohmann::json findings = nlohmann::json::array();
    bool consistent = true;
    for (const tol::Finding& f : tol::validate_frame(frame.value(), size_zone_mm)) {
      consistent = consistent && f.severity != tol::Severity::error;
      findings.push_back(drawlens::output::finding_json(f));
    }
    const std::string text =
        nlohmann::json{{"frame", frame.value().normalized}, {"consistent", consistent}, {"findings", findings}}.dump();
    return drawlens::capi::owned_copy(text.c_str(), text.size() + 1, fn, json);
  });
}

DRAWLENS_API void drawlens_stack_up_options_default_sized(drawlens_stack_up_options* options, size_t size) {
  drawlens::capi::write_defaults(default_stack_up_options(), options, size);
}

DRAWLENS_API drawlens_status drawlens_stack_up(const drawlens_feature* features, size_t feature_count,
                                               const drawlens_stack_link* links, size_t link_count,
                                               const drawlens_stack_up_options* options,
                                               drawlens_stack_up_result* out) {
  const char* fn = "drawlens_stack_up";
  return guard(fn, [&] {
    drawlens_status status = DRAWLENS_OK;
    if (bad_out_struct(out, fn, status)) return status;
    if (link_count > 0 && is_null(links, fn, "links", status)) return status;
    std::vector<tol::Feature> list;
    if ((status = read_features(features, feature_count, fn, list)) != DRAWLENS_OK) return status;
    std::vector<tol::StackLink> chain;
    for (std::size_t i = 0; i < link_count; ++i) {
      drawlens_stack_link link;
      if ((status = read_element(links, i, fn, "links", link)) != DRAWLENS_OK) return status;
      chain.push_back({link.feature_id != nullptr ? link.feature_id : "", link.direction});
    }
    drawlens_stack_up_options o = default_stack_up_options();
    if ((status = drawlens::capi::read_in(options, fn, "options", o)) != DRAWLENS_OK) return status;
    if (o.uniform != 0 && o.uniform != 1) {
      return fail(DRAWLENS_INVALID_ARGUMENT, std::string(fn) + ": options.uniform must be 0 or 1");
    }
    tol::StackUpOptions effective;
    effective.samples = o.samples;
    effective.seed = o.seed;
    effective.distribution = o.uniform == 1 ? tol::LinkDistribution::uniform : tol::LinkDistribution::normal;
    auto result = tol::stack_up(list, chain, effective);
    if (!result) return failed(fn, result.error());
    const tol::StackUp& s = result.value();
    auto view = zeroed_struct<drawlens_stack_up_result>();
    view.nominal_mm = s.nominal;
    view.worst_case_upper_mm = s.worst_case.upper;
    view.worst_case_lower_mm = s.worst_case.lower;
    view.rss_upper_mm = s.rss.upper;
    view.rss_lower_mm = s.rss.lower;
    view.monte_carlo_mean_mm = s.monte_carlo_mean;
    view.monte_carlo_sigma_mm = s.monte_carlo_sigma;
    view.q00135_mm = s.q00135;
    view.q05_mm = s.q05;
    view.q50_mm = s.q50;
    view.q95_mm = s.q95;
    view.q99865_mm = s.q99865;
    view.samples = s.samples;
    write_out_struct(view, out);
    return DRAWLENS_OK;
  });
}

}  // extern "C"
