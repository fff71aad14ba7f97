// Load time per format for the sample drawing (A4 at 300 dpi), against OpenCV's bare imdecode of
// the same PNG as the in-process baseline (refusing hostile input: limits_benchmark.cpp).
#include <benchmark/benchmark.h>

#include <chrono>

#include "sample_pages.h"

namespace drawlens::bench {
namespace {

double baseline_png_decode_seconds() {
  static const double seconds = [] {
    const Bytes& png = sample_encoded(".png");
    const auto start = std::chrono::steady_clock::now();
    constexpr int kRuns = 5;
    for (int i = 0; i < kRuns; ++i) cv::imdecode(png, cv::IMREAD_UNCHANGED);
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() / kRuns;
  }();
  return seconds;
}

// Counter "x_png_imdecode": this load's time over the baseline's (1.0 = as fast as bare imdecode).
void load_and_report(benchmark::State& state, const Bytes& bytes) {
  const auto start = std::chrono::steady_clock::now();
  for (auto _ : state) {
    auto doc = load::load_memory(bytes.data(), bytes.size(), {});
    if (!doc.ok()) state.SkipWithError(doc.error().message.c_str());
    benchmark::DoNotOptimize(doc);
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  state.counters["bytes"] = static_cast<double>(bytes.size());
  state.counters["x_png_imdecode"] = seconds / static_cast<double>(state.iterations()) / baseline_png_decode_seconds();
}

void BM_LoadRaster(benchmark::State& state, const char* ext) {
  load_and_report(state, sample_encoded(ext));
}
BENCHMARK_CAPTURE(BM_LoadRaster, png, ".png")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_LoadRaster, jpeg, ".jpg")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_LoadRaster, tiff, ".tiff")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_LoadRaster, bmp, ".bmp")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_LoadRaster, webp, ".webp")->Unit(benchmark::kMillisecond);

void BM_LoadPdf300Dpi(benchmark::State& state) {
  load_and_report(state, sample_pdf());
}
BENCHMARK(BM_LoadPdf300Dpi)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace drawlens::bench
