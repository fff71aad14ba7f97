// The recognizer on the dimension, tolerance and GD&T crops of generated scans at batch 1, 8 and
// 32 (counter crops_per_s; the target is 500 at batch 32 on two cores), and Tesseract on
// the same crops in the same process (counter x_tesseract: recognizer speed over Tesseract's).
// Uses the committed models/recognizer.dlmodel.
#include <benchmark/benchmark.h>

#include <chrono>
#include <map>

#include <opencv2/imgcodecs.hpp>

#include "ocr/ocr.h"
#include "synth.h"

namespace drawlens::bench {
namespace {

using Clock = std::chrono::steady_clock;

// The dimension, gdt_frame, datum and surface-finish crops of a few generated scans at 300 dpi.
const std::vector<cv::Mat>& annotation_crops() {
  static const std::vector<cv::Mat> crops = [] {
    std::vector<cv::Mat> out;
    synth::DrawingOptions options;
    options.seed = 4242;
    options.dpi = 300;
    options.degradation = synth::Degradation::scan;
    options.outputs = synth::parse_output_list("png,crops");
    for (int i = 0; out.size() < 256 && i < 40; ++i) {
      for (const auto& crop : synth::generate_drawing(options, i).crops)
        if (crop.kind != "note" && crop.kind != "title_label" && crop.kind != "title_field")
          out.push_back(cv::imdecode(crop.png, cv::IMREAD_GRAYSCALE));
    }
    return out;
  }();
  return crops;
}

const Result<ocr::Recognizer>& recognizer(int batch) {
  static std::map<int, Result<ocr::Recognizer>> loaded;
  auto found = loaded.find(batch);
  if (found == loaded.end()) {
    ocr::RecognizerOptions options;
    options.threads = 2;
    options.batch = batch;
    found = loaded.emplace(batch, ocr::Recognizer::load(DRAWLENS_SOURCE_MODELS_DIR, options)).first;
  }
  return found->second;
}

// Tesseract's crops per second on the same crops, measured once (it is the slow side).
double tesseract_crops_per_second() {
  static const double rate = [] {
    auto reader = ocr::ProseReader::create("eng");
    if (!reader) return 0.0;
    const auto start = Clock::now();
    for (const cv::Mat& crop : annotation_crops()) (void)reader.value().read(crop, 300);
    return static_cast<double>(annotation_crops().size()) / std::chrono::duration<double>(Clock::now() - start).count();
  }();
  return rate;
}

void BM_RecognizerCrops(benchmark::State& state) {
  const auto& r = recognizer(static_cast<int>(state.range(0)));
  if (!r) {
    state.SkipWithError(r.error().message.c_str());
    return;
  }
  const auto& crops = annotation_crops();
  double seconds = 0;
  std::int64_t read = 0;
  for (auto _ : state) {
    const auto start = Clock::now();
    auto readings = r.value().read(crops);
    seconds += std::chrono::duration<double>(Clock::now() - start).count();
    benchmark::DoNotOptimize(readings);
    read += static_cast<std::int64_t>(crops.size());
  }
  const double rate = static_cast<double>(read) / seconds;
  state.counters["crops_per_s"] = rate;
  state.counters["crops"] = static_cast<double>(crops.size());
  if (state.range(0) == 32) state.counters["x_tesseract"] = rate / tesseract_crops_per_second();
}
BENCHMARK(BM_RecognizerCrops)->Arg(1)->Arg(8)->Arg(32)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace drawlens::bench
