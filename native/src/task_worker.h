// sharp's baton split: Work runs on a libuv worker thread and sees plain C++ data only; Build runs on the
// JS thread (OnOK) and turns the results into JS values. The promise rejects with MakeError on failure.
#pragma once

#include <napi.h>

#include <functional>

#include "provider.h"

namespace lun {

class TaskWorker : public Napi::AsyncWorker {
 public:
  using Work = std::function<Outcome()>;
  using Build = std::function<Napi::Value(Napi::Env)>;

  static Napi::Promise Start(Napi::Env env, Work work, Build build);

 private:
  TaskWorker(Napi::Env env, Work work, Build build);
  void Execute() override;
  void OnOK() override;
  void OnError(const Napi::Error& e) override;

  Napi::Promise::Deferred deferred_;
  Work work_;
  Build build_;
  Outcome outcome_;
};

}  // namespace lun
