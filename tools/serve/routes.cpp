// The REST routes (docs/serve.md): health, metrics, the native analysis, the old services' detect,
// ocr, segment and process (with its progress as server-sent events), tolerance analysis, and downloads
// of kept results.
#include <algorithm>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "ocr_answer.h"
#include "server_state.h"
#include "upload.h"

namespace drawlens::serve {
namespace {

using httplib::Request;
using httplib::Response;

// Unwraps a field's value, or answers its error and says so.
template <typename T>
bool take(std::variant<T, HttpError> field, T& out, Response& response) {
  if (auto* error = std::get_if<HttpError>(&field)) {
    send_error(response, *error);
    return false;
  }
  out = std::get<T>(field);
  return true;
}

void health(ServerState& state, Response& response) {
  const Metrics::Gauges g = state.gauges();
  send_json(response, 200,
            {{"status", "healthy"},
             {"version", drawlens::version()},
             {"device", state.pipelines.device()},
             {"workers", g.workers},
             {"busy_workers", g.busy_workers},
             {"queued_requests", g.queued_requests},
             {"kept_results", g.kept_results},
             {"uptime_seconds", g.uptime_seconds}});
}

void metrics(ServerState& state, Response& response) {
  response.set_content(state.metrics.render(state.gauges(), drawlens::version()), "text/plain; version=0.0.4");
}

// The fields /analyze and /process share (visualize, process, material), then the analysis.
std::variant<Analysis, HttpError> analyze_with_fields(ServerState& state, const Request& request,
                                                      const std::string& route,
                                                      const std::function<void(const Progress&)>& on_progress = {}) {
  const auto visualize = bool_field(request, "visualize", false);
  if (const auto* error = std::get_if<HttpError>(&visualize)) return *error;
  return state.analyze(request, route, form_field(request, "process").value_or(""),
                       form_field(request, "material").value_or(""), std::get<bool>(visualize), on_progress);
}

// POST /api/v1/analyze: the native result JSON, its file id in X-Drawlens-File-Id.
void analyze(ServerState& state, const Request& request, Response& response) {
  const auto done = analyze_with_fields(state, request, "/api/v1/analyze");
  if (const auto* error = std::get_if<HttpError>(&done)) return send_error(response, *error);
  const Analysis& analysis = std::get<Analysis>(done);
  response.set_header("X-Drawlens-File-Id", analysis.facts.file_id);
  send_json(response, 200, analysis.json);
}

// POST /api/v1/detect: the YOLO service's answer.
void detect(ServerState& state, const Request& request, Response& response) {
  DetectFilter filter;
  bool visualize = false;
  if (!take(number_field(request, "conf_threshold", filter.confidence_threshold, 0, 1), filter.confidence_threshold,
            response) ||
      !take(number_field(request, "iou_threshold", filter.iou_threshold, 0, 1), filter.iou_threshold, response) ||
      !take(bool_field(request, "visualize", false), visualize, response)) {
    return;
  }
  auto done = state.analyze(request, "/api/v1/detect", "", "", visualize);
  if (auto* error = std::get_if<HttpError>(&done)) return send_error(response, *error);
  const Analysis& analysis = std::get<Analysis>(done);
  nlohmann::json answer = detect_answer(analysis.pages, analysis.facts, filter);
  if (visualize) {
    answer["visualized_image_url"] = "/api/v1/download/" + analysis.facts.file_id + "?format=png&page=1";
  }
  send_json(response, 200, answer);
}

// POST /api/v1/process: the gateway's end-to-end route, as job `job_id` (the client's, or a new
// one) whose progress GET /api/v1/progress/{job_id} streams.
void process(ServerState& state, const Request& request, Response& response) {
  std::string job_id;
  if (!take(state.jobs.open(form_field(request, "job_id").value_or("")), job_id, response)) return;
  const auto done = analyze_with_fields(state, request, "/api/v1/process",
                                        [&state, &job_id](const Progress& step) { state.jobs.progress(job_id, step); });
  if (const auto* error = std::get_if<HttpError>(&done)) {
    state.jobs.finish(job_id, error->status, "", *error);
    return send_error(response, *error);
  }
  const Analysis& analysis = std::get<Analysis>(done);
  state.jobs.finish(job_id, 200, analysis.facts.file_id, {});
  nlohmann::json answer = process_answer(analysis.json, analysis.facts, analysis.overlay_count);
  answer["job_id"] = job_id;
  send_json(response, 200, answer);
}

// One server-sent event: `event: <name>` and its JSON data.
std::string sse_event(const std::string& name, const nlohmann::json& data) {
  return "event: " + name + "\ndata: " + data.dump() + "\n\n";
}

nlohmann::json job_event_data(const std::string& id, const JobState& job) {
  if (!job.finished) {
    return {{"job_id", id},
            {"stage", job.stage},
            {"page", job.page_count > 0 ? job.page + 1 : 0},
            {"page_count", job.page_count},
            {"steps_done", job.steps_done},
            {"steps_total", job.steps_total},
            {"fraction", job.steps_total > 0 ? double(job.steps_done) / job.steps_total : 0.0}};
  }
  nlohmann::json data = {{"job_id", id}, {"http_status", job.http_status}};
  if (job.http_status == 200) {
    data["status"] = "success";
    data["file_id"] = job.file_id;
    data["download"] = "/api/v1/download/" + job.file_id + "?format=json";
  } else {
    data["status"] = "error";
    data["error"] = nlohmann::json::parse(error_body(job.error))["error"];
  }
  return data;
}

// GET /api/v1/progress/{job_id}: server-sent events: `progress` after each stage of each page, then
// `done` with the outcome, then the stream ends. A job not known yet is waited for a while (a client
// may open the stream before posting its job); a job that never comes is 404.
void progress_stream(ServerState& state, const Request& request, Response& response) {
  const std::string id = request.matches[1];
  // In slices, so that a stopping server does not wait for a job that will never come.
  const auto give_up = std::chrono::steady_clock::now() +
                       std::chrono::milliseconds(static_cast<long long>(state.options.progress_wait_ms));
  auto first = state.jobs.wait_for_change(id, 0, std::chrono::milliseconds(0));
  while (!first && !state.stopping && std::chrono::steady_clock::now() < give_up) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(give_up - std::chrono::steady_clock::now());
    first = state.jobs.wait_for_change(id, 0,
                                       std::clamp(left, std::chrono::milliseconds(1), std::chrono::milliseconds(200)));
  }
  if (!first && state.stopping) {
    return send_error(response, {503, "STOPPING", "resource", "the server is stopping"});
  }
  if (!first) {
    return send_error(response, {404, "UNKNOWN_JOB_ID", "caller",
                                 "no job '" + id + "' (none was posted with this job_id, or it is no longer kept)"});
  }
  const int limit = state.options.workers + state.options.queue;
  if (++state.progress_streams > limit) {
    --state.progress_streams;
    return send_error(
        response, {503, "STREAMS_FULL", "resource", std::to_string(limit) + " progress streams are open; retry later"});
  }
  response.set_header("Cache-Control", "no-cache");
  response.set_header("X-Accel-Buffering", "no");  // proxies: pass each event on at once
  auto seen = std::make_shared<std::uint64_t>(0);
  auto quiet_polls = std::make_shared<int>(0);
  response.set_chunked_content_provider(
      "text/event-stream",
      [&state, id, seen, quiet_polls](std::size_t, httplib::DataSink& sink) {
        if (!sink.is_writable()) return false;  // the client went away
        const auto job = state.jobs.wait_for_change(id, *seen, std::chrono::seconds(1));
        std::string text;
        bool last = state.stopping;
        if (!job) {
          text = sse_event("error", {{"job_id", id}, {"message", "the job is no longer kept"}});
          last = true;
        } else if (job->version > *seen) {
          *seen = job->version;
          *quiet_polls = 0;
          text = sse_event(job->finished ? "done" : "progress", job_event_data(id, *job));
          last = last || job->finished;
        } else if (++*quiet_polls >= 15) {
          *quiet_polls = 0;
          text = ": keep-alive\n\n";  // a comment line: keeps proxies from timing the stream out
        }
        if (!text.empty() && !sink.write(text.data(), text.size())) return false;
        if (last) sink.done();
        return true;
      },
      [&state](bool) { --state.progress_streams; });
}

// POST /api/v1/ocr: the old eDOCr2 service's route and answer. Its form fields choose what the answer
// lists; use_vl_model and use_gpu_preprocessing are taken, and answered with a warning saying what
// drawlens does instead.
void ocr(ServerState& state, const Request& request, Response& response) {
  OcrRequest wanted;
  bool visualize = false, vision_language = false, gpu_preprocessing = false;
  if (!take(bool_field(request, "extract_dimensions", true), wanted.dimensions, response) ||
      !take(bool_field(request, "extract_gdt", true), wanted.gdt, response) ||
      !take(bool_field(request, "extract_text", true), wanted.text, response) ||
      !take(bool_field(request, "visualize", false), visualize, response) ||
      !take(bool_field(request, "use_vl_model", false), vision_language, response) ||
      !take(bool_field(request, "use_gpu_preprocessing", false), gpu_preprocessing, response)) {
    return;
  }
  auto done = state.analyze(request, "/api/v1/ocr", "", "", visualize);
  if (auto* error = std::get_if<HttpError>(&done)) return send_error(response, *error);
  const Analysis& analysis = std::get<Analysis>(done);
  std::vector<std::string> warnings;
  if (vision_language) {
    warnings.push_back("use_vl_model: drawlens has no vision-language model; its own stages read the drawing");
  }
  if (gpu_preprocessing) {
    warnings.push_back(
        "use_gpu_preprocessing: the server's --device places every stage (here: " + state.pipelines.device() + ")");
  }
  nlohmann::json answer = ocr_answer(analysis.json, analysis.facts, wanted, warnings);
  if (visualize) {
    answer["visualized_image_url"] = "/api/v1/download/" + analysis.facts.file_id + "?format=png&page=1";
  }
  send_json(response, 200, answer);
}

// POST /api/v1/segment: the old EDGNet service's route: the page's classified linework.
void segment(ServerState& state, const Request& request, Response& response) {
  bool visualize = false;
  if (!take(bool_field(request, "visualize", false), visualize, response)) return;
  auto done = state.analyze(request, "/api/v1/segment", "", "", visualize, {}, true);
  if (auto* error = std::get_if<HttpError>(&done)) return send_error(response, *error);
  const Analysis& analysis = std::get<Analysis>(done);
  nlohmann::json answer = segment_answer(analysis.json, analysis.facts);
  if (visualize) {
    answer["visualized_image_url"] = "/api/v1/download/" + analysis.facts.file_id + "?format=png&page=1";
  }
  send_json(response, 200, answer);
}

// POST /api/v1/tolerance: the tolerance stage's analysis for a process and material.
void tolerance(ServerState& state, const Request& request, Response& response) {
  const std::string process = form_field(request, "process").value_or("milling");
  const std::string material = form_field(request, "material").value_or("steel");
  auto done = state.analyze(request, "/api/v1/tolerance", process, material, false);
  if (auto* error = std::get_if<HttpError>(&done)) return send_error(response, *error);
  const Analysis& analysis = std::get<Analysis>(done);
  send_json(response, 200, tolerance_answer(analysis.json, analysis.facts, process, material));
}

// GET /api/v1/download/{file_id}?format=json|png&page=N (page 1-based, png only).
void download(ServerState& state, const Request& request, Response& response) {
  const std::string id = request.matches[1];
  const auto artefacts = state.store.find(id);
  if (!artefacts) {
    return send_error(response, {404, "UNKNOWN_FILE_ID", "caller",
                                 "no kept result has id '" + id + "' (the server keeps the last " +
                                     std::to_string(state.options.kept_results) + ")"});
  }
  const std::string format = request.has_param("format") ? request.get_param_value("format") : "json";
  if (format == "json") return response.set_content(artefacts->json, "application/json");
  if (format != "png") return send_error(response, bad_request("BAD_FIELD", "format must be json or png"));
  if (artefacts->overlay_pngs.empty()) {
    return send_error(response, {404, "NO_OVERLAY", "caller",
                                 "result '" + id + "' was analysed without visualize=true, so it has no overlay"});
  }
  double page = 1;
  if (!take(number_field(request, "page", 1, 1, double(artefacts->overlay_pngs.size())), page, response)) return;
  if (page != static_cast<int>(page)) {
    return send_error(response, bad_request("BAD_FIELD", "page must be a whole number"));
  }
  response.set_content(artefacts->overlay_pngs[static_cast<std::size_t>(page) - 1], "image/png");
}

}  // namespace

