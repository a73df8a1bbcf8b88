#include "vds_create_lun.h"

#include <string>
#include <vector>

#include "../hresult_table.h"
#include "vds_convert.h"

namespace lun::vds {

namespace {

VDS_OBJECT_ID* DriveArray(std::vector<VDS_OBJECT_ID>& drives) {
  return drives.empty() ? nullptr : drives.data();
}

// The interface the output's arm carries, whichever arm `type` selects: the caller owns (and releases) it.
IUnknown* ArmInterface(const VDS_ASYNC_OUTPUT& output) {
  switch (output.type) {
    case VDS_ASYNCOUT_CREATELUN:
      return output.cl.pLunUnk;
    case VDS_ASYNCOUT_CREATETARGET:
      return output.ct.pTargetUnk;
    case VDS_ASYNCOUT_CREATEPORTALGROUP:
      return output.cpg.pPortalGroupUnk;
    case VDS_ASYNCOUT_CREATEVOLUME:
      return output.cv.pVolumeUnk;
    case VDS_ASYNCOUT_BREAKVOLUMEPLEX:
      return output.bvp.pVolumeUnk;
    default:
      return nullptr;  // the other arms carry no interface
  }
}

bool IsDisconnected(HRESULT hr) {
  return hr == static_cast<HRESULT>(0x800706BA) || hr == static_cast<HRESULT>(0x80010108) ||
         hr == static_cast<HRESULT>(0x800706BE);
}

// IVdsAsync of one CreateLun. Safe to call from several threads: each call enters the MTA on its own thread,
// and IVdsAsync itself is free-threaded. The async and subsystem pointers are released with the operation.
class VdsOperation : public Operation {
 public:
  VdsOperation(std::shared_ptr<VdsSession> session, SubsystemHandle subsystem, ComPtr<IVdsAsync> async,
               std::function<void()> finished)
      : session_(std::move(session)),
        subsystem_(std::move(subsystem)),
        async_(std::move(async)),
        finished_(std::move(finished)) {}

  ~VdsOperation() override {
    ReleaseInMta([async = std::move(async_), subsystem = std::move(subsystem_),
                  session = std::move(session_)]() mutable {
      async.Reset();
      subsystem = SubsystemHandle{};
      session.reset();  // last: may end the session, which lets the MTA go
    });
  }

  OperationStatus QueryStatus() override {
    OperationStatus status;
    MtaScope mta;
    if (Outcome o = mta.status(); !o.ok()) {
      status.hr = o.hr;
      return status;
    }
    HRESULT opHr = S_OK;
    ULONG percent = 0;
    HRESULT call = async_->QueryStatus(&opHr, &percent);
    if (FAILED(call)) {
      status.hr = call;  // the poller reports what the provider said; Wait tells the truth
      return status;
    }
    status.hr = opHr;
    // Outside 0-100 (CreateLun's IDL: 0xFFFFFFFF = no value; providers have reported 253) = unknown:
    // passed on as it is, shown as unknown (null), never as 100.
    status.percent = percent;
    return status;
  }

  Outcome Wait(LunInfo* lun) override {
    MtaScope mta;
    if (Outcome o = mta.status(); !o.ok()) return o;
    HRESULT opHr = S_OK;
    VDS_ASYNC_OUTPUT output{};
    HRESULT call = async_->Wait(&opHr, &output);
    if (finished_) finished_();
    // Whatever arm the output type selects, the interface it carries is ours: take it now so every path
    // releases it (a wrong output type too).
    ComPtr<IUnknown> outputObject = ComPtr<IUnknown>::Adopt(ArmInterface(output));
    if (IsDisconnected(call)) {
      return Outcome::Fail(
          call, "The connection to VDS was lost while the LUN was being created (" + FormatHResult(call) +
                    "); the creation was not retried. Refresh the LUN list to see whether the "
                    "LUN exists before you try again.");
    }
    if (FAILED(call)) {
      // Check 2: the operation may have succeeded, but Wait itself failed: report Wait's HRESULT.
      return Outcome::Fail(call, "Waiting for the LUN creation failed (" + FormatHResult(call) +
                                     "); the LUN may exist: refresh the LUN list to check");
    }
    if (FAILED(opHr)) return Outcome::Fail(opHr);
    if (output.type != VDS_ASYNCOUT_CREATELUN) {  // check 3
      return Outcome::Fail(hr::kUnexpected, "The provider finished the creation with output type " +
                                                std::to_string(static_cast<int>(output.type)) +
                                                " instead of VDS_ASYNCOUT_CREATELUN (50)");
    }
    ComPtr<IUnknown> lunUnknown = std::move(outputObject);
    if (!lunUnknown) {  // check 4
      return Outcome::Fail(hr::kUnexpected, "The provider reported success but returned no LUN");
    }
    ComPtr<IVdsLun> newLun;  // check 5
    HRESULT qi = lunUnknown.As(&newLun);
    if (FAILED(qi) || !newLun) {
      return Outcome::Fail(hr::kUnexpected,
                           "The provider returned a LUN object without the IVdsLun interface (" +
                               FormatHResult(FAILED(qi) ? qi : hr::kUnexpected) + ")");
    }
    Outcome reread =
        ReadLun(subsystem_, newLun.Get(), lun);  // the real size and drives, as the array has them
    if (!reread.ok()) {
      return Outcome::Fail(hr::kUnexpected,
                           "The provider reported a new LUN but it cannot be read back: " +
                               (reread.detail.empty() ? FormatHResult(reread.hr) : reread.detail));
    }
    return Outcome::Ok();
  }

