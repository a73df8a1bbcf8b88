#include "vds_objects.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <mutex>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

#include "../../../native/src/hresult_table.h"
#include "../../../native/src/vds/vds_convert.h"
#include "allocation_spy.h"
#include "com_object.h"
#include "lun_information.h"
#include "service_state.h"

namespace testvds {

namespace {

using lun::sim::Model;
using ModelPtr = std::shared_ptr<Model>;

std::atomic<long> live{0};

class Enum : public ComObject<IEnumVdsObject> {
 public:
  explicit Enum(std::vector<IUnknown*> items) : items_(std::move(items)) {}  // takes the references
  ~Enum() override {
    for (IUnknown* item : items_) item->Release();
  }
  HRESULT STDMETHODCALLTYPE Next(ULONG celt, IUnknown** out, ULONG* fetched) override {
    CountCall();
    if (!out) return E_POINTER;
    ULONG n = 0;
    while (n < celt && next_ < items_.size()) {
      out[n] = items_[next_++];
      out[n]->AddRef();
      ++n;
    }
    if (fetched) *fetched = n;
    return n == celt ? S_OK : S_FALSE;
  }
  HRESULT STDMETHODCALLTYPE Skip(ULONG celt) override {
    CountCall();
    next_ = std::min(items_.size(), next_ + celt);
    return next_ < items_.size() ? S_OK : S_FALSE;
  }
  HRESULT STDMETHODCALLTYPE Reset() override {
    CountCall();
    next_ = 0;
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE Clone(IEnumVdsObject**) override {
    CountCall();
    return E_NOTIMPL;
  }

 private:
  std::vector<IUnknown*> items_;
  size_t next_ = 0;
};

lun::Hints HintsFrom(const VDS_HINTS* h) {
  lun::Hints hints;
  if (!h) return hints;
  hints.present = true;
  hints.hintMask = h->ullHintMask;
  hints.stripeSize = h->ulStripeSize;
  hints.maximumDriveCount = h->ulMaximumDriveCount;
  hints.fastCrashRecoveryRequired = h->bFastCrashRecoveryRequired;
  hints.mostlyReads = h->bMostlyReads;
  hints.optimizeForSequentialReads = h->bOptimizeForSequentialReads;
  hints.optimizeForSequentialWrites = h->bOptimizeForSequentialWrites;
  hints.readBackVerifyEnabled = h->bReadBackVerifyEnabled;
  hints.writeThroughCachingEnabled = h->bWriteThroughCachingEnabled;
  hints.hardwareChecksumEnabled = h->bHardwareChecksumEnabled;
  hints.isYankable = h->bIsYankable;
  hints.rebuildPriority = h->sRebuildPriority;
  return hints;
}

lun::Hints HintsFrom(const VDS_HINTS2* h) {
  if (!h) return {};
  VDS_HINTS v1{};
  v1.ullHintMask = h->ullHintMask;
  v1.ulStripeSize = h->ulStripeSize;
  v1.ulMaximumDriveCount = h->ulMaximumDriveCount;
  v1.bFastCrashRecoveryRequired = h->bFastCrashRecoveryRequired;
  v1.bMostlyReads = h->bMostlyReads;
  v1.bOptimizeForSequentialReads = h->bOptimizeForSequentialReads;
  v1.bOptimizeForSequentialWrites = h->bOptimizeForSequentialWrites;
  v1.bReadBackVerifyEnabled = h->bReadBackVerifyEnabled;
  v1.bWriteThroughCachingEnabled = h->bWriteThroughCachingEnabled;
  v1.bHardwareChecksumEnabled = h->bHardwareChecksumEnabled;
  v1.bIsYankable = h->bIsYankable;
  v1.sRebuildPriority = h->sRebuildPriority;
  return HintsFrom(&v1);
}

std::vector<std::string> DriveIdsFrom(const VDS_OBJECT_ID* ids, LONG count) {
  std::vector<std::string> out;
  for (LONG i = 0; ids && i < count; ++i) out.push_back(FromVdsId(ids[i]));
  return out;
}

// Wait's CREATELUN output: a new reference to the LUN object for the id (defined after Lun).
IUnknown* NewLunObject(const ModelPtr& model, const std::string& simId);

class Async : public ComObject<IVdsAsync> {
 public:
  // outputType: when non-zero, what Wait reports instead of the model's type (an errant provider).
  Async(ModelPtr model, std::shared_ptr<lun::sim::CreateLunJob> job, uint32_t outputType = 0)
      : model_(std::move(model)), job_(std::move(job)), outputType_(outputType) {}

