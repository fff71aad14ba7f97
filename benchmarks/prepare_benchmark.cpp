// Image preparation on an A3 300-dpi page (the sample drawing twice, side by side): each op and the
// whole chain on the CPU and on the GPU in the same run. GPU benchmarks carry speedup_vs_cpu, the
// CPU time of the same work over the GPU time; the chain reports its transfers separately. Without
// a CUDA device the GPU half is skipped with the reason.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <optional>

#include <opencv2/imgproc.hpp>

#include "gpu/cuda_devices.h"
#include "prepare/prepare.h"
#include "sample_pages.h"

namespace drawlens::bench {
namespace {

using Clock = std::chrono::steady_clock;
using prepare::GpuWorkspace;

double seconds_of(const std::function<void()>& work) {
  const auto start = Clock::now();
  work();
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// The fastest of a few runs: the CPU baseline a GPU benchmark compares itself with.
double best_seconds(const std::function<void()>& work) {
  double best = seconds_of(work);
  for (int run = 0; run < 2; ++run) best = std::min(best, seconds_of(work));
  return best;
}

struct Inputs {
  cv::Mat rgb, gray, enhanced, ink;
};

// Every op's input, made once on the CPU: the page as RGB, gray, after CLAHE + median, and its ink.
const Inputs& inputs() {
  static const Inputs made = [] {
    Inputs in;
    in.gray = a3_page();
    cv::cvtColor(in.gray, in.rgb, cv::COLOR_GRAY2RGB);
    in.enhanced = prepare::median3(prepare::clahe(in.gray, {}));
    in.ink = prepare::sauvola(in.enhanced, {});
    return in;
  }();
  return made;
}

// One workspace for the process, or the reason there is none.
GpuWorkspace* workspace(std::string& why_not) {
  static std::optional<GpuWorkspace> held;
  static std::string reason;
  static bool tried = false;
  if (!tried) {
    tried = true;
    const gpu::CudaInventory inventory = gpu::query_cuda_devices();
    if (inventory.devices.empty()) {
      reason = inventory.reason;
    } else if (auto created = GpuWorkspace::create(0); created) {
      held.emplace(std::move(created).value());
    } else {
      reason = created.error().message;
    }
  }
  why_not = "GPU half skipped: " + reason;
  return held ? &*held : nullptr;
}

void check(benchmark::State& state, const Result<bool>& step) {
  if (!step) state.SkipWithError(step.error().message.c_str());
}

void run_cpu(benchmark::State& state, const std::function<void()>& op) {
  for (auto _ : state) op();
  state.counters["megapixels"] = static_cast<double>(a3_page().total()) / 1e6;
}

// Times `op` on the page already on the device (setup uploads it), kernels only.
void run_gpu(benchmark::State& state, const std::function<Result<bool>(GpuWorkspace&)>& setup,
             const std::function<Result<bool>(GpuWorkspace&)>& op, const std::function<void()>& cpu_op) {
  std::string why_not;
  GpuWorkspace* gpu = workspace(why_not);
  if (gpu == nullptr) return state.SkipWithError(why_not.c_str());
  check(state, setup(*gpu));
  double gpu_seconds = 0;
  for (auto _ : state) {
    const auto start = Clock::now();
    Result<bool> done = op(*gpu);
    if (done) done = gpu->synchronize();
    const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    if (!done) return state.SkipWithError(done.error().message.c_str());
    state.SetIterationTime(elapsed);
    gpu_seconds += elapsed;
  }
  if (state.iterations() > 0) {
    state.counters["speedup_vs_cpu"] = best_seconds(cpu_op) / (gpu_seconds / static_cast<double>(state.iterations()));
  }
}

Result<bool> upload_gray(GpuWorkspace& w, const cv::Mat& page) {
  Result<bool> done = w.upload(page);
  return done ? w.to_gray() : done;
}

void BM_PrepareGray_Cpu(benchmark::State& state) {
  run_cpu(state, [] { benchmark::DoNotOptimize(prepare::gray_from_rgb(inputs().rgb)); });
}
void BM_PrepareGray_Gpu(benchmark::State& state) {
  run_gpu(
      state, [](GpuWorkspace& w) { return w.upload(inputs().rgb); }, [](GpuWorkspace& w) { return w.to_gray(); },
      [] { prepare::gray_from_rgb(inputs().rgb); });
}

void BM_PrepareClahe_Cpu(benchmark::State& state) {
  run_cpu(state, [] { benchmark::DoNotOptimize(prepare::clahe(inputs().gray, {})); });
}
void BM_PrepareClahe_Gpu(benchmark::State& state) {
  run_gpu(
      state, [](GpuWorkspace& w) { return upload_gray(w, inputs().gray); }, [](GpuWorkspace& w) { return w.clahe({}); },
      [] { prepare::clahe(inputs().gray, {}); });
}

void BM_PrepareMedian_Cpu(benchmark::State& state) {
  run_cpu(state, [] { benchmark::DoNotOptimize(prepare::median3(inputs().gray)); });
}
void BM_PrepareMedian_Gpu(benchmark::State& state) {
  run_gpu(
      state, [](GpuWorkspace& w) { return upload_gray(w, inputs().gray); }, [](GpuWorkspace& w) { return w.median3(); },
      [] { prepare::median3(inputs().gray); });
}

void BM_PrepareSauvola_Cpu(benchmark::State& state) {
  run_cpu(state, [] { benchmark::DoNotOptimize(prepare::sauvola(inputs().enhanced, {})); });
}
void BM_PrepareSauvola_Gpu(benchmark::State& state) {
  run_gpu(
      state, [](GpuWorkspace& w) { return upload_gray(w, inputs().enhanced); },
      [](GpuWorkspace& w) { return w.sauvola({}); }, [] { prepare::sauvola(inputs().enhanced, {}); });
}

void BM_PrepareMeanC_Cpu(benchmark::State& state) {
  run_cpu(state, [] { benchmark::DoNotOptimize(prepare::mean_c(inputs().enhanced, {})); });
}
void BM_PrepareMeanC_Gpu(benchmark::State& state) {
  run_gpu(
      state, [](GpuWorkspace& w) { return upload_gray(w, inputs().enhanced); },
      [](GpuWorkspace& w) { return w.mean_c({}); }, [] { prepare::mean_c(inputs().enhanced, {}); });
}

void BM_PrepareSkew_Cpu(benchmark::State& state) {
  run_cpu(state, [] { benchmark::DoNotOptimize(prepare::estimate_skew(inputs().ink, {})); });
}
void BM_PrepareSkew_Gpu(benchmark::State& state) {
  run_gpu(
      state,
      [](GpuWorkspace& w) {
        Result<bool> done = upload_gray(w, inputs().enhanced);
        return done ? w.sauvola({}) : done;
      },
      [](GpuWorkspace& w) {
        const Result<double> angle = w.estimate_skew({});
        return angle ? Result<bool>(true) : Result<bool>(angle.error());
      },
      [] { prepare::estimate_skew(inputs().ink, {}); });
}

void BM_PrepareChain_Cpu(benchmark::State& state) {
  run_cpu(state, [] { benchmark::DoNotOptimize(prepare::run_chain(inputs().rgb, {})); });
}

struct ChainSeconds {
  double upload = 0, kernels = 0, download = 0;
};

// One page through the chain on the GPU, each phase timed apart (a sync closes each phase).
Result<ChainSeconds> gpu_chain_once(GpuWorkspace& w) {
  ChainSeconds t;
  Result<bool> step = true;
  t.upload = seconds_of([&] {
    step = w.upload(inputs().rgb);
    if (step) step = w.synchronize();
  });
  if (!step) return step.error();
  t.kernels = seconds_of([&] {
    step = w.to_gray();
    if (step) step = w.clahe({});
    if (step) step = w.median3();
    if (step) step = w.sauvola({});
    if (step) {
      const Result<double> angle = w.estimate_skew({});  // ends with the scores' tiny download
      if (!angle) step = angle.error();
    }
  });
  if (!step) return step.error();
  t.download = seconds_of([&] {
    Result<cv::Mat> gray = w.download_gray();
    Result<cv::Mat> ink = gray ? w.download_ink() : gray;
    if (!ink) step = ink.error();
  });
  if (!step) return step.error();
  return t;
}

void BM_PrepareChain_Gpu(benchmark::State& state) {
  std::string why_not;
  GpuWorkspace* gpu = workspace(why_not);
  if (gpu == nullptr) return state.SkipWithError(why_not.c_str());
  ChainSeconds total;
  for (auto _ : state) {
    const Result<ChainSeconds> once = gpu_chain_once(*gpu);
    if (!once) return state.SkipWithError(once.error().message.c_str());
    const ChainSeconds& t = once.value();
    state.SetIterationTime(t.upload + t.kernels + t.download);
    total.upload += t.upload;
    total.kernels += t.kernels;
    total.download += t.download;
  }
  const double n = static_cast<double>(std::max<benchmark::IterationCount>(state.iterations(), 1));
  const double cpu = best_seconds([] { prepare::run_chain(inputs().rgb, {}); });
  state.counters["upload_ms"] = total.upload / n * 1000;
  state.counters["kernels_ms"] = total.kernels / n * 1000;
  state.counters["download_ms"] = total.download / n * 1000;
  state.counters["speedup_vs_cpu"] = cpu / ((total.upload + total.kernels + total.download) / n);
  state.counters["speedup_kernels_only"] = cpu / (total.kernels / n);
}

BENCHMARK(BM_PrepareGray_Cpu)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_PrepareGray_Gpu)->Unit(benchmark::kMillisecond)->UseManualTime();
BENCHMARK(BM_PrepareClahe_Cpu)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_PrepareClahe_Gpu)->Unit(benchmark::kMillisecond)->UseManualTime();
BENCHMARK(BM_PrepareMedian_Cpu)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_PrepareMedian_Gpu)->Unit(benchmark::kMillisecond)->UseManualTime();
BENCHMARK(BM_PrepareSauvola_Cpu)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_PrepareSauvola_Gpu)->Unit(benchmark::kMillisecond)->UseManualTime();
BENCHMARK(BM_PrepareMeanC_Cpu)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_PrepareMeanC_Gpu)->Unit(benchmark::kMillisecond)->UseManualTime();
BENCHMARK(BM_PrepareSkew_Cpu)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_PrepareSkew_Gpu)->Unit(benchmark::kMillisecond)->UseManualTime();
BENCHMARK(BM_PrepareChain_Cpu)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_PrepareChain_Gpu)->Unit(benchmark::kMillisecond)->UseManualTime();

}  // namespace
}  // namespace drawlens::bench
