// The REST routes (docs/serve.md): health, metrics, the native analysis, the old services' detect
// and process, tolerance analysis, and downloads of kept results.
#include <optional>
#include <string>
#include <utility>

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

// The fields /analyze and /process share (visualize, process, material), then the analysis;
// nullopt once an error has been answered.
std::optional<Analysis> analyze_with_fields(ServerState& state, const Request& request, Response& response,
                                            const std::string& route) {
  bool visualize = false;
  if (!take(bool_field(request, "visualize", false), visualize, response)) return std::nullopt;
  auto done = state.analyze(request, route, form_field(request, "process").value_or(""),
                            form_field(request, "material").value_or(""), visualize);
  if (auto* error = std::get_if<HttpError>(&done)) {
    send_error(response, *error);
    return std::nullopt;
  }
  return std::move(std::get<Analysis>(done));
}

// POST /api/v1/analyze: the native result JSON, its file id in X-Drawlens-File-Id.
void analyze(ServerState& state, const Request& request, Response& response) {
  const auto analysis = analyze_with_fields(state, request, response, "/api/v1/analyze");
  if (!analysis) return;
  response.set_header("X-Drawlens-File-Id", analysis->facts.file_id);
  send_json(response, 200, analysis->json);
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

// POST /api/v1/process: the gateway's end-to-end route.
void process(ServerState& state, const Request& request, Response& response) {
  const auto analysis = analyze_with_fields(state, request, response, "/api/v1/process");
  if (!analysis) return;
  send_json(response, 200, process_answer(analysis->json, analysis->facts, analysis->overlay_count));
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
  http.Get(R"(/api/v1/download/([^/]+))", [&state](const Request& q, Response& r) { download(state, q, r); });
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
