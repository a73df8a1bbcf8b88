#include "operation_binding.h"

#include <functional>
#include <mutex>
#include <thread>

#include "detached_thread.h"
#include "hresult_table.h"
#include "js_convert.h"
#include "js_errors.h"
#include "poller.h"
#include "sim/guid.h"
#include "task_worker.h"

namespace lun {

namespace {

// The ThreadSafeFunction to onProgress, guarded: when the environment goes away (worker exit, process
// teardown) Node deletes the function even while our threads hold it, so every call checks first.
class ProgressChannel {
 public:
  void Open(Napi::Env env, Napi::Function onProgress, std::shared_ptr<ProgressChannel> self) {
    tsfn_ = Napi::ThreadSafeFunction::New(env, onProgress, "lun-studio-progress", 0, 1, [self](Napi::Env) {
      std::lock_guard<std::mutex> lock(self->mu_);
      self->gone_ = true;
    });
  }
  // Queued calls run on the JS thread in order. False when the environment is gone.
  bool Call(std::function<void(Napi::Env, Napi::Function)> fn) {
    std::lock_guard<std::mutex> lock(mu_);
    if (gone_) return false;
    return tsfn_.NonBlockingCall(std::move(fn)) == napi_ok;  // unbounded queue: never blocks
  }
  void Release() {
    std::lock_guard<std::mutex> lock(mu_);
    if (!gone_) tsfn_.Release();
  }

 private:
  std::mutex mu_;
  bool gone_ = false;
  Napi::ThreadSafeFunction tsfn_;
};

struct OperationShared {
  std::shared_ptr<Operation> op;
  std::shared_ptr<ProgressChannel> progress;  // released once `done` is settled
  uint64_t watchId = 0;
  std::unique_ptr<Napi::Promise::Deferred> done;  // JS thread only
};

void CallProgress(Napi::Env env, Napi::Function onProgress, const OperationStatus& status) {
  if (env == nullptr || onProgress.IsEmpty()) return;
  try {
    onProgress.Call({js::ProgressToJs(env, status)});
  } catch (const Napi::Error&) {
    // A throwing progress listener must not stop the operation from settling.
  }
}

bool SameStatus(const OperationStatus& a, const OperationStatus& b) {
  return a.hr == b.hr && a.percent == b.percent && a.bytesDone == b.bytesDone;
}

void WaitAndSettle(std::shared_ptr<OperationShared> shared) {
  LunInfo lun;
  Outcome outcome;
  try {
    outcome = shared->op->Wait(&lun);
  } catch (const std::exception& e) {
    outcome = Outcome::Fail(hr::kUnexpected, std::string("Internal error while waiting: ") + e.what());
  }
  OperationStatus last;
  bool delivered = false;
  Poller::Instance().Unwatch(shared->watchId, &last, &delivered);

  // The final status tells what the client concluded (the seed's checks included).
  const OperationStatus query = shared->op->QueryStatus();
  const bool queryAgrees = query.hr == outcome.hr;
  OperationStatus final;
  final.hr = outcome.hr;
  final.percent = queryAgrees ? std::min<uint32_t>(query.percent, 100) : 100;
  final.bytesDone = queryAgrees ? query.bytesDone : last.bytesDone;
  if (!delivered || !SameStatus(final, last)) {
    shared->progress->Call(
        [final](Napi::Env env, Napi::Function onProgress) { CallProgress(env, onProgress, final); });
  }
  shared->progress->Call([shared, outcome, lun](Napi::Env env, Napi::Function) {
    if (env == nullptr) return;
    try {
      Napi::HandleScope scope(env);
      if (outcome.ok()) {
        shared->done->Resolve(js::LunToJs(env, lun));
      } else {
        shared->done->Reject(MakeError(env, outcome).Value());
      }
    } catch (const Napi::Error&) {
      // The environment is terminating (worker exit): nobody is left to settle `done` for.
    }
  });
  shared->progress->Release();
}

Napi::Value Cancel(const Napi::CallbackInfo& info, const std::shared_ptr<Operation>& op) {
  auto result = std::make_shared<HResult>(hr::kOk);
  return TaskWorker::Start(
      info.Env(),
      [op, result] {
        *result = op->Cancel();  // the provider's answer is a value, not an error
        return Outcome::Ok();
      },
      [result](Napi::Env env) {
        return Napi::Number::New(env, static_cast<double>(static_cast<uint32_t>(*result)));
      });
}

}  // namespace

Napi::Object StartOperation(Napi::Env env, std::shared_ptr<Operation> op, Napi::Function onProgress,
                            uint32_t pollIntervalMs) {
  auto shared = std::make_shared<OperationShared>();
  shared->op = op;
  shared->done = std::make_unique<Napi::Promise::Deferred>(Napi::Promise::Deferred::New(env));
  shared->progress = std::make_shared<ProgressChannel>();
  shared->progress->Open(env, onProgress, shared->progress);

  std::shared_ptr<ProgressChannel> progress = shared->progress;
  shared->watchId = Poller::Instance().Watch(op, pollIntervalMs, [progress](const OperationStatus& status) {
    progress->Call(
        [status](Napi::Env env, Napi::Function onProgress) { CallProgress(env, onProgress, status); });
  });
  RunDetached([shared] { WaitAndSettle(shared); });

  Napi::Object result = Napi::Object::New(env);
  result.Set("id", sim::NewGuid());
  result.Set("done", shared->done->Promise());
  result.Set("cancel", Napi::Function::New(
                           env, [op](const Napi::CallbackInfo& info) { return Cancel(info, op); }, "cancel"));
  return result;
}

}  // namespace lun
