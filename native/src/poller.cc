#include "poller.h"

#include <algorithm>

#include "detached_thread.h"

namespace lun {

uint32_t RoundIntervalMs(uint32_t floorMs, size_t watched) {
  const uint64_t budgetMs = (static_cast<uint64_t>(watched) * 1000 + kQueryBudgetPerSecond - 1) /
                            kQueryBudgetPerSecond;  // rounded up: never over the budget
  return static_cast<uint32_t>(std::max<uint64_t>(std::max<uint32_t>(floorMs, 1), budgetMs));
}

Poller& Poller::Instance() {
  static Poller* poller = new Poller();  // intentionally leaked: see header
  return *poller;
}

Poller::~Poller() {
  std::unique_lock<std::mutex> lock(mu_);
  if (!started_) return;
  stopping_ = true;
  cv_.notify_all();
  cv_.wait(lock, [this] { return stopped_; });
}

uint64_t Poller::Watch(std::shared_ptr<Operation> op, uint32_t floorMs, std::shared_ptr<PollSink> sink) {
  std::lock_guard<std::mutex> lock(mu_);
  if (!started_) {
    started_ = true;
    RunDetached([this] { Run(); });
  }
  const uint64_t id = nextId_++;
  Entry e;
  e.op = std::move(op);
  e.floorMs = floorMs == 0 ? 1 : floorMs;
  e.sink = std::move(sink);
  entries_.emplace(id, std::move(e));
  cv_.notify_all();
  return id;
}

void Poller::Unwatch(uint64_t id, OperationStatus* last, bool* delivered) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = entries_.find(id);
  if (it == entries_.end()) {
    *delivered = false;
    return;
  }
  *last = it->second.last;
  *delivered = it->second.delivered;
  entries_.erase(it);
  // No notify: removing an entry never brings the next round forward.
}

uint32_t Poller::CurrentIntervalMs() const {
  if (entries_.empty()) return 0;
  uint32_t floor = UINT32_MAX;
  for (const auto& [id, e] : entries_) floor = std::min(floor, e.floorMs);
  return RoundIntervalMs(floor, entries_.size());
}

Poller::Stats Poller::GetStats() {
  std::lock_guard<std::mutex> lock(mu_);
  Stats s = stats_;
  s.watched = static_cast<uint32_t>(entries_.size());
  s.intervalMs = CurrentIntervalMs();
  return s;
}

std::vector<Poller::Target> Poller::TakeTargets(bool round) {
  std::vector<Target> targets;
  targets.reserve(round ? entries_.size() : 4);
  for (auto& [id, e] : entries_) {
    if (!round && !e.fresh) continue;
    e.fresh = false;
    targets.push_back(Target{id, e.op, e.sink});
  }
  return targets;
}

bool Poller::Deliver(uint64_t id, const OperationStatus& s) {
  auto it = entries_.find(id);
  if (it == entries_.end()) return false;  // unwatched while its QueryStatus ran: nobody wants the answer
  Entry& e = it->second;
  // A percent outside 0-100 (e.g. 0xFFFFFFFF, "no value"; 253, seen in the field) is passed on as it is:
  // the JS side shows it as unknown, never as 100.
  const bool changed =
      !e.delivered || s.hr != e.last.hr || s.percent != e.last.percent || s.bytesDone != e.last.bytesDone;
  if (!changed) return false;
  e.last = s;
  e.delivered = true;
  e.sink->Add(id, s);
  ++stats_.changes;
  return true;
}

void Poller::Run() {
  std::unique_lock<std::mutex> lock(mu_);
  while (!stopping_) {
    if (entries_.empty()) {
      cv_.wait(lock);
      continue;  // spurious wakes and an emptied map are checked again
    }
    const Clock::time_point now = Clock::now();
    const bool round = now >= nextRound_;
    const bool fresh =
        std::any_of(entries_.begin(), entries_.end(), [](const auto& kv) { return kv.second.fresh; });
    if (!round && !fresh) {
      cv_.wait_until(lock, nextRound_);
      continue;
    }
    ++stats_.wakeups;
    if (round) {
      ++stats_.rounds;
      nextRound_ = now + std::chrono::milliseconds(CurrentIntervalMs());
    }
    std::vector<Target> targets = TakeTargets(round);
    std::vector<PollSink*> touched;
    for (const Target& t : targets) {
      // QueryStatus is a provider call (on Windows a DCOM round trip to vds.exe and the vendor's provider,
      // which can take seconds or hang): never under mu_, which Watch / Unwatch / GetStats take on the JS
      // thread.
      lock.unlock();
      OperationStatus s = t.op->QueryStatus();
      lock.lock();
      ++stats_.queries;
      if (Deliver(t.id, s) && std::find(touched.begin(), touched.end(), t.sink.get()) == touched.end()) {
        touched.push_back(t.sink.get());
      }
    }
    // Every change of the round leaves in one flush per sink (targets still holds each sink alive).
    for (PollSink* sink : touched) {
      sink->Flush();
      ++stats_.flushes;
    }
    if (round && nextRound_ <= Clock::now()) {
      // The round took longer than the interval (a slow provider): the next one waits a full interval.
      nextRound_ = Clock::now() + std::chrono::milliseconds(CurrentIntervalMs());
    }
    lock.unlock();
    targets.clear();  // may drop the last reference to an operation: its release is a provider call too
    lock.lock();
  }
  stopped_ = true;
  cv_.notify_all();
}

}  // namespace lun
