// ONE thread polls every running operation of every provider (IVdsAsync::QueryStatus) and hands each change
// to the operation's sink. Plain C++: the addon's sinks forward to a Napi::ThreadSafeFunction.
// With nothing to watch the thread sleeps on a condition variable without timeout (no wake-ups).
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

#include "provider.h"

namespace lun {

class Poller {
 public:
  // Called on the poller thread, with the poller's lock held: Unwatch() returning means no sink call is
  // running or will run for that operation.
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
  void PollDue(Clock::time_point now);

  std::mutex mu_;
  std::condition_variable cv_;
  std::map<uint64_t, Entry> entries_;
  uint64_t nextId_ = 1;
  uint64_t wakeups_ = 0;
  bool started_ = false;
};

}  // namespace lun
