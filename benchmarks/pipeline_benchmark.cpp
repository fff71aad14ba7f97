// The pipeline's own cost per analyze call (scheduling pages, handing them to workers, gathering
// results), apart from the stages' work: the sample drawing with its stage timings subtracted, and
// pages so small that the stages cost next to nothing; and what the read stage adds to a vector page.
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdio>
#include <string>

#include <tiffio.h>

#include "pipeline/pipeline.h"
#include "sample_pages.h"

namespace drawlens::bench {
namespace {

const Pipeline& default_pipeline() {
  static const Pipeline pipeline = Pipeline::create({}).value();
  return pipeline;
}

// Counter "overhead_ms": wall time per call minus the time the stages themselves report.
void report_overhead(benchmark::State& state, double wall_seconds, double stage_ms) {
  const double calls = static_cast<double>(state.iterations());
  state.counters["overhead_ms"] = (wall_seconds * 1000.0 - stage_ms) / calls;
}

double stage_ms(const Analysis& analysis) {
  double sum = 0;
  for (const auto& [stage, ms] : analysis.timings_ms) {
    if (stage != "total") sum += ms;
  }
  return sum;
}

template <typename Analyze>
void measure_calls(benchmark::State& state, Analyze analyze) {
  double stages = 0;
  const auto start = std::chrono::steady_clock::now();
  for (auto _ : state) {
    auto analysis = analyze();
    if (!analysis.ok()) {
      state.SkipWithError(analysis.error().message.c_str());
      return;
    }
    stages += stage_ms(analysis.value());
  }
  report_overhead(state, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), stages);
}

void BM_AnalyzeSamplePdf(benchmark::State& state) {
  measure_calls(state, [] { return default_pipeline().analyze_memory(sample_pdf().data(), sample_pdf().size()); });
}
BENCHMARK(BM_AnalyzeSamplePdf)->Unit(benchmark::kMillisecond)->UseRealTime();

// What reading the lines of a vector page costs (frames, drawn symbols, basic boxes: the read
// stage on a page with a text layer): the sample PDF with the default stages, against the same
// stages without reading, in the same process. Counter "read_ratio": with / without (budget 1.3).
void BM_VectorPageReadStageRatio(benchmark::State& state) {
  static const Pipeline without = [] {
    PipelineOptions options;
    options.stages = StageSet::defaults().without(Stage::read);
    return Pipeline::create(options).value();
  }();
  double with_seconds = 0, without_seconds = 0;
  auto timed = [](const Pipeline& pipeline, double& seconds) {
    const auto start = std::chrono::steady_clock::now();
    auto analysis = pipeline.analyze_memory(sample_pdf().data(), sample_pdf().size());
    seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return analysis.ok();
  };
  for (auto _ : state) {
    if (!timed(default_pipeline(), with_seconds) || !timed(without, without_seconds)) {
      state.SkipWithError("the sample PDF was not analysed");
      return;
    }
  }
  const double calls = static_cast<double>(state.iterations());
  state.counters["with_read_ms"] = with_seconds * 1000 / calls;
  state.counters["without_read_ms"] = without_seconds * 1000 / calls;
  state.counters["read_ratio"] = with_seconds / without_seconds;
}
BENCHMARK(BM_VectorPageReadStageRatio)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_AnalyzeTinyPixels(benchmark::State& state) {
  static const cv::Mat page(64, 64, CV_8UC1, cv::Scalar(255));
  measure_calls(state, [] {
    return default_pipeline().analyze_pixels(page.data, page.cols, page.rows, load::PixelFormat::gray8, page.step[0],
                                             300);
  });
}
BENCHMARK(BM_AnalyzeTinyPixels)->Unit(benchmark::kMicrosecond)->UseRealTime();

// Eight 64x64 white pages in one TIFF: the cost of spreading a document's pages over the workers.
const Bytes& tiny_tiff_8_pages() {
  static const Bytes bytes = [] {
    const std::string path = "/tmp/drawlens_bench_tiny_8_pages.tif";
    TIFF* tiff = TIFFOpen(path.c_str(), "w");
    const std::vector<std::uint8_t> row(64, 255);
    for (int page = 0; page < 8 && tiff != nullptr; ++page) {
      TIFFSetField(tiff, TIFFTAG_IMAGEWIDTH, 64);
      TIFFSetField(tiff, TIFFTAG_IMAGELENGTH, 64);
      TIFFSetField(tiff, TIFFTAG_BITSPERSAMPLE, 8);
      TIFFSetField(tiff, TIFFTAG_SAMPLESPERPIXEL, 1);
      TIFFSetField(tiff, TIFFTAG_PHOTOMETRIC, PHOTOMETRIC_MINISBLACK);
      TIFFSetField(tiff, TIFFTAG_PLANARCONFIG, PLANARCONFIG_CONTIG);
      TIFFSetField(tiff, TIFFTAG_SUBFILETYPE, FILETYPE_PAGE);
      for (int y = 0; y < 64; ++y) TIFFWriteScanline(tiff, const_cast<std::uint8_t*>(row.data()), y, 0);
      TIFFWriteDirectory(tiff);
    }
    if (tiff != nullptr) TIFFClose(tiff);
    std::ifstream in(path, std::ios::binary);
    Bytes out((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::remove(path.c_str());
    return out;
  }();
  return bytes;
}

void BM_AnalyzeTinyTiff8Pages(benchmark::State& state) {
  measure_calls(
      state, [] { return default_pipeline().analyze_memory(tiny_tiff_8_pages().data(), tiny_tiff_8_pages().size()); });
}
BENCHMARK(BM_AnalyzeTinyTiff8Pages)->Unit(benchmark::kMicrosecond)->UseRealTime();

}  // namespace
}  // namespace drawlens::bench
