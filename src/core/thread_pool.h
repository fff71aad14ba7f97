// A fixed set of worker threads, created once and shared by every call that hands it work, so the
// number of busy threads stays bounded however many host threads call at once. Batches from
// concurrent callers are served in turn, one item at a time, so a long document does not hold up
// a short one queued after it.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace drawlens {

class ThreadPool {
 public:
  // Work item `index` of a batch, run on pool worker `worker` (0 .. size()-1). State kept per
  // worker slot is touched by one thread at a time.
  using Work = std::function<void(int index, int worker)>;

  explicit ThreadPool(int threads);  // at least one thread
  ~ThreadPool();                     // waits for the workers; no batch may still be running
  ThreadPool(const ThreadPool&) = delete;
  ThreadPool& operator=(const ThreadPool&) = delete;

  int size() const { return static_cast<int>(workers_.size()); }

  // Runs work(i, worker) for every i in [0, count) on the pool and returns when all have run. The
  // calling thread only waits. An exception thrown by an item is rethrown here, on the caller's
  // thread, after the batch ends (the items of a batch should catch their own; this is the net).
  void run(int count, const Work& work);

 private:
  struct Batch;
  void serve(int worker);

  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Batch*> queue_;  // batches with unclaimed items, served round-robin
  bool stopping_ = false;
  std::vector<std::thread> workers_;
};

}  // namespace drawlens
