// The server's pipelines: one per (process, material, segment) a request names, created on first
// use and shared by every request after it (a pipeline is safe to call from many threads at once).
// `segment` adds the segment stage (EdgNet) for /api/v1/segment; the others leave it out.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <tuple>

#include "drawlens/drawlens.hpp"
#include "serve.h"

namespace drawlens::serve {

class PipelineCache {
 public:
  // Creates the default pipeline (milling, steel) at once, so that a bad device or model
  // directory fails the server's start rather than its first request.
  explicit PipelineCache(const ServerOptions& options);

  // Throws drawlens::Error (INVALID_ARGUMENT naming an unknown process or material; MODEL when the
  // segment stage is asked for and edgnet.dlmodel is missing).
  std::shared_ptr<const Pipeline> get(const std::string& process, const std::string& material, bool segment = false);
  std::string device() const;

 private:
  std::shared_ptr<const Pipeline> create(const std::string& process, const std::string& material, bool segment) const;

  const ServerOptions options_;
  std::mutex mutex_;
  std::map<std::tuple<std::string, std::string, bool>, std::shared_ptr<const Pipeline>> pipelines_;
  std::shared_ptr<const Pipeline> default_;
};

}  // namespace drawlens::serve
