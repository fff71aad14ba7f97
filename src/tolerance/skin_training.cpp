// Training the skin model (skin_training.h): XGBoost boosted with the Gaussian negative
// log-likelihood of (mean, log sigma) as a custom objective, the random-forest baseline, interval
// calibration and the held-out figures.
#include <algorithm>
#include <cmath>
#include <map>

#include "tolerance/capability_table.h"
#include "tolerance/model_inputs.h"
#include "tolerance/skin_training.h"
#include "tolerance/xgboost_booster.h"

namespace drawlens::tolerance {
namespace {

constexpr double kZ95 = 1.6448536269514722;
constexpr double kPi = 3.14159265358979323846;
constexpr double kMinLogSigma = -12.0, kMaxLogSigma = 5.0;
constexpr double kLargestSpreadGradient = 50.0;  // one outlier must not dominate a leaf
constexpr int kForestTrees = 200;
constexpr double kRoot2OverPi = 0.7978845608028654;  // E|N(0, 1)|

using Parameters = std::vector<std::pair<std::string, std::string>>;

DenseRows rows_of(const std::vector<Sample>& samples) {
  DenseRows rows;
  rows.columns = kInputCount;
  rows.values.resize(samples.size() * kInputCount);
  for (std::size_t i = 0; i < samples.size(); ++i) {
    write_inputs(samples[i].feature, samples[i].process, samples[i].material, rows.values.data() + i * kInputCount);
  }
  return rows;
}

std::vector<float> targets_of(const std::vector<Sample>& samples) {
  std::vector<float> y(samples.size());
  for (std::size_t i = 0; i < samples.size(); ++i) {
    y[i] = static_cast<float>(model_target(samples[i].feature, samples[i].measured_mm));
  }
  return y;
}

Parameters common_parameters(const TrainingOptions& options) {
  return {{"tree_method", "hist"},
          {"nthread", std::to_string(std::max(1, options.threads))},
          {"seed", std::to_string(options.seed % 2147483647ull)},
          {"base_score", "0"},
          {"verbosity", "0"}};
}

// The sigma factor that makes central 90 % intervals cover 90 % of the calibration samples.
double interval_scale(const std::vector<float>& y, const Predictions& p) {
  std::vector<double> z(y.size());
  for (std::size_t i = 0; i < y.size(); ++i) z[i] = std::abs(y[i] - p.mean[i]) / p.sigma[i];
  if (z.empty()) return 1.0;
  const std::size_t k = std::min(z.size() - 1, static_cast<std::size_t>(0.9 * static_cast<double>(z.size())));
  std::nth_element(z.begin(), z.begin() + static_cast<std::ptrdiff_t>(k), z.end());
  return std::max(z[k] / kZ95, 1e-6);
}

Predictions gaussian_outputs(const std::vector<float>& raw, double scale) {
  Predictions p;
  const std::size_t n = raw.size() / 2;
  p.mean.resize(n);
  p.sigma.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    p.mean[i] = raw[2 * i];
    p.sigma[i] = std::exp(std::clamp(static_cast<double>(raw[2 * i + 1]), kMinLogSigma, kMaxLogSigma)) * scale;
  }
  return p;
}

// Gradient and Fisher-information Hessian of the Gaussian NLL in (mean, log sigma).
void gaussian_gradients(const std::vector<float>& raw, const std::vector<float>& y, std::vector<float>& gradient,
                        std::vector<float>& hessian) {
  for (std::size_t i = 0; i < y.size(); ++i) {
    const double mean = raw[2 * i];
    const double log_sigma = std::clamp(static_cast<double>(raw[2 * i + 1]), kMinLogSigma, kMaxLogSigma);
    const double precision = std::exp(-2.0 * log_sigma);
    const double residual = y[i] - mean;
    gradient[2 * i] = static_cast<float>(-residual * precision);
    hessian[2 * i] = static_cast<float>(precision);
    gradient[2 * i + 1] = static_cast<float>(std::max(1.0 - residual * residual * precision, -kLargestSpreadGradient));
    hessian[2 * i + 1] = 2.0f;
  }
}

Result<std::vector<float>> forest_predict(const Booster& forest, const DenseRows& rows) {
  return forest.predict(rows);
}

Result<Booster> train_forest(const DenseRows& rows, const std::vector<float>& labels, const TrainingOptions& options) {
  auto matrix = TrainingMatrix::create(rows, labels);
  if (!matrix) return matrix.error();
  Parameters parameters = common_parameters(options);
  parameters.insert(parameters.end(), {{"objective", "reg:squarederror"},
                                       {"num_parallel_tree", std::to_string(kForestTrees)},
                                       {"eta", "1"},
                                       {"subsample", "0.632"},
                                       {"colsample_bynode", "0.5"},
                                       {"max_depth", "12"},
                                       {"min_child_weight", "5"},
                                       {"lambda", "0"}});
  auto forest = Booster::create(matrix.value(), parameters);
  if (!forest) return forest.error();
  if (auto round = forest.value().update(matrix.value(), 0); !round) return round.error();
  return forest;
}

}  // namespace

