#include "poller.h"

#include "detached_thread.h"

namespace lun {

Poller& Poller::Instance() {
  static Poller* poller = new Poller();  // intentionally leaked: see header
  return *poller;
}

uint64_t Poller::Watch(std::shared_ptr<Operation> op, uint32_t intervalMs, Sink sink) {
  std::lock_guard<std::mutex> lock(mu_);
  if (!started_) {
    started_ = true;
    RunDetached([this] { Run(); });
  }
  const uint64_t id = nextId_++;
  Entry e;
  e.op = std::move(op);
  e.interval = std::chrono::milliseconds(intervalMs == 0 ? 1 : intervalMs);
  e.due = Clock::now();
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
  // No notify: removing an entry never brings the next deadline forward.
}

Poller::Stats Poller::GetStats() {
  std::lock_guard<std::mutex> lock(mu_);
  Stats s;
  s.wakeups = wakeups_;
  s.watched = static_cast<uint32_t>(entries_.size());
  return s;
}

std::vector<std::pair<uint64_t, std::shared_ptr<Operation>>> Poller::TakeDue(Clock::time_point now) {
  std::vector<std::pair<uint64_t, std::shared_ptr<Operation>>> due;
  for (auto& [id, e] : entries_) {
    if (e.due > now) continue;
    due.emplace_back(id, e.op);
    e.due += e.interval;
    if (e.due <= now) e.due = now + e.interval;  // fell behind (or a slow provider): don't burst
  }
  return due;
}

void Poller::Deliver(uint64_t id, OperationStatus s) {
  auto it = entries_.find(id);
  if (it == entries_.end()) return;  // unwatched while its QueryStatus ran: nobody wants the answer
  Entry& e = it->second;
  // A percent outside 0-100 (e.g. 0xFFFFFFFF, "no value"; 253, seen in the field) is passed on as it is:
  // the JS side shows it as unknown, never as 100.
  const bool changed =
      !e.delivered || s.hr != e.last.hr || s.percent != e.last.percent || s.bytesDone != e.last.bytesDone;
  if (changed) {
    e.last = s;
    e.delivered = true;
    e.sink(s);
  }
}

void Poller::Run() {
  std::unique_lock<std::mutex> lock(mu_);
  while (true) {
    if (entries_.empty()) {
      cv_.wait(lock);
    } else {
      Clock::time_point next = Clock::time_point::max();
      for (const auto& [id, e] : entries_) next = std::min(next, e.due);
      if (next > Clock::now()) cv_.wait_until(lock, next);
    }
    // The last Unwatch may have emptied the map while this thread waited for its old deadline or the lock.
    if (entries_.empty()) continue;
    ++wakeups_;
    auto due = TakeDue(Clock::now());
    for (auto& [id, op] : due) {
      // QueryStatus is a provider call (on Windows a DCOM round trip to vds.exe and the vendor's provider,
      // which can take seconds or hang): never under mu_, which Watch / Unwatch / GetStats take on the JS
      // thread.
      lock.unlock();
      OperationStatus s = op->QueryStatus();
      lock.lock();
      Deliver(id, s);
    }
    lock.unlock();
    due.clear();  // may drop the last reference to an operation: its release is a provider call too
    lock.lock();
  }
}

}  // namespace lun
