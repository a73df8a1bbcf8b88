// What the test VDS service serves: N1's raw sim model plus service-level knobs, set from JS by configure().
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "../../../native/src/sim/model.h"
#include "../../../native/src/vds/vds_api.h"

namespace testvds {

struct ServiceKnobs {
  HRESULT loadServiceFails = S_OK;  // e.g. E_ACCESSDENIED / VDS_E_ACCESS_DENIED from LoadService
  bool neverReady = false;          // IsServiceReady / WaitForServiceReady fail: VDS_E_INITIALIZED_FAILED
  bool loadingForever = false;      // IsServiceReady says S_FALSE forever; WaitForServiceReady never returns
  bool offerSubsystem2 = true;      // subsystems answer QI for IVdsSubSystem2
  bool overridePercent = false;     // QueryStatus of a pending operation reports pendingPercent instead
  bool outputInTargetArm = false;  // Wait hands the new LUN back as VDS_ASYNCOUT_CREATETARGET's ct.pTargetUnk
  ULONG pendingPercent = 0;        // e.g. 0xFFFFFFFF ("no value", CreateLun's IDL) or 253 (seen in the field)
  bool noMaintenance = false;      // drives answer E_NOINTERFACE for IVdsMaintenance (no identify light)
  bool noIdentification = false;   // IVdsLun::GetIdentificationData answers VDS_E_NOT_SUPPORTED
  // An errant IVdsLun::Recover: S_OK with a NULL async (nothing started), or a Wait output type other than
  // VDS_ASYNCOUT_RECOVERLUN (the recovery itself runs).
  bool recoverNullAsync = false;
  uint32_t recoverOutputType = 0;  // 0 = the model's own
};

struct ServiceConfig {
  std::shared_ptr<lun::sim::Model> model;
  ServiceKnobs knobs;
};

void SetConfig(ServiceConfig config);
ServiceConfig GetConfig();

// The model's ids are GUID strings already; any other id gets a stable GUID derived from it. The reverse
// map answers for every id handed out.
GUID ToVdsId(const std::string& simId);
std::string FromVdsId(const GUID& id);

// Every VDS method the service's objects receive (IUnknown's excluded) counts one call: across processes each
// is one round trip. Calls() / ResetCalls() from JS.
void CountCall();
uint64_t Calls();
void ResetCalls();

// expireSubsystems(): every subsystem object handed out so far answers VDS_E_OBJECT_DELETED from now on, and
// the next enumeration hands out new ones (as a provider does after it re-enumerated its arrays).
void ExpireSubsystems();
uint64_t SubsystemEpoch();

// A provider that hangs: every IVdsAsync::QueryStatus that starts within the next `ms` waits until then.
void StallQueryStatusFor(uint32_t ms);
void WaitOutQueryStatusStall();

// A CoTaskMemAlloc'ed UTF-16 copy: the client frees it with CoTaskMemFree.
LPWSTR CoTaskString(const std::string& utf8);

}  // namespace testvds
