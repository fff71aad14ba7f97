// Layout stage on the sample page (A4 300 dpi) and on an A3 300 dpi page made of two samples
// side by side, against a single Otsu binarization of the same page as the in-process baseline.
#include <benchmark/benchmark.h>

#include <chrono>

#include <opencv2/imgproc.hpp>

#include "layout/layout.h"
#include "pipeline/pipeline.h"
#include "sample_pages.h"

namespace drawlens::bench {
namespace {

double otsu_seconds(const cv::Mat& page) {
  cv::Mat binary;
  const auto start = std::chrono::steady_clock::now();
  cv::threshold(page, binary, 0, 255, cv::THRESH_BINARY_INV | cv::THRESH_OTSU);
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Counter "x_otsu": layout time over one Otsu binarization of the same page.
void run_layout(benchmark::State& state, const cv::Mat& page) {
  const double baseline = otsu_seconds(page);
  const auto start = std::chrono::steady_clock::now();
  const prepare::PreparedPage prepared = prepare::prepare_page(page, 300);
  for (auto _ : state) benchmark::DoNotOptimize(layout::find_layout(prepared));
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  state.counters["x_otsu"] = seconds / static_cast<double>(state.iterations()) / baseline;
  state.counters["megapixels"] = static_cast<double>(page.total()) / 1e6;
}

void BM_LayoutA4(benchmark::State& state) {
  run_layout(state, sample_page());
}
BENCHMARK(BM_LayoutA4)->Unit(benchmark::kMillisecond);

void BM_LayoutA3(benchmark::State& state) {
  run_layout(state, a3_page());
}
BENCHMARK(BM_LayoutA3)->Unit(benchmark::kMillisecond);

void BM_PipelineSamplePdf(benchmark::State& state) {
  auto pipeline = Pipeline::create({});
  const Bytes& pdf = sample_pdf();
  for (auto _ : state) benchmark::DoNotOptimize(pipeline.value().analyze_memory(pdf.data(), pdf.size()));
}
BENCHMARK(BM_PipelineSamplePdf)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace drawlens::bench