Result<TrainedModel> train_skin_model(const std::vector<Sample>& train, const std::vector<Sample>& calibration,
                                      const TrainingOptions& options, const model::TrainingRecord& record,
                                      const SkinModel* base) {
  if (train.empty() || calibration.empty()) {
    return make_error(Status::invalid_argument, "training needs training and calibration samples");
  }
  const DenseRows rows = rows_of(train);
  const std::vector<float> y = targets_of(train);
  auto matrix = TrainingMatrix::create(rows, {});
  if (!matrix) return matrix.error();
  Parameters parameters = common_parameters(options);
  parameters.insert(parameters.end(), {{"num_class", "2"},
                                       {"disable_default_eval_metric", "1"},
                                       {"max_depth", std::to_string(options.max_depth)},
                                       {"eta", std::to_string(options.learning_rate)},
                                       {"subsample", "0.8"},
                                       {"colsample_bytree", "0.9"},
                                       {"min_child_weight", "2"}});
  auto booster = Booster::create(matrix.value(), {});
  if (!booster) return booster.error();
  if (base != nullptr) {
    const auto& payload = base->model_file().payload;
    if (auto loaded = booster.value().load_model(payload.data(), payload.size(), "the base model"); !loaded) {
      return loaded.error();
    }
  }
  for (const auto& [name, value] : parameters) {
    if (auto set = booster.value().set_parameter(name, value); !set) return set.error();
  }
  std::vector<float> gradient(2 * y.size()), hessian(2 * y.size());
  for (int round = 0; round < options.rounds; ++round) {
    auto raw = booster.value().predict_training(matrix.value());
    if (!raw) return raw.error();
    if (raw.value().size() != 2 * y.size()) {
      return make_error(Status::internal, "the booster gives " + std::to_string(raw.value().size()) + " outputs for " +
                                              std::to_string(y.size()) + " rows; 2 per row expected");
    }
    gaussian_gradients(raw.value(), y, gradient, hessian);
    if (auto step = booster.value().boost(matrix.value(), gradient, hessian); !step) return step.error();
  }
  auto calibration_raw = booster.value().predict(rows_of(calibration));
  if (!calibration_raw) return calibration_raw.error();
  const double scale = interval_scale(targets_of(calibration), gaussian_outputs(calibration_raw.value(), 1.0));

  auto capability = CapabilityTable::measure(booster.value(), scale, kCapableCpk);
  if (!capability) return capability.error();
  auto payload = booster.value().save_ubj();
  if (!payload) return payload.error();
  TrainedModel trained;
  model::ModelHeader& header = trained.header;
  header.name = kSkinModelName;
  header.version = kSkinModelVersion;
  header.architecture = kSkinModelArchitecture;
  header.input_shape = {-1, kInputCount};
  header.payload_format = model::PayloadFormat::xgboost_ubj;
  header.hyperparameters = {{"rounds", options.rounds},
                            {"max_depth", options.max_depth},
                            {"learning_rate", options.learning_rate},
                            {"objective", "gaussian negative log-likelihood of (mean, log sigma)"},
                            {"outputs", {"mean", "log_sigma"}},
                            {"sigma_scale", scale},
                            {"capability_grades", capability.value().to_json()},
                            {"training_samples", train.size()},
                            {"calibration_samples", calibration.size()}};
  header.training = record;
  auto file = model::write_model_file(header, payload.value());
  if (!file) return file.error();
  trained.file = std::move(file).value();
  return trained;
}

Result<Predictions> random_forest_baseline(const std::vector<Sample>& train, const std::vector<Sample>& calibration,
                                           const std::vector<Sample>& evaluate_on, const TrainingOptions& options) {
  if (train.size() < 2 || calibration.empty()) {
    return make_error(Status::invalid_argument, "the baseline needs training and calibration samples");
  }
  // The mean forest learns from the first half; the spread forest learns the absolute residuals of
  // the second half (out of the mean forest's sample, so that they are honest).
  const auto half = train.begin() + static_cast<std::ptrdiff_t>(train.size() / 2);
  const std::vector<Sample> first(train.begin(), half), second(half, train.end());
  auto mean_forest = train_forest(rows_of(first), targets_of(first), options);
  if (!mean_forest) return mean_forest.error();
  const DenseRows second_rows = rows_of(second);
  auto second_mean = forest_predict(mean_forest.value(), second_rows);
  if (!second_mean) return second_mean.error();
  std::vector<float> spread = targets_of(second);
  for (std::size_t i = 0; i < spread.size(); ++i) spread[i] = std::abs(spread[i] - second_mean.value()[i]);
  auto spread_forest = train_forest(second_rows, spread, options);
  if (!spread_forest) return spread_forest.error();

  auto predict = [&](const std::vector<Sample>& samples) -> Result<Predictions> {
    const DenseRows rows = rows_of(samples);
    auto mean = forest_predict(mean_forest.value(), rows);
    if (!mean) return mean.error();
    auto deviation = forest_predict(spread_forest.value(), rows);
    if (!deviation) return deviation.error();
    Predictions p;
    for (std::size_t i = 0; i < samples.size(); ++i) {
      p.mean.push_back(mean.value()[i]);
      p.sigma.push_back(std::max(static_cast<double>(deviation.value()[i]) / kRoot2OverPi, 1e-6));
    }
    return p;
  };
  auto calibrated = predict(calibration);
  if (!calibrated) return calibrated.error();
  const double scale = interval_scale(targets_of(calibration), calibrated.value());
  auto out = predict(evaluate_on);
  if (!out) return out.error();
  for (double& s : out.value().sigma) s *= scale;
  return out;
}

