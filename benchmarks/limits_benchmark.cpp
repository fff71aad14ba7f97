// Reliability figures: how fast and how cheaply hostile input is refused, how soon a cancelled
// analysis returns, the peak memory an A3 page costs, and whether memory stays flat over 10,000
// analyses. Times are also given as ratios to a
// normal analysis of the sample page in the same process (counter "x_sample_page").
#include <benchmark/benchmark.h>
#include <malloc.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "hostile_inputs.h"
#include "pipeline/pipeline.h"
#include "sample_pages.h"

namespace drawlens::bench {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// A memory field of /proc/self/status in MiB: VmHWM is the peak since the last reset (through
// clear_refs), VmRSS the resident size now.
double status_mib(const std::string& field) {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind(field + ":", 0) == 0) return std::stod(line.substr(field.size() + 1)) / 1024.0;
  }
  return 0.0;
}
double peak_rss_mib() {
  return status_mib("VmHWM");
}
double current_rss_mib() {
  return status_mib("VmRSS");
}
void reset_peak_rss() {
  std::ofstream("/proc/self/clear_refs") << "5";
}

const Pipeline& pipeline() {
  static const Pipeline p = [] {
    PipelineOptions options;
    options.device = "cpu";
    return Pipeline::create(options).value();
  }();
  return p;
}

double sample_page_seconds() {
  static const double seconds = [] {
    constexpr int kRuns = 3;
    const auto start = Clock::now();
    for (int i = 0; i < kRuns; ++i)
      benchmark::DoNotOptimize(pipeline().analyze_memory(sample_pdf().data(), sample_pdf().size()));
    return seconds_since(start) / kRuns;
  }();
  return seconds;
}

// Counters: extra_rss_mib (peak over the resident size before the call) and x_sample_page.
void refuse(benchmark::State& state, const hostile::Bytes& bytes, const std::string& path = {}) {
  const double baseline = sample_page_seconds();
  double extra_mib = 0.0;
  const auto start = Clock::now();
  for (auto _ : state) {
    reset_peak_rss();
    const double before = current_rss_mib();
    auto analysis =
        path.empty() ? pipeline().analyze_memory(bytes.data(), bytes.size()) : pipeline().analyze_file(path);
    if (analysis.ok() || analysis.error().status != Status::limit_exceeded) {
      state.SkipWithError("hostile input was not refused with LIMIT_EXCEEDED");
      break;
    }
    extra_mib = std::max(extra_mib, peak_rss_mib() - before);
  }
  state.counters["extra_rss_mib"] = extra_mib;
  state.counters["x_sample_page"] = seconds_since(start) / static_cast<double>(state.iterations()) / baseline;
}

void BM_RefusePngBomb(benchmark::State& state) {
  refuse(state, hostile::png_bomb(100000, 100000));
}
BENCHMARK(BM_RefusePngBomb)->Unit(benchmark::kMicrosecond);

void BM_RefuseTiffBomb(benchmark::State& state) {
  refuse(state, hostile::tiff_bomb(60000, 60000));
}
BENCHMARK(BM_RefuseTiffBomb)->Unit(benchmark::kMicrosecond);

void BM_RefusePage200Megapixels(benchmark::State& state) {
  refuse(state, hostile::pdf_with_pages(1, 4800, 3000));
}
BENCHMARK(BM_RefusePage200Megapixels)->Unit(benchmark::kMicrosecond);

void BM_RefusePdf10000Pages(benchmark::State& state) {
  static const hostile::Bytes pdf = hostile::pdf_with_pages(10000);
  refuse(state, pdf);
}
BENCHMARK(BM_RefusePdf10000Pages)->Unit(benchmark::kMillisecond);

void BM_RefuseFile1GiB(benchmark::State& state) {
  const std::string path = "/tmp/drawlens_limits_benchmark_1gib.png";
  if (!hostile::make_sparse_file(path, 1ull << 30)) {
    state.SkipWithError("no sparse files here");
    return;
  }
  refuse(state, {}, path);
  std::remove(path.c_str());
}
BENCHMARK(BM_RefuseFile1GiB)->Unit(benchmark::kMicrosecond);

