// Synthetic drawing throughput: whole drawings (compose, render, encode PNG, truth JSON) per second
// on one thread at 200 dpi on A3, clean (also with the class mask, boxes and crops) and degraded.
#include <benchmark/benchmark.h>

#include <sys/resource.h>

#include "synth.h"

namespace drawlens::bench {
namespace {

double peak_rss_megabytes() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;  // Linux reports kilobytes
}

void generate(benchmark::State& state, synth::Degradation degradation, const char* outputs = "png,json") {
  synth::DrawingOptions options;
  options.outputs = synth::parse_output_list(outputs);
  options.seed = 2024;
  options.dpi = 200;
  options.sheet = synth::SheetSize::a3;
  options.degradation = degradation;
  int index = 0;
  std::size_t bytes = 0;
  for (auto _ : state) {
    const synth::Drawing drawing = synth::generate_drawing(options, index++);
    bytes += drawing.png.size() + drawing.truth_json.size() + drawing.mask.size() + drawing.boxes.size();
    for (const synth::TextCrop& crop : drawing.crops) bytes += crop.png.size();
    benchmark::DoNotOptimize(drawing.png.data());
  }
  state.counters["drawings_per_s"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
  state.counters["output_MB_per_drawing"] = bytes / 1e6 / static_cast<double>(state.iterations());
  state.counters["peak_rss_MB"] = peak_rss_megabytes();
}

void BM_SynthA3At200Dpi(benchmark::State& state) {
  generate(state, synth::Degradation::none);
}
BENCHMARK(BM_SynthA3At200Dpi)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_SynthA3At200DpiWithMask(benchmark::State& state) {
  generate(state, synth::Degradation::none, "png,json,mask");
}
BENCHMARK(BM_SynthA3At200DpiWithMask)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_SynthA3At200DpiAllTrainingOutputs(benchmark::State& state) {
  generate(state, synth::Degradation::none, "png,json,mask,boxes,crops");
}
BENCHMARK(BM_SynthA3At200DpiAllTrainingOutputs)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_SynthA3At200DpiScanned(benchmark::State& state) {
  generate(state, synth::Degradation::scan);
}
BENCHMARK(BM_SynthA3At200DpiScanned)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_SynthA3At200DpiHeavy(benchmark::State& state) {
  generate(state, synth::Degradation::heavy);
}
BENCHMARK(BM_SynthA3At200DpiHeavy)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace drawlens::bench