  HRESULT STDMETHODCALLTYPE Cancel() override {
    CountCall();
    return job_->Cancel();
  }
  HRESULT STDMETHODCALLTYPE Wait(HRESULT* opHr, VDS_ASYNC_OUTPUT* output) override {
    CountCall();
    if (!opHr || !output) return E_POINTER;
    *output = VDS_ASYNC_OUTPUT{};
    lun::HResult result = S_OK;
    lun::sim::AsyncOutput raw;
    lun::HResult call = job_->Wait(&result, &raw);
    *opHr = result;
    if (FAILED(call)) return call;
    output->type = static_cast<VDS_ASYNC_OUTPUT_TYPE>(outputType_ ? outputType_ : raw.type);
    // Only a CREATELUN output carries the new LUN (and only on success); under nullLun it stays NULL.
    if (SUCCEEDED(result) && raw.type == VDS_ASYNCOUT_CREATELUN && !raw.lunId.empty()) {
      IUnknown* lun = NewLunObject(model_, raw.lunId);
      if (GetConfig().knobs.outputInTargetArm) {  // errant: the LUN comes back in the CREATETARGET arm
        output->type = VDS_ASYNCOUT_CREATETARGET;
        output->ct.pTargetUnk = lun;
      } else {
        output->cl.pLunUnk = lun;
      }
    }
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE QueryStatus(HRESULT* opHr, ULONG* percent) override {
    CountCall();
    if (!opHr || !percent) return E_POINTER;
    lun::HResult result = S_OK;
    uint32_t pct = 0;
    WaitOutQueryStatusStall();
    lun::HResult call = job_->QueryStatus(&result, &pct);
    *opHr = result;
    *percent = pct;
    const ServiceKnobs knobs = GetConfig().knobs;
    if (knobs.overridePercent && result == lun::hr::kVdsOperationPending) *percent = knobs.pendingPercent;
    return call;
  }

 private:
  ModelPtr model_;
  std::shared_ptr<lun::sim::CreateLunJob> job_;
  uint32_t outputType_;
};

// Hands the model's job out as an IVdsAsync, or nothing: under errantNullAsync the model answers S_OK without
// a job, and so does this provider (*async stays NULL).
HRESULT HandOut(const ModelPtr& model, const lun::Outcome& started,
                std::shared_ptr<lun::sim::CreateLunJob> job, IVdsAsync** async, uint32_t outputType = 0) {
  if (!started.ok()) return started.hr;
  if (job) *async = (new Async(model, std::move(job), outputType))->As<IVdsAsync>();
  return S_OK;
}

class Lun : public ComObject<IVdsLun> {
 public:
  Lun(ModelPtr model, std::string simId) : model_(std::move(model)), simId_(std::move(simId)) {}

