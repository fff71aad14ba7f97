// What the server's routes share (private to tools/serve): options, pipelines, admission,
// stored results and metrics, and the analysis every drawing route runs.
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <string>
#include <variant>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "admission.h"
#include "artefact_store.h"
#include "http_error.h"
#include "job_board.h"
#include "metrics.h"
#include "pipeline_cache.h"
#include "route_answers.h"
#include "serve.h"

namespace drawlens::serve {

// A drawing analysed for one request.
struct Analysis {
  std::vector<Page> pages;
  nlohmann::json json;  // the native result (docs/schema/result.schema.json)
  AnalysisFacts facts;
  std::size_t overlay_count = 0;  // overlay PNGs kept with the result
};

struct ServerState {
  explicit ServerState(const ServerOptions& options);

  // Reads the drawing, waits for a worker (bounded), analyses it with the pipeline for `process`
  // and `material` (with the segment stage when `segment`) under the request's deadline (telling
  // `on_progress` after each stage of each page), keeps the result for download (with an overlay
  // per page when `visualize`) and records its metrics.
  std::variant<Analysis, HttpError> analyze(const httplib::Request& request, const std::string& route,
                                            const std::string& process, const std::string& material, bool visualize,
                                            const std::function<void(const Progress&)>& on_progress = {},
                                            bool segment = false);
  Metrics::Gauges gauges() const;

  const ServerOptions options;
  const std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
  PipelineCache pipelines;
  Admission admission;
  ArtefactStore store;
  Metrics metrics;
  JobBoard jobs;
  std::atomic<int> progress_streams{0};  // GET /api/v1/progress streams open now
  std::atomic<bool> stopping{false};     // Server::stop() was called: streams end
};

// Route handlers (routes.cpp), each answering JSON (or the metrics text, a download's bytes).
void register_routes(httplib::Server& http, ServerState& state);

void send_json(httplib::Response& response, int status, const nlohmann::json& body);
void send_error(httplib::Response& response, const HttpError& error);

}  // namespace drawlens::serve