void register_routes(httplib::Server& http, ServerState& state) {
  http.Get("/api/v1/health", [&state](const Request&, Response& response) { health(state, response); });
  http.Get("/metrics", [&state](const Request&, Response& response) { metrics(state, response); });
  http.Post("/api/v1/analyze", [&state](const Request& q, Response& r) { analyze(state, q, r); });
  http.Post("/api/v1/detect", [&state](const Request& q, Response& r) { detect(state, q, r); });
  http.Post("/api/v1/process", [&state](const Request& q, Response& r) { process(state, q, r); });
  http.Post("/api/v1/tolerance", [&state](const Request& q, Response& r) { tolerance(state, q, r); });
  http.Post("/api/v1/ocr", [&state](const Request& q, Response& r) { ocr(state, q, r); });
  http.Post("/api/v1/segment", [&state](const Request& q, Response& r) { segment(state, q, r); });
  http.Get(R"(/api/v1/download/([^/]+))", [&state](const Request& q, Response& r) { download(state, q, r); });
  http.Get(R"(/api/v1/progress/([^/]+))", [&state](const Request& q, Response& r) { progress_stream(state, q, r); });
}

void send_json(Response& response, int status, const nlohmann::json& body) {
  response.status = status;
  response.set_content(body.dump(), "application/json");
}

void send_error(Response& response, const HttpError& error) {
  response.status = error.status;
  if (error.code == "QUEUE_FULL" || error.code == "QUEUE_TIMEOUT") response.set_header("Retry-After", "1");
  response.set_content(error_body(error), "application/json");
}

}  // namespace drawlens::serve
