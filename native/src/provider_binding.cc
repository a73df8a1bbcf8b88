#include "provider_binding.h"

#include <mutex>
#include <thread>
#include <vector>

#include "all_drives_worker.h"
#include "detached_thread.h"
#include "hresult_table.h"
#include "js_convert.h"
#include "js_errors.h"
#include "operation_binding.h"
#include "progress_hub.h"
#include "sim/sim_provider.h"
#include "task_worker.h"

namespace lun {

namespace {

struct ProviderState {
  std::shared_ptr<Provider> provider;
  uint32_t pollIntervalMs = 250;
  std::mutex mu;
  bool closed = false;
  std::vector<std::weak_ptr<Operation>> running;

  bool IsClosed() {
    std::lock_guard<std::mutex> lock(mu);
    return closed;
  }
  void Track(const std::shared_ptr<Operation>& op) {
    std::lock_guard<std::mutex> lock(mu);
    running.erase(std::remove_if(running.begin(), running.end(), [](const auto& w) { return w.expired(); }),
                  running.end());
    running.push_back(op);
  }
};

using StatePtr = std::shared_ptr<ProviderState>;

const Outcome kClosed = Outcome::Fail(hr::kVdsObjectDeleted, "The provider was closed; open it again");

void CancelInBackground(std::vector<std::shared_ptr<Operation>> ops) {
  if (ops.empty()) return;
  RunDetached([ops] {
    for (const auto& op : ops) op->Cancel();
  });
}

// Runs `body` (which may throw InputError) and returns its promise, or a rejected one.
template <typename Body>
Napi::Value Guarded(Napi::Env env, const StatePtr& state, Body body) {
  try {
    if (state->IsClosed()) return RejectedPromise(env, kClosed);
    return body();
  } catch (const InputError& e) {
    return RejectedPromise(env, e.outcome);
  }
}

Napi::Value ListSubsystems(const Napi::CallbackInfo& info, const StatePtr& state) {
  return Guarded(info.Env(), state, [&]() -> Napi::Value {
    auto provider = state->provider;
    auto out = std::make_shared<std::vector<SubsystemInfo>>();
    return TaskWorker::Start(
        info.Env(), [provider, out] { return provider->ListSubsystems(out.get()); },
        [out](Napi::Env env) -> Napi::Value {
          Napi::Array a = Napi::Array::New(env, out->size());
          for (uint32_t i = 0; i < out->size(); ++i) a.Set(i, js::SubsystemToJs(env, (*out)[i]));
          return a;
        });
  });
}

Napi::Value ListDrives(const Napi::CallbackInfo& info, const StatePtr& state) {
  return Guarded(info.Env(), state, [&]() -> Napi::Value {
    const std::string id = js::RequireString(info[0], "subsystemId");
    auto provider = state->provider;
    auto json = std::make_shared<js::JsonText>();
    return TaskWorker::Start(
        info.Env(),
        [provider, id, json] {
          std::vector<DriveInfo> drives;
          Outcome outcome = provider->ListDrives(id, &drives);
          if (outcome.ok()) *json = js::DrivesToJson(drives);
          return outcome;
        },
        [json](Napi::Env env) -> Napi::Value { return js::ParseJson(env, *json); });
  });
}

Napi::Value ListAllDrives(const Napi::CallbackInfo& info, const StatePtr& state) {
  return Guarded(info.Env(), state,
                 [&]() -> Napi::Value { return ListAllDrivesAsync(info.Env(), state->provider); });
}

Napi::Value ListLuns(const Napi::CallbackInfo& info, const StatePtr& state) {
  return Guarded(info.Env(), state, [&]() -> Napi::Value {
    const std::string id = js::RequireString(info[0], "subsystemId");
    auto provider = state->provider;
    auto out = std::make_shared<std::vector<LunInfo>>();
    return TaskWorker::Start(
        info.Env(), [provider, id, out] { return provider->ListLuns(id, out.get()); },
        [out](Napi::Env env) -> Napi::Value {
          Napi::Array a = Napi::Array::New(env, out->size());
          for (uint32_t i = 0; i < out->size(); ++i) a.Set(i, js::LunToJs(env, (*out)[i]));
          return a;
        });
  });
}

Napi::Value MaxLunSize(const Napi::CallbackInfo& info, const StatePtr& state) {
  return Guarded(info.Env(), state, [&]() -> Napi::Value {
    const MaxSizeArgs args = js::MaxSizeArgsFromJs(info[0]);
    auto provider = state->provider;
    auto out = std::make_shared<uint64_t>(0);
    return TaskWorker::Start(
        info.Env(), [provider, args, out] { return provider->QueryMaxLunCreateSize(args, out.get()); },
        [out](Napi::Env env) -> Napi::Value { return Napi::Number::New(env, static_cast<double>(*out)); });
  });
}

// An async provider call (CreateLun, Extend, Shrink): `start(provider, &op)` runs off the JS thread; the
// promise resolves to the RawOperation once the provider accepted the request.
template <typename Start>
Napi::Value StartAsync(const Napi::CallbackInfo& info, const StatePtr& state, Start start) {
  // A route (the reports go to the environment's progress listener in batches) or a function (objects).
  double route = -1;
  std::shared_ptr<Napi::FunctionReference> onProgress = std::make_shared<Napi::FunctionReference>();
  if (info[1].IsFunction()) {
    *onProgress = Napi::Persistent(info[1].As<Napi::Function>());
  } else {
    route = ProgressRouteFromJs(info.Env(), info[1]);
  }
  auto provider = state->provider;
  auto op = std::make_shared<std::shared_ptr<Operation>>();
  return TaskWorker::Start(
      info.Env(), [provider, start, op] { return start(*provider, op.get()); },
      [state, op, onProgress, route](Napi::Env env) -> Napi::Value {
        Napi::Function listener = onProgress->IsEmpty() ? Napi::Function() : onProgress->Value();
        Napi::Object raw = StartOperation(env, *op, listener, route, state->pollIntervalMs);
        state->Track(*op);
        if (state->IsClosed()) CancelInBackground({*op});  // closed while the request was on its way
        return raw;
      });
}

Napi::Value CreateLun(const Napi::CallbackInfo& info, const StatePtr& state) {
  return Guarded(info.Env(), state, [&]() -> Napi::Value {
    const CreateLunArgs args = js::CreateLunArgsFromJs(info[0]);
    return StartAsync(info, state,
                      [args](Provider& p, std::shared_ptr<Operation>* op) { return p.CreateLun(args, op); });
  });
}

Napi::Value ExtendLun(const Napi::CallbackInfo& info, const StatePtr& state) {
  return Guarded(info.Env(), state, [&]() -> Napi::Value {
    const ExtendLunArgs args = js::ExtendLunArgsFromJs(info[0]);
    return StartAsync(info, state,
                      [args](Provider& p, std::shared_ptr<Operation>* op) { return p.ExtendLun(args, op); });
  });
}

Napi::Value ShrinkLun(const Napi::CallbackInfo& info, const StatePtr& state) {
  return Guarded(info.Env(), state, [&]() -> Napi::Value {
    const ShrinkLunArgs args = js::ShrinkLunArgsFromJs(info[0]);
    return StartAsync(info, state,
                      [args](Provider& p, std::shared_ptr<Operation>* op) { return p.ShrinkLun(args, op); });
  });
}

Napi::Value MaxLunExtendSize(const Napi::CallbackInfo& info, const StatePtr& state) {
  return Guarded(info.Env(), state, [&]() -> Napi::Value {
    const std::string lunId = js::LunIdFromJs(info[0]);
    const std::vector<std::string> driveIds =
        info[1].IsUndefined() ? std::vector<std::string>{} : js::DriveIdsFromJs(info[1]);
    auto provider = state->provider;
    auto out = std::make_shared<uint64_t>(0);
    return TaskWorker::Start(
        info.Env(),
        [provider, lunId, driveIds, out] {
          return provider->QueryMaxLunExtendSize(lunId, driveIds, out.get());
        },
        [out](Napi::Env env) -> Napi::Value { return Napi::Number::New(env, static_cast<double>(*out)); });
  });
}

// The LUN with this id, searched in every subsystem (the provider has no direct lookup).
Outcome RereadLun(Provider& provider, const std::string& lunId, LunInfo* out) {
  std::vector<SubsystemInfo> subsystems;
  Outcome o = provider.ListSubsystems(&subsystems);
  if (!o.ok()) return o;
  for (const auto& s : subsystems) {
    std::vector<LunInfo> luns;
    if (!provider.ListLuns(s.id, &luns).ok()) continue;
    for (const auto& l : luns) {
      if (l.id == lunId) {
        *out = l;
        return Outcome::Ok();
      }
    }
  }
  return Outcome::Fail(hr::kUnexpected, "The provider changed LUN " + lunId + " but it cannot be read back");
}

Napi::Value SetLunMask(const Napi::CallbackInfo& info, const StatePtr& state) {
  return Guarded(info.Env(), state, [&]() -> Napi::Value {
    const std::string lunId = js::LunIdFromJs(info[0]);
    const std::string list = js::RequireString(info[1], "unmaskingList");
    auto provider = state->provider;
    auto out = std::make_shared<LunInfo>();
    return TaskWorker::Start(
        info.Env(),
        [provider, lunId, list, out] {
          Outcome o = provider->SetLunMask(lunId, list);
          return o.ok() ? RereadLun(*provider, lunId, out.get()) : o;
        },
        [out](Napi::Env env) -> Napi::Value { return js::LunToJs(env, *out); });
  });
}

Napi::Value DeleteLun(const Napi::CallbackInfo& info, const StatePtr& state) {
  return Guarded(info.Env(), state, [&]() -> Napi::Value {
    const std::string lunId = js::LunIdFromJs(info[0]);
    auto provider = state->provider;
    return TaskWorker::Start(
        info.Env(), [provider, lunId] { return provider->DeleteLun(lunId); },
        [](Napi::Env env) -> Napi::Value { return env.Undefined(); });
  });
}

Napi::Value RecoverLun(const Napi::CallbackInfo& info, const StatePtr& state) {
  return Guarded(info.Env(), state, [&]() -> Napi::Value {
    const RecoverLunArgs args = js::RecoverLunArgsFromJs(info[0]);
    return StartAsync(info, state,
                      [args](Provider& p, std::shared_ptr<Operation>* op) { return p.RecoverLun(args, op); });
  });
}

Napi::Value ListExtents(const Napi::CallbackInfo& info, const StatePtr& state) {
  return Guarded(info.Env(), state, [&]() -> Napi::Value {
    const std::string id = js::IdFromJs(info[0], "subsystemId");
    auto provider = state->provider;
    auto json = std::make_shared<js::JsonText>();
    return TaskWorker::Start(
        info.Env(),
        [provider, id, json] {
          std::vector<ExtentInfo> extents;
          Outcome outcome = provider->ListExtents(id, &extents);
          if (outcome.ok()) *json = js::ExtentsToJson(extents);
          return outcome;
        },
        [json](Napi::Env env) -> Napi::Value { return js::ParseJson(env, *json); });
  });
}

Napi::Value LunIdentificationData(const Napi::CallbackInfo& info, const StatePtr& state) {
  return Guarded(info.Env(), state, [&]() -> Napi::Value {
    const std::string lunId = js::LunIdFromJs(info[0]);
    auto provider = state->provider;
    auto out = std::make_shared<LunIdentification>();
    return TaskWorker::Start(
        info.Env(), [provider, lunId, out] { return provider->GetLunIdentification(lunId, out.get()); },
        [out](Napi::Env env) -> Napi::Value { return js::IdentificationToJs(env, *out); });
  });
}

// A synchronous drive call `(provider, driveId, flag)` resolving to undefined: identify, hot spare, fail.
template <typename Call>
Napi::Value DriveFlag(const Napi::CallbackInfo& info, const StatePtr& state, const char* flagField,
                      Call call) {
  return Guarded(info.Env(), state, [&]() -> Napi::Value {
    const std::string driveId = js::IdFromJs(info[0], "driveId");
    const bool flag = js::BoolFromJs(info[1], flagField);
    auto provider = state->provider;
    return TaskWorker::Start(
        info.Env(), [provider, driveId, flag, call] { return call(*provider, driveId, flag); },
        [](Napi::Env env) -> Napi::Value { return env.Undefined(); });
  });
}

Napi::Value SetDriveIdentify(const Napi::CallbackInfo& info, const StatePtr& state) {
  return DriveFlag(info, state, "on",
                   [](Provider& p, const std::string& id, bool on) { return p.SetDriveIdentify(id, on); });
}

Napi::Value SetDriveHotSpare(const Napi::CallbackInfo& info, const StatePtr& state) {
  return DriveFlag(info, state, "hotSpare",
                   [](Provider& p, const std::string& id, bool on) { return p.SetDriveHotSpare(id, on); });
}

Napi::Value SetDriveFailed(const Napi::CallbackInfo& info, const StatePtr& state) {
  return DriveFlag(info, state, "failed", [](Provider& p, const std::string& id, bool failed) {
    return p.SetDriveFailed(id, failed);
  });
}

Napi::Value ReplaceDrive(const Napi::CallbackInfo& info, const StatePtr& state) {
  return Guarded(info.Env(), state, [&]() -> Napi::Value {
    const std::string oldId = js::IdFromJs(info[0], "driveId");
    const std::string newId = js::IdFromJs(info[1], "replacementDriveId");
    auto provider = state->provider;
    auto out = std::make_shared<std::vector<std::string>>();
    return TaskWorker::Start(
        info.Env(), [provider, oldId, newId, out] { return provider->ReplaceDrive(oldId, newId, out.get()); },
        [out](Napi::Env env) -> Napi::Value {
          Napi::Array a = Napi::Array::New(env, out->size());
          for (uint32_t i = 0; i < out->size(); ++i) a.Set(i, (*out)[i]);
          return a;
        });
  });
}

Napi::Value ExportState(const Napi::CallbackInfo& info, const StatePtr& state) {
  auto* sim = dynamic_cast<sim::SimProvider*>(state->provider.get());
  if (!sim) {
    throw MakeError(info.Env(),
                    Outcome::Fail(hr::kVdsNotSupported, "exportState: only the sim provider has a state"));
  }
  return js::StateToJs(info.Env(), sim->ExportState());
}

// sim only, synchronous: takes a committed LUN out of the model (the facade's rollback of a creation whose
// state file could not be written).
Napi::Value RemoveLun(const Napi::CallbackInfo& info, const StatePtr& state) {
  auto* sim = dynamic_cast<sim::SimProvider*>(state->provider.get());
  if (!sim) {
    throw MakeError(info.Env(),
                    Outcome::Fail(hr::kVdsNotSupported, "removeLun: only the sim provider has a state"));
  }
  if (!info[0].IsString()) ThrowInvalid("lunId", "must be a string");
  const Outcome o = sim->RemoveLun(info[0].As<Napi::String>().Utf8Value());
  if (!o.ok()) throw MakeError(info.Env(), o);
  return info.Env().Undefined();
}

// sim only, synchronous: puts a LUN back exactly as given (the facade's rollback of an extend, shrink, mask
// change or delete whose state file could not be written).
Napi::Value RestoreLun(const Napi::CallbackInfo& info, const StatePtr& state) {
  auto* sim = dynamic_cast<sim::SimProvider*>(state->provider.get());
  if (!sim) {
    throw MakeError(info.Env(),
                    Outcome::Fail(hr::kVdsNotSupported, "restoreLun: only the sim provider has a state"));
  }
  const std::string subsystemId = js::RequireString(info[0], "subsystemId");
  const sim::Lun lun = js::SimLunFromJs(info[1], "lun");
  const Outcome o = sim->RestoreLun(subsystemId, lun);
  if (!o.ok()) throw MakeError(info.Env(), o);
  return info.Env().Undefined();
}

// sim only, synchronous: puts a drive's own fields back (the facade's rollback of a drive change whose state
// file could not be written).
Napi::Value RestoreDrive(const Napi::CallbackInfo& info, const StatePtr& state) {
  auto* sim = dynamic_cast<sim::SimProvider*>(state->provider.get());
  if (!sim) {
    throw MakeError(info.Env(),
                    Outcome::Fail(hr::kVdsNotSupported, "restoreDrive: only the sim provider has a state"));
  }
  const std::string subsystemId = js::RequireString(info[0], "subsystemId");
  const sim::Drive drive = js::SimDriveFromJs(info[1], "drive");
  const Outcome o = sim->RestoreDrive(subsystemId, drive);
  if (!o.ok()) throw MakeError(info.Env(), o);
  return info.Env().Undefined();
}

Napi::Value Close(const Napi::CallbackInfo& info, const StatePtr& state) {
  std::vector<std::shared_ptr<Operation>> ops;
  {
    std::lock_guard<std::mutex> lock(state->mu);
    state->closed = true;
    for (const auto& w : state->running) {
      if (auto op = w.lock()) ops.push_back(op);
    }
    state->running.clear();
  }
  CancelInBackground(std::move(ops));
  return info.Env().Undefined();
}

template <typename Fn>
void Method(Napi::Env env, Napi::Object obj, const char* name, const StatePtr& state, Fn fn) {
  obj.DefineProperty(Napi::PropertyDescriptor::Value(
      name,
      Napi::Function::New(
          env,
          [state, fn](const Napi::CallbackInfo& info) -> Napi::Value {
            try {
              return fn(info, state);
            } catch (const InputError& e) {  // bad input to a synchronous method: a JS error, never a crash
              throw MakeError(info.Env(), e.outcome);
            }
          },
          name),
      napi_enumerable));
}

}  // namespace

Napi::Object MakeProviderObject(Napi::Env env, std::unique_ptr<Provider> provider, const std::string& name,
                                uint32_t pollIntervalMs) {
  auto state = std::make_shared<ProviderState>();
  state->provider = std::move(provider);
  state->pollIntervalMs = pollIntervalMs;
  Napi::Object obj = Napi::Object::New(env);
  obj.DefineProperty(Napi::PropertyDescriptor::Value("name", Napi::String::New(env, name), napi_enumerable));
  Method(env, obj, "listSubsystems", state, ListSubsystems);
  Method(env, obj, "listDrives", state, ListDrives);
  Method(env, obj, "listAllDrives", state, ListAllDrives);
  Method(env, obj, "listLuns", state, ListLuns);
  Method(env, obj, "maxLunSize", state, MaxLunSize);
  Method(env, obj, "createLun", state, CreateLun);
  Method(env, obj, "exportState", state, ExportState);
  Method(env, obj, "removeLun", state, RemoveLun);
  Method(env, obj, "maxLunExtendSize", state, MaxLunExtendSize);
  Method(env, obj, "extendLun", state, ExtendLun);
  Method(env, obj, "shrinkLun", state, ShrinkLun);
  Method(env, obj, "setLunMask", state, SetLunMask);
  Method(env, obj, "deleteLun", state, DeleteLun);
  Method(env, obj, "restoreLun", state, RestoreLun);
  Method(env, obj, "recoverLun", state, RecoverLun);
  Method(env, obj, "listExtents", state, ListExtents);
  Method(env, obj, "lunIdentification", state, LunIdentificationData);
  Method(env, obj, "setDriveIdentify", state, SetDriveIdentify);
  Method(env, obj, "setDriveHotSpare", state, SetDriveHotSpare);
  Method(env, obj, "replaceDrive", state, ReplaceDrive);
  Method(env, obj, "setDriveFailed", state, SetDriveFailed);
  Method(env, obj, "restoreDrive", state, RestoreDrive);
  Method(env, obj, "close", state, Close);
  return obj;
}

}  // namespace lun
