#include "progress_hub.h"

#include <map>

#include "js_convert.h"
#include "js_errors.h"

namespace lun {

namespace {

std::atomic<uint64_t> gCalls{0};
std::atomic<uint64_t> gReports{0};
std::atomic<uint64_t> gSettles{0};

// Environments and their hubs (several with worker threads). Only JS threads touch it.
std::mutex gHubsMu;
std::map<napi_env, std::shared_ptr<ProgressHub>>& Hubs() {
  static auto* hubs = new std::map<napi_env, std::shared_ptr<ProgressHub>>();  // never destroyed: see poller
  return *hubs;
}

}  // namespace

ProgressHub::Stats ProgressHub::GetStats() {
  Stats s;
  s.calls = gCalls.load();
  s.reports = gReports.load();
  s.settles = gSettles.load();
  return s;
}

std::shared_ptr<ProgressHub> ProgressHub::ForEnv(Napi::Env env) {
  std::lock_guard<std::mutex> lock(gHubsMu);
  auto& hubs = Hubs();
  auto it = hubs.find(env);
  if (it != hubs.end()) return it->second;
  std::shared_ptr<ProgressHub> hub(new ProgressHub());
  hub->self_ = hub;
  hub->Open(env, hub);
  hubs.emplace(env, hub);
  env.AddCleanupHook(&ProgressHub::OnTeardown, static_cast<void*>(static_cast<napi_env>(env)));
  return hub;
}

void ProgressHub::OnTeardown(void* envKey) {
  std::shared_ptr<ProgressHub> hub;
  {
    std::lock_guard<std::mutex> lock(gHubsMu);
    auto it = Hubs().find(static_cast<napi_env>(envKey));
    if (it == Hubs().end()) return;
    hub = std::move(it->second);
    Hubs().erase(it);
  }
  hub->Detach();
}

void ProgressHub::Open(Napi::Env env, std::shared_ptr<ProgressHub> self) {
  Napi::Function noop = Napi::Function::New(
      env, [](const Napi::CallbackInfo&) {}, "lunStudioProgressHub");
  // When the environment goes away (worker exit, process teardown) Node finalizes the function even while
  // the poller and waiter threads hold the hub: every call checks gone_ first.
  tsfn_ = Napi::ThreadSafeFunction::New(env, noop, "lun-studio-progress", 0, 1, [self](Napi::Env) {
    std::lock_guard<std::mutex> lock(self->mu_);
    self->gone_ = true;
  });
  tsfn_.Unref(env);
}

void ProgressHub::Detach() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    gone_ = true;
    reports_.clear();
    settles_.clear();
  }
  // The environment frees its references itself; deleting them here could touch it mid-teardown.
  for (auto& [id, target] : targets_) {
    if (!target.onProgress.IsEmpty()) target.onProgress.SuppressDestruct();
  }
  targets_.clear();
  if (!listener_.IsEmpty()) listener_.SuppressDestruct();
}

void ProgressHub::SetListener(Napi::Function listener) { listener_ = Napi::Persistent(listener); }

void ProgressHub::Register(Napi::Env env, uint64_t watchId, double route, Napi::Function onProgress,
                           Napi::Promise::Deferred done) {
  Target t{route, onProgress.IsEmpty() ? Napi::FunctionReference() : Napi::Persistent(onProgress), done};
  targets_.emplace(watchId, std::move(t));
  if (running_++ == 0) tsfn_.Ref(env);
}

void ProgressHub::Add(uint64_t watchId, const OperationStatus& status) {
  std::lock_guard<std::mutex> lock(mu_);
  if (gone_) return;
  reports_.push_back(Report{watchId, status});
}

void ProgressHub::Flush() {
  std::lock_guard<std::mutex> lock(mu_);
  FlushLocked();
}

