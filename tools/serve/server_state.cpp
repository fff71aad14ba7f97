// The analysis every drawing route runs, with admission, deadline, storage and metrics
// (server_state.h).
#include "server_state.h"

#include <algorithm>
#include <thread>

#include "upload.h"

namespace drawlens::serve {
namespace {

using Clock = std::chrono::steady_clock;

int resolved_workers(int workers) {
  if (workers > 0) return workers;
  return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

ServerOptions resolved(ServerOptions options) {
  options.workers = resolved_workers(options.workers);
  return options;
}

// A deadline of "none" still has to be a time wait_until can take.
Clock::time_point deadline_from(double deadline_ms) {
  const double ms = deadline_ms > 0 ? deadline_ms : 24.0 * 3600 * 1000;
  return Clock::now() + std::chrono::microseconds(static_cast<long long>(ms * 1000));
}

HttpError refusal_error(Admission::Refusal refusal, const ServerOptions& options) {
  if (refusal == Admission::Refusal::queue_full) {
    return {503, "QUEUE_FULL", "resource",
            "all " + std::to_string(options.workers) + " workers are busy and " + std::to_string(options.queue) +
                " requests already wait; retry later"};
  }
  return {503, "QUEUE_TIMEOUT", "resource",
          "no worker became free within the request deadline of " + std::to_string(options.deadline_ms) + " ms"};
}

std::map<std::string, double> stage_milliseconds(const nlohmann::json& result) {
  std::map<std::string, double> out;
  if (const auto timings = result.find("timings_ms"); timings != result.end() && timings->is_object()) {
    for (const auto& [stage, ms] : timings->items()) {
      if (ms.is_number()) out[stage] = ms.get<double>();
    }
  }
  return out;
}

// Bytes in use on the GPU a "cuda:N" pipeline runs on (NVML through the GPU probe); negative on
// the CPU or when NVML cannot say.
double gpu_memory_used_bytes(const std::string& device) {
  if (device.rfind("cuda:", 0) != 0) return -1;
  try {
    const int ordinal = std::stoi(device.substr(5));
    for (const GpuDevice& gpu : GpuProbe().devices()) {
      if (gpu.cuda_ordinal == ordinal && gpu.memory_used_bytes) return static_cast<double>(*gpu.memory_used_bytes);
    }
  } catch (const std::exception&) {
    // No NVML, or a device string this server did not expect: the gauge is left out.
  }
  return -1;
}

}  // namespace

ServerState::ServerState(const ServerOptions& raw_options)
    : options(resolved(raw_options)),
      pipelines(options),
      admission(options.workers, options.queue),
      store(options.kept_results),
      jobs(options.kept_results + static_cast<std::size_t>(options.workers + options.queue)) {}

std::variant<Analysis, HttpError> ServerState::analyze(const httplib::Request& request, const std::string& route,
                                                       const std::string& process, const std::string& material,
                                                       bool visualize,
                                                       const std::function<void(const Progress&)>& on_progress,
                                                       bool segment) {
  auto upload = read_upload(request);
  if (auto* error = std::get_if<HttpError>(&upload)) return *error;
  const Upload& drawing = std::get<Upload>(upload);
  const Clock::time_point deadline = deadline_from(options.deadline_ms);
  try {
    const auto pipeline = pipelines.get(process, material, segment);
    auto ticket = admission.enter(deadline);
    if (auto* refusal = std::get_if<Admission::Refusal>(&ticket)) return refusal_error(*refusal, options);
    RunOptions run;
    if (options.deadline_ms > 0) {
      const double left_ms = std::chrono::duration<double, std::milli>(deadline - Clock::now()).count();
      run.timeout_ms(std::max(1.0, left_ms));
    }
    if (on_progress) run.on_progress(on_progress);
    const Clock::time_point begun = Clock::now();
    const Result result = pipeline->analyze(Document::memory(drawing.bytes.data(), drawing.bytes.size()), run);
    const double seconds = std::chrono::duration<double>(Clock::now() - begun).count();

    Analysis analysis;
    analysis.pages = result.pages();
    analysis.json = nlohmann::json::parse(result.json());
    analysis.facts.filename = drawing.filename;
    analysis.facts.processing_seconds = seconds;
    Artefacts artefacts;
    artefacts.json = analysis.json.dump();
    if (visualize) {
      for (std::size_t page = 0; page < analysis.pages.size(); ++page) {
        const std::vector<std::uint8_t> png = result.overlay_png(page);
        artefacts.overlay_pngs.emplace_back(png.begin(), png.end());
      }
    }
    analysis.overlay_count = artefacts.overlay_pngs.size();
    analysis.facts.file_id = store.keep(std::move(artefacts));
    metrics.record_analysis(route, analysis.pages.size(), seconds, stage_milliseconds(analysis.json));
    return analysis;
  } catch (const drawlens::Error& error) {
    return from_library_error(error);
  }
}

Metrics::Gauges ServerState::gauges() const {
  Metrics::Gauges g;
  g.busy_workers = admission.busy();
  g.queued_requests = admission.waiting();
  g.workers = admission.workers();
  g.kept_results = store.size();
  g.uptime_seconds = std::chrono::duration<double>(Clock::now() - started).count();
  g.gpu_memory_used_bytes = gpu_memory_used_bytes(pipelines.device());
  return g;
}

}  // namespace drawlens::serve
