// The HTTP server (serve.h): cpp-httplib with the routes of routes.cpp, the API key check, JSON
// bodies for every error httplib answers itself (404, 405, 413, ...) and metrics per request.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <stdexcept>
#include <thread>

#include <sys/socket.h>

#include "serve.h"
#include "server_state.h"

namespace drawlens::serve {
namespace {

using Clock = std::chrono::steady_clock;

struct KnownRoute {
  const char* method;
  const char* label;  // the metrics label: the pattern, never the raw path
  const char* path;   // exact, or a prefix followed by one path segment when it ends in '/'
};

// Plain string matching: std::regex here trips GCC 12's -Wmaybe-uninitialized under ASan.
constexpr KnownRoute kKnownRoutes[] = {
    {"GET", "/api/v1/health", "/api/v1/health"},
    {"GET", "/metrics", "/metrics"},
    {"POST", "/api/v1/analyze", "/api/v1/analyze"},
    {"POST", "/api/v1/detect", "/api/v1/detect"},
    {"POST", "/api/v1/process", "/api/v1/process"},
    {"POST", "/api/v1/tolerance", "/api/v1/tolerance"},
    {"POST", "/api/v1/ocr", "/api/v1/ocr"},
    {"POST", "/api/v1/segment", "/api/v1/segment"},
    {"GET", "/api/v1/download/{file_id}", "/api/v1/download/"},
    {"GET", "/api/v1/progress/{job_id}", "/api/v1/progress/"},
};

bool matches(const KnownRoute& route, const std::string& path) {
  const std::string pattern = route.path;
  if (pattern.back() != '/') return path == pattern;
  return path.size() > pattern.size() && path.compare(0, pattern.size(), pattern) == 0 &&
         path.find('/', pattern.size()) == std::string::npos;
}

// The route a path belongs to, whatever the method; "unmatched" for none.
std::string route_label(const std::string& path) {
  for (const KnownRoute& route : kKnownRoutes) {
    if (matches(route, path)) return route.label;
  }
  return "unmatched";
}

std::string allowed_methods(const std::string& path) {
  std::string allowed;
  for (const KnownRoute& route : kKnownRoutes) {
    if (!matches(route, path)) continue;
    if (!allowed.empty()) allowed += ", ";
    allowed += route.method;
  }
  return allowed;
}

// Health checks and scrapes come from probes that carry no key.
bool needs_key(const std::string& path) {
  return path != "/api/v1/health" && path != "/metrics";
}

// Compares without stopping at the first difference, so timing says nothing about the key.
bool same_key(const std::string& given, const std::string& expected) {
  unsigned char difference = given.size() == expected.size() ? 0 : 1;
  for (std::size_t i = 0; i < given.size(); ++i) {
    difference |= static_cast<unsigned char>(given[i] ^ expected[i % std::max<std::size_t>(1, expected.size())]);
  }
  return difference == 0;
}

// Set when a request's routing starts and read when its answer is logged, on the same thread.
thread_local Clock::time_point request_started;

HttpError httplib_error(const httplib::Request& request, const httplib::Response& response,
                        const ServerOptions& options) {
  switch (response.status) {
    case 404: return {404, "NO_ROUTE", "caller", "no route " + request.method + " " + request.path};
    case 413:
      return {413, "BODY_TOO_LARGE", "limit",
              "the request body is over the server's limit of " + std::to_string(options.max_body_bytes) + " bytes"};
    default:
      return {response.status, "HTTP_" + std::to_string(response.status), "caller",
              "the request was refused with HTTP status " + std::to_string(response.status)};
  }
}

}  // namespace

struct Server::State {
  explicit State(const ServerOptions& options) : shared(options) {}
  ServerState shared;
  httplib::Server http;
  int port = 0;
  std::mutex lifecycle;  // orders run()'s start against stop()
  bool running = false;
  bool stop_requested = false;
  std::atomic<bool> finished{false};  // run() returned
};

Server::Server(const ServerOptions& options) {
  if (options.port < 0 || options.port > 65535) {
    throw Error(DRAWLENS_INVALID_ARGUMENT, "port " + std::to_string(options.port) + " is outside 0..65535");
  }
  if (options.queue < 0 || options.workers < 0 || options.max_body_bytes == 0 || !(options.deadline_ms >= 0) ||
      !(options.progress_wait_ms >= 0)) {
    throw Error(DRAWLENS_INVALID_ARGUMENT,
                "workers and queue must be >= 0, the body limit > 0, the deadline and progress wait >= 0 ms");
  }
  state_ = std::make_unique<State>(options);
  ServerState& shared = state_->shared;
  httplib::Server& http = state_->http;
  // Room for every admitted request, a progress stream for each, and a few quick routes.
  const std::size_t threads = 2 * static_cast<std::size_t>(shared.options.workers + shared.options.queue) + 4;
  http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  http.set_payload_max_length(shared.options.max_body_bytes);
  // httplib's default adds SO_REUSEPORT, which lets a second server bind the same port and take
  // half of the connections; SO_REUSEADDR alone restarts quickly yet refuses a taken port.
  http.set_socket_options([](socket_t socket) {
    const int yes = 1;
    setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  http.set_pre_routing_handler([&shared](const httplib::Request& request, httplib::Response& response) {
    request_started = Clock::now();
    if (shared.options.api_key.empty() || !needs_key(request.path)) return httplib::Server::HandlerResponse::Unhandled;
    if (same_key(request.get_header_value("X-API-Key"), shared.options.api_key)) {
      return httplib::Server::HandlerResponse::Unhandled;
    }
    send_error(response, {401, "BAD_API_KEY", "caller", "missing or wrong X-API-Key header"});
    return httplib::Server::HandlerResponse::Handled;
  });
  // Named as HandlerWithResponse: httplib overloads set_error_handler on both handler types.
  http.set_error_handler(httplib::Server::HandlerWithResponse([&shared](const httplib::Request& request,
                                                                        httplib::Response& response) {
    if (!response.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
    if (response.status == 404) {
      if (const std::string allowed = allowed_methods(request.path); !allowed.empty()) {
        response.set_header("Allow", allowed);
        send_error(response, {405, "METHOD_NOT_ALLOWED", "caller",
                              request.method + " is not allowed on " + request.path + " (allowed: " + allowed + ")"});
        return httplib::Server::HandlerResponse::Handled;
      }
    }
    send_error(response, httplib_error(request, response, shared.options));
    return httplib::Server::HandlerResponse::Handled;
  }));
  http.set_exception_handler([](const httplib::Request&, httplib::Response& response, std::exception_ptr thrown) {
    HttpError error{500, "INTERNAL", "internal", "internal error"};
    try {
      std::rethrow_exception(thrown);
    } catch (const drawlens::Error& e) {
      error = from_library_error(e);
    } catch (const std::exception& e) {
      error.message = e.what();
    } catch (...) {
    }
    send_error(response, error);
  });
  http.set_logger([&shared](const httplib::Request& request, const httplib::Response& response) {
    const double seconds = std::chrono::duration<double>(Clock::now() - request_started).count();
    shared.metrics.record_request(route_label(request.path), request.method, response.status, seconds);
  });
  register_routes(http, shared);
  state_->port = shared.options.port == 0
                     ? http.bind_to_any_port(shared.options.host)
                     : (http.bind_to_port(shared.options.host, shared.options.port) ? shared.options.port : -1);
  if (state_->port <= 0) {
    throw Error(DRAWLENS_IO, "cannot listen on " + shared.options.host + ":" + std::to_string(shared.options.port) +
                                 " (in use, or not an address of this machine)");
  }
}

Server::~Server() {
  stop();
}

int Server::port() const {
  return state_->port;
}

int Server::workers() const {
  return state_->shared.options.workers;
}

std::string Server::device() const {
  return state_->shared.pipelines.device();
}

bool Server::run() {
  {
    const std::lock_guard lock(state_->lifecycle);
    if (state_->stop_requested) return true;
    state_->running = true;
  }
  const bool served = state_->http.listen_after_bind();
  state_->finished = true;
  return served;
}

void Server::stop() {
  if (!state_) return;
  {
    const std::lock_guard lock(state_->lifecycle);
    state_->stop_requested = true;
    if (!state_->running) return;
  }
  state_->shared.stopping = true;  // progress streams end at their next poll
  // run() has begun; httplib only stops a server whose accept loop has started.
  while (!state_->http.is_running() && !state_->finished) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  state_->http.stop();
}

}  // namespace drawlens::serve
