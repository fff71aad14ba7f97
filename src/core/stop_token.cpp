// StopToken: deadline and callback polling.
#include "core/stop_token.h"

namespace drawlens {

StopToken StopToken::after(double timeout_ms, Callback callback, void* user_data) {
  std::optional<Clock::time_point> deadline;
  if (timeout_ms > 0) {
    deadline = Clock::now() +
               std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double, std::milli>(timeout_ms));
  }
  return StopToken(deadline, callback, user_data);
}

bool StopToken::stop_requested() const {
  if (deadline_ && Clock::now() >= *deadline_) return true;
  return callback_ != nullptr && callback_(user_data_) != 0;
}

std::optional<Error> StopToken::check(const std::string& where) const {
  if (deadline_ && Clock::now() >= *deadline_) {
    return make_error(Status::cancelled, "cancelled before " + where + ": the deadline (timeout_ms) passed");
  }
  if (callback_ != nullptr && callback_(user_data_) != 0) {
    return make_error(Status::cancelled, "cancelled before " + where + ": the cancel callback asked to stop");
  }
  return std::nullopt;
}

}  // namespace drawlens
