// ONE thread polls every running operation of every provider (IVdsAsync::QueryStatus) and hands each change
// to the operation's sink. Plain C++: the addon's sinks forward to a Napi::ThreadSafeFunction.
// With nothing to watch the thread sleeps on a condition variable without timeout (no wake-ups).
// No lock is held across a provider call: QueryStatus runs with the poller's mutex released, so the JS
// thread (Watch, Unwatch, GetStats) never waits for a slow or hung provider.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

#include "provider.h"

namespace lun {

class Poller {
 public:
  // Called on the poller thread, with the poller's lock held (never across the QueryStatus that produced the
  // status): Unwatch() returning means no sink call is running or will run for that operation. Must not
  // block (the addon's sink queues a non-blocking ThreadSafeFunction call).
  using Sink = std::function<void(const OperationStatus&)>;

  struct Stats {
    uint64_t wakeups = 0;  // polling rounds: wakes that found something to watch
    uint32_t watched = 0;
  };

  // The process-wide poller (created on first use, never destroyed: its thread may outlive module unload).
  static Poller& Instance();

  // The first poll happens at once; then every intervalMs. Only changes reach the sink.
  uint64_t Watch(std::shared_ptr<Operation> op, uint32_t intervalMs, Sink sink);
  // Stops watching; *last = the last status given to the sink, *delivered = whether there was one.
  void Unwatch(uint64_t id, OperationStatus* last, bool* delivered);
  Stats GetStats();

 private:
  using Clock = std::chrono::steady_clock;
  struct Entry {
    std::shared_ptr<Operation> op;
    std::chrono::milliseconds interval;
    Clock::time_point due;
    Sink sink;
    bool delivered = false;
    OperationStatus last;
  };

  Poller() = default;
  void Run();
  // With mu_ held: the entries due at `now` (their next deadline set), to be polled without the lock.
  std::vector<std::pair<uint64_t, std::shared_ptr<Operation>>> TakeDue(Clock::time_point now);
  // With mu_ held: hands a status to the entry's sink if the entry is still watched and the status changed.
  void Deliver(uint64_t id, OperationStatus s);

  std::mutex mu_;
  std::condition_variable cv_;
  std::map<uint64_t, Entry> entries_;
  uint64_t nextId_ = 1;
  uint64_t wakeups_ = 0;
  bool started_ = false;
};

}  // namespace lun
