// The Pipeline: validated options, the stages in order, their timing. Safe to use from many
// threads at once (analyze is const and shares no mutable state).
#pragma once

#include <chrono>
#include <string>

#include "core/status.h"
#include "core/stop_token.h"
#include "load/load.h"
#include "pipeline/analysis.h"
#include "pipeline/stage_measurement.h"

namespace drawlens {

struct PipelineOptions {
  std::string device = "auto";  // "auto", "cpu", "cuda" or "cuda:N"
  load::Options load;
  bool run_layout = true;
  bool run_annotations = true;  // read dimensions, GD&T and title fields (PDF text layer)
  bool keep_page_images = false;
  int threads = 0;  // pages analysed in parallel; 0 = one per hardware thread
};

class Pipeline {
 public:
  static Result<Pipeline> create(const PipelineOptions& options);

  // Each analysis polls `stop` before every page of every stage and returns CANCELLED when it
  // says so (docs/security.md gives the latency).
  Result<Analysis> analyze_file(const std::string& path, const StopToken& stop = {}) const;
  Result<Analysis> analyze_memory(const std::uint8_t* data, std::size_t size, const StopToken& stop = {}) const;
  Result<Analysis> analyze_pixels(const std::uint8_t* pixels, int width, int height, load::PixelFormat format,
                                  std::size_t stride, double dpi, const StopToken& stop = {}) const;

  const PipelineOptions& options() const { return options_; }
  const std::string& device() const { return device_; }  // resolved: "cpu" or "cuda:N"

 private:
  Pipeline(PipelineOptions options, std::string device) : options_(std::move(options)), device_(std::move(device)) {}
  Result<Analysis> analyze(Result<load::OpenedDocument> opened, std::chrono::steady_clock::time_point start,
                           const StopToken& stop) const;

  PipelineOptions options_;
  std::string device_;
};

}  // namespace drawlens
