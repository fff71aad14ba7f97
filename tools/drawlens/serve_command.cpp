// `drawlens serve`: the REST server (docs/serve.md) until SIGINT or SIGTERM, which stop it
// gracefully (no new connections; requests in flight are answered).
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <thread>

#include <unistd.h>

#include "commands.h"
#include "drawlens/drawlens.hpp"
#include "serve.h"

namespace drawlens::cli {
namespace {

// The write end of the pipe the signal handler wakes the stopping thread through: write() is
// async-signal-safe, stopping the server is not. A handler rather than a blocked mask and
// sigwait: libraries start threads before main (OpenBLAS), and a signal delivered to one of them
// would take the default action.
int signal_pipe_write = -1;

extern "C" void on_stop_signal(int) {
  const char byte = 1;
  [[maybe_unused]] const auto written = write(signal_pipe_write, &byte, 1);
}

int run_server(const serve::ServerOptions& options) {
  serve::Server server(options);
  int pipe_ends[2];
  if (pipe(pipe_ends) != 0) throw Error(DRAWLENS_INTERNAL, "cannot create the signal pipe");
  signal_pipe_write = pipe_ends[1];
  struct sigaction action {};
  action.sa_handler = on_stop_signal;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
  std::thread stopper([&server, read_end = pipe_ends[0]] {
    char byte = 0;
    while (read(read_end, &byte, 1) < 0 && errno == EINTR) {
    }
    if (byte == 1) std::fprintf(stderr, "drawlens serve: stopping, answering the requests in flight\n");
    server.stop();
  });
  std::printf("drawlens %s serving on http://%s:%d (device %s, %d workers)\n", version().c_str(), options.host.c_str(),
              server.port(), server.device().c_str(), server.workers());
  std::fflush(stdout);
  const bool served = server.run();
  // run() also ends without a signal when the socket fails: wake the stopper so it can be joined.
  const char wake = 2;
  [[maybe_unused]] const auto written = write(pipe_ends[1], &wake, 1);
  stopper.join();
  signal(SIGINT, SIG_DFL);
  signal(SIGTERM, SIG_DFL);
  close(pipe_ends[0]);
  close(pipe_ends[1]);
  return served ? 0 : 1;
}

}  // namespace

std::function<int()> add_serve_command(CLI::App& app) {
  auto* command = app.add_subcommand("serve", "Serve the REST API (the old gateway's routes, /metrics)");
  auto options = std::make_shared<serve::ServerOptions>();
  auto body_mb = std::make_shared<double>(64);
  auto deadline_s = std::make_shared<double>(120);
  command->add_option("--host", options->host, "Address to bind (default 127.0.0.1: this machine only)");
  command->add_option("--port", options->port, "Port (default 5005; 0: any free port)")->check(CLI::Range(0, 65535));
  command->add_option("--workers", options->workers, "Analyses at once (default: the hardware threads)")
      ->check(CLI::NonNegativeNumber);
  command->add_option("--queue", options->queue, "Requests waiting for a worker before 503 (default 16)")
      ->check(CLI::NonNegativeNumber);
  command->add_option("--max-body-mb", *body_mb, "Largest request body in MiB (default 64)")
      ->check(CLI::Range(0.001, 4096.0));
  command
      ->add_option("--deadline-s", *deadline_s,
                   "Per-request deadline in seconds, queue wait included "
                   "(default 120; 0: none)")
      ->check(CLI::NonNegativeNumber);
  command->add_option("--api-key", options->api_key,
                      "Require this X-API-Key header (default: $DRAWLENS_API_KEY; health and metrics exempt)");
  command->add_option("--models", options->model_directory, "Directory of .dlmodel files");
  command->add_option("--device", options->device, "auto, cpu or cuda:N (default auto)");
  command->add_option("--keep", options->kept_results, "Results kept for /api/v1/download (default 64)");
  return [=] {
    serve::ServerOptions resolved = *options;
    resolved.max_body_bytes = static_cast<std::size_t>(*body_mb * 1024 * 1024);
    resolved.deadline_ms = *deadline_s * 1000;
    if (resolved.api_key.empty()) {
      if (const char* key = std::getenv("DRAWLENS_API_KEY")) resolved.api_key = key;
    }
    return run_server(resolved);
  };
}

}  // namespace drawlens::cli
