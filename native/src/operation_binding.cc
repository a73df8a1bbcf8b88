#include "operation_binding.h"

#include <algorithm>

#include "detached_thread.h"
#include "hresult_table.h"
#include "poller.h"
#include "progress_hub.h"
#include "sim/guid.h"
#include "task_worker.h"

namespace lun {

namespace {

bool SameStatus(const OperationStatus& a, const OperationStatus& b) {
  return a.hr == b.hr && a.percent == b.percent && a.bytesDone == b.bytesDone;
}

void WaitAndSettle(std::shared_ptr<Operation> op, std::shared_ptr<ProgressHub> hub, uint64_t watchId) {
  LunInfo lun;
  Outcome outcome;
  try {
    outcome = op->Wait(&lun);
  } catch (const std::exception& e) {
    outcome = Outcome::Fail(hr::kUnexpected, std::string("Internal error while waiting: ") + e.what());
  }
  OperationStatus last;
  bool delivered = false;
  Poller::Instance().Unwatch(watchId, &last, &delivered);

  // The final status tells what the client concluded (the seed's checks included).
  const OperationStatus query = op->QueryStatus();
  const bool queryAgrees = query.hr == outcome.hr;
  OperationStatus final;
  final.hr = outcome.hr;
  final.percent = queryAgrees ? std::min<uint32_t>(query.percent, 100) : 100;
  final.bytesDone = queryAgrees ? query.bytesDone : last.bytesDone;
  const bool changed = !delivered || !SameStatus(final, last);
  hub->Settle(watchId, changed ? &final : nullptr, std::move(outcome), std::move(lun));
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
                            double route, uint32_t pollIntervalMs) {
  std::shared_ptr<ProgressHub> hub = ProgressHub::ForEnv(env);
  Napi::Promise::Deferred done = Napi::Promise::Deferred::New(env);
  // Registered before any report can be dispatched: dispatching runs later on this same thread.
  const uint64_t watchId = Poller::Instance().Watch(op, pollIntervalMs, hub);
  hub->Register(env, watchId, route, onProgress, done);
  RunDetached([op, hub, watchId] { WaitAndSettle(op, hub, watchId); });

  Napi::Object result = Napi::Object::New(env);
  result.Set("id", sim::NewGuid());
  result.Set("done", done.Promise());
  result.Set("cancel", Napi::Function::New(
                           env, [op](const Napi::CallbackInfo& info) { return Cancel(info, op); }, "cancel"));
  return result;
}

}  // namespace lun
