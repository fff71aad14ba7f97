// The jobs of POST /api/v1/process as GET /api/v1/progress/{job_id} streams them: each job's newest
// progress and, once done, its outcome. Bounded: the oldest finished jobs are dropped first.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <variant>

#include "drawlens/drawlens.hpp"
#include "http_error.h"

namespace drawlens::serve {

struct JobState {
  std::string stage = "queued";  // the stage last finished, "queued" before the first
  int page = 0;                  // 0-based page of that stage
  int page_count = 0;
  int steps_done = 0;
  int steps_total = 0;
  bool finished = false;
  int http_status = 0;        // the answer of POST /api/v1/process, once finished
  std::string file_id;        // its kept result, on success
  HttpError error;            // its error, when http_status is not 200
  std::uint64_t version = 1;  // grows with every change
};

class JobBoard {
 public:
  explicit JobBoard(std::size_t capacity) : capacity_(capacity) {}

  // The id of a new job: the client's own (1 to 64 of A-Z a-z 0-9 _ . -) or a random one when it
  // gives none; 400 for a malformed id, 409 for the id of a job still running.
  std::variant<std::string, HttpError> open(const std::string& requested);
  void progress(const std::string& id, const Progress& step);  // keeps the newest step
  void finish(const std::string& id, int http_status, const std::string& file_id, const HttpError& error);
  // The job's state once its version passes `seen`, else its state after `wait`; nullopt when the
  // board does not know the id (yet, or any more) when the wait ends.
  std::optional<JobState> wait_for_change(const std::string& id, std::uint64_t seen, std::chrono::milliseconds wait);

 private:
  const std::size_t capacity_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::map<std::string, JobState> jobs_;
  std::deque<std::string> order_;  // oldest first
};

}  // namespace drawlens::serve
