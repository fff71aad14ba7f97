// Bounded admission of analyses: at most `workers` run at once and at most `queue` wait; the rest
// are turned away at once (the server answers 503 with Retry-After) instead of piling up.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <variant>

namespace drawlens::serve {

class Admission {
 public:
  // Releases its worker slot when destroyed.
  class Ticket {
   public:
    explicit Ticket(Admission* owner) : owner_(owner) {}
    Ticket(Ticket&& other) noexcept : owner_(other.owner_) { other.owner_ = nullptr; }
    Ticket& operator=(Ticket&&) = delete;
    ~Ticket();

   private:
    Admission* owner_;
  };

  enum class Refusal { queue_full, timed_out };

  Admission(int workers, int queue);

  // A worker slot, waiting until `deadline` for one; the reason when none is given.
  std::variant<Ticket, Refusal> enter(std::chrono::steady_clock::time_point deadline);
  int busy() const;
  int waiting() const;
  int workers() const { return workers_; }

 private:
  void leave();

  const int workers_;
  const int queue_;
  mutable std::mutex mutex_;
  std::condition_variable freed_;
  int busy_ = 0;
  int waiting_ = 0;
};

}  // namespace drawlens::serve
