// The test VDS service as an N-API module. require()-ing it registers a class object for CLSID_VdsLoader
// (CLSCTX_LOCAL_SERVER | CLSCTX_INPROC_SERVER, REGCLS_MULTIPLEUSE) from an MTA thread of this process, so the
// product's unchanged CoCreateInstance(CLSID_VdsLoader, LOCAL_SERVER) reaches it under Wine.
//   configure(simState | json, {accessDenied?: boolean | hresult, notReady?: boolean, noSubsystem2?:
//   boolean, pendingPercent?: number}) liveObjects() -> COM objects of the service still referenced;
//   revoke() -> unregisters (idempotent); calls() / resetCalls() -> VDS method calls received;
//   stallQueryStatus(ms) -> every QueryStatus starting in the next ms waits until then.
//   knobs also: noMaintenance, noIdentification, recoverNullAsync, recoverOutputType (see service_state.h);
//   setDriveFailed(simDriveId, failed) -> a drive of the array fails (or is mended); simState() -> the array;
//   startAllocationTracking() / stopAllocationTracking() -> what the client did not free (allocation_spy.h).
#include <napi.h>

#include <condition_variable>
#include <future>
#include <mutex>
#include <thread>

#include "../../../native/src/hresult_table.h"
#include "../../../native/src/js_convert.h"
#include "../../../native/src/js_errors.h"
#include "../../../native/src/sim/model.h"
#include "../../../native/src/vds/vds_convert.h"
#include "allocation_spy.h"
#include "com_object.h"
#include "service_state.h"
#include "vds_objects.h"

namespace testvds {
namespace {

class Registration {
 public:
  HRESULT Start() {
    std::promise<HRESULT> registered;
    std::future<HRESULT> result = registered.get_future();
    thread_ = std::thread([this, registered = std::move(registered)]() mutable {
      CoInitializeEx(nullptr, COINIT_MULTITHREADED);
      DWORD cookie = 0;
      HRESULT hr =
          CoRegisterClassObject(lun::vds::kClsidVdsLoader, LoaderClassFactory(),
                                CLSCTX_LOCAL_SERVER | CLSCTX_INPROC_SERVER, REGCLS_MULTIPLEUSE, &cookie);
      registered.set_value(hr);
      if (SUCCEEDED(hr)) {
        std::unique_lock<std::mutex> lock(mutex_);
        changed_.wait(lock, [this] { return stop_; });
        CoRevokeClassObject(cookie);
      }
      CoUninitialize();
    });
    return result.get();
  }
  void Stop() {
    if (!thread_.joinable()) return;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stop_ = true;
    }
    changed_.notify_all();
    thread_.join();
  }

