#include "task_worker.h"

#include <new>

#include "hresult_table.h"
#include "js_errors.h"

namespace lun {

Napi::Promise TaskWorker::Start(Napi::Env env, Work work, Build build) {
  auto* worker = new TaskWorker(env, std::move(work), std::move(build));  // AsyncWorker deletes itself
  Napi::Promise promise = worker->deferred_.Promise();
  worker->Queue();
  return promise;
}

TaskWorker::TaskWorker(Napi::Env env, Work work, Build build)
    : Napi::AsyncWorker(env, "lun-studio-task"),
      deferred_(Napi::Promise::Deferred::New(env)),
      work_(std::move(work)),
      build_(std::move(build)) {}

void TaskWorker::Execute() {
  try {
    outcome_ = work_();
  } catch (const std::bad_alloc&) {
    outcome_ = Outcome::Fail(hr::kOutOfMemory);
  } catch (const std::exception& e) {
    outcome_ = Outcome::Fail(hr::kUnexpected, std::string("Internal error: ") + e.what());
  }
}

void TaskWorker::OnOK() {
  Napi::Env env = Env();
  Napi::HandleScope scope(env);
  if (!outcome_.ok()) {
    deferred_.Reject(MakeError(env, outcome_).Value());
    return;
  }
  try {
    deferred_.Resolve(build_(env));
  } catch (const Napi::Error& e) {
    deferred_.Reject(e.Value());
  } catch (const InputError& e) {
    deferred_.Reject(MakeError(env, e.outcome).Value());
  } catch (const std::exception& e) {
    deferred_.Reject(
        MakeError(env, Outcome::Fail(hr::kUnexpected, std::string("Internal error: ") + e.what())).Value());
  }
}

void TaskWorker::OnError(const Napi::Error& e) { deferred_.Reject(e.Value()); }

}  // namespace lun
