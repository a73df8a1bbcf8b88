// ONE thread polls every running operation of every provider (IVdsAsync::QueryStatus) in rounds: a round
// queries every watched operation once, adds each change to its operation's sink, then flushes each sink
// that got something once (the addon's sink is the environment's progress hub: one ThreadSafeFunction call
// per round carrying every change, native/src/progress_hub.h). An operation just watched is queried at once
// (a "join" poll of the new ones only) and joins the rounds from then on.
// The round interval adapts to the number watched (RoundIntervalMs): the floor (the provider's
// pollIntervalMs, the smallest among those watched) while few run, longer as thousands run, so QueryStatus
// calls stay within kQueryBudgetPerSecond (on VDS each one is a DCOM round trip to vds.exe).
// With nothing to watch the thread sleeps on a condition variable without timeout (no wake-ups).
// No lock is held across a provider call: QueryStatus runs with the poller's mutex released, so the JS
// thread (Watch, Unwatch, GetStats) never waits for a slow or hung provider. A stalled QueryStatus holds up
// the rest of its round (one thread), never the JS thread or the start of another operation.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

#include "provider.h"

namespace lun {

// Receives the changes of the operations watched for it. Plain C++ (the poller knows no N-API).
class PollSink {
 public:
  virtual ~PollSink() = default;
  // Poller thread, poller lock held (never across the QueryStatus that produced the status): Unwatch()
  // returning means no Add for that operation is running or will run. Must not block.
  virtual void Add(uint64_t watchId, const OperationStatus& status) = 0;
  // Poller thread, poller lock held, once per round (or join poll) after its Adds to this sink.
  virtual void Flush() = 0;
};

// The most QueryStatus calls per second the rounds make together (join polls of new operations aside).
constexpr uint32_t kQueryBudgetPerSecond = 1000;

// The interval between rounds with `watched` operations and the given floor (ms): the floor while the
// budget allows, otherwise watched / budget (1 ms per operation at 1,000/s: 256 running → 256 ms).
uint32_t RoundIntervalMs(uint32_t floorMs, size_t watched);

class Poller {
 public:
  struct Stats {
    uint64_t wakeups = 0;  // rounds and join polls: wakes that found something to poll
    uint64_t rounds = 0;   // full rounds (every watched operation queried)
    uint64_t queries = 0;  // QueryStatus calls
    uint64_t changes = 0;  // statuses handed to a sink (changed ones only)
    uint64_t flushes = 0;  // PollSink::Flush calls (at most one per sink per round)
    uint32_t watched = 0;
    uint32_t intervalMs = 0;  // the round interval in use (0 while nothing is watched)
  };

  // The process-wide poller (created on first use, never destroyed: its thread may outlive module unload).
  static Poller& Instance();
  Poller() = default;  // tests make their own
  // Stops the thread and waits for it (tests only; its QueryStatus calls must return).
  ~Poller();

  // The first poll happens at once; then once per round. Only changes reach the sink.
  uint64_t Watch(std::shared_ptr<Operation> op, uint32_t floorMs, std::shared_ptr<PollSink> sink);
  // Stops watching; *last = the last status given to the sink, *delivered = whether there was one.
  void Unwatch(uint64_t id, OperationStatus* last, bool* delivered);
  Stats GetStats();

 private:
  using Clock = std::chrono::steady_clock;
  struct Entry {
    std::shared_ptr<Operation> op;
    uint32_t floorMs;
    std::shared_ptr<PollSink> sink;
    bool fresh = true;  // not polled yet
    bool delivered = false;
    OperationStatus last;
  };
  struct Target {
    uint64_t id;
    std::shared_ptr<Operation> op;
    std::shared_ptr<PollSink> sink;
  };

  void Run();
  // With mu_ held: the entries to poll now (all of them for a round, else the fresh ones).
  std::vector<Target> TakeTargets(bool round);
  // With mu_ held: hands a status to the entry's sink if the entry is still watched and the status changed.
  bool Deliver(uint64_t id, const OperationStatus& s);
  uint32_t CurrentIntervalMs() const;

  std::mutex mu_;
  std::condition_variable cv_;
  std::map<uint64_t, Entry> entries_;
  uint64_t nextId_ = 1;
  Clock::time_point nextRound_ = Clock::time_point::min();
  Stats stats_;
  bool started_ = false;
  bool stopping_ = false;
  bool stopped_ = false;
};

}  // namespace lun
