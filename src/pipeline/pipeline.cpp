// Runs the stage table over a loaded document: each selected page goes through its stages on one
// worker of the pipeline's pool; stages are timed, stopped on request, and whatever one throws
// becomes the analysis's error, never an exception on a worker thread.
#include "pipeline/pipeline.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <mutex>
#include <optional>
#include <thread>

#include "core/exception_mapping.h"
#include "core/regular_file.h"
#include "core/thread_pool.h"
#include "pipeline/device_selection.h"
#include "pipeline/pipeline_models.h"
#include "pipeline/stage_table.h"
#include "pipeline/worker_engines.h"

namespace drawlens {

struct Pipeline::Workers {
  Workers(int threads, PipelineModels models)
      : pool(threads), engines(static_cast<std::size_t>(pool.size())), models(std::move(models)) {}
  ThreadPool pool;
  std::vector<WorkerEngines> engines;  // engines[w] is used only by pool worker w
  PipelineModels models;               // shared by all workers
};

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// Remembers the first stop any worker saw, so that the others skip their pages and the analysis
// reports where it stopped.
class StopLatch {
 public:
  explicit StopLatch(const StopToken& token) : token_(token) {}

  bool should_stop(const char* activity, int page_index) {
    if (stopped_) return true;
    auto error = token_.check(std::string(activity) + " of page " + std::to_string(page_index + 1));
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

// The lowest-numbered page that failed, so that a document with several bad pages reports the
// same one however its pages were scheduled.
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

// Counts the stage runs of one analysis as they finish and reports each to the host.
class StepCounter {
 public:
  StepCounter(const ProgressReporter& progress, int page_count, int steps_total)
      : progress_(progress), page_count_(page_count), steps_total_(steps_total) {}
  void finished(const char* stage, int page) { progress_.report({stage, page, page_count_, ++done_, steps_total_}); }

 private:
  const ProgressReporter& progress_;
  const int page_count_, steps_total_;
  std::atomic<int> done_{0};
};

// What one page leaves behind besides its PageAnalysis.
struct PageOutcome {
  std::array<double, kStageCount> stage_ms{};
  std::vector<Diagnostic> diagnostics;
};

// The CUDA ordinal of a resolved device ("cuda:N"), or -1 for "cpu".
int cuda_ordinal(const std::string& device) {
  const std::string prefix = "cuda:";
  return device.rfind(prefix, 0) == 0 ? std::stoi(device.substr(prefix.size())) : -1;
}

// Runs the selected stages of one page in table order; the page's pixels are released when it is
// done unless the options keep them.
class PageRunner {
 public:
  PageRunner(const PipelineOptions& options, StageSet stages, int cuda_ordinal, const PipelineModels& models,
             const load::OpenedDocument& doc, StopLatch& latch, FirstFailure& failure, StepCounter& steps)
      : options_(options),
        stages_(stages),
        cuda_ordinal_(cuda_ordinal),
        models_(models),
        doc_(doc),
        latch_(latch),
        failure_(failure),
        steps_(steps) {}

  void run(int i, WorkerEngines& engines, PageAnalysis& out, PageOutcome& outcome) const {
    const int source_page = doc_.source_index(i);
    PageWork work{doc_, i, -1, engines, models_, {}, std::nullopt, out, {}, options_.process, options_.material};
    for (const StageInfo& row : stage_table()) {
      if (!stages_.contains(row.stage)) continue;
      if (failure_.before(i) || latch_.should_stop(row.activity, source_page)) break;
      work.cuda_ordinal = row.placement == Placement::pipeline_device ? cuda_ordinal_ : -1;
      const auto start = Clock::now();
      std::optional<Error> error;
      try {
        if (options_.on_stage) options_.on_stage(row.stage, source_page);
        error = row.run(work);
      } catch (...) {
        error = error_from_current_exception(std::string(row.activity) + " of page " + std::to_string(source_page + 1));
      }
      outcome.stage_ms[static_cast<std::size_t>(row.stage)] = ms_since(start);
      if (error) {
        failure_.record(i, std::move(*error));
        break;
      }
      steps_.finished(row.name, source_page);
    }
    outcome.diagnostics = std::move(work.diagnostics);
    if (options_.keep_page_images) out.image = std::move(work.page.gray);
  }

 private:
  const PipelineOptions& options_;
  StageSet stages_;
  int cuda_ordinal_;
  const PipelineModels& models_;
  const load::OpenedDocument& doc_;
  StopLatch& latch_;
  FirstFailure& failure_;
  StepCounter& steps_;
};

// Diagnostics stage by stage, and within a stage page by page, whatever order the pages ran in.
std::vector<Diagnostic> merge_diagnostics(std::vector<PageOutcome>& outcomes) {
  std::vector<Diagnostic> merged;
  for (const StageInfo& row : stage_table()) {
    for (PageOutcome& outcome : outcomes) {
      for (Diagnostic& d : outcome.diagnostics) {
        if (d.stage == row.name) merged.push_back(std::move(d));
      }
    }
  }
  return merged;
}

}  // namespace

Pipeline::Pipeline(PipelineOptions options, std::string device, std::shared_ptr<Workers> workers)
    : options_(std::move(options)), device_(std::move(device)), workers_(std::move(workers)) {}

int Pipeline::worker_count() const {
  return workers_->pool.size();
}

Result<Pipeline> Pipeline::create(const PipelineOptions& options) {
  auto valid = load::validate(options.load);
  if (!valid) return valid.error();
  if (options.threads < 0) return make_error(Status::invalid_argument, "invalid option: threads must be >= 0");
  if (!options.model_directory.empty()) {
    const std::string why = why_not_a_directory(options.model_directory);
    if (!why.empty()) {
      return make_error(Status::invalid_argument,
                        "invalid option: model_directory '" + options.model_directory + "' " + why);
    }
  }
  auto device = select_device(options.device);
  if (!device) return device.error();
  const int threads =
      options.threads > 0 ? options.threads : std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
  PipelineOptions resolved = options;
  resolved.stages = with_needed_stages(options.stages);
  auto models = load_pipeline_models(resolved, cuda_ordinal(device.value()), threads);
  if (!models) return models.error();
  auto workers = std::make_shared<Workers>(threads, std::move(models).value());
  return Pipeline(std::move(resolved), std::move(device).value(), std::move(workers));
}

Result<Analysis> Pipeline::analyze_file(const std::string& path, const StopToken& stop,
                                        const ProgressReporter& progress) const {
  if (auto stopped = stop.check("loading")) return *stopped;
  const auto start = Clock::now();
  return analyze(load::open_file(path, options_.load), start, stop, progress);
}

Result<Analysis> Pipeline::analyze_memory(const std::uint8_t* data, std::size_t size, const StopToken& stop,
                                          const ProgressReporter& progress) const {
  if (auto stopped = stop.check("loading")) return *stopped;
  const auto start = Clock::now();
  return analyze(load::open_memory(data, size, options_.load), start, stop, progress);
}

Result<Analysis> Pipeline::analyze_pixels(const std::uint8_t* pixels, int width, int height, load::PixelFormat format,
                                          std::size_t stride, double dpi, const StopToken& stop,
                                          const ProgressReporter& progress) const {
  if (auto stopped = stop.check("loading")) return *stopped;
  const auto start = Clock::now();
  return analyze(load::open_pixels(pixels, width, height, format, stride, dpi, options_.load), start, stop, progress);
}

Result<Analysis> Pipeline::analyze(Result<load::OpenedDocument> opened, Clock::time_point start, const StopToken& stop,
                                   const ProgressReporter& progress) const {
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
  std::vector<PageOutcome> outcomes(static_cast<std::size_t>(count));

  // Pages flow through all stages one at a time per worker, so at most one page per worker is in
  // memory at once whatever the document's length.
  StopLatch latch(stop);
  FirstFailure failure(count);
  int stages_per_page = 0;
  for (const StageInfo& row : stage_table()) stages_per_page += options_.stages.contains(row.stage) ? 1 : 0;
  StepCounter steps(progress, count, count * stages_per_page);
  const PageRunner runner(options_, options_.stages, cuda_ordinal(device_), workers_->models, doc, latch, failure,
                          steps);
  workers_->pool.run(count, [&](int i, int worker) {
    runner.run(i, workers_->engines[static_cast<std::size_t>(worker)], analysis.pages[static_cast<std::size_t>(i)],
               outcomes[static_cast<std::size_t>(i)]);
  });
  if (failure.error()) return *failure.error();
  if (latch.error()) return *latch.error();

  for (const StageInfo& row : stage_table()) {
    if (!options_.stages.contains(row.stage)) continue;
    double sum = row.stage == Stage::load ? open_ms : 0;
    for (const PageOutcome& outcome : outcomes) sum += outcome.stage_ms[static_cast<std::size_t>(row.stage)];
    analysis.timings_ms.emplace_back(row.name, sum);
  }
  analysis.timings_ms.emplace_back("total", ms_since(start));
  analysis.diagnostics = merge_diagnostics(outcomes);
  return analysis;
}

}  // namespace drawlens
