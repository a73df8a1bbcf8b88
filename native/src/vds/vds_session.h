// Loading VDS the documented way and keeping it loaded: CoCreateInstance(CLSID_VdsLoader, LOCAL_SERVER),
// LoadService(NULL), WaitForServiceReady. Every call into VDS runs inside an MtaScope on its own thread.
#pragma once

#include <memory>
#include <thread>

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

// Runs `release` (which owns what it releases) inside the MTA: right here when this thread can join the MTA;
// otherwise (a single-threaded apartment, e.g. a UI thread running a JS finalizer) on a detached MTA thread,
// so that the caller never blocks on COM.
template <typename Release>
void ReleaseInMta(Release release) {
  {
    MtaScope mta;
    if (mta.status().ok()) {
      release();
      return;
    }
  }
  std::thread([release = std::move(release)]() mutable {
    MtaScope mta;
    release();
  }).detach();
}

// The loaded service. Holds the process MTA open (CoIncrementMTAUsage) so that interface pointers stay valid
// between calls made from threads that come and go; shared by the provider and every live operation.
class VdsSession {
 public:
  static Outcome Load(std::shared_ptr<VdsSession>* out);
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
