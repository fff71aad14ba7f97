// Bounded store of results for download (artefact_store.h).
#include "artefact_store.h"

#include <cstdio>
#include <random>

namespace drawlens::serve {
namespace {

// Unguessable, so one client cannot walk another's results.
std::string random_id() {
  thread_local std::mt19937_64 generator{std::random_device{}()};
  char text[33];
  std::snprintf(text, sizeof text, "%016llx%016llx", static_cast<unsigned long long>(generator()),
                static_cast<unsigned long long>(generator()));
  return text;
}

}  // namespace

std::string ArtefactStore::keep(Artefacts artefacts) {
  std::string id = random_id();
  const std::lock_guard lock(mutex_);
  if (capacity_ == 0) return id;
  while (by_id_.size() >= capacity_) {
    by_id_.erase(order_.front());
    order_.pop_front();
  }
  by_id_.emplace(id, std::move(artefacts));
  order_.push_back(id);
  return id;
}

std::optional<Artefacts> ArtefactStore::find(const std::string& id) const {
  const std::lock_guard lock(mutex_);
  const auto found = by_id_.find(id);
  if (found == by_id_.end()) return std::nullopt;
  return found->second;
}

std::size_t ArtefactStore::size() const {
  const std::lock_guard lock(mutex_);
  return by_id_.size();
}

}  // namespace drawlens::serve