  HResult Cancel() override {
    MtaScope mta;
    if (Outcome o = mta.status(); !o.ok()) return o.hr;
    return async_->Cancel();
  }

 private:
  std::shared_ptr<VdsSession> session_;  // declared first: released last
  SubsystemHandle subsystem_;
  ComPtr<IVdsAsync> async_;
  std::function<void()> finished_;
};

// The one stripe-size rule, for the largest size and for the creation alike: CreateLun takes hints only
// with an automagic type, so a stripe size with a specific type would be dropped by the creation (and the
// largest size asked with it would not be the one created).
Outcome CheckStripeSize(const Hints& hints, LunType type) {
  if (IsAutomagic(type) || hints.stripeSize == 0) return Outcome::Ok();
  return Outcome::Fail(hr::kInvalidArg,
                       "hints.stripeSizeBytes: VDS accepts a stripe size only when the subsystem chooses the "
                       "LUN type (auto, faultTolerant, nonFaultTolerant); choose one of those, or leave the "
                       "stripe size to the array",
                       "hints.stripeSizeBytes");
}

}  // namespace

Outcome QueryMaxLunCreateSize(const SubsystemHandle& subsystem, const MaxSizeArgs& args, uint64_t* maxBytes) {
  std::vector<VDS_OBJECT_ID> drives;
  if (Outcome o = ParseDriveIds(args.driveIds, &drives); !o.ok()) return o;
  if (Outcome o = CheckStripeSize(args.hints, args.type); !o.ok()) return o;
  const auto type = static_cast<VDS_LUN_TYPE>(args.type);
  const LONG count = static_cast<LONG>(drives.size());
  ULONGLONG max = 0;
  HRESULT hr;
  if (subsystem.subsystem2) {
    VDS_HINTS2 hints = ToVdsHints2(args.hints);
    hr = subsystem.subsystem2->QueryMaxLunCreateSize2(type, DriveArray(drives), count, &hints, &max);
  } else {
    VDS_HINTS hints = ToVdsHints(args.hints);
    hr = subsystem.subsystem->QueryMaxLunCreateSize(type, DriveArray(drives), count, &hints, &max);
  }
  if (FAILED(hr)) return Outcome::Fail(hr);
  *maxBytes = max;
  return Outcome::Ok();
}

Outcome StartCreateLun(std::shared_ptr<VdsSession> session, SubsystemHandle subsystem,
                       const CreateLunArgs& args, std::shared_ptr<Operation>* op,
                       std::function<void()> finished) {
  std::vector<VDS_OBJECT_ID> drives;
  if (Outcome o = ParseDriveIds(args.driveIds, &drives); !o.ok()) return o;
  if (Outcome o = CheckStripeSize(args.hints, args.type); !o.ok()) return o;
  // CreateLun's contract: an automagic type leaves the drives to the provider (NULL / 0).
  if (IsAutomagic(args.type) && !drives.empty()) {
    return Outcome::Fail(
        hr::kInvalidArg,
        "driveIds: the subsystem picks the drives for auto, faultTolerant and nonFaultTolerant "
        "LUNs; leave the drive list empty, or choose a specific LUN type to name drives",
        "driveIds");
  }
  const auto type = static_cast<VDS_LUN_TYPE>(args.type);
  const LONG count = static_cast<LONG>(drives.size());
  std::wstring unmasking = Utf8ToWide(args.unmaskingList);  // LPWSTR parameter: pass a writable copy
  std::vector<wchar_t> unmaskingBuffer(unmasking.begin(), unmasking.end());
  unmaskingBuffer.push_back(L'\0');
  // An automagic type always comes with a hints struct (all-zero when the user set none); a specific type
  // with none (VDS-NOTES: never both).
  const bool withHints = IsAutomagic(args.type);

  ComPtr<IVdsAsync> async;
  HRESULT hr;
  if (subsystem.subsystem2) {
    VDS_HINTS2 hints = ToVdsHints2(args.hints);
    hr = subsystem.subsystem2->CreateLun2(type, args.sizeBytes, DriveArray(drives), count,
                                          unmaskingBuffer.data(), withHints ? &hints : nullptr, async.Put());
  } else {
    VDS_HINTS hints = ToVdsHints(args.hints);
    hr = subsystem.subsystem->CreateLun(type, args.sizeBytes, DriveArray(drives), count,
                                        unmaskingBuffer.data(), withHints ? &hints : nullptr, async.Put());
  }
  if (FAILED(hr)) return Outcome::Fail(hr);
  if (!async) {  // check 1: S_OK but no IVdsAsync
    return Outcome::Fail(hr::kUnexpected,
                         "The provider accepted the request but returned no operation to track");
  }
  *op = std::make_shared<VdsOperation>(std::move(session), std::move(subsystem), std::move(async),
                                       std::move(finished));
  return Outcome::Ok();
}

}  // namespace lun::vds