void ProgressHub::Settle(uint64_t watchId, const OperationStatus* final, Outcome outcome, LunInfo lun) {
  std::lock_guard<std::mutex> lock(mu_);
  if (gone_) return;
  if (final) reports_.push_back(Report{watchId, *final});
  settles_.push_back(Settlement{watchId, std::move(outcome), std::move(lun)});
  FlushLocked();
}

void ProgressHub::FlushLocked() {
  if (gone_ || scheduled_ || (reports_.empty() && settles_.empty())) return;
  std::shared_ptr<ProgressHub> self = self_.lock();
  if (!self) return;
  // Under mu_ so that calls are queued in the order their batches were taken; the queue is unbounded, so
  // this never blocks.
  if (tsfn_.NonBlockingCall([self](Napi::Env env, Napi::Function) { self->Dispatch(env); }) == napi_ok) {
    scheduled_ = true;
  }
}

void ProgressHub::Dispatch(Napi::Env env) {
  std::vector<Report> reports;
  std::vector<Settlement> settles;
  {
    std::lock_guard<std::mutex> lock(mu_);
    scheduled_ = false;
    if (gone_) return;
    reports.swap(reports_);
    settles.swap(settles_);
  }
  if (env == nullptr) return;
  gCalls.fetch_add(1);
  gReports.fetch_add(reports.size());
  Napi::HandleScope scope(env);

  size_t routed = 0;
  for (const Report& r : reports) {
    auto it = targets_.find(r.watchId);
    if (it != targets_.end() && it->second.onProgress.IsEmpty()) ++routed;
  }
  Napi::Float64Array batch;
  if (routed > 0 && HasListener()) batch = Napi::Float64Array::New(env, routed * 4);
  size_t at = 0;
  for (const Report& r : reports) {
    auto it = targets_.find(r.watchId);
    if (it == targets_.end()) continue;  // settled already (cannot happen: settles come last) or torn down
    Target& t = it->second;
    if (!t.onProgress.IsEmpty()) {
      try {
        t.onProgress.Call({js::ProgressToJs(env, r.status)});
      } catch (const Napi::Error&) {
        // A throwing progress listener must not stop the operation from settling.
      }
    } else if (!batch.IsEmpty()) {
      batch[at++] = t.route;
      batch[at++] = static_cast<double>(static_cast<uint32_t>(r.status.hr));
      batch[at++] = static_cast<double>(r.status.percent);  // outside 0-100 = unknown: the facade says null
      batch[at++] = static_cast<double>(r.status.bytesDone);
    }
  }
  if (!batch.IsEmpty()) {
    try {
      listener_.Call({batch});
    } catch (const Napi::Error&) {
      // Same: the listener's failure is its own.
    }
  }

  for (Settlement& s : settles) {
    auto it = targets_.find(s.watchId);
    if (it == targets_.end()) continue;
    gSettles.fetch_add(1);
    Napi::Promise::Deferred done = it->second.done;
    targets_.erase(it);
    try {
      if (s.outcome.ok()) {
        done.Resolve(js::LunToJs(env, s.lun));
      } else {
        done.Reject(MakeError(env, s.outcome).Value());
      }
    } catch (const Napi::Error&) {
      // The environment is terminating (worker exit): nobody is left to settle `done` for.
    }
    if (--running_ == 0) tsfn_.Unref(env);
  }
}

double ProgressRouteFromJs(Napi::Env env, const Napi::Value& v) {
  const double route = v.IsNumber() ? v.As<Napi::Number>().DoubleValue() : -1;
  if (!(route >= 0 && route <= 9007199254740991.0) ||
      route != static_cast<double>(static_cast<uint64_t>(route))) {
    ThrowInvalid("onProgress", "must be a function or a route number (a whole number from 0)");
  }
  if (!ProgressHub::ForEnv(env)->HasListener()) {
    ThrowInvalid("onProgress", "a route number needs a progress listener (setProgressListener) first");
  }
  return route;
}

}  // namespace lun
