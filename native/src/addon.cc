// Module init: hresultTable(), openProvider(name, config, pollIntervalMs), pollerStats(),
// setProgressListener(listener).
// The JS contract is native/lib/raw-addon.ts.
#include <napi.h>

#if defined(_WIN32)
#include <windows.h>
#endif

#include "hresult_table.h"
#include "js_convert.h"
#include "js_errors.h"
#include "poller.h"
#include "progress_hub.h"
#include "provider_binding.h"
#include "provider_factory.h"
#include "task_worker.h"

namespace lun {

namespace {

Napi::Value HResultTableJs(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  const auto& table = HResultTable();
  Napi::Array out = Napi::Array::New(env, table.size());
  for (uint32_t i = 0; i < table.size(); ++i) {
    Napi::Object e = Napi::Object::New(env);
    e.Set("hresult", static_cast<double>(table[i].hresult));
    e.Set("code", table[i].code);
    e.Set("message", table[i].message);
    if (table[i].action) e.Set("action", table[i].action);
    out.Set(i, e);
  }
  return out;
}

Napi::Value OpenProvider(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  try {
    const std::string name = js::RequireString(info[0], "name");
    const uint32_t interval = js::RequirePollInterval(info[2], "pollIntervalMs");
    auto config = std::make_shared<ProviderConfig>();
    if (name == "sim") {
      config->simState = js::StateFromJs(info[1], "config");
    } else if (!info[1].IsObject()) {
      ThrowInvalid("config", "must be an object");
    } else {
      Napi::Value timeout = info[1].As<Napi::Object>().Get("readyTimeoutMs");
      if (!timeout.IsUndefined()) {
        const double ms = timeout.IsNumber() ? timeout.As<Napi::Number>().DoubleValue() : -1;
        if (!(ms >= 1 && ms <= 3600000) || ms != static_cast<double>(static_cast<uint32_t>(ms))) {
          ThrowInvalid("config.readyTimeoutMs", "must be a whole number of milliseconds from 1 to 3600000");
        }
        config->vdsReadyTimeoutMs = static_cast<uint32_t>(ms);
      }
    }
    auto provider = std::make_shared<std::unique_ptr<Provider>>();
    return TaskWorker::Start(
        env,
        [name, config, provider] {
          Outcome error;
          *provider = CreateProvider(name, std::move(*config), &error);
          return *provider ? Outcome::Ok() : error;
        },
        [name, interval, provider](Napi::Env env) -> Napi::Value {
          return MakeProviderObject(env, std::move(*provider), name, interval);
        });
  } catch (const InputError& e) {
    return RejectedPromise(env, e.outcome);
  }
}

Napi::Value PollerStatsJs(const Napi::CallbackInfo& info) {
  const Poller::Stats stats = Poller::Instance().GetStats();
  Napi::Object o = Napi::Object::New(info.Env());
  const ProgressHub::Stats hub = ProgressHub::GetStats();
  o.Set("wakeups", static_cast<double>(stats.wakeups));
  o.Set("watched", stats.watched);
  o.Set("rounds", static_cast<double>(stats.rounds));
  o.Set("intervalMs", stats.intervalMs);
  o.Set("queries", static_cast<double>(stats.queries));
  o.Set("changes", static_cast<double>(stats.changes));
  o.Set("flushes", static_cast<double>(stats.flushes));
  o.Set("hubCalls", static_cast<double>(hub.calls));
  o.Set("hubReports", static_cast<double>(hub.reports));
  o.Set("hubSettles", static_cast<double>(hub.settles));
  return o;
}

Napi::Value SetProgressListenerJs(const Napi::CallbackInfo& info) {
  if (!info[0].IsFunction())
    throw Napi::TypeError::New(info.Env(), "setProgressListener: listener must be a function");
  ProgressHub::ForEnv(info.Env())->SetListener(info[0].As<Napi::Function>());
  return info.Env().Undefined();
}

}  // namespace

// The poller thread and the operation waiters are process-wide and outlive the environment that loaded the
// module (a worker thread that exits): the module must never be unloaded under them. Linux links with
// -z nodelete (binding.gyp); Windows pins the DLL here.
void PinModule() {
#if defined(_WIN32)
  HMODULE self = nullptr;
  GetModuleHandleExW(GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS | GET_MODULE_HANDLE_EX_FLAG_PIN,
                     reinterpret_cast<LPCWSTR>(&PinModule), &self);
#endif
}

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  PinModule();
  exports.Set("hresultTable", Napi::Function::New(env, HResultTableJs, "hresultTable"));
  exports.Set("openProvider", Napi::Function::New(env, OpenProvider, "openProvider"));
  exports.Set("pollerStats", Napi::Function::New(env, PollerStatsJs, "pollerStats"));
  exports.Set("setProgressListener", Napi::Function::New(env, SetProgressListenerJs, "setProgressListener"));
  return exports;
}

}  // namespace lun

static Napi::Object InitModule(Napi::Env env, Napi::Object exports) { return lun::Init(env, exports); }

NODE_API_MODULE(lun_studio, InitModule)
