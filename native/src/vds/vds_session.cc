#include "vds_session.h"

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <mutex>
#include <string>
#include <thread>

#include "../hresult_table.h"

namespace lun::vds {

namespace {

constexpr const char* kRunAsAdmin =
    "Access to the Virtual Disk Service was denied: run LUN Studio as administrator (VDS needs membership in "
    "Administrators or Backup Operators).";

bool IsAccessDenied(HRESULT hr) { return hr == E_ACCESSDENIED || hr == hr::kVdsAccessDenied; }

Outcome LoaderFailure(const char* step, HRESULT hr) {
  if (IsAccessDenied(hr)) return Outcome::Fail(hr, kRunAsAdmin);
  if (hr == REGDB_E_CLASSNOTREG) {
    return Outcome::Fail(
        hr,
        "The Virtual Disk Service loader (CLSID_VdsLoader) is not registered on this computer: "
        "VDS is missing or disabled.");
  }
  return Outcome::Fail(hr, std::string("Could not load the Virtual Disk Service: ") + step + " failed with " +
                               FormatHResult(hr) + ".");
}

}  // namespace

MtaScope::MtaScope() : hr_(CoInitializeEx(nullptr, COINIT_MULTITHREADED)) {}

MtaScope::~MtaScope() {
  if (SUCCEEDED(hr_)) CoUninitialize();
}

Outcome MtaScope::status() const {
  if (SUCCEEDED(hr_)) return Outcome::Ok();
  return Outcome::Fail(hr_,
                       "Internal error: VDS was called from a thread that is not in the multithreaded COM "
                       "apartment (CoInitializeEx failed with " +
                           FormatHResult(hr_) + ").");
}

namespace {

// The release thread behind PostToReleaseThread. Intentionally leaked with its thread: a joinable std::thread
// destroyed at DLL detach would terminate the process, and joining there would run under the loader lock.
class ReleaseThread {
 public:
  static ReleaseThread& Instance() {
    static ReleaseThread* releaser = new ReleaseThread();
    return *releaser;
  }

  void Post(std::function<void()> job) {
    std::lock_guard<std::mutex> lock(mu_);
    jobs_.push_back(std::move(job));
    if (!thread_.joinable()) thread_ = std::thread([this] { Run(); });
    cv_.notify_one();
  }

 private:
  void Run() {
    for (;;) {
      std::function<void()> job;
      {
        std::unique_lock<std::mutex> lock(mu_);
        cv_.wait(lock, [this] { return !jobs_.empty(); });
        job = std::move(jobs_.front());
        jobs_.pop_front();
      }
      MtaScope mta;  // a thread of its own: joining the MTA cannot fail with RPC_E_CHANGED_MODE
      job();
      job = nullptr;  // what the job captured goes inside the MTA too
    }
  }

  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> jobs_;
  std::thread thread_;
};

}  // namespace

void PostToReleaseThread(std::function<void()> job) { ReleaseThread::Instance().Post(std::move(job)); }

Outcome VdsSession::Load(uint32_t readyTimeoutMs, std::shared_ptr<VdsSession>* out) {
  MtaScope mta;
  if (Outcome o = mta.status(); !o.ok()) return o;

  std::shared_ptr<VdsSession> session(new VdsSession());
  HRESULT hr = CoIncrementMTAUsage(&session->mtaCookie_);
  if (FAILED(hr)) return LoaderFailure("CoIncrementMTAUsage", hr);

  ComPtr<IVdsServiceLoader> loader;
  hr = CoCreateInstance(kClsidVdsLoader, nullptr, CLSCTX_LOCAL_SERVER, __uuidof(IVdsServiceLoader),
                        reinterpret_cast<void**>(loader.Put()));
  if (FAILED(hr)) return LoaderFailure("CoCreateInstance(CLSID_VdsLoader)", hr);
  if (!loader) return Outcome::Fail(hr::kUnexpected, "The VDS loader returned S_OK without an interface.");

  hr = loader->LoadService(nullptr, session->service_.Put());
  if (FAILED(hr)) return LoaderFailure("IVdsServiceLoader::LoadService", hr);
  if (!session->service_)
    return Outcome::Fail(hr::kUnexpected, "LoadService returned S_OK without a service.");

  // S_OK from LoadService does not mean ready. WaitForServiceReady has no bound (a provider that never
  // finishes loading blocks it forever): ask IsServiceReady instead, S_OK = ready, S_FALSE = still loading,
  // until the deadline.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(readyTimeoutMs);
  for (;;) {
    hr = session->service_->IsServiceReady();
    if (hr == S_OK) break;
    if (FAILED(hr)) {
      if (IsAccessDenied(hr)) return Outcome::Fail(hr, kRunAsAdmin);
      return Outcome::Fail(hr, "The Virtual Disk Service did not become ready (IsServiceReady failed with " +
                                   FormatHResult(hr) + "). Check that the service is running and try again.");
    }
    if (std::chrono::steady_clock::now() >= deadline) {
      const HRESULT timeout = HRESULT_FROM_WIN32(ERROR_TIMEOUT);
      char seconds[32];
      std::snprintf(seconds, sizeof(seconds), readyTimeoutMs % 1000 == 0 ? "%.0f" : "%.1f",
                    readyTimeoutMs / 1000.0);
      return Outcome::Fail(timeout,
                           std::string("The Virtual Disk Service did not become ready within ") + seconds +
                               " s: a storage provider is still loading or hangs. Try again later, or "
                               "restart the Virtual Disk Service.");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  *out = std::move(session);
  return Outcome::Ok();
}

VdsSession::~VdsSession() {
  // A proxy is released inside its apartment, and the MTA is let go only after that.
  ReleaseInMta([service = std::move(service_), cookie = mtaCookie_]() mutable {
    service.Reset();
    if (cookie) CoDecrementMTAUsage(cookie);
  });
}

}  // namespace lun::vds
