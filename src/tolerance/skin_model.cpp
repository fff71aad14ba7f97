// SkinModel: the trained booster loaded from its .dlmodel, predictions per feature, and the
// per-feature analysis built from them (rating, reason, capable processes, cost drivers).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>

#include "tolerance/capability_table.h"
#include "tolerance/model_inputs.h"
#include "tolerance/tolerance.h"
#include "tolerance/xgboost_booster.h"

namespace drawlens::tolerance {
namespace {

constexpr double kCostDriverShare = 0.1;  // the tightest tenth of a list (at least one) drives cost
constexpr double kMinLogSigma = -12.0, kMaxLogSigma = 5.0;

std::string millimetres(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.4g mm", value);
  return text;
}

std::string fixed(double value, int decimals) {
  char text[32];
  std::snprintf(text, sizeof text, "%.*f", decimals, value);
  return text;
}

std::string reason_for(const Analysis& a) {
  const Feature& f = a.feature;
  std::string text = "'" + f.text + "': zone " + millimetres(f.zone_mm());
  if (a.it_grade) text += " (" + std::string(parse::name(*a.it_grade)) + ")";
  text += f.size_assumed ? " on an assumed " : " at ";
  text += millimetres(f.size_mm) + "; " + std::string(name(a.process)) + " in " + std::string(name(a.material));
  if (is_size(f.feature_class)) {
    text += " gives sigma " + millimetres(a.predicted.sigma_mm);
  } else {
    text += " gives a median of " + millimetres(a.predicted.q50_mm) + ", 95 % below " + millimetres(a.predicted.q95_mm);
  }
  text += ", Cpk " + fixed(a.conformance.cpk, 2) + ", yield " + fixed(100.0 * a.conformance.yield, 1) +
          " %: " + std::string(name(a.conformance.rating));
  if (a.conformance.cpk < kCapableCpk) {
    if (a.capable_processes.empty()) {
      text += "; no process of the catalogue holds it in this material";
    } else {
      text += "; capable:";
      for (Process p : a.capable_processes) text += " " + std::string(name(p));
    }
  }
  return text;
}

}  // namespace

struct SkinModel::State {
  Booster booster;
  model::ModelFile file;
  double sigma_scale = 1.0;
  CapabilityTable capability;
};

model::ModelExpectation skin_model_expectation() {
  model::ModelExpectation expectation;
  expectation.name = kSkinModelName;
  expectation.architecture = kSkinModelArchitecture;
  expectation.min_version = kSkinModelVersion;
  expectation.max_version = kSkinModelVersion;
  expectation.input_shape = {-1, kInputCount};
  expectation.payload_format = model::PayloadFormat::xgboost_ubj;
  return expectation;
}

SkinModel::SkinModel(std::unique_ptr<State> state) : state_(std::move(state)) {}
SkinModel::SkinModel(SkinModel&&) noexcept = default;
SkinModel& SkinModel::operator=(SkinModel&&) noexcept = default;
SkinModel::~SkinModel() = default;

Result<SkinModel> SkinModel::load(const std::string& models_directory) {
  auto file = model::load_model(models_directory, skin_model_expectation());
  if (!file) return file.error();
  return from_model_file(file.value(), models_directory + "/" + kSkinModelName + ".dlmodel");
}

Result<SkinModel> SkinModel::from_model_file(const model::ModelFile& file, const std::string& label) {
  const nlohmann::json& hyper = file.header.hyperparameters;
  const auto scale = hyper.find("sigma_scale");
  if (scale == hyper.end() || !scale->is_number() || !(scale->get<double>() > 0)) {
    return make_error(Status::model, "'" + label + "': hyperparameters lack a positive number 'sigma_scale'");
  }
  const auto grades = hyper.find("capability_grades");
  if (grades == hyper.end()) {
    return make_error(Status::model, "'" + label + "': hyperparameters lack 'capability_grades'");
  }
  auto capability = CapabilityTable::from_json(*grades);
  if (!capability) return make_error(Status::model, "'" + label + "': " + capability.error().message);
  auto booster = Booster::load(file.payload.data(), file.payload.size(), "'" + label + "'");
  if (!booster) return booster.error();
  if (auto threads = booster.value().set_parameter("nthread", "1"); !threads) return threads.error();
  auto state = std::make_unique<State>(
      State{std::move(booster).value(), file, scale->get<double>(), std::move(capability).value()});
  SkinModel skin(std::move(state));
  // A payload trained for other inputs fails here rather than on a user's first analysis.
  Feature probe;
  probe.size_mm = 10.0;
  probe.deviations_mm = {0.01, -0.01};
  if (auto check = skin.predict({probe}, Process::milling, Material::steel); !check) {
    return make_error(Status::model, "'" + label + "': " + check.error().message);
  }
  return skin;
}

Result<SkinModel> SkinModel::load_file(const std::string& path) {
  auto file = model::load_model_file(path, skin_model_expectation());
  if (!file) return file.error();
  return from_model_file(file.value(), path);
}

const model::ModelHeader& SkinModel::header() const {
  return state_->file.header;
}

const model::ModelFile& SkinModel::model_file() const {
  return state_->file;
}

Result<std::vector<std::uint8_t>> SkinModel::file_bytes() const {
  return model::write_model_file(state_->file.header, state_->file.payload);
}

Result<std::vector<Distribution>> SkinModel::predict(const std::vector<Feature>& features, Process process,
                                                     Material material) const {
  std::vector<Query> queries;
  queries.reserve(features.size());
  for (const Feature& f : features) queries.push_back({&f, process});
  return predict_queries(queries, material);
}

Result<std::vector<Distribution>> SkinModel::predict_queries(const std::vector<Query>& queries,
                                                             Material material) const {
  DenseRows rows;
  rows.columns = kInputCount;
  rows.values.resize(queries.size() * kInputCount);
  for (std::size_t i = 0; i < queries.size(); ++i) {
    const Feature& f = *queries[i].feature;
    if (!(f.size_mm > 0) || !(f.zone_mm() > 0) || !std::isfinite(f.size_mm) || !std::isfinite(f.zone_mm())) {
      return make_error(Status::invalid_argument,
                        "feature '" + f.id + "' needs a positive, finite size and zone (size " +
                            std::to_string(f.size_mm) + " mm, zone " + std::to_string(f.zone_mm()) + " mm)");
    }
    write_inputs(f, queries[i].process, material, rows.values.data() + i * kInputCount);
  }
  auto raw = state_->booster.predict(rows);
  if (!raw) return raw.error();
  if (raw.value().size() != 2 * queries.size()) {
    return make_error(Status::model, "the skin model gives " + std::to_string(raw.value().size()) + " outputs for " +
                                         std::to_string(queries.size()) + " features; 2 per feature expected");
  }
  std::vector<Distribution> out;
  out.reserve(queries.size());
  for (std::size_t i = 0; i < queries.size(); ++i) {
    const double mean = raw.value()[2 * i];
    const double log_sigma = std::clamp(static_cast<double>(raw.value()[2 * i + 1]), kMinLogSigma, kMaxLogSigma);
    out.push_back(distribution_from_model(*queries[i].feature, mean, std::exp(log_sigma) * state_->sigma_scale));
  }
  return out;
}

Result<std::vector<Analysis>> SkinModel::analyze(const std::vector<Feature>& features, Process process,
                                                 Material material) const {
  auto predicted = predict(features, process, material);
  if (!predicted) return predicted.error();
  std::vector<Analysis> analyses(features.size());
  for (std::size_t i = 0; i < features.size(); ++i) {
    Analysis& a = analyses[i];
    a.feature = features[i];
    a.it_grade = parse::it_grade_for_width(features[i].size_mm, features[i].zone_mm());
    a.process = process;
    a.material = material;
    a.predicted = predicted.value()[i];
    a.conformance = conformance_of(features[i], a.predicted);
    a.tightness = is_size(features[i].feature_class) ? 6.0 * a.predicted.sigma_mm / features[i].zone_mm()
                                                     : std::exp(a.predicted.model_mean + 3.0 * a.predicted.model_sigma);
  }
  // Which other processes would hold the features this one does not: the model's capability
  // table, read off it when it was trained (capability_table.h).
  for (std::size_t i = 0; i < features.size(); ++i) {
    if (analyses[i].conformance.cpk >= kCapableCpk) continue;
    const double grade = continuous_grade(features[i].size_mm, features[i].zone_mm());
    for (int p = 0; p < kProcessCount; ++p) {
      const auto other = static_cast<Process>(p);
      if (other != process &&
          state_->capability.holds(material, other, features[i].feature_class, features[i].size_mm, grade)) {
        analyses[i].capable_processes.push_back(other);
      }
    }
  }
  // Cost drivers: not capable, or among the tightest tenth.
  std::vector<std::size_t> order(analyses.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return analyses[a].tightness > analyses[b].tightness; });
  const std::size_t tightest =
      analyses.empty() ? 0 : std::max<std::size_t>(1, static_cast<std::size_t>(kCostDriverShare * analyses.size()));
  for (std::size_t k = 0; k < order.size(); ++k) {
    Analysis& a = analyses[order[k]];
    a.cost_driver = k < tightest || a.conformance.cpk < kCapableCpk;
  }
  for (Analysis& a : analyses) a.reason = reason_for(a);
  return analyses;
}

}  // namespace drawlens::tolerance
