// Runs the stages over a loaded document, page by page in parallel, and times each stage.
#include "pipeline/pipeline.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <optional>
#include <thread>

#include "pipeline/device_selection.h"

namespace drawlens {
namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// Calls work(i) for i in [0, count) on up to `threads` threads.
template <typename Work>
void for_each_index(int count, int threads, Work work) {
  const int workers = std::max(1, std::min(count, threads));
  if (workers == 1) {
    for (int i = 0; i < count; ++i) work(i);
    return;
  }
  std::atomic<int> next{0};
  std::vector<std::thread> pool;
  pool.reserve(workers);
  for (int w = 0; w < workers; ++w) {
    pool.emplace_back([&] {
      for (int i = next++; i < count; i = next++) work(i);
    });
  }
  for (auto& t : pool) t.join();
}

// Remembers the first stop any worker saw, so that the others skip their pages and the analysis
// reports where it stopped.
class StopLatch {
 public:
  explicit StopLatch(const StopToken& token) : token_(token) {}

  bool should_stop(const char* stage, int page_index) {
    if (stopped_) return true;
    auto error = token_.check(std::string(stage) + " of page " + std::to_string(page_index + 1));
    if (!error) return false;
    std::lock_guard<std::mutex> lock(mutex_);
    if (!error_) error_ = std::move(error);
    stopped_ = true;
    return true;
  }
  const std::optional<Error>& error() const { return error_; }

 private:
  const StopToken& token_;
  std::atomic<bool> stopped_{false};
  std::mutex mutex_;
  std::optional<Error> error_;
};

PageAnalysis describe_page(const Page& page) {
  PageAnalysis out;
  out.index = page.index;
  out.width = page.gray.cols;
  out.height = page.gray.rows;
  out.dpi = page.dpi;
  out.dpi_source = page.dpi_source;
  out.words = page.words;
  return out;
}

}  // namespace

Result<Pipeline> Pipeline::create(const PipelineOptions& options) {
  auto valid = load::validate(options.load);
  if (!valid) return valid.error();
  if (options.threads < 0) return make_error(Status::invalid_argument, "invalid option: threads must be >= 0");
  auto device = select_device(options.device);
  if (!device) return device.error();
  return Pipeline(options, std::move(device).value());
}

Result<Analysis> Pipeline::analyze_file(const std::string& path, const StopToken& stop) const {
  if (auto stopped = stop.check("loading")) return *stopped;
  const auto start = Clock::now();
  auto doc = load::load_file(path, options_.load, stop);
  return analyze(std::move(doc), ms_since(start), stop);
}

Result<Analysis> Pipeline::analyze_memory(const std::uint8_t* data, std::size_t size, const StopToken& stop) const {
  if (auto stopped = stop.check("loading")) return *stopped;
  const auto start = Clock::now();
  auto doc = load::load_memory(data, size, options_.load, {}, stop);
  return analyze(std::move(doc), ms_since(start), stop);
}

Result<Analysis> Pipeline::analyze_pixels(const std::uint8_t* pixels, int width, int height, load::PixelFormat format,
                                          std::size_t stride, double dpi, const StopToken& stop) const {
  if (auto stopped = stop.check("loading")) return *stopped;
  const auto start = Clock::now();
  auto doc = load::load_pixels(pixels, width, height, format, stride, dpi, options_.load);
  return analyze(std::move(doc), ms_since(start), stop);
}

Result<Analysis> Pipeline::analyze(Result<Document> loaded, double load_ms, const StopToken& stop) const {
  if (!loaded) return loaded.error();
  StopLatch latch(stop);
  const auto start = Clock::now();
  Document& doc = loaded.value();
  Analysis analysis;
  analysis.name = doc.name;
  analysis.format = doc.format;
  analysis.bytes = doc.bytes;
  analysis.page_count = doc.page_count;
  analysis.timings_ms.emplace_back("load", load_ms);
  for (const Page& page : doc.pages) {
    analysis.pages.push_back(describe_page(page));
    if (page.dpi_source == DpiSource::assumed) {
      analysis.diagnostics.push_back(
          {"warning", "load", page.index,
           "the image states no resolution; assumed " + std::to_string(static_cast<int>(page.dpi)) + " dpi"});
    }
    for (const std::string& warning : page.load_warnings)
      analysis.diagnostics.push_back({"warning", "load", page.index, warning});
  }

  const int threads = options_.threads > 0 ? options_.threads : static_cast<int>(std::thread::hardware_concurrency());
  if (options_.run_layout) {
    const auto layout_start = Clock::now();
    for_each_index(static_cast<int>(doc.pages.size()), threads, [&](int i) {
      PageAnalysis& out = analysis.pages[i];
      if (latch.should_stop("layout", out.index)) return;
      out.layout = layout::find_layout(doc.pages[i].gray, doc.pages[i].dpi);
      layout::fill_cell_text(out.layout, out.words);
      out.layout_ran = true;
    });
    if (latch.error()) return *latch.error();
    analysis.timings_ms.emplace_back("layout", ms_since(layout_start));
  }
  if (options_.run_annotations) {
    const auto annotate_start = Clock::now();
    for_each_index(static_cast<int>(doc.pages.size()), threads, [&](int i) {
      PageAnalysis& out = analysis.pages[i];
      if (latch.should_stop("annotation", out.index)) return;
      out.annotations = annotate::interpret_spans(annotate::text_layer_spans(out.words, out.layout), out.layout);
      out.annotations_ran = true;
    });
    if (latch.error()) return *latch.error();
    analysis.timings_ms.emplace_back("annotate", ms_since(annotate_start));
    for (const PageAnalysis& page : analysis.pages) {
      if (page.words.empty()) {
        analysis.diagnostics.push_back({"info", "annotate", page.index,
                                        "the page has no text layer: this version reads dimensions, GD&T and title "
                                        "fields from PDF text only, so none were read"});
      }
    }
  }
  if (options_.keep_page_images) {
    for (std::size_t i = 0; i < doc.pages.size(); ++i) analysis.pages[i].image = std::move(doc.pages[i].gray);
  }
  analysis.timings_ms.emplace_back("total", load_ms + ms_since(start));
  return analysis;
}

}  // namespace drawlens