  HRESULT STDMETHODCALLTYPE GetProperties(VDS_LUN_PROP* prop) override {
    CountCall();
    if (!prop) return E_POINTER;
    lun::LunInfo info;
    if (HRESULT hr = Read(&info); FAILED(hr)) return hr;
    *prop = VDS_LUN_PROP{};
    prop->id = ToVdsId(info.id);
    prop->ullSize = info.sizeBytes;
    prop->pwszFriendlyName = CoTaskString(info.name);
    prop->pwszIdentification = CoTaskString(info.identification);
    prop->pwszUnmaskingList = CoTaskString(info.unmaskingList);
    prop->type = static_cast<VDS_LUN_TYPE>(info.type);
    prop->status = static_cast<VDS_LUN_STATUS>(info.status);
    prop->health = static_cast<VDS_HEALTH>(info.health);
    prop->TransitionState = VDS_TS_STABLE;
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE QueryHints(VDS_HINTS* hints) override {
    CountCall();
    if (!hints) return E_POINTER;
    lun::LunInfo info;
    if (HRESULT hr = Read(&info); FAILED(hr)) return hr;
    *hints = VDS_HINTS{};
    hints->ulStripeSize = static_cast<ULONG>(info.stripeSize);
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE Extend(ULONGLONG bytesToAdd, VDS_OBJECT_ID* drives, LONG count,
                                   IVdsAsync** async) override {
    CountCall();
    if (!async) return E_POINTER;
    *async = nullptr;
    if (HRESULT hr = Read(nullptr); FAILED(hr)) return hr;
    lun::ExtendLunArgs args;
    args.lunId = simId_;
    args.bytesToAdd = bytesToAdd;
    args.driveIds = DriveIdsFrom(drives, count);
    std::shared_ptr<lun::sim::CreateLunJob> job;
    lun::Outcome started = model_->ExtendLun(args, &job);
    return HandOut(model_, started, std::move(job), async);
  }
  HRESULT STDMETHODCALLTYPE Shrink(ULONGLONG bytesToRemove, IVdsAsync** async) override {
    CountCall();
    if (!async) return E_POINTER;
    *async = nullptr;
    if (HRESULT hr = Read(nullptr); FAILED(hr)) return hr;
    lun::ShrinkLunArgs args;
    args.lunId = simId_;
    args.bytesToRemove = bytesToRemove;
    std::shared_ptr<lun::sim::CreateLunJob> job;
    lun::Outcome started = model_->ShrinkLun(args, &job);
    return HandOut(model_, started, std::move(job), async);
  }
  HRESULT STDMETHODCALLTYPE SetMask(LPWSTR unmaskingList) override {
    CountCall();
    if (HRESULT hr = Read(nullptr); FAILED(hr)) return hr;
    return model_->SetLunMask(simId_, lun::vds::WideToUtf8(unmaskingList)).hr;  // NULL = ""
  }
  HRESULT STDMETHODCALLTYPE Delete() override {
    CountCall();
    if (HRESULT hr = Read(nullptr); FAILED(hr)) return hr;
    lun::Outcome o = model_->DeleteLun(simId_);
    if (o.ok()) deleted_ = true;
    return o.hr;
  }
  HRESULT STDMETHODCALLTYPE QueryMaxLunExtendSize(VDS_OBJECT_ID* drives, LONG count,
                                                  ULONGLONG* max) override {
    CountCall();
    if (!max) return E_POINTER;
    if (HRESULT hr = Read(nullptr); FAILED(hr)) return hr;
    uint64_t bytes = 0;
    lun::Outcome o = model_->QueryMaxLunExtendSize(simId_, DriveIdsFrom(drives, count), &bytes);
    if (!o.ok()) return o.hr;
    *max = bytes;
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE GetSubSystem(IVdsSubSystem**) override {
    CountCall();
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE GetIdentificationData(VDS_LUN_INFORMATION* info) override {
    CountCall();
    if (!info) return E_POINTER;
    *info = VDS_LUN_INFORMATION{};
    if (HRESULT hr = Read(nullptr); FAILED(hr)) return hr;
    if (GetConfig().knobs.noIdentification) return lun::hr::kVdsNotSupported;
    lun::LunIdentification identification;
    lun::Outcome o = model_->GetLunIdentification(simId_, &identification);
    if (!o.ok()) return o.hr;
    return FillLunInformation(identification, info);
  }
  HRESULT STDMETHODCALLTYPE QueryActiveControllers(IEnumVdsObject**) override {
    CountCall();
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE QueryPlexes(IEnumVdsObject**) override {
    CountCall();
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE AddPlex(VDS_OBJECT_ID, IVdsAsync**) override {
    CountCall();
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE RemovePlex(VDS_OBJECT_ID, IVdsAsync**) override {
    CountCall();
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE Recover(IVdsAsync** async) override {
    CountCall();
    if (!async) return E_POINTER;
    *async = nullptr;
    if (HRESULT hr = Read(nullptr); FAILED(hr)) return hr;
    const ServiceKnobs knobs = GetConfig().knobs;
    if (knobs.recoverNullAsync) return S_OK;  // errant: accepted, nothing to track, nothing started
    lun::RecoverLunArgs args;
    args.lunId = simId_;
    std::shared_ptr<lun::sim::CreateLunJob> job;
    lun::Outcome started = model_->RecoverLun(args, &job);
    return HandOut(model_, started, std::move(job), async, knobs.recoverOutputType);
  }
  HRESULT STDMETHODCALLTYPE AssociateControllers(VDS_OBJECT_ID*, LONG, VDS_OBJECT_ID*, LONG) override {
    CountCall();
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE ApplyHints(VDS_HINTS*) override {
    CountCall();
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE SetStatus(VDS_LUN_STATUS) override {
    CountCall();
    return E_NOTIMPL;
  }

 private:
  // The LUN as the model has it now (into *info when given). A LUN object whose LUN is gone — deleted
  // through this object or any other — answers VDS_E_OBJECT_DELETED, as VDS's objects do.
  HRESULT Read(lun::LunInfo* info) {
    if (deleted_) return lun::hr::kVdsObjectDeleted;
    lun::LunInfo current;
    lun::Outcome o = model_->GetLun(simId_, &current);
    if (o.hr == lun::hr::kVdsObjectNotFound) return lun::hr::kVdsObjectDeleted;
    if (!o.ok()) return o.hr;
    if (info) *info = std::move(current);
    return S_OK;
  }

  ModelPtr model_;
  std::string simId_;
  std::atomic<bool> deleted_{false};
};

IUnknown* NewLunObject(const ModelPtr& model, const std::string& simId) {
  return (new Lun(model, simId))->As<IVdsLun>();
}

class Drive : public ComObject<IVdsDrive, IVdsMaintenance> {
 public:
  Drive(ModelPtr model, std::string subsystemId, lun::DriveInfo info)
      : model_(std::move(model)), subsystemId_(std::move(subsystemId)), info_(std::move(info)) {}

  HRESULT STDMETHODCALLTYPE QueryInterface(REFIID riid, void** out) override {
    if (riid == __uuidof(IVdsMaintenance) && GetConfig().knobs.noMaintenance) {
      if (out) *out = nullptr;
      return E_NOINTERFACE;
    }
    return ComObject::QueryInterface(riid, out);
  }

  HRESULT STDMETHODCALLTYPE GetProperties(VDS_DRIVE_PROP* prop) override {
    CountCall();
    if (!prop) return E_POINTER;
    // The same object serves every read (as a real provider's does): read the drive as it is now.
    lun::DriveInfo current = info_;
    std::vector<lun::DriveInfo> drives;
    if (model_->QueryDrives(subsystemId_, &drives).ok()) {
      for (auto& drive : drives) {
        if (drive.id == info_.id) current = std::move(drive);
      }
    }
    *prop = VDS_DRIVE_PROP{};
    prop->id = ToVdsId(current.id);
    prop->ullSize = current.sizeBytes;
    prop->pwszFriendlyName = CoTaskString(current.name);
    prop->pwszIdentification = CoTaskString(current.identification);
    prop->ulFlags = current.flags;
    prop->status = static_cast<VDS_DRIVE_STATUS>(current.status);
    prop->health = static_cast<VDS_HEALTH>(current.health);
    prop->sInternalBusNumber = static_cast<SHORT>(current.bus);
    prop->sSlotNumber = static_cast<SHORT>(current.slot);
    return S_OK;
  }
  // The drive's extents in its own order, free gaps included (bUsed FALSE): what the model lists for it.
  HRESULT STDMETHODCALLTYPE QueryExtents(VDS_DRIVE_EXTENT** array, LONG* count) override {
    CountCall();
    if (!array || !count) return E_POINTER;
    *array = nullptr;
    *count = 0;
    std::vector<lun::ExtentInfo> all;
    lun::Outcome o = model_->QueryExtents(subsystemId_, &all);
    if (!o.ok()) return o.hr;
    std::vector<VDS_DRIVE_EXTENT> extents;
    for (const lun::ExtentInfo& extent : all) {
      if (extent.driveId != info_.id) continue;
      const bool used = !extent.lunId.empty();
      extents.push_back(
          {ToVdsId(info_.id), used ? ToVdsId(extent.lunId) : GUID{}, extent.sizeBytes, used ? TRUE : FALSE});
    }
    auto* out =
        static_cast<VDS_DRIVE_EXTENT*>(CoTaskMemAlloc(sizeof(VDS_DRIVE_EXTENT) * (extents.size() + 1)));
    if (!out) return E_OUTOFMEMORY;
    std::copy(extents.begin(), extents.end(), out);
    TrackClientAllocation(out);
    *array = out;
    *count = static_cast<LONG>(extents.size());
    return S_OK;
  }
  // VDS_DRF_HOTSPARE is the one flag a client sets or clears.
  HRESULT STDMETHODCALLTYPE SetFlags(ULONG flags) override {
    CountCall();
    if (flags != VDS_DRF_HOTSPARE) return E_INVALIDARG;
    return model_->SetDriveHotSpare(info_.id, true).hr;
  }
  HRESULT STDMETHODCALLTYPE ClearFlags(ULONG flags) override {
    CountCall();
    if (flags != VDS_DRF_HOTSPARE) return E_INVALIDARG;
    return model_->SetDriveHotSpare(info_.id, false).hr;
  }
  // IVdsMaintenance: the array can blink a drive's light, nothing else.
  HRESULT STDMETHODCALLTYPE StartMaintenance(VDS_MAINTENANCE_OPERATION operation) override {
    CountCall();
    if (operation != BlinkLight) return lun::hr::kVdsNotSupported;
    return model_->SetDriveIdentify(info_.id, true).hr;
  }
  HRESULT STDMETHODCALLTYPE StopMaintenance(VDS_MAINTENANCE_OPERATION operation) override {
    CountCall();
    if (operation != BlinkLight) return lun::hr::kVdsNotSupported;
    return model_->SetDriveIdentify(info_.id, false).hr;
  }
  HRESULT STDMETHODCALLTYPE PulseMaintenance(VDS_MAINTENANCE_OPERATION, ULONG) override {
    CountCall();
    return lun::hr::kVdsNotSupported;
  }
  HRESULT STDMETHODCALLTYPE GetSubSystem(IVdsSubSystem**) override {
    CountCall();
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE SetStatus(VDS_DRIVE_STATUS) override {
    CountCall();
    return E_NOTIMPL;
  }

 private:
  ModelPtr model_;
  std::string subsystemId_;
  lun::DriveInfo info_;
};

// A real provider hands out the same object for the same drive, LUN or subsystem every time (so do the
// proxies: across processes a known object's QueryInterface is answered locally). The test service does
// the same: one object per id, kept while its parent lives.
template <typename T, typename = void>
struct HasExpired : std::false_type {};
template <typename T>
struct HasExpired<T, std::void_t<decltype(std::declval<const T&>().Expired())>> : std::true_type {};

template <typename Object>
class ObjectsById {
 public:
  ~ObjectsById() {
    for (auto& [id, object] : objects_) object->Release();
  }
  template <typename Make>
  Object* Get(const std::string& id, Make make) {
    std::lock_guard<std::mutex> lock(mu_);
    Object*& slot = objects_[id];
    if constexpr (HasExpired<Object>::value) {
      if (slot && slot->Expired()) {  // a new object for the same id, as after a provider re-enumerates
        slot->Release();
        slot = nullptr;
      }
    }
    if (!slot) slot = make();
    slot->AddRef();  // the reference handed out
    return slot;
  }

 private:
  std::mutex mu_;
  std::map<std::string, Object*> objects_;  // one reference each
};

ULONG SubsystemFlags(const lun::SubsystemInfo& info) {
  ULONG flags = info.maskingCapable ? VDS_SF_LUN_MASKING_CAPABLE : 0;
  for (lun::LunType t : info.supportedTypes) {
    switch (t) {
      case lun::LunType::kFaultTolerant:
        flags |= VDS_SF_SUPPORTS_FAULT_TOLERANT_LUNS;
        break;
      case lun::LunType::kNonFaultTolerant:
        flags |= VDS_SF_SUPPORTS_NON_FAULT_TOLERANT_LUNS;
        break;
      case lun::LunType::kSimple:
        flags |= VDS_SF_SUPPORTS_SIMPLE_LUNS;
        break;
      case lun::LunType::kSpan:
        flags |= VDS_SF_SUPPORTS_SPAN_LUNS;
        break;
      case lun::LunType::kStripe:
        flags |= VDS_SF_SUPPORTS_STRIPE_LUNS;
        break;
      case lun::LunType::kMirror:
        flags |= VDS_SF_SUPPORTS_MIRROR_LUNS;
        break;
      case lun::LunType::kParity:
        flags |= VDS_SF_SUPPORTS_PARITY_LUNS;
        break;
      default:
        break;
    }
  }
  return flags;
}

ULONG RaidFlags(const lun::SubsystemInfo& info) {
  ULONG flags = 0;
  for (lun::LunType t : info.supportedTypes) {
    if (t == lun::LunType::kRaid6) flags |= VDS_SF_SUPPORTS_RAID6_LUNS;
    if (t == lun::LunType::kRaid10) flags |= VDS_SF_SUPPORTS_RAID10_LUNS;
  }
  return flags;
}

ULONG StripeSizeFlags(const lun::SubsystemInfo& info) {
  ULONG flags = 0;
  for (uint64_t size : info.stripeSizes) {
    for (int bit = 0; bit < 32; ++bit) {
      if (size == (uint64_t{1} << bit)) flags |= 1UL << bit;
    }
  }
  return flags;
}

class Subsystem : public ComObject<IVdsSubSystem, IVdsSubSystem2> {
 public:
  Subsystem(ModelPtr model, std::string simId, bool offer2)
      : model_(std::move(model)), simId_(std::move(simId)), offer2_(offer2), epoch_(SubsystemEpoch()) {}

  // expireSubsystems() was called since this object was made: VDS no longer knows it.
  bool Expired() const { return epoch_ != SubsystemEpoch(); }

  HRESULT STDMETHODCALLTYPE QueryInterface(REFIID riid, void** out) override {
    if (!offer2_ && riid == __uuidof(IVdsSubSystem2)) {
      if (out) *out = nullptr;
      return E_NOINTERFACE;
    }
    return ComObject::QueryInterface(riid, out);
  }

  HRESULT STDMETHODCALLTYPE GetProperties(VDS_SUB_SYSTEM_PROP* prop) override {
    CountCall();
    if (Expired()) return lun::hr::kVdsObjectDeleted;
    if (!prop) return E_POINTER;
    lun::SubsystemInfo info;
    lun::Outcome o = model_->GetSubsystem(simId_, &info);
    if (!o.ok()) return o.hr;
    *prop = VDS_SUB_SYSTEM_PROP{};
    prop->id = ToVdsId(info.id);
    prop->pwszFriendlyName = CoTaskString(info.name);
    prop->pwszIdentification = CoTaskString(info.identification);
    prop->ulFlags = SubsystemFlags(info);
    prop->ulStripeSizeFlags = StripeSizeFlags(info);
    prop->status = static_cast<VDS_SUB_SYSTEM_STATUS>(info.status);
    prop->health = static_cast<VDS_HEALTH>(info.health);
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE GetProperties2(VDS_SUB_SYSTEM_PROP2* prop) override {
    CountCall();
    if (Expired()) return lun::hr::kVdsObjectDeleted;
    if (!prop) return E_POINTER;
    lun::SubsystemInfo info;
    lun::Outcome o = model_->GetSubsystem(simId_, &info);
    if (!o.ok()) return o.hr;
    *prop = VDS_SUB_SYSTEM_PROP2{};
    prop->id = ToVdsId(info.id);
    prop->pwszFriendlyName = CoTaskString(info.name);
    prop->pwszIdentification = CoTaskString(info.identification);
    prop->ulFlags = SubsystemFlags(info);
    prop->ulStripeSizeFlags = StripeSizeFlags(info);
    prop->ulSupportedRaidTypeFlags = RaidFlags(info);
    prop->status = static_cast<VDS_SUB_SYSTEM_STATUS>(info.status);
    prop->health = static_cast<VDS_HEALTH>(info.health);
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE QueryDrives(IEnumVdsObject** out) override {
    CountCall();
    if (Expired()) return lun::hr::kVdsObjectDeleted;
    if (!out) return E_POINTER;
    std::vector<lun::DriveInfo> drives;
    lun::Outcome o = model_->QueryDrives(simId_, &drives);
    if (!o.ok()) return o.hr;
    std::vector<IUnknown*> items;
    for (auto& drive : drives)
      items.push_back(
          static_cast<IVdsDrive*>(drives_.Get(drive.id, [&] { return new Drive(model_, simId_, drive); })));
    *out = (new Enum(std::move(items)))->As<IEnumVdsObject>();
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE QueryLuns(IEnumVdsObject** out) override {
    CountCall();
    if (Expired()) return lun::hr::kVdsObjectDeleted;
    if (!out) return E_POINTER;
    std::vector<lun::LunInfo> luns;
    lun::Outcome o = model_->QueryLuns(simId_, &luns);
    if (!o.ok()) return o.hr;
    std::vector<IUnknown*> items;
    for (const auto& lun : luns) {
      items.push_back(static_cast<IVdsLun*>(luns_.Get(lun.id, [&] { return new Lun(model_, lun.id); })));
    }
    *out = (new Enum(std::move(items)))->As<IEnumVdsObject>();
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE CreateLun(VDS_LUN_TYPE type, ULONGLONG size, VDS_OBJECT_ID* drives, LONG count,
                                      LPWSTR unmasking, VDS_HINTS* hints, IVdsAsync** async) override {
    CountCall();
    if (Expired()) return lun::hr::kVdsObjectDeleted;
    return Create(type, size, drives, count, unmasking, HintsFrom(hints), async);
  }
  HRESULT STDMETHODCALLTYPE CreateLun2(VDS_LUN_TYPE type, ULONGLONG size, VDS_OBJECT_ID* drives, LONG count,
                                       LPWSTR unmasking, VDS_HINTS2* hints, IVdsAsync** async) override {
    CountCall();
    if (Expired()) return lun::hr::kVdsObjectDeleted;
    return Create(type, size, drives, count, unmasking, HintsFrom(hints), async);
  }
  HRESULT STDMETHODCALLTYPE QueryMaxLunCreateSize(VDS_LUN_TYPE type, VDS_OBJECT_ID* drives, LONG count,
                                                  VDS_HINTS* hints, ULONGLONG* max) override {
    CountCall();
    if (Expired()) return lun::hr::kVdsObjectDeleted;
    if (!hints) return E_INVALIDARG;  // required by the method's contract
    return QueryMax(type, drives, count, HintsFrom(hints), max);
  }
  HRESULT STDMETHODCALLTYPE QueryMaxLunCreateSize2(VDS_LUN_TYPE type, VDS_OBJECT_ID* drives, LONG count,
                                                   VDS_HINTS2* hints, ULONGLONG* max) override {
    CountCall();
    if (Expired()) return lun::hr::kVdsObjectDeleted;
    if (!hints) return E_INVALIDARG;
    return QueryMax(type, drives, count, HintsFrom(hints), max);
  }
  HRESULT STDMETHODCALLTYPE GetProvider(IVdsProvider**) override {
    CountCall();
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE QueryControllers(IEnumVdsObject**) override {
    CountCall();
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE GetDrive(SHORT, SHORT, IVdsDrive**) override {
    CountCall();
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE GetDrive2(SHORT, SHORT, ULONG, IVdsDrive**) override {
    CountCall();
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE Reenumerate() override {
    CountCall();
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE SetControllerStatus(VDS_OBJECT_ID*, LONG, VDS_OBJECT_ID*, LONG) override {
    CountCall();
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE ReplaceDrive(VDS_OBJECT_ID oldDrive, VDS_OBJECT_ID newDrive) override {
    CountCall();
    if (Expired()) return lun::hr::kVdsObjectDeleted;
    std::vector<std::string> lunsToRecover;  // the client reads them from the drives' extents, as with VDS
    return model_->ReplaceDrive(FromVdsId(oldDrive), FromVdsId(newDrive), &lunsToRecover).hr;
  }
  HRESULT STDMETHODCALLTYPE SetStatus(VDS_SUB_SYSTEM_STATUS) override {
    CountCall();
    return E_NOTIMPL;
  }

 private:
  HRESULT Create(VDS_LUN_TYPE type, ULONGLONG size, VDS_OBJECT_ID* drives, LONG count, LPWSTR unmasking,
                 lun::Hints hints, IVdsAsync** async) {
    if (!async) return E_POINTER;
    *async = nullptr;
    lun::CreateLunArgs args;
    args.subsystemId = simId_;
    args.type = static_cast<lun::LunType>(type);
    args.driveIds = DriveIdsFrom(drives, count);
    args.hints = hints;
    args.sizeBytes = size;
    args.unmaskingList = lun::vds::WideToUtf8(unmasking);
    std::shared_ptr<lun::sim::CreateLunJob> job;
    lun::Outcome o = model_->CreateLun(args, &job);
    if (!o.ok()) return o.hr;
    if (job) *async = (new Async(model_, std::move(job)))->As<IVdsAsync>();
    return S_OK;  // errantNullAsync: S_OK with *async == NULL, as an errant provider would
  }
  HRESULT QueryMax(VDS_LUN_TYPE type, VDS_OBJECT_ID* drives, LONG count, lun::Hints hints, ULONGLONG* max) {
    if (!max) return E_POINTER;
    lun::MaxSizeArgs args;
    args.subsystemId = simId_;
    args.type = static_cast<lun::LunType>(type);
    args.driveIds = DriveIdsFrom(drives, count);
    args.hints = hints;
    uint64_t bytes = 0;
    lun::Outcome o = model_->QueryMaxLunCreateSize(args, &bytes);
    if (!o.ok()) return o.hr;
    *max = bytes;
    return S_OK;
  }

  ModelPtr model_;
  std::string simId_;
  bool offer2_;
  uint64_t epoch_;
  ObjectsById<Drive> drives_;
  ObjectsById<Lun> luns_;
};

class HwProvider : public ComObject<IVdsProvider, IVdsHwProvider> {
 public:
  HwProvider(ModelPtr model, bool offer2) : model_(std::move(model)), offer2_(offer2) {}
  HRESULT STDMETHODCALLTYPE GetProperties(VDS_PROVIDER_PROP*) override {
    CountCall();
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE QuerySubSystems(IEnumVdsObject** out) override {
    CountCall();
    if (!out) return E_POINTER;
    std::vector<lun::SubsystemInfo> subsystems;
    lun::Outcome o = model_->QuerySubsystems(&subsystems);
    if (!o.ok()) return o.hr;
    std::vector<IUnknown*> items;
    for (const auto& s : subsystems)
      items.push_back(static_cast<IVdsSubSystem*>(
          subsystems_.Get(s.id, [&] { return new Subsystem(model_, s.id, offer2_); })));
    *out = (new Enum(std::move(items)))->As<IEnumVdsObject>();
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE Reenumerate() override {
    CountCall();
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE Refresh() override {
    CountCall();
    return S_OK;
  }

 private:
  ModelPtr model_;
  bool offer2_;
  ObjectsById<Subsystem> subsystems_;
};

class Service : public ComObject<IVdsService> {
 public:
  explicit Service(ServiceConfig config) : config_(std::move(config)) {}
  HRESULT STDMETHODCALLTYPE IsServiceReady() override {
    CountCall();
    if (config_.knobs.neverReady) return lun::hr::kVdsInitializedFailed;
    return config_.knobs.loadingForever ? S_FALSE : S_OK;
  }
  HRESULT STDMETHODCALLTYPE WaitForServiceReady() override {
    CountCall();
    if (config_.knobs.neverReady) return lun::hr::kVdsInitializedFailed;
    while (config_.knobs.loadingForever)
      std::this_thread::sleep_for(std::chrono::seconds(1));  // a hung provider
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE QueryProviders(DWORD masks, IEnumVdsObject** out) override {
    CountCall();
    if (!out) return E_POINTER;
    std::vector<IUnknown*> items;
    if ((masks & VDS_QUERY_HARDWARE_PROVIDERS) && config_.model) {
      items.push_back(static_cast<IVdsHwProvider*>(providers_.Get(
          "hw", [&] { return new HwProvider(config_.model, config_.knobs.offerSubsystem2); })));
    }
    *out = (new Enum(std::move(items)))->As<IEnumVdsObject>();
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE GetProperties(VDS_SERVICE_PROP*) override {
    CountCall();
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE QueryMaskedDisks(IEnumVdsObject**) override {
    CountCall();
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE QueryUnallocatedDisks(IEnumVdsObject**) override {
    CountCall();
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE GetObject(VDS_OBJECT_ID, VDS_OBJECT_TYPE, IUnknown**) override {
    CountCall();
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE QueryDriveLetters(WCHAR, DWORD, _VDS_DRIVE_LETTER_PROP*) override {
    CountCall();
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE QueryFileSystemTypes(_VDS_FILE_SYSTEM_TYPE_PROP**, LONG*) override {
    CountCall();
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE Reenumerate() override {
    CountCall();
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE Refresh() override {
    CountCall();
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE CleanupObsoleteMountPoints() override {
    CountCall();
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE Advise(IVdsAdviseSink*, DWORD*) override {
    CountCall();
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE Unadvise(DWORD) override {
    CountCall();
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE Reboot() override {
    CountCall();
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE SetFlags(ULONG) override {
    CountCall();
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE ClearFlags(ULONG) override {
    CountCall();
    return E_NOTIMPL;
  }

 private:
  ServiceConfig config_;
  ObjectsById<HwProvider> providers_;
};

class Loader : public ComObject<IVdsServiceLoader> {
 public:
  HRESULT STDMETHODCALLTYPE LoadService(LPWSTR machine, IVdsService** out) override {
    CountCall();
    if (!out) return E_POINTER;
    *out = nullptr;
    if (machine && *machine) return E_INVALIDARG;  // a machine name is no longer allowed
    ServiceConfig config = GetConfig();
    if (FAILED(config.knobs.loadServiceFails)) return config.knobs.loadServiceFails;
    *out = (new Service(std::move(config)))->As<IVdsService>();
    return S_OK;
  }
};

class Factory : public IClassFactory {
 public:
  HRESULT STDMETHODCALLTYPE QueryInterface(REFIID riid, void** out) override {
    if (!out) return E_POINTER;
    if (riid == __uuidof(IUnknown) || riid == __uuidof(IClassFactory)) {
      *out = static_cast<IClassFactory*>(this);
      return S_OK;
    }
    *out = nullptr;
    return E_NOINTERFACE;
  }
  ULONG STDMETHODCALLTYPE AddRef() override { return 2; }
  ULONG STDMETHODCALLTYPE Release() override { return 1; }
  HRESULT STDMETHODCALLTYPE CreateInstance(IUnknown* outer, REFIID riid, void** out) override {
    if (!out) return E_POINTER;
    *out = nullptr;
    if (outer) return CLASS_E_NOAGGREGATION;
    Loader* loader = new Loader();
    HRESULT hr = loader->QueryInterface(riid, out);
    loader->Release();
    return hr;
  }
  HRESULT STDMETHODCALLTYPE LockServer(BOOL) override { return S_OK; }
};

}  // namespace

std::atomic<long>& LiveObjects() { return live; }

IClassFactory* LoaderClassFactory() {
  static Factory factory;
  return &factory;
}

}  // namespace testvds
