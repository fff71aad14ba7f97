// ThreadPool: every item runs once on a pool worker, concurrent batches share the fixed workers,
// and an item's exception reaches the caller instead of ending the process.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

#include "core/thread_pool.h"

namespace drawlens {
namespace {

TEST(ThreadPool, RunsEveryItemOnceOnAPoolWorker) {
  ThreadPool pool(3);
  EXPECT_EQ(pool.size(), 3);
  std::vector<std::atomic<int>> runs(100);
  std::atomic<bool> caller_ran{false};
  const auto caller = std::this_thread::get_id();
  pool.run(100, [&](int i, int worker) {
    EXPECT_GE(worker, 0);
    EXPECT_LT(worker, 3);
    if (std::this_thread::get_id() == caller) caller_ran = true;
    ++runs[static_cast<std::size_t>(i)];
  });
  for (const auto& r : runs) EXPECT_EQ(r.load(), 1);
  EXPECT_FALSE(caller_ran.load());
  pool.run(0, [](int, int) { FAIL(); });
}

TEST(ThreadPool, ManyCallersNeverExceedTheWorkers) {
  ThreadPool pool(2);
  std::atomic<int> busy{0}, most{0};
  std::mutex mutex;
  std::set<std::thread::id> workers;
  std::vector<std::thread> callers;
  for (int c = 0; c < 12; ++c) {
    callers.emplace_back([&] {
      pool.run(5, [&](int, int) {
        const int now = ++busy;
        int seen = most.load();
        while (now > seen && !most.compare_exchange_weak(seen, now)) {
        }
        {
          std::lock_guard<std::mutex> lock(mutex);
          workers.insert(std::this_thread::get_id());
        }
        std::this_thread::sleep_for(std::chrono::microseconds(200));
        --busy;
      });
    });
  }
  for (auto& c : callers) c.join();
  EXPECT_LE(most.load(), 2);
  EXPECT_LE(workers.size(), 2u);
}

TEST(ThreadPool, AThrowingItemReachesTheCallerAndTheBatchFinishes) {
  ThreadPool pool(2);
  std::atomic<int> ran{0};
  EXPECT_THROW(pool.run(10,
                        [&](int i, int) {
                          ++ran;
                          if (i == 3) throw std::runtime_error("item 3");
                        }),
               std::runtime_error);
  EXPECT_EQ(ran.load(), 10);
  // The pool still works.
  std::atomic<int> again{0};
  pool.run(4, [&](int, int) { ++again; });
  EXPECT_EQ(again.load(), 4);
}

TEST(ThreadPool, ZeroOrNegativeThreadsStillMakeOneWorker) {
  ThreadPool pool(0);
  EXPECT_EQ(pool.size(), 1);
  int sum = 0;
  pool.run(5, [&](int i, int) { sum += i; });
  EXPECT_EQ(sum, 10);
}

}  // namespace
}  // namespace drawlens