// A 20-page A4 PDF at 300 dpi is stopped by another thread 30 ms in; counter latency_ms is the
// time from the stop request to the analysis returning CANCELLED.
void BM_CancelLatency(benchmark::State& state) {
  static const hostile::Bytes pdf = hostile::pdf_with_pages(20);
  double worst_ms = 0.0, total_ms = 0.0;
  for (auto _ : state) {
    std::atomic<bool> stop{false};
    std::atomic<long long> stop_at_ns{0};
    auto callback = [](void* user) { return static_cast<std::atomic<bool>*>(user)->load() ? 1 : 0; };
    const StopToken token(std::nullopt, callback, &stop);
    std::thread canceller([&] {
      std::this_thread::sleep_for(std::chrono::milliseconds(30));
      stop_at_ns = Clock::now().time_since_epoch().count();
      stop = true;
    });
    auto analysis = pipeline().analyze_memory(pdf.data(), pdf.size(), token);
    const long long returned_ns = Clock::now().time_since_epoch().count();
    canceller.join();
    if (analysis.ok() || analysis.error().status != Status::cancelled) {
      state.SkipWithError("the analysis finished before the stop request");
      break;
    }
    const double latency_ms = static_cast<double>(returned_ns - stop_at_ns.load()) / 1e6;
    worst_ms = std::max(worst_ms, latency_ms);
    total_ms += latency_ms;
  }
  state.counters["latency_ms"] = total_ms / static_cast<double>(state.iterations());
  state.counters["worst_latency_ms"] = worst_ms;
}
BENCHMARK(BM_CancelLatency)->Unit(benchmark::kMillisecond)->Iterations(10);

// Peak memory of analysing one A3 page at 300 dpi (4960 x 3508) given as pixels, over the resident
// size before the call; counter page_mib is the page's own gray bytes for scale.
void BM_PeakMemoryA3Page(benchmark::State& state) {
  const cv::Mat& page = a3_page();
  double extra_mib = 0.0;
  for (auto _ : state) {
    reset_peak_rss();
    const double before = current_rss_mib();
    auto analysis =
        pipeline().analyze_pixels(page.data, page.cols, page.rows, load::PixelFormat::gray8, page.step, 300);
    if (!analysis.ok()) {
      state.SkipWithError(analysis.error().message.c_str());
      break;
    }
    extra_mib = std::max(extra_mib, peak_rss_mib() - before);
  }
  state.counters["extra_rss_mib"] = extra_mib;
  state.counters["page_mib"] = static_cast<double>(page.total()) / (1 << 20);
}
BENCHMARK(BM_PeakMemoryA3Page)->Unit(benchmark::kMillisecond);

// Peak memory of analysing an A3 PDF of state.range(0) blank pages at 300 dpi, over the resident
// size before the call. Pages stream through the stages, so it stays near one page per worker
// thread whatever the length; counter x_one_page is the ratio to the one-page document's peak.
double pdf_peak_extra_mib(const hostile::Bytes& pdf) {
  malloc_trim(0);  // so that memory the allocator kept from earlier runs does not hide this one's
  reset_peak_rss();
  const double before = current_rss_mib();
  auto analysis = pipeline().analyze_memory(pdf.data(), pdf.size());
  return analysis.ok() ? peak_rss_mib() - before : -1.0;
}

void BM_PeakMemoryLongPdf(benchmark::State& state) {
  constexpr double kA3WidthPt = 842, kA3HeightPt = 1191;
  static const double one_page_mib = pdf_peak_extra_mib(hostile::pdf_with_pages(1, kA3WidthPt, kA3HeightPt));
  const hostile::Bytes pdf = hostile::pdf_with_pages(static_cast<int>(state.range(0)), kA3WidthPt, kA3HeightPt);
  double extra_mib = 0.0;
  for (auto _ : state) {
    const double extra = pdf_peak_extra_mib(pdf);
    if (extra < 0 || one_page_mib < 0) {
      state.SkipWithError("the PDF could not be analysed");
      break;
    }
    extra_mib = std::max(extra_mib, extra);
  }
  state.counters["extra_rss_mib"] = extra_mib;
  state.counters["x_one_page"] = extra_mib / std::max(one_page_mib, 1.0);
}
BENCHMARK(BM_PeakMemoryLongPdf)->Arg(1)->Arg(10)->Arg(40)->Unit(benchmark::kMillisecond)->Iterations(1);

// Resident memory across 10,000 analyses of a small drawing page: counters rss_growth_mib (after
// the last analysis over after the first thousand, when caches have filled) and rss_mib.
void BM_RssAcross10000Analyses(benchmark::State& state) {
  cv::Mat page;
  cv::resize(sample_page(), page, cv::Size(), 0.25, 0.25, cv::INTER_AREA);
  std::vector<std::uint8_t> png;
  cv::imencode(".png", page, png);
  constexpr int kAnalyses = 10000, kWarmUp = 1000;
  double after_warm_up = 0.0;
  for (auto _ : state) {
    for (int i = 0; i < kAnalyses; ++i) {
      benchmark::DoNotOptimize(pipeline().analyze_memory(png.data(), png.size()));
      if (i + 1 == kWarmUp) after_warm_up = current_rss_mib();
    }
  }
  state.counters["rss_growth_mib"] = current_rss_mib() - after_warm_up;
  state.counters["rss_mib"] = current_rss_mib();
}
BENCHMARK(BM_RssAcross10000Analyses)->Unit(benchmark::kSecond)->Iterations(1);

}  // namespace
}  // namespace drawlens::bench
