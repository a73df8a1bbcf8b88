// The poller (native/src/poller.h) with fake operations and sinks: rounds query every watched operation
// once and flush each sink once per round, the round interval adapts to the number watched within the
// QueryStatus budget, and a stalled QueryStatus never blocks Watch, Unwatch or GetStats. Built and run by
// test/native/cpp-model.test.ts.
#include "../../../native/src/poller.h"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "check.h"

using namespace lun;
using Clock = std::chrono::steady_clock;

namespace {

// Its percent moves on every read, so every read is a change.
class CountingOperation : public Operation {
 public:
  OperationStatus QueryStatus() override {
    OperationStatus s;
    s.hr = Hr(0x80042409);
    s.percent = static_cast<uint32_t>(++reads % 100);
    return s;
  }
  Outcome Wait(LunInfo*) override { return Outcome::Ok(); }
  HResult Cancel() override { return kSOk; }
  std::atomic<uint32_t> reads{0};
};

// QueryStatus blocks until released (a provider stalled in vds.exe).
class StalledOperation : public CountingOperation {
 public:
  OperationStatus QueryStatus() override {
    entered = true;
    while (!released) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    return CountingOperation::QueryStatus();
  }
  std::atomic<bool> entered{false};
  std::atomic<bool> released{false};
};

class CountingSink : public PollSink {
 public:
  void Add(uint64_t, const OperationStatus&) override { ++adds; }
  void Flush() override { ++flushes; }
  std::atomic<uint64_t> adds{0};
  std::atomic<uint64_t> flushes{0};
};

void Sleep(int ms) { std::this_thread::sleep_for(std::chrono::milliseconds(ms)); }

long ElapsedMs(Clock::time_point since) {
  return static_cast<long>(
      std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - since).count());
}

void TestIntervalRule() {
  CHECK(kQueryBudgetPerSecond == 1000);
  CHECK(RoundIntervalMs(100, 1) == 100);    // few running: the floor
  CHECK(RoundIntervalMs(100, 100) == 100);  // 1,000/s exactly
  CHECK(RoundIntervalMs(100, 256) == 256);  // 256 running: 1 ms each
  CHECK(RoundIntervalMs(100, 5000) == 5000);
  CHECK(RoundIntervalMs(250, 256) == 256);
  CHECK(RoundIntervalMs(0, 0) == 1);  // never a zero interval
  for (size_t n : {1u, 7u, 99u, 101u, 256u, 999u, 1001u, 4096u}) {
    const uint32_t ms = RoundIntervalMs(5, n);
    CHECK(static_cast<double>(n) * 1000.0 / ms <= kQueryBudgetPerSecond);  // within the budget
  }
}

// 300 operations on one sink, floor 5 ms: the interval in use is 300 ms, every round queries each operation
// once and the sink is flushed once per round (not once per operation).
void TestRoundsBatchAndAdapt() {
  Poller poller;
  auto sink = std::make_shared<CountingSink>();
  std::vector<std::shared_ptr<CountingOperation>> ops;
  std::vector<uint64_t> ids;
  for (int i = 0; i < 300; ++i) {
    ops.push_back(std::make_shared<CountingOperation>());
    ids.push_back(poller.Watch(ops.back(), 5, sink));
  }
  Sleep(50);  // the first polls (new operations are polled at once)
  Poller::Stats before = poller.GetStats();
  CHECK(before.watched == 300);
  CHECK(before.intervalMs == 300);
  const uint64_t flushesBefore = sink->flushes;
  const uint64_t addsBefore = sink->adds;
  Sleep(1000);
  Poller::Stats after = poller.GetStats();
  const uint64_t rounds = after.rounds - before.rounds;
  CHECK(rounds >= 2 && rounds <= 5);  // ~3.3 a second, not 200 (the floor) nor 300 (one per operation)
  CHECK(after.queries - before.queries <= 300 * (rounds + 1));
  CHECK(static_cast<double>(after.queries - before.queries) <= 1.1 * kQueryBudgetPerSecond);
  CHECK(sink->adds - addsBefore >= 300 * (rounds - 1));  // every operation changed every round
  CHECK(sink->flushes - flushesBefore <= rounds + 1);    // one flush per round for all 300
  // Fewer running: back to the floor.
  OperationStatus last;
  bool delivered = false;
  for (size_t i = 1; i < ids.size(); ++i) poller.Unwatch(ids[i], &last, &delivered);
  CHECK(delivered);
  CHECK(poller.GetStats().intervalMs == 5);
  Sleep(400);  // the 300 ms wait for the round owed is over
  const uint32_t reads = ops[0]->reads;
  Sleep(100);
  CHECK(ops[0]->reads - reads >= 5);  // polled every 5 ms again (20 in 100 ms; a loaded machine gets fewer)
  poller.Unwatch(ids[0], &last, &delivered);
  CHECK(poller.GetStats().watched == 0);
}

// Two sinks (two environments): each is flushed once per round with its own operations' changes only.
void TestSinksApart() {
  Poller poller;
  auto a = std::make_shared<CountingSink>();
  auto b = std::make_shared<CountingSink>();
  std::vector<uint64_t> ids;
  for (int i = 0; i < 20; ++i)
    ids.push_back(poller.Watch(std::make_shared<CountingOperation>(), 20, i < 15 ? a : b));
  Sleep(500);
  const Poller::Stats s = poller.GetStats();
  CHECK(a->adds >= 15 * 10 && b->adds >= 5 * 10);
  CHECK(a->flushes <= s.wakeups && b->flushes <= s.wakeups);
  CHECK(s.flushes == a->flushes + b->flushes);
  OperationStatus last;
  bool delivered;
  for (uint64_t id : ids) poller.Unwatch(id, &last, &delivered);
}

// A QueryStatus stalled in the provider holds up its round, never Watch, Unwatch or GetStats.
void TestStallBlocksNoCaller() {
  Poller poller;
  auto sink = std::make_shared<CountingSink>();
  auto stalled = std::make_shared<StalledOperation>();
  const uint64_t stalledId = poller.Watch(stalled, 5, sink);
  for (int i = 0; i < 200 && !stalled->entered; ++i) Sleep(5);
  CHECK(stalled->entered);
  const auto start = Clock::now();
  auto other = std::make_shared<CountingOperation>();
  const uint64_t otherId = poller.Watch(other, 5, sink);
  const Poller::Stats s = poller.GetStats();
  OperationStatus last;
  bool delivered = true;
  poller.Unwatch(otherId, &last, &delivered);
  CHECK(ElapsedMs(start) < 50);
  CHECK(s.watched == 2);
  CHECK(!delivered);  // the stalled round never reached it
  stalled->released = true;
  Sleep(50);
  poller.Unwatch(stalledId, &last, &delivered);
  CHECK(delivered);
}

}  // namespace

int main() {
  TestIntervalRule();
  TestRoundsBatchAndAdapt();
  TestSinksApart();
  TestStallBlocksNoCaller();
  std::printf("ok %d checks\n", CheckCount());
  return 0;
}
