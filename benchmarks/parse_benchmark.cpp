// Parse stage throughput: parses per second over a mix of real dimension labels, frames and
// finishes; the baseline in the same process is lexing alone (the floor any grammar pays).
#include <benchmark/benchmark.h>

#include <chrono>
#include <string>
#include <vector>

#include "parse/drawing_text.h"
#include "parse/parse.h"

namespace drawlens::bench {
namespace {

const std::vector<std::string>& dimension_texts() {
  static const std::vector<std::string> texts = {
      "⌀21,5±0,1", "+0.40 4x⌀6.60-0.10", "16.00 15.50",          "Ø25 H7",   "Ø20 H7/g6",     "R1.00±0.10",
      "1x45°",     "M8x1.25-6g",         "4x Ø9 THRU ⌴ Ø15 ↧ 9", "30°±0.5°", "1/4-20 UNC-2B", "50.6 +0.02 0"};
  return texts;
}

double lex_seconds_per_text() {
  const auto& texts = dimension_texts();
  constexpr int kRounds = 2000;
  const auto start = std::chrono::steady_clock::now();
  for (int round = 0; round < kRounds; ++round) {
    for (const auto& text : texts) benchmark::DoNotOptimize(parse::lex_drawing_text(text));
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return seconds / (kRounds * static_cast<double>(texts.size()));
}

// Counter "x_lex": a full parse over lexing the same text.
void BM_ParseDimension(benchmark::State& state) {
  const auto& texts = dimension_texts();
  const double baseline = lex_seconds_per_text();
  std::size_t parsed = 0;
  const auto start = std::chrono::steady_clock::now();
  for (auto _ : state) {
    for (const auto& text : texts) benchmark::DoNotOptimize(parse::parse_dimension(text));
    parsed += texts.size();
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  state.SetItemsProcessed(static_cast<int64_t>(parsed));
  state.counters["x_lex"] = seconds / static_cast<double>(parsed) / baseline;
}
BENCHMARK(BM_ParseDimension);

void BM_ParseGdtFrame(benchmark::State& state) {
  const std::vector<std::string> frames = {"⌖|⌀0.20Ⓜ|A|BⓂ", "⏥|0.05", "⫽|0.1|A", "⌓|0.2|A|B|C"};
  for (auto _ : state) {
    for (const auto& frame : frames) benchmark::DoNotOptimize(parse::parse_gdt(frame));
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * frames.size()));
}
BENCHMARK(BM_ParseGdtFrame);

void BM_Iso286Limits(benchmark::State& state) {
  const std::vector<std::string> classes = {"H7", "g6", "js6", "k6", "P7", "s6", "ZC9", "a11"};
  for (auto _ : state) {
    for (const auto& cls : classes) benchmark::DoNotOptimize(parse::iso286_limits(63.0, cls));
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * classes.size()));
}
BENCHMARK(BM_Iso286Limits);

}  // namespace
}  // namespace drawlens::bench
