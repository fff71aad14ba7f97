// When to give up an analysis: a deadline and a host callback, polled by the stages between units
// of work (pages, stages, PDF pages as they render). Copyable and cheap; shared by worker threads.
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "core/status.h"

namespace drawlens {

class StopToken {
 public:
  using Clock = std::chrono::steady_clock;
  // Returns nonzero to stop. May be called from any worker thread, also concurrently.
  using Callback = int (*)(void* user_data);

  StopToken() = default;  // never stops
  StopToken(std::optional<Clock::time_point> deadline, Callback callback, void* user_data)
      : deadline_(deadline), callback_(callback), user_data_(user_data) {}

  // A token that stops `timeout_ms` after now (none when timeout_ms <= 0) or when callback says so.
  static StopToken after(double timeout_ms, Callback callback = nullptr, void* user_data = nullptr);

  bool stop_requested() const;

  // CANCELLED naming `where` (e.g. "layout of page 3") and why, or nothing when work may go on.
  std::optional<Error> check(const std::string& where) const;

 private:
  std::optional<Clock::time_point> deadline_;
  Callback callback_ = nullptr;
  void* user_data_ = nullptr;
};

}  // namespace drawlens
