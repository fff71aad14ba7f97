// The detect stage on an A3 drawing scanned at 300 dpi (a generated sheet), beside PNG decoding of
// the same page in the same process (counter x_png_decode: detection time over decoding time), and
// the network alone on 512 x 512 crops at batch 1, 8 and 32 (counter images_per_s). With a CUDA
// device LibTorch can use, the same page and batches run there too (counter speedup_vs_cpu);
// without one those are skipped with the reason. Uses the committed models/detector.dlmodel.
#include <benchmark/benchmark.h>

#include <chrono>
#include <functional>

#include <opencv2/imgcodecs.hpp>

#include "detect/detect.h"
#include "detect/detector_network.h"
#include "synth.h"

namespace drawlens::bench {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_of(const std::function<void()>& work, int runs) {
  const auto start = Clock::now();
  for (int i = 0; i < runs; ++i) work();
  return std::chrono::duration<double>(Clock::now() - start).count() / runs;
}

struct ScannedPage {
  std::vector<std::uint8_t> png;
  double dpi = 300;
};

// An A3 sheet at 300 dpi with the generator's scan degradation (it resamples to 80..100 % of that).
const ScannedPage& scanned_page() {
  static const ScannedPage page = [] {
    synth::DrawingOptions options;
    options.seed = 777;
    options.dpi = 300;
    options.sheet = synth::SheetSize::a3;
    options.degradation = synth::Degradation::scan;
    auto drawing = synth::generate_drawing(options, 0);
    ScannedPage p;
    p.png = std::move(drawing.png);
    p.dpi = nlohmann::json::parse(drawing.truth_json).at("pages").at(0).at("dpi").get<double>();
    return p;
  }();
  return page;
}

cv::Mat decoded(const ScannedPage& page) {
  return cv::imdecode(page.png, cv::IMREAD_GRAYSCALE);
}

const Result<detect::Detector>& detector(int cuda_device) {
  static const Result<detect::Detector> cpu = [] {
    detect::DetectorOptions options;
    options.threads = 2;
    return detect::Detector::load(DRAWLENS_SOURCE_MODELS_DIR, options);
  }();
  static const Result<detect::Detector> gpu = [] {
    detect::DetectorOptions options;
    options.cuda_device = 0;
    return detect::Detector::load(DRAWLENS_SOURCE_MODELS_DIR, options);
  }();
  return cuda_device < 0 ? cpu : gpu;
}

void BM_DetectA3At300Dpi(benchmark::State& state) {
  const int cuda_device = static_cast<int>(state.range(0));
  const auto& loaded = detector(cuda_device);
  if (!loaded.ok()) {
    state.SkipWithError(loaded.error().message.c_str());
    return;
  }
  const auto& page = scanned_page();
  const cv::Mat gray = decoded(page);
  const double decode_seconds = seconds_of([&] { benchmark::DoNotOptimize(decoded(page)); }, 3);
  const double cpu_seconds =
      cuda_device < 0 ? 0
                      : seconds_of([&] { benchmark::DoNotOptimize(detector(-1).value().detect(gray, page.dpi)); }, 2);
  std::size_t found = 0;
  const auto start = Clock::now();
  for (auto _ : state) {
    auto result = loaded.value().detect(gray, page.dpi);
    found = result.ok() ? result.value().size() : 0;
    benchmark::DoNotOptimize(found);
  }
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count() / state.iterations();
  state.counters["x_png_decode"] = seconds / decode_seconds;
  state.counters["png_decode_ms"] = decode_seconds * 1000;
  state.counters["detections"] = static_cast<double>(found);
  if (cuda_device >= 0 && cpu_seconds > 0) state.counters["speedup_vs_cpu"] = cpu_seconds / seconds;
}
BENCHMARK(BM_DetectA3At300Dpi)->Arg(-1)->Arg(0)->ArgName("cuda")->Unit(benchmark::kMillisecond)->MinTime(2.0);

// The network alone: batches of 512 x 512 crops, random weights of the default widths (the
// committed model's), float32 on the CPU, float16 on CUDA.
void BM_NetworkBatch(benchmark::State& state) {
  const long batch = state.range(0);
  const bool cuda = state.range(1) >= 0;
  if (cuda && !torch::cuda::is_available()) {
    state.SkipWithError("no CUDA device LibTorch can use");
    return;
  }
  torch::set_num_threads(2);
  const torch::Device device = cuda ? torch::Device(torch::kCUDA, 0) : torch::Device(torch::kCPU);
  const auto dtype = cuda ? torch::kFloat16 : torch::kFloat32;
  detect::DetectorNetwork network;
  network->eval();
  network->to(device, dtype);
  torch::NoGradGuard no_grad;
  const auto input = torch::rand({batch, 1, 512, 512}).to(device, dtype);
  network->forward(input);  // warm-up: allocations, kernel selection
  for (auto _ : state) {
    auto out = network->forward(input);
    if (cuda) torch::cuda::synchronize();
    benchmark::DoNotOptimize(out.data_ptr());
  }
  state.counters["images_per_s"] =
      benchmark::Counter(static_cast<double>(batch * state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_NetworkBatch)
    ->ArgsProduct({{1, 8, 32}, {-1, 0}})
    ->ArgNames({"batch", "cuda"})
    ->Unit(benchmark::kMillisecond)
    ->MinTime(1.0);

}  // namespace
}  // namespace drawlens::bench
