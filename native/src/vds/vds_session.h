// Loading VDS the documented way and keeping it loaded: CoCreateInstance(CLSID_VdsLoader, LOCAL_SERVER),
// LoadService(NULL), WaitForServiceReady. Every call into VDS runs inside an MtaScope on its own thread.
#pragma once

#include <functional>
#include <memory>

#include "../provider.h"
#include "com_ptr.h"

namespace lun::vds {

// Puts the calling thread in the multithreaded apartment for the scope (CoInitializeEx(COINIT_MULTITHREADED),
// balanced by CoUninitialize). Idempotent per thread, so any thread (N-API workers, the poller) may call in.
class MtaScope {
 public:
  MtaScope();
  ~MtaScope();
  MtaScope(const MtaScope&) = delete;
  MtaScope& operator=(const MtaScope&) = delete;
  // Fails (RPC_E_CHANGED_MODE) on a thread that is already single-threaded: it must not touch MTA objects.
  Outcome status() const;

 private:
  HRESULT hr_;
};

// Runs `job` inside the MTA on the one release thread of the process, after every job posted before it.
// The thread starts with the first job and is never detached or joined: it waits for work until the process
// ends. (A thread per release, created and detached from a finalizer in bursts, hit a race in mingw-w64's
// winpthreads between pthread_detach and the thread's own exit: a std::thread body later ran with a state
// that was not its own — page faults on NULL in execute_native_thread_routine, under load.)
void PostToReleaseThread(std::function<void()> job);

// Runs `release` (which owns what it releases) inside the MTA, on the release thread, after every release
// posted before it. Always there, never on the caller's thread: the caller is often the JS thread (a JS
// finalizer, a provider closed), and releasing a proxy is a call into vds.exe, which blocks for as long as
// the service is hung or gone (seen across two processes under Wine: 159 ms of JS timer lag from finalizers
// releasing the proxies of a killed service). `release` is also destroyed inside the MTA.
template <typename Release>
void ReleaseInMta(Release release) {
  auto owned = std::make_shared<Release>(std::move(release));  // std::function needs a copyable callable
  PostToReleaseThread([owned]() mutable {
    (*owned)();
    owned.reset();
  });
}

// The loaded service. Holds the process MTA open (CoIncrementMTAUsage) so that interface pointers stay valid
// between calls made from threads that come and go; shared by the provider and every live operation.
class VdsSession {
 public:
  // Waits at most readyTimeoutMs for the service to become ready (IsServiceReady, polled: WaitForServiceReady
  // itself has no bound).
  static Outcome Load(uint32_t readyTimeoutMs, std::shared_ptr<VdsSession>* out);
  ~VdsSession();
  VdsSession(const VdsSession&) = delete;
  VdsSession& operator=(const VdsSession&) = delete;

  IVdsService* service() const { return service_.Get(); }

 private:
  VdsSession() = default;
  CO_MTA_USAGE_COOKIE mtaCookie_ = nullptr;
  ComPtr<IVdsService> service_;
};

}  // namespace lun::vds
