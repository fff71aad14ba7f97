// The tolerance stage's costs on one core: the skin model's analysis of 1 000 features (target
// < 10 ms; counter x_parse: analysis time over parsing the same 1 000 dimension texts, the stage
// before it, measured in the same process) and the Monte Carlo stack-up's throughput (counter
// samples_per_s, target >= 1e6 samples/s). Uses the committed models/skinmodel.dlmodel.
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "parse/parse.h"
#include "tolerance/tolerance.h"

namespace drawlens::bench {
namespace {

using Clock = std::chrono::steady_clock;
constexpr int kFeatures = 1000;

const tolerance::SkinModel& skin_model() {
  static const tolerance::SkinModel* model = [] {
    auto loaded = tolerance::SkinModel::load(DRAWLENS_SOURCE_MODELS_DIR);
    if (!loaded) throw std::runtime_error(loaded.error().message);
    return new tolerance::SkinModel(std::move(loaded).value());
  }();
  return *model;
}

// 1 000 dimension texts of a busy drawing: sizes from 2 to 400 mm, deviations from IT6-like to
// ISO 2768-coarse, a tenth of them fits.
std::vector<std::string> dimension_texts() {
  std::vector<std::string> texts;
  const char* tolerances[] = {"±0.1", "+0.2/-0.1", "±0.02", "±0.5", "H7", "g6", "+0.05/0", "±0.01", "±0.3", "h9"};
  for (int i = 0; i < kFeatures; ++i) {
    char text[64];
    const double size = 2.0 + (i * 37 % 398);
    std::snprintf(text, sizeof text, "%sØ%.1f %s", i % 3 == 0 ? "" : "", size, tolerances[i % 10]);
    texts.emplace_back(text);
  }
  return texts;
}

std::vector<tolerance::Feature> features_of(const std::vector<std::string>& texts) {
  std::vector<tolerance::Feature> features;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    auto dimension = parse::parse_dimension(texts[i]);
    if (!dimension) throw std::runtime_error(texts[i] + ": " + dimension.error().message);
    auto feature = tolerance::feature_from_dimension(dimension.value(), "d" + std::to_string(i));
    if (!feature) throw std::runtime_error(texts[i] + ": " + feature.error().message);
    features.push_back(std::move(feature).value());
  }
  return features;
}

double seconds_to_parse(const std::vector<std::string>& texts) {
  const auto start = Clock::now();
  for (const auto& text : texts) benchmark::DoNotOptimize(parse::parse_dimension(text));
  return std::chrono::duration<double>(Clock::now() - start).count();
}

void BM_Analyze1000Features(benchmark::State& state) {
  const std::vector<std::string> texts = dimension_texts();
  const std::vector<tolerance::Feature> features = features_of(texts);
  double parse_seconds = 0;
  for (int i = 0; i < 5; ++i) parse_seconds += seconds_to_parse(texts) / 5;
  const auto start = Clock::now();
  for (auto _ : state) {
    auto analyses = skin_model().analyze(features, tolerance::Process::turning, tolerance::Material::steel);
    if (!analyses) state.SkipWithError(analyses.error().message.c_str());
    benchmark::DoNotOptimize(analyses);
  }
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  state.counters["features"] = kFeatures;
  state.counters["x_parse"] = seconds / static_cast<double>(state.iterations()) / parse_seconds;
}
BENCHMARK(BM_Analyze1000Features)->Unit(benchmark::kMillisecond)->UseRealTime();

// The model's prediction alone (one process), without the search for capable processes.
void BM_Predict1000Features(benchmark::State& state) {
  const std::vector<tolerance::Feature> features = features_of(dimension_texts());
  for (auto _ : state) {
    auto predicted = skin_model().predict(features, tolerance::Process::turning, tolerance::Material::steel);
    benchmark::DoNotOptimize(predicted);
  }
}
BENCHMARK(BM_Predict1000Features)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_MonteCarloStackUp(benchmark::State& state) {
  std::vector<tolerance::Feature> chain_features;
  std::vector<tolerance::StackLink> chain;
  for (int i = 0; i < state.range(0); ++i) {
    tolerance::Feature f;
    f.id = "L" + std::to_string(i);
    f.size_mm = 10.0 + i;
    f.deviations_mm = {0.05 + 0.01 * i, -0.05};
    chain_features.push_back(f);
    chain.push_back({f.id, i % 2 == 0 ? 1 : -1});
  }
  tolerance::StackUpOptions options;
  options.samples = 1'000'000;
  for (auto _ : state) {
    auto result = tolerance::stack_up(chain_features, chain, options);
    if (!result) state.SkipWithError(result.error().message.c_str());
    benchmark::DoNotOptimize(result);
  }
  state.counters["samples_per_s"] =
      benchmark::Counter(static_cast<double>(options.samples) * state.iterations(), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_MonteCarloStackUp)->Arg(2)->Arg(5)->Arg(10)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace drawlens::bench
