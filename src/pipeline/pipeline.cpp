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
  out.load_warnings = page.load_warnings;
  return out;
}

// Milliseconds one page spent in each stage; summed over pages into Analysis::timings_ms.
struct PageTimes {
  double decode = 0;
  double layout = 0;
  double annotate = 0;
};

// The lowest-numbered page whose decoding failed, so that a document with several bad pages
// reports the same one however its pages were scheduled.
class FirstFailure {
 public:
  explicit FirstFailure(int pages) : first_(pages) {}
  void record(int i, Error error) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (i < first_) {
      first_ = i;
      error_ = std::move(error);
    }
  }
  bool before(int i) const { return first_.load() < i; }  // a failure at a lower page decides the outcome
  const std::optional<Error>& error() const { return error_; }

 private:
  std::atomic<int> first_;
  std::mutex mutex_;
  std::optional<Error> error_;
};

// Runs every stage of one page, from decoding on; the page's pixels are released when it is done
// unless the options keep them.
class PageRunner {
 public:
  PageRunner(const PipelineOptions& options, const load::OpenedDocument& doc, StopLatch& latch, FirstFailure& failure)
      : options_(options), doc_(doc), latch_(latch), failure_(failure) {}

  void run(int i, PageAnalysis& out, PageTimes& times) const;

 private:
  const PipelineOptions& options_;
  const load::OpenedDocument& doc_;
  StopLatch& latch_;
  FirstFailure& failure_;
};

void PageRunner::run(int i, PageAnalysis& out, PageTimes& times) const {
  const int source_index = doc_.source_index(i);
  if (failure_.before(i) || latch_.should_stop("decoding", source_index)) return;
  auto stage_start = Clock::now();
  auto decoded = doc_.decode_page(i);
  times.decode = ms_since(stage_start);
  if (!decoded) return failure_.record(i, decoded.error());
  Page& page = decoded.value();
  out = describe_page(page);
  if (options_.run_layout) {
    if (latch_.should_stop("layout", source_index)) return;
    stage_start = Clock::now();
    out.layout = layout::find_layout(page.gray, page.dpi);
    layout::fill_cell_text(out.layout, out.words);
    out.layout_ran = true;
    times.layout = ms_since(stage_start);
  }
  if (options_.run_annotations) {
    if (latch_.should_stop("annotation", source_index)) return;
    stage_start = Clock::now();
    out.annotations = annotate::interpret_spans(annotate::text_layer_spans(out.words, out.layout), out.layout);
    out.annotations_ran = true;
    times.annotate = ms_since(stage_start);
  }
  if (options_.keep_page_images) out.image = std::move(page.gray);
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
  return analyze(load::open_file(path, options_.load), start, stop);
}

Result<Analysis> Pipeline::analyze_memory(const std::uint8_t* data, std::size_t size, const StopToken& stop) const {
  if (auto stopped = stop.check("loading")) return *stopped;
  const auto start = Clock::now();
  return analyze(load::open_memory(data, size, options_.load), start, stop);
}

Result<Analysis> Pipeline::analyze_pixels(const std::uint8_t* pixels, int width, int height, load::PixelFormat format,
                                          std::size_t stride, double dpi, const StopToken& stop) const {
  if (auto stopped = stop.check("loading")) return *stopped;
  const auto start = Clock::now();
  return analyze(load::open_pixels(pixels, width, height, format, stride, dpi, options_.load), start, stop);
}

Result<Analysis> Pipeline::analyze(Result<load::OpenedDocument> opened, Clock::time_point start,
                                   const StopToken& stop) const {
  if (!opened) return opened.error();
  const double open_ms = ms_since(start);
  const load::OpenedDocument& doc = opened.value();
  const int count = doc.selected_count();
  Analysis analysis;
  analysis.name = doc.name();
  analysis.format = doc.format();
  analysis.bytes = doc.bytes();
  analysis.page_count = doc.page_count();
  analysis.pages.resize(static_cast<std::size_t>(count));
  std::vector<PageTimes> times(static_cast<std::size_t>(count));

  // Pages flow through all stages one at a time per worker, so at most `threads` pages are in
  // memory at once whatever the document's length.
  StopLatch latch(stop);
  FirstFailure failure(count);
  const int threads = options_.threads > 0 ? options_.threads : static_cast<int>(std::thread::hardware_concurrency());
  const PageRunner runner(options_, doc, latch, failure);
  for_each_index(count, threads, [&](int i) { runner.run(i, analysis.pages[i], times[i]); });
  if (failure.error()) return *failure.error();
  if (latch.error()) return *latch.error();

  auto total = [&](double PageTimes::*stage) {
    double sum = 0;
    for (const PageTimes& t : times) sum += t.*stage;
    return sum;
  };
  analysis.timings_ms.emplace_back("load", open_ms + total(&PageTimes::decode));
  if (options_.run_layout) analysis.timings_ms.emplace_back("layout", total(&PageTimes::layout));
  if (options_.run_annotations) analysis.timings_ms.emplace_back("annotate", total(&PageTimes::annotate));
  analysis.timings_ms.emplace_back("total", ms_since(start));

  for (const PageAnalysis& page : analysis.pages) {
    if (page.dpi_source == DpiSource::assumed) {
      analysis.diagnostics.push_back(
          {"warning", "load", page.index,
           "the image states no resolution; assumed " + std::to_string(static_cast<int>(page.dpi)) + " dpi"});
    }
    for (const std::string& warning : page.load_warnings)
      analysis.diagnostics.push_back({"warning", "load", page.index, warning});
  }
  if (options_.run_annotations) {
    for (const PageAnalysis& page : analysis.pages) {
      if (page.words.empty()) {
        analysis.diagnostics.push_back({"info", "annotate", page.index,
                                        "the page has no text layer: this version reads dimensions, GD&T and title "
                                        "fields from PDF text only, so none were read"});
      }
    }
  }
  return analysis;
}

}  // namespace drawlens
