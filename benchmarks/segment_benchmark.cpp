// The segment stage on an A3 drawing scanned at 300 dpi (a generated sheet): the vectorizer, the
// graph and the network timed apart and together (the budget: 0.5 s for all three on two
// cores), and tying the sheet's dimensions to the classified linework; each beside PNG decoding of the same page in the
// same process (counter x_png_decode). With a CUDA device LibTorch can use, the network runs there too (counter
// speedup_vs_cpu); without one that run is skipped with the reason. Uses the committed models/edgnet.dlmodel.
#include <benchmark/benchmark.h>

#include <chrono>
#include <functional>

#include <opencv2/imgcodecs.hpp>

#include "prepare/prepare.h"
#include "segment/segment.h"
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
  cv::Mat ink;
  std::vector<segment::Quad> dimension_boxes;  // the truth's lettering of each dimension
};

// An A3 sheet at 300 dpi with the generator's scan degradation, and its ink as the prepare stage
// gives it.
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
    const nlohmann::json truth = nlohmann::json::parse(drawing.truth_json).at("pages").at(0);
    p.dpi = truth.at("dpi").get<double>();
    for (const auto& d : truth.at("dimensions")) {
      // The truth's polygon runs from the bottom left in reading order; a Quad from the top left.
      segment::Quad quad;
      for (std::size_t k = 0; k < 4; ++k) {
        const auto& corner = d.at("polygon")[3 - k];
        quad[k] = {corner[0].get<double>(), corner[1].get<double>()};
      }
      p.dimension_boxes.push_back(quad);
    }
    p.ink = prepare::prepare_page(cv::imdecode(p.png, cv::IMREAD_GRAYSCALE), p.dpi).ink;
    return p;
  }();
  return page;
}

double decode_seconds() {
  static const double seconds =
      seconds_of([] { benchmark::DoNotOptimize(cv::imdecode(scanned_page().png, cv::IMREAD_GRAYSCALE)); }, 3);
  return seconds;
}

const Result<segment::EdgNet>& edgnet(int cuda_device) {
  static const Result<segment::EdgNet> cpu = [] {
    segment::EdgNetOptions options;
    options.threads = 2;
    return segment::EdgNet::load(DRAWLENS_SOURCE_MODELS_DIR, options);
  }();
  static const Result<segment::EdgNet> gpu = [] {
    segment::EdgNetOptions options;
    options.cuda_device = 0;
    return segment::EdgNet::load(DRAWLENS_SOURCE_MODELS_DIR, options);
  }();
  return cuda_device < 0 ? cpu : gpu;
}

void report(benchmark::State& state, const Clock::time_point& start) {
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count() / state.iterations();
  state.counters["x_png_decode"] = seconds / decode_seconds();
  state.counters["png_decode_ms"] = decode_seconds() * 1000;
}

void BM_VectorizeA3At300Dpi(benchmark::State& state) {
  const auto& page = scanned_page();
  std::size_t primitives = 0;
  const auto start = Clock::now();
  for (auto _ : state) {
    auto v = segment::vectorize(page.ink, page.dpi);
    primitives = v.ok() ? v.value().primitives.size() : 0;
  }
  report(state, start);
  state.counters["primitives"] = static_cast<double>(primitives);
}
BENCHMARK(BM_VectorizeA3At300Dpi)->Unit(benchmark::kMillisecond)->MinTime(2.0);

void BM_GraphA3At300Dpi(benchmark::State& state) {
  const auto& page = scanned_page();
  const auto v = segment::vectorize(page.ink, page.dpi);
  std::size_t edges = 0;
  const auto start = Clock::now();
  for (auto _ : state) edges = segment::build_graph(v.value()).source.size();
  report(state, start);
  state.counters["edges"] = static_cast<double>(edges);
}
BENCHMARK(BM_GraphA3At300Dpi)->Unit(benchmark::kMillisecond)->MinTime(2.0);

// The network alone on the page's graph, on the CPU (-1) and on CUDA device 0.
void BM_ClassifyA3At300Dpi(benchmark::State& state) {
  const int cuda_device = static_cast<int>(state.range(0));
  const auto& loaded = edgnet(cuda_device);
  if (!loaded.ok()) {
    state.SkipWithError(loaded.error().message.c_str());
    return;
  }
  const auto& page = scanned_page();
  const segment::Graph graph = segment::build_graph(segment::vectorize(page.ink, page.dpi).value());
  const double cpu_seconds =
      cuda_device < 0 ? 0 : seconds_of([&] { benchmark::DoNotOptimize(edgnet(-1).value().classify(graph)); }, 3);
  benchmark::DoNotOptimize(loaded.value().classify(graph));  // warm-up: allocations, kernel selection
  const auto start = Clock::now();
  for (auto _ : state) benchmark::DoNotOptimize(loaded.value().classify(graph));
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count() / state.iterations();
  report(state, start);
  state.counters["nodes"] = graph.nodes;
  if (cuda_device >= 0 && cpu_seconds > 0) state.counters["speedup_vs_cpu"] = cpu_seconds / seconds;
}
BENCHMARK(BM_ClassifyA3At300Dpi)->Arg(-1)->Arg(0)->ArgName("cuda")->Unit(benchmark::kMillisecond)->MinTime(2.0);

// The whole stage as the pipeline runs it: vectorize, graph, classify.
void BM_SegmentA3At300Dpi(benchmark::State& state) {
  const auto& loaded = edgnet(-1);
  if (!loaded.ok()) {
    state.SkipWithError(loaded.error().message.c_str());
    return;
  }
  const auto& page = scanned_page();
  const auto start = Clock::now();
  for (auto _ : state) benchmark::DoNotOptimize(loaded.value().segment(page.ink, page.dpi));
  report(state, start);
}
BENCHMARK(BM_SegmentA3At300Dpi)->Unit(benchmark::kMillisecond)->MinTime(2.0);

// Tying every dimension of the sheet to its lines and feature among the classified segments.
void BM_LinkDimensionsA3At300Dpi(benchmark::State& state) {
  const auto& loaded = edgnet(-1);
  if (!loaded.ok()) {
    state.SkipWithError(loaded.error().message.c_str());
    return;
  }
  const auto& page = scanned_page();
  const auto segments = loaded.value().segment(page.ink, page.dpi);
  const auto start = Clock::now();
  for (auto _ : state)
    benchmark::DoNotOptimize(segment::link_dimensions(segments.value(), page.dimension_boxes, page.dpi));
  report(state, start);
  state.counters["dimensions"] = static_cast<double>(page.dimension_boxes.size());
  state.counters["segments"] = static_cast<double>(segments.value().size());
}
BENCHMARK(BM_LinkDimensionsA3At300Dpi)->Unit(benchmark::kMillisecond)->MinTime(2.0);

}  // namespace
}  // namespace drawlens::bench
