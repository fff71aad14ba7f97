// Bounded admission of analyses (admission.h).
#include "admission.h"

namespace drawlens::serve {

Admission::Ticket::~Ticket() {
  if (owner_ != nullptr) owner_->leave();
}

Admission::Admission(int workers, int queue) : workers_(workers < 1 ? 1 : workers), queue_(queue < 0 ? 0 : queue) {}

std::variant<Admission::Ticket, Admission::Refusal> Admission::enter(std::chrono::steady_clock::time_point deadline) {
  std::unique_lock lock(mutex_);
  if (busy_ < workers_ && waiting_ == 0) {
    ++busy_;
    return Ticket(this);
  }
  if (waiting_ >= queue_) return Refusal::queue_full;
  ++waiting_;
  const bool admitted = freed_.wait_until(lock, deadline, [this] { return busy_ < workers_; });
  --waiting_;
  if (!admitted) return Refusal::timed_out;
  ++busy_;
  return Ticket(this);
}

void Admission::leave() {
  {
    const std::lock_guard lock(mutex_);
    --busy_;
  }
  freed_.notify_one();
}

int Admission::busy() const {
  const std::lock_guard lock(mutex_);
  return busy_;
}

int Admission::waiting() const {
  const std::lock_guard lock(mutex_);
  return waiting_;
}

}  // namespace drawlens::serve
