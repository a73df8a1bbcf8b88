#include "vds_create_lun.h"

#include <string>
#include <vector>

#include "../hresult_table.h"
#include "vds_async_operation.h"
#include "vds_convert.h"

namespace lun::vds {

namespace {

VDS_OBJECT_ID* DriveArray(std::vector<VDS_OBJECT_ID>& drives) {
  return drives.empty() ? nullptr : drives.data();
}

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
  std::vector<wchar_t> unmaskingBuffer = WritableWide(args.unmaskingList);
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
  // Checks 4 and 5 (check 1 is WrapAsync's, 2 and 3 its Wait's): the output carries the new LUN.
  ReadResult readNewLun = [subsystem = std::move(subsystem)](ComPtr<IUnknown> lunUnknown, LunInfo* lun) {
    if (!lunUnknown) {
      return Outcome::Fail(hr::kUnexpected, "The provider reported success but returned no LUN");
    }
    ComPtr<IVdsLun> newLun;
    HRESULT qi = lunUnknown.As(&newLun);
    if (FAILED(qi) || !newLun) {
      return Outcome::Fail(hr::kUnexpected,
                           "The provider returned a LUN object without the IVdsLun interface (" +
                               FormatHResult(FAILED(qi) ? qi : hr::kUnexpected) + ")");
    }
    Outcome reread =
        ReadLun(subsystem, newLun.Get(), lun);  // the real size and drives, as the array has them
    if (!reread.ok()) {
      return Outcome::Fail(hr::kUnexpected,
                           "The provider reported a new LUN but it cannot be read back: " +
                               (reread.detail.empty() ? FormatHResult(reread.hr) : reread.detail));
    }
    return Outcome::Ok();
  };
  return WrapAsync(kCreateLunCall, std::move(session), std::move(async), std::move(readNewLun),
                   std::move(finished), op);
}

}  // namespace lun::vds
