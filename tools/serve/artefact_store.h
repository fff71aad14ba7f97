// Results kept for GET /api/v1/download/{file_id}: the result JSON and, when a visualization was
// asked for, one overlay PNG per page. Bounded: the oldest are dropped first.
#pragma once

#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace drawlens::serve {

struct Artefacts {
  std::string json;
  std::vector<std::string> overlay_pngs;  // one per page; empty when not rendered
};

class ArtefactStore {
 public:
  explicit ArtefactStore(std::size_t capacity) : capacity_(capacity) {}

  // Keeps them under a new random id (32 hex digits) and returns it.
  std::string keep(Artefacts artefacts);
  std::optional<Artefacts> find(const std::string& id) const;
  std::size_t size() const;

 private:
  const std::size_t capacity_;
  mutable std::mutex mutex_;
  std::map<std::string, Artefacts> by_id_;
  std::deque<std::string> order_;  // oldest first
};

}  // namespace drawlens::serve
