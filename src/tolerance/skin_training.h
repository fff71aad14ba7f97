// Making a skin model: samples from the process-capability simulation or from a measurements CSV,
// training (XGBoost with a Gaussian likelihood objective, and the seed's random forest as the
// baseline), and the held-out figures both are judged by. Used by tools/train/skinmodel and
// `drawlens train-skin`; docs/tolerance.md describes the simulation and the CSV format.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "model/model.h"
#include "tolerance/tolerance.h"

namespace drawlens::tolerance {

// One produced part's measurement of one feature.
struct Sample {
  Feature feature;
  Process process = Process::milling;
  Material material = Material::steel;
  double measured_mm = 0;  // a size's deviation from nominal; a geometric feature's measured value
};

// `count` samples of the simulation, reproducible from `seed` (docs/tolerance.md, "Simulation").
std::vector<Sample> simulate_samples(std::uint64_t seed, std::size_t count);

// Measurements in CSV (docs/tolerance.md, "Measurements CSV"): a header naming the columns
// process, material, feature, size_mm, lower_mm, upper_mm, measured_mm in any order, then one
// measurement per line. INVALID_ARGUMENT naming the line and column of the first problem: a missing
// column, an empty or non-numeric cell, an unknown process, material or feature, an empty zone,
// or no measurement at all.
Result<std::vector<Sample>> read_measurements_csv(std::string_view text);

struct TrainingOptions {
  int rounds = 150;
  int max_depth = 6;
  double learning_rate = 0.15;
  int threads = 2;
  std::uint64_t seed = 1;
  bool random_forest = false;  // the baseline: 200 parallel trees of one round for the mean, then for the spread
};

// Predicted model-scale mean and sigma per sample.
struct Predictions {
  std::vector<double> mean;
  std::vector<double> sigma;
};

// A trained model: the .dlmodel bytes (the XGBoost model and a header whose hyperparameters
// carry the interval calibration) and, for evaluation, a way to predict.
struct TrainedModel {
  std::vector<std::uint8_t> file;
  model::ModelHeader header;
};

// Trains on `train`, then scales sigma so that 90 % intervals cover 90 % of `calibration`. With a
// base model, boosting continues from it (the simulation's model as the prior of a shop's few
// measurements). The random-forest baseline is returned as predictions on `evaluate_on` only.
Result<TrainedModel> train_skin_model(const std::vector<Sample>& train, const std::vector<Sample>& calibration,
                                      const TrainingOptions& options, const model::TrainingRecord& record,
                                      const SkinModel* base = nullptr);

// `drawlens train-skin`: measurements in CSV (read_measurements_csv) added to `base` (or alone
// when null) in `rounds` rounds of depth 3 at learning rate 0.1; the intervals are calibrated on
// the same measurements (there are too few to hold some out).
Result<SkinModel> train_from_measurements(std::string_view csv, const SkinModel* base, int rounds, std::uint64_t seed,
                                          const std::string& command);
Result<Predictions> random_forest_baseline(const std::vector<Sample>& train, const std::vector<Sample>& calibration,
                                           const std::vector<Sample>& evaluate_on, const TrainingOptions& options);
// The loaded model's predictions for samples (each under its own process and material).
Result<Predictions> predict_samples(const SkinModel& model, const std::vector<Sample>& samples);

// Held-out figures of one group of samples.
struct Figures {
  std::string group;  // "all", a feature class name, or "sizes"/"geometric"
  std::size_t samples = 0;
  double r2 = 0;          // of the target (model scale) by the predicted median
  double spread_r2 = 0;   // of |target - median| by the predicted mean absolute deviation
  double mae = 0;         // mean absolute error of the median, model scale
  double coverage90 = 0;  // share of targets inside the predicted 90 % interval
  double mean_nll = 0;    // mean Gaussian negative log-likelihood, model scale
};
std::vector<Figures> evaluate(const std::vector<Sample>& samples, const Predictions& predictions);

}  // namespace drawlens::tolerance
