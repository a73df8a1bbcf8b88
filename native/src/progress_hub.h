// The progress hub: ONE Napi::ThreadSafeFunction per JS environment for every running operation of every
// provider opened there. The poller adds each change of a round to the hub and flushes once per round; a
// flush queues at most one ThreadSafeFunction call (none while one is already queued: that one takes what
// came meanwhile), so JS runs once per round whatever the number of operations.
// On the JS thread a batch goes out as ONE Float64Array of [route, hresult, percent, bytesDone] per change
// to the listener set with setProgressListener (operations started with a route number); an operation
// started with a function instead (the raw contract's per-operation listener, for tests and tools) gets
// its reports as objects, still inside the batch's single call.
// Settling `done` goes through the same queue, after the operation's final status: a batch dispatches all
// its reports before it settles any promise, so `done` never overtakes the last progress.
// The function is unref'd while no operation runs (an idle hub never keeps the process alive).
#pragma once

#include <napi.h>

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <vector>

#include "poller.h"
#include "provider.h"

namespace lun {

class ProgressHub : public PollSink {
 public:
  struct Stats {
    uint64_t calls = 0;    // ThreadSafeFunction calls run on a JS thread (all environments)
    uint64_t reports = 0;  // reports dispatched in them
    uint64_t settles = 0;  // operations settled in them
  };
  static Stats GetStats();

  // JS thread: the environment's hub (made on first use; detached when the environment tears down).
  static std::shared_ptr<ProgressHub> ForEnv(Napi::Env env);

  // JS thread: where routed operations' batches go.
  void SetListener(Napi::Function listener);
  bool HasListener() const { return !listener_.IsEmpty(); }

  // JS thread: an operation's reports go to `route` in the listener's batches (onProgress empty) or to
  // onProgress as objects; `done` settles through Settle.
  void Register(Napi::Env env, uint64_t watchId, double route, Napi::Function onProgress,
                Napi::Promise::Deferred done);

  // Any thread: the final status (when `final` is set) then the outcome of an operation, queued after
  // everything already added for it; flushed at once.
  void Settle(uint64_t watchId, const OperationStatus* final, Outcome outcome, LunInfo lun);

  void Add(uint64_t watchId, const OperationStatus& status) override;
  void Flush() override;

 private:
  struct Target {
    double route = -1;
    Napi::FunctionReference onProgress;  // empty for a routed operation
    Napi::Promise::Deferred done;
  };
  struct Settlement {
    uint64_t watchId;
    Outcome outcome;
    LunInfo lun;
  };
  struct Report {
    uint64_t watchId;
    OperationStatus status;
  };

  ProgressHub() = default;
  void Open(Napi::Env env, std::shared_ptr<ProgressHub> self);
  static void OnTeardown(void* hub);
  void FlushLocked();
  void Dispatch(Napi::Env env);  // JS thread: one queued call
  void Detach();                 // JS thread, environment teardown

  mutable std::mutex mu_;  // guards the pending batch, scheduled_ and gone_
  std::vector<Report> reports_;
  std::vector<Settlement> settles_;
  bool scheduled_ = false;  // a call is queued and has not taken the pending batch yet
  bool gone_ = false;       // the environment is gone: calls are refused
  Napi::ThreadSafeFunction tsfn_;
  std::weak_ptr<ProgressHub> self_;  // what a queued call holds on to

  // JS thread only.
  Napi::FunctionReference listener_;
  std::unordered_map<uint64_t, Target> targets_;
  uint32_t running_ = 0;
};

// JS thread: an async call's progress argument when it is not a function: a whole number 0 to 2^53 - 1,
// accepted once the environment has a listener (setProgressListener); else throws InputError (onProgress).
double ProgressRouteFromJs(Napi::Env env, const Napi::Value& v);

}  // namespace lun
