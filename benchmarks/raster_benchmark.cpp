// Reading a raster drawing end to end (issue 18's budget: an A3 page scanned at 300 dpi in 1.5 s on
// two cores): the default pipeline on three generated A3 scans, with each stage's mean milliseconds
// per page as counters, beside the Tesseract command (`tesseract page.png -`, the tesseract-ocr
// package) on the same pages in the same process (counter x_tesseract: Tesseract's wall time over
// the pipeline's). Uses the committed models.
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include "pipeline/pipeline.h"
#include "synth.h"

namespace drawlens::bench {
namespace {

using Clock = std::chrono::steady_clock;

using Png = std::vector<std::uint8_t>;
constexpr int kPages = 3;

// A3 sheets at 300 dpi with the generator's scan degradation, as PNG bytes (their dpi inside).
const std::vector<Png>& scanned_a3() {
  static const std::vector<Png> pages = [] {
    synth::DrawingOptions options;
    options.seed = 20261210;
    options.dpi = 300;
    options.sheet = synth::SheetSize::a3;
    options.degradation = synth::Degradation::scan;
    std::vector<Png> out;
    for (int i = 0; i < kPages; ++i) out.push_back(synth::generate_drawing(options, i).png);
    return out;
  }();
  return pages;
}

const Pipeline& default_pipeline() {
  static const Pipeline pipeline = [] {
    PipelineOptions options;
    options.model_directory = DRAWLENS_SOURCE_MODELS_DIR;
    auto created = Pipeline::create(options);
    if (!created) throw std::runtime_error(created.error().message);
    return std::move(created).value();
  }();
  return pipeline;
}

// Mean seconds per page the Tesseract command takes on the pages, or a negative value when the
// command is not installed.
double tesseract_seconds() {
  static const double seconds = [] {
    if (std::system("command -v tesseract > /dev/null 2>&1") != 0) return -1.0;
    const auto path = std::filesystem::temp_directory_path() / "drawlens-raster-benchmark.png";
    const std::string command = "tesseract " + path.string() + " - > /dev/null 2>&1";
    double total = 0;
    for (const Png& png : scanned_a3()) {
      std::ofstream(path, std::ios::binary)
          .write(reinterpret_cast<const char*>(png.data()), static_cast<std::streamsize>(png.size()));
      const auto start = Clock::now();
      if (std::system(command.c_str()) != 0) return -1.0;
      total += std::chrono::duration<double>(Clock::now() - start).count();
    }
    std::filesystem::remove(path);
    return total / kPages;
  }();
  return seconds;
}

void BM_ReadScannedA3At300Dpi(benchmark::State& state) {
  const Pipeline& pipeline = default_pipeline();
  const std::vector<Png>& pages = scanned_a3();  // generated before timing
  std::map<std::string, double> stage_ms;
  double wall = 0;
  for (auto _ : state) {
    for (const Png& png : pages) {
      const auto start = Clock::now();
      auto analysis = pipeline.analyze_memory(png.data(), png.size());
      wall += std::chrono::duration<double>(Clock::now() - start).count();
      if (!analysis) {
        state.SkipWithError(analysis.error().message.c_str());
        return;
      }
      for (const auto& [stage, ms] : analysis.value().timings_ms) stage_ms[stage] += ms;
    }
  }
  const double calls = static_cast<double>(state.iterations()) * kPages;
  for (const auto& [stage, ms] : stage_ms) state.counters[stage + "_ms"] = ms / calls;
  state.counters["page_ms"] = wall / calls * 1000;
  const double tesseract = tesseract_seconds();
  if (tesseract > 0) {
    state.counters["tesseract_ms"] = tesseract * 1000;
    state.counters["x_tesseract"] = tesseract / (wall / calls);
  }
}
BENCHMARK(BM_ReadScannedA3At300Dpi)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(5.0);

}  // namespace
}  // namespace drawlens::bench
