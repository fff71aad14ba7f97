// The server's pipelines: one per (process, material) pair a request names, created on first use
// and shared by every request after it (a pipeline is safe to call from many threads at once).
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>

#include "drawlens/drawlens.hpp"
#include "serve.h"

namespace drawlens::serve {

class PipelineCache {
 public:
  // Creates the default pipeline (milling, steel) at once, so that a bad device or model
  // directory fails the server's start rather than its first request.
  explicit PipelineCache(const ServerOptions& options);

  // Throws drawlens::Error (INVALID_ARGUMENT naming an unknown process or material).
  std::shared_ptr<const Pipeline> get(const std::string& process, const std::string& material);
  std::string device() const;

 private:
  std::shared_ptr<const Pipeline> create(const std::string& process, const std::string& material) const;

  const ServerOptions options_;
  std::mutex mutex_;
  std::map<std::pair<std::string, std::string>, std::shared_ptr<const Pipeline>> pipelines_;
  std::shared_ptr<const Pipeline> default_;
};

}  // namespace drawlens::serve
