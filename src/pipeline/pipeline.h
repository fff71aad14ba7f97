// The Pipeline: validated options, the stages (pipeline/stage_table.cpp lists them), and the
// workers that run them. Safe to use from many threads at once: analyze is const, and the pages of
// every call share one bounded pool of worker threads and the stages' models, both created with
// the pipeline.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "core/progress.h"
#include "core/status.h"
#include "core/stop_token.h"
#include "load/load.h"
#include "pipeline/analysis.h"
#include "pipeline/stage_measurement.h"

namespace drawlens {

// The stages in run order. Loading always runs; a stage that needs another pulls it in.
enum class Stage { load, prepare, layout, detect, read, annotate, tolerance, segment };
inline constexpr int kStageCount = 8;

// A set of stages, as bits indexed by Stage.
class StageSet {
 public:
  constexpr StageSet() = default;
  static constexpr StageSet all() { return StageSet((1u << kStageCount) - 1); }
  // What runs unless asked otherwise: every stage but segment, which costs about as much as the
  // rest of the page together and is asked for (`--segment`, DRAWLENS_STAGE_SEGMENT).
  static constexpr StageSet defaults() { return all().without(Stage::segment); }
  constexpr bool contains(Stage stage) const { return (bits_ & bit(stage)) != 0; }
  constexpr StageSet with(Stage stage) const { return StageSet(bits_ | bit(stage)); }
  constexpr StageSet without(Stage stage) const { return StageSet(bits_ & ~bit(stage)); }
  constexpr bool operator==(const StageSet& other) const { return bits_ == other.bits_; }

 private:
  constexpr explicit StageSet(unsigned bits) : bits_(bits) {}
  static constexpr unsigned bit(Stage stage) { return 1u << static_cast<unsigned>(stage); }
  unsigned bits_ = 0;
};

// The stage's timing key and diagnostics name: "load", "prepare", "layout", "detect", "read",
// "annotate", "tolerance", "segment".
const char* stage_name(Stage stage);

struct PipelineOptions {
  std::string device = "auto";  // "auto", "cpu", "cuda" or "cuda:N"
  load::Options load;
  StageSet stages = StageSet::defaults();  // the stages they need run too
  bool keep_page_images = false;
  int threads = 0;  // worker threads, shared by every call; 0 = one per hardware thread
  // Called on the worker thread just before a stage runs on a page (0-based source page), for
  // progress reports. An exception it throws fails the analysis as one thrown by the stage would.
  std::function<void(Stage stage, int page)> on_stage;
  // Where the .dlmodel files are looked up: the `requested` of model::find_models_directory, so
  // empty means $DRAWLENS_MODELS, then the built-in places. When not empty it must be an existing
  // directory: create refuses it otherwise (INVALID_ARGUMENT). The models of the selected stages
  // are loaded by create, which fails with MODEL naming the file when one is missing or damaged.
  std::string model_directory;
  // Stage::tolerance: how the drawing's features are made, for the skin model's analysis.
  tolerance::Process process = tolerance::Process::milling;
  tolerance::Material material = tolerance::Material::steel;
};

class Pipeline {
 public:
  static Result<Pipeline> create(const PipelineOptions& options);

  // Each analysis polls `stop` before every page of every stage and returns CANCELLED when it
  // says so (docs/security.md gives the latency), and tells `progress` after every stage of every
  // page that finished.
  Result<Analysis> analyze_file(const std::string& path, const StopToken& stop = {},
                                const ProgressReporter& progress = {}) const;
  Result<Analysis> analyze_memory(const std::uint8_t* data, std::size_t size, const StopToken& stop = {},
                                  const ProgressReporter& progress = {}) const;
  Result<Analysis> analyze_pixels(const std::uint8_t* pixels, int width, int height, load::PixelFormat format,
                                  std::size_t stride, double dpi, const StopToken& stop = {},
                                  const ProgressReporter& progress = {}) const;

  const PipelineOptions& options() const { return options_; }
  const std::string& device() const { return device_; }  // resolved: "cpu" or "cuda:N"
  int worker_count() const;                              // threads in the pool

  struct Workers;  // the thread pool and one set of engines per worker thread

 private:
  Pipeline(PipelineOptions options, std::string device, std::shared_ptr<Workers> workers);
  Result<Analysis> analyze(Result<load::OpenedDocument> opened, std::chrono::steady_clock::time_point start,
                           const StopToken& stop, const ProgressReporter& progress) const;

  PipelineOptions options_;
  std::string device_;
  std::shared_ptr<Workers> workers_;  // shared by copies of the pipeline
};

}  // namespace drawlens
