// Bounded store of results for download (artefact_store.h).
#include "artefact_store.h"

#include "random_id.h"

namespace drawlens::serve {

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
