// ThreadPool: a queue of batches; each worker claims one item of the front batch, then moves that
// batch to the back so that concurrent callers take turns.
#include "core/thread_pool.h"

#include <algorithm>
#include <exception>

namespace drawlens {

struct ThreadPool::Batch {
  const Work* work = nullptr;
  int count = 0;
  int next = 0;      // first unclaimed item; guarded by the pool's mutex
  int finished = 0;  // items that have run; guarded by the pool's mutex
  std::exception_ptr failure;
  std::condition_variable done;
};

ThreadPool::ThreadPool(int threads) {
  const int count = std::max(1, threads);
  workers_.reserve(static_cast<std::size_t>(count));
  for (int w = 0; w < count; ++w) workers_.emplace_back([this, w] { serve(w); });
}

ThreadPool::~ThreadPool() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  for (std::thread& worker : workers_) worker.join();
}

void ThreadPool::run(int count, const Work& work) {
  if (count <= 0) return;
  Batch batch;
  batch.work = &work;
  batch.count = count;
  std::unique_lock<std::mutex> lock(mutex_);
  queue_.push_back(&batch);
  if (count == 1) {
    wake_.notify_one();
  } else {
    wake_.notify_all();
  }
  batch.done.wait(lock, [&] { return batch.finished == batch.count; });
  lock.unlock();
  if (batch.failure) std::rethrow_exception(batch.failure);
}

void ThreadPool::serve(int worker) {
  std::unique_lock<std::mutex> lock(mutex_);
  for (;;) {
    wake_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
    if (queue_.empty()) return;  // stopping, and nothing left to do
    Batch& batch = *queue_.front();
    queue_.pop_front();
    const int index = batch.next++;
    if (batch.next < batch.count) queue_.push_back(&batch);  // its other items wait their turn
    lock.unlock();
    std::exception_ptr failure;
    try {
      (*batch.work)(index, worker);
    } catch (...) {
      failure = std::current_exception();
    }
    lock.lock();
    if (failure && !batch.failure) batch.failure = failure;
    if (++batch.finished == batch.count) batch.done.notify_one();
  }
}

}  // namespace drawlens
