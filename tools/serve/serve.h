// drawlens_serve: the HTTP server behind `drawlens serve` (docs/serve.md): the old gateway's REST
// routes, the native analysis route, health and Prometheus metrics, over the C++ facade.
#pragma once

#include <cstddef>
#include <memory>
#include <string>

namespace drawlens::serve {

struct ServerOptions {
  std::string host = "127.0.0.1";          // loopback unless told otherwise
  int port = 5005;                         // 0: any free port (Server::port says which)
  std::size_t max_body_bytes = 64u << 20;  // larger requests are answered 413
  int workers = 0;                         // analyses at once; 0: the hardware threads
  int queue = 16;                          // requests waiting for a worker before 503
  double deadline_ms = 120000;             // per request, queue wait included; 0: none
  std::string api_key;                     // non-empty: X-API-Key must match (health, metrics exempt)
  std::string model_directory;             // "": the library's models search
  std::string device = "auto";             // "auto", "cpu", "cuda:N"
  std::size_t kept_results = 64;           // results kept for /api/v1/download, oldest dropped
  double progress_wait_ms = 10000;         // GET /api/v1/progress waits this long for a job not posted yet
};

// Binds at construction (throws drawlens::Error naming a bad option, a model that cannot load or a
// port that cannot be bound), serves on run(), and stops gracefully on stop(): no new connections,
// in-flight requests finish.
class Server {
 public:
  explicit Server(const ServerOptions& options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  int port() const;
  int workers() const;         // options.workers, resolved
  std::string device() const;  // where the pipeline runs: "cpu", "cuda:0"
  // Serves until stop(); returns false when the listening socket failed.
  bool run();
  // Safe from any thread, also before run() and more than once.
  void stop();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace drawlens::serve
