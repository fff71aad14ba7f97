// The jobs board of progress streams (job_board.h).
#include "job_board.h"

#include <algorithm>
#include <cctype>

#include "random_id.h"

namespace drawlens::serve {
namespace {

bool valid_job_id(const std::string& id) {
  return !id.empty() && id.size() <= 64 && std::all_of(id.begin(), id.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '-';
  });
}

}  // namespace

std::variant<std::string, HttpError> JobBoard::open(const std::string& requested) {
  if (!requested.empty() && !valid_job_id(requested)) {
    return bad_request("BAD_FIELD", "job_id must be 1 to 64 letters, digits, '_', '.' or '-'");
  }
  const std::string id = requested.empty() ? random_id() : requested;
  {
    const std::lock_guard lock(mutex_);
    if (const auto found = jobs_.find(id); found != jobs_.end()) {
      if (!found->second.finished) {
        return HttpError{409, "JOB_ID_IN_USE", "caller", "job '" + id + "' is still running"};
      }
      jobs_.erase(found);
      order_.erase(std::find(order_.begin(), order_.end(), id));
    }
    while (capacity_ > 0 && jobs_.size() >= capacity_) {
      // The oldest finished job goes first; when every kept job still runs, the oldest.
      auto victim =
          std::find_if(order_.begin(), order_.end(), [&](const std::string& j) { return jobs_.at(j).finished; });
      if (victim == order_.end()) victim = order_.begin();
      jobs_.erase(*victim);
      order_.erase(victim);
    }
    jobs_.emplace(id, JobState{});
    order_.push_back(id);
  }
  changed_.notify_all();
  return id;
}

void JobBoard::progress(const std::string& id, const Progress& step) {
  {
    const std::lock_guard lock(mutex_);
    const auto found = jobs_.find(id);
    if (found == jobs_.end() || found->second.finished || step.steps_done <= found->second.steps_done) return;
    JobState& job = found->second;
    job.stage = step.stage;
    job.page = step.page;
    job.page_count = step.page_count;
    job.steps_done = step.steps_done;
    job.steps_total = step.steps_total;
    ++job.version;
  }
  changed_.notify_all();
}

void JobBoard::finish(const std::string& id, int http_status, const std::string& file_id, const HttpError& error) {
  {
    const std::lock_guard lock(mutex_);
    const auto found = jobs_.find(id);
    if (found == jobs_.end()) return;
    JobState& job = found->second;
    job.finished = true;
    job.http_status = http_status;
    job.file_id = file_id;
    job.error = error;
    ++job.version;
  }
  changed_.notify_all();
}

std::optional<JobState> JobBoard::wait_for_change(const std::string& id, std::uint64_t seen,
                                                  std::chrono::milliseconds wait) {
  std::unique_lock lock(mutex_);
  changed_.wait_for(lock, wait, [&] {
    const auto found = jobs_.find(id);
    return found != jobs_.end() && found->second.version > seen;
  });
  const auto found = jobs_.find(id);
  if (found == jobs_.end()) return std::nullopt;
  return found->second;
}

}  // namespace drawlens::serve