Result<Predictions> predict_samples(const SkinModel& model, const std::vector<Sample>& samples) {
  // The model predicts one process and material at a time: group, predict, put back in order.
  std::map<std::pair<int, int>, std::vector<std::size_t>> groups;
  for (std::size_t i = 0; i < samples.size(); ++i) {
    groups[{static_cast<int>(samples[i].process), static_cast<int>(samples[i].material)}].push_back(i);
  }
  Predictions p;
  p.mean.resize(samples.size());
  p.sigma.resize(samples.size());
  for (const auto& [key, members] : groups) {
    std::vector<Feature> features;
    for (std::size_t i : members) features.push_back(samples[i].feature);
    auto predicted = model.predict(features, static_cast<Process>(key.first), static_cast<Material>(key.second));
    if (!predicted) return predicted.error();
    for (std::size_t k = 0; k < members.size(); ++k) {
      p.mean[members[k]] = predicted.value()[k].model_mean;
      p.sigma[members[k]] = predicted.value()[k].model_sigma;
    }
  }
  return p;
}

std::vector<Figures> evaluate(const std::vector<Sample>& samples, const Predictions& predictions) {
  std::map<std::string, std::vector<std::size_t>> groups;
  for (std::size_t i = 0; i < samples.size(); ++i) {
    const FeatureClass c = samples[i].feature.feature_class;
    groups["all"].push_back(i);
    groups[is_size(c) ? "sizes" : "geometric"].push_back(i);
    groups[std::string(name(c))].push_back(i);
  }
  std::vector<Figures> out;
  for (const auto& [group, members] : groups) {
    Figures f;
    f.group = group;
    f.samples = members.size();
    double mean_target = 0;
    for (std::size_t i : members) mean_target += model_target(samples[i].feature, samples[i].measured_mm);
    mean_target /= static_cast<double>(members.size());
    double residual_sum = 0, total_sum = 0, mean_spread = 0;
    for (std::size_t i : members) {
      mean_spread += std::abs(model_target(samples[i].feature, samples[i].measured_mm) - predictions.mean[i]);
    }
    mean_spread /= static_cast<double>(members.size());
    double spread_residual_sum = 0, spread_total_sum = 0;
    for (std::size_t i : members) {
      const double y = model_target(samples[i].feature, samples[i].measured_mm);
      const double r = y - predictions.mean[i];
      const double s = predictions.sigma[i];
      residual_sum += r * r;
      const double spread_error = std::abs(r) - kRoot2OverPi * s;
      spread_residual_sum += spread_error * spread_error;
      spread_total_sum += (std::abs(r) - mean_spread) * (std::abs(r) - mean_spread);
      total_sum += (y - mean_target) * (y - mean_target);
      f.mae += std::abs(r);
      f.coverage90 += std::abs(r) <= kZ95 * s ? 1.0 : 0.0;
      f.mean_nll += 0.5 * std::log(2.0 * kPi) + std::log(s) + r * r / (2.0 * s * s);
    }
    const double n = static_cast<double>(members.size());
    f.r2 = total_sum > 0 ? 1.0 - residual_sum / total_sum : 0.0;
    f.spread_r2 = spread_total_sum > 0 ? 1.0 - spread_residual_sum / spread_total_sum : 0.0;
    f.mae /= n;
    f.coverage90 /= n;
    f.mean_nll /= n;
    out.push_back(f);
  }
  return out;
}

Result<SkinModel> train_from_measurements(std::string_view csv, const SkinModel* base, int rounds, std::uint64_t seed,
                                          const std::string& command) {
  auto samples = read_measurements_csv(csv);
  if (!samples) return samples.error();
  TrainingOptions options;
  options.rounds = rounds;
  options.max_depth = 3;
  options.learning_rate = 0.1;
  options.seed = seed;
  const std::uint64_t prior = base != nullptr ? base->header().training.data_size : 0;
  const model::TrainingRecord record{command, seed, prior + samples.value().size()};
  auto trained = train_skin_model(samples.value(), samples.value(), options, record, base);
  if (!trained) return trained.error();
  auto file = model::read_model_file(trained.value().file.data(), trained.value().file.size(), skin_model_expectation(),
                                     "the retrained model");
  if (!file) return file.error();
  return SkinModel::from_model_file(file.value(), "the retrained model");
}

}  // namespace drawlens::tolerance
