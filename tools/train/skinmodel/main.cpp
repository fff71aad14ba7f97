// drawlens-train-skinmodel: simulates training, calibration and test samples from three seeds,
// trains the skin model, and prints held-out figures of it and of the random-forest baseline as a
// Markdown table (docs/tolerance.md, "Training").
#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>

#include "tolerance/skin_training.h"

namespace {

namespace tol = drawlens::tolerance;

void print_figures(const char* model, const std::vector<tol::Figures>& figures) {
  for (const tol::Figures& f : figures) {
    std::printf("| %s | %s | %zu | %.3f | %.3f | %.4f | %.3f | %.3f |\n", model, f.group.c_str(), f.samples, f.r2,
                f.spread_r2, f.mae, f.coverage90, f.mean_nll);
  }
}

}  // namespace

int main(int argc, char** argv) {
  tol::TrainingOptions options;
  std::string out;
  std::size_t train_count = 300000, calibration_count = 20000, test_count = 50000;
  bool baseline = true;
  CLI::App app{"Trains the drawlens skin model on the process-capability simulation"};
  app.add_option("--out", out, "the .dlmodel file to write")->required();
  app.add_option("--seed", options.seed, "simulation and training seed (calibration uses seed+1, test seed+2)");
  app.add_option("--samples", train_count, "training samples")->check(CLI::Range(100, 100000000));
  app.add_option("--calibration", calibration_count, "calibration samples")->check(CLI::Range(100, 10000000));
  app.add_option("--test", test_count, "held-out test samples")->check(CLI::Range(100, 10000000));
  app.add_option("--rounds", options.rounds, "boosting rounds")->check(CLI::Range(1, 100000));
  app.add_option("--depth", options.max_depth, "tree depth")->check(CLI::Range(1, 16));
  app.add_option("--eta", options.learning_rate, "learning rate")->check(CLI::Range(1e-4, 1.0));
  app.add_option("--threads", options.threads, "XGBoost threads")->check(CLI::Range(1, 256));
  app.add_flag("!--no-baseline", baseline, "skip the random-forest baseline");
  CLI11_PARSE(app, argc, argv);
  drawlens::model::TrainingRecord record;
  for (int i = 0; i < argc; ++i) record.command += (i ? " " : "") + std::string(argv[i]);
  record.seed = options.seed;
  record.data_size = train_count;

  const auto start = std::chrono::steady_clock::now();
  const auto train = tol::simulate_samples(options.seed, train_count);
  const auto calibration = tol::simulate_samples(options.seed + 1, calibration_count);
  const auto test = tol::simulate_samples(options.seed + 2, test_count);
  auto trained = tol::train_skin_model(train, calibration, options, record);
  if (!trained) {
    std::cerr << "drawlens-train-skinmodel: " << trained.error().message << "\n";
    return 1;
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::ofstream(out, std::ios::binary)
      .write(reinterpret_cast<const char*>(trained.value().file.data()),
             static_cast<std::streamsize>(trained.value().file.size()));
  auto file = drawlens::model::read_model_file(trained.value().file.data(), trained.value().file.size(),
                                               tol::skin_model_expectation(), out);
  if (!file) {
    std::cerr << "drawlens-train-skinmodel: " << file.error().message << "\n";
    return 1;
  }
  auto model = tol::SkinModel::from_model_file(file.value(), out);
  if (!model) {
    std::cerr << "drawlens-train-skinmodel: " << model.error().message << "\n";
    return 1;
  }
  auto predictions = tol::predict_samples(model.value(), test);
  if (!predictions) {
    std::cerr << "drawlens-train-skinmodel: " << predictions.error().message << "\n";
    return 1;
  }
  std::printf("trained in %.1f s; %zu bytes; sigma_scale %.4f\n\n", seconds, trained.value().file.size(),
              trained.value().header.hyperparameters["sigma_scale"].get<double>());
  std::printf(
      "| model | group | samples | R2 | spread R2 | MAE | 90%% coverage | mean NLL |\n"
      "|---|---|---|---|---|---|---|---|\n");
  print_figures("xgboost", tol::evaluate(test, predictions.value()));
  if (baseline) {
    auto forest = tol::random_forest_baseline(train, calibration, test, options);
    if (!forest) {
      std::cerr << "drawlens-train-skinmodel: " << forest.error().message << "\n";
      return 1;
    }
    print_figures("random forest", tol::evaluate(test, forest.value()));
  }
  return 0;
}