 private:
  std::thread thread_;
  std::mutex mutex_;
  std::condition_variable changed_;
  bool stop_ = false;
};

Registration& registration = *new Registration();  // never destroyed: no join at process exit

Napi::Value Configure(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  Napi::Value stateValue = info[0];
  if (stateValue.IsString()) {
    Napi::Function parse = env.Global().Get("JSON").As<Napi::Object>().Get("parse").As<Napi::Function>();
    stateValue = parse.Call({stateValue});
  }
  ServiceConfig config;
  try {
    lun::sim::State state = lun::js::StateFromJs(stateValue, "simState");
    lun::Outcome o = lun::sim::Model::Create(std::move(state), &config.model);
    if (!o.ok()) throw lun::MakeError(env, o);
  } catch (const lun::InputError& e) {
    throw lun::MakeError(env, e.outcome);
  }
  if (info.Length() > 1 && info[1].IsObject()) {
    Napi::Object opts = info[1].As<Napi::Object>();
    Napi::Value denied = opts.Get("accessDenied");
    if (denied.IsBoolean() && denied.As<Napi::Boolean>().Value())
      config.knobs.loadServiceFails = E_ACCESSDENIED;
    if (denied.IsNumber())
      config.knobs.loadServiceFails = static_cast<HRESULT>(denied.As<Napi::Number>().Uint32Value());
    config.knobs.neverReady = opts.Get("notReady").ToBoolean().Value();
    config.knobs.loadingForever = opts.Get("loadingForever").ToBoolean().Value();
    config.knobs.offerSubsystem2 = !opts.Get("noSubsystem2").ToBoolean().Value();
    config.knobs.outputInTargetArm = opts.Get("outputInTargetArm").ToBoolean().Value();
    config.knobs.noMaintenance = opts.Get("noMaintenance").ToBoolean().Value();
    config.knobs.noIdentification = opts.Get("noIdentification").ToBoolean().Value();
    config.knobs.recoverNullAsync = opts.Get("recoverNullAsync").ToBoolean().Value();
    Napi::Value recoverType = opts.Get("recoverOutputType");
    if (recoverType.IsNumber()) config.knobs.recoverOutputType = recoverType.As<Napi::Number>().Uint32Value();
    Napi::Value percent = opts.Get("pendingPercent");
    if (percent.IsNumber()) {
      config.knobs.overridePercent = true;
      config.knobs.pendingPercent = percent.As<Napi::Number>().Uint32Value();
    }
  }
  SetConfig(std::move(config));
  return env.Undefined();
}

// setDriveFailed(simDriveId, failed): breaks (or mends) a drive of the array, as a disk failing in the
// enclosure would: nothing the client asked for.
Napi::Value SetDriveFailed(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  ServiceConfig config = GetConfig();
  if (!config.model) throw Napi::Error::New(env, "setDriveFailed: configure() the service first");
  // The drive as the client knows it (its VDS id) or as the model does.
  std::string driveId = info[0].ToString().Utf8Value();
  GUID vdsId;
  if (lun::vds::ParseGuid(driveId, &vdsId)) driveId = FromVdsId(vdsId);
  lun::Outcome o = config.model->SetDriveFailed(driveId, info[1].ToBoolean().Value());
  if (!o.ok()) throw lun::MakeError(env, o);
  return env.Undefined();
}

// simState(): the array as the model has it now (committed LUNs), in the state file's shape.
Napi::Value SimState(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  ServiceConfig config = GetConfig();
  if (!config.model) throw Napi::Error::New(env, "simState: configure() the service first");
  return lun::js::StateToJs(env, config.model->Snapshot());
}

// startAllocationTracking(): from now on every string and array handed to the client is counted, and an
// IMallocSpy sees which the client frees. stopAllocationTracking() -> {handedOut, notFreed}.
Napi::Value StartTracking(const Napi::CallbackInfo& info) {
  HRESULT hr = StartAllocationTracking();
  if (FAILED(hr)) {
    throw Napi::Error::New(info.Env(), "CoRegisterMallocSpy failed: " + lun::FormatHResult(hr));
  }
  return info.Env().Undefined();
}

Napi::Value StopTracking(const Napi::CallbackInfo& info) {
  AllocationCount count = StopAllocationTracking();
  Napi::Object o = Napi::Object::New(info.Env());
  o.Set("handedOut", static_cast<double>(count.handedOut));
  o.Set("notFreed", static_cast<double>(count.notFreed));
  return o;
}

Napi::Value CallCount(const Napi::CallbackInfo& info) {
  return Napi::Number::New(info.Env(), static_cast<double>(Calls()));
}

Napi::Value ResetCallCount(const Napi::CallbackInfo& info) {
  ResetCalls();
  return info.Env().Undefined();
}

Napi::Value ExpireSubsystemObjects(const Napi::CallbackInfo& info) {
  ExpireSubsystems();
  return info.Env().Undefined();
}

Napi::Value StallQueryStatus(const Napi::CallbackInfo& info) {
  StallQueryStatusFor(info[0].As<Napi::Number>().Uint32Value());
  return info.Env().Undefined();
}

Napi::Value LiveObjectCount(const Napi::CallbackInfo& info) {
  return Napi::Number::New(info.Env(), static_cast<double>(LiveObjects().load()));
}

// Makes the calling (JS main) thread a single-threaded apartment, as Electron's UI thread is, so that
// finalizers releasing VDS objects run where the product cannot enter the MTA. Returns the CoInitializeEx
// HRESULT.
Napi::Value EnterSingleThreadedApartment(const Napi::CallbackInfo& info) {
  HRESULT hr = CoInitializeEx(nullptr, COINIT_APARTMENTTHREADED);
  return Napi::Number::New(info.Env(), static_cast<double>(static_cast<uint32_t>(hr)));
}

Napi::Value Revoke(const Napi::CallbackInfo& info) {
  registration.Stop();
  SetConfig({});
  return info.Env().Undefined();
}

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  HRESULT hr = registration.Start();
  if (FAILED(hr)) {
    throw Napi::Error::New(env, "CoRegisterClassObject(CLSID_VdsLoader) failed: " + lun::FormatHResult(hr));
  }
  exports.Set("configure", Napi::Function::New(env, Configure));
  exports.Set("liveObjects", Napi::Function::New(env, LiveObjectCount));
  exports.Set("revoke", Napi::Function::New(env, Revoke));
  exports.Set("calls", Napi::Function::New(env, CallCount));
  exports.Set("setDriveFailed", Napi::Function::New(env, SetDriveFailed));
  exports.Set("simState", Napi::Function::New(env, SimState));
  exports.Set("startAllocationTracking", Napi::Function::New(env, StartTracking));
  exports.Set("stopAllocationTracking", Napi::Function::New(env, StopTracking));
  exports.Set("resetCalls", Napi::Function::New(env, ResetCallCount));
  exports.Set("stallQueryStatus", Napi::Function::New(env, StallQueryStatus));
  exports.Set("expireSubsystems", Napi::Function::New(env, ExpireSubsystemObjects));
  exports.Set("enterSingleThreadedApartment", Napi::Function::New(env, EnterSingleThreadedApartment));
  return exports;
}

}  // namespace
}  // namespace testvds

static Napi::Object InitTestVdsService(Napi::Env env, Napi::Object exports) {
  return testvds::Init(env, exports);
}

NODE_API_MODULE(test_vds_service, InitTestVdsService)
