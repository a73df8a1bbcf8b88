#include "vds_lun_lifecycle.h"

#include "../hresult_table.h"
#include "vds_async_operation.h"
#include "vds_convert.h"

namespace lun::vds {

namespace {

VDS_OBJECT_ID* DriveArray(std::vector<VDS_OBJECT_ID>& drives) {
  return drives.empty() ? nullptr : drives.data();
}

}  // namespace

ReadResult RereadLun(LunHandle lun) {
  return [lun = std::move(lun)](ComPtr<IUnknown>, LunInfo* out) {
    Outcome reread = ReadLun(lun.subsystem, lun.lun.Get(), out);
    if (!reread.ok()) {
      return Outcome::Fail(reread.hr, "The provider reported success but the LUN cannot be read back: " +
                                          (reread.detail.empty() ? FormatHResult(reread.hr) : reread.detail));
    }
    return Outcome::Ok();
  };
}

Outcome QueryMaxLunExtendSize(const LunHandle& lun, const std::vector<std::string>& driveIds,
                              uint64_t* maxBytes) {
  std::vector<VDS_OBJECT_ID> drives;
  if (Outcome o = ParseDriveIds(driveIds, &drives); !o.ok()) return o;
  ULONGLONG max = 0;
  HRESULT hr = lun.lun->QueryMaxLunExtendSize(DriveArray(drives), static_cast<LONG>(drives.size()), &max);
  if (FAILED(hr)) return Outcome::Fail(hr);
  *maxBytes = max;
  return Outcome::Ok();
}

Outcome StartExtendLun(std::shared_ptr<VdsSession> session, LunHandle lun, const ExtendLunArgs& args,
                       std::shared_ptr<Operation>* op, std::function<void()> finished) {
  std::vector<VDS_OBJECT_ID> drives;
  if (Outcome o = ParseDriveIds(args.driveIds, &drives); !o.ok()) return o;
  ComPtr<IVdsAsync> async;
  HRESULT hr =
      lun.lun->Extend(args.bytesToAdd, DriveArray(drives), static_cast<LONG>(drives.size()), async.Put());
  if (FAILED(hr)) return Outcome::Fail(hr);
  return WrapAsync(kExtendLunCall, std::move(session), std::move(async), RereadLun(std::move(lun)),
                   std::move(finished), op);
}

Outcome StartShrinkLun(std::shared_ptr<VdsSession> session, LunHandle lun, const ShrinkLunArgs& args,
                       std::shared_ptr<Operation>* op, std::function<void()> finished) {
  ComPtr<IVdsAsync> async;
  HRESULT hr = lun.lun->Shrink(args.bytesToRemove, async.Put());
  if (FAILED(hr)) return Outcome::Fail(hr);
  return WrapAsync(kShrinkLunCall, std::move(session), std::move(async), RereadLun(std::move(lun)),
                   std::move(finished), op);
}

Outcome SetLunMask(const LunHandle& lun, const std::string& unmaskingList) {
  std::vector<wchar_t> list = WritableWide(unmaskingList);
  HRESULT hr = lun.lun->SetMask(list.data());
  if (FAILED(hr)) return Outcome::Fail(hr);
  return Outcome::Ok();
}

Outcome DeleteLun(const LunHandle& lun) {
  HRESULT hr = lun.lun->Delete();
  if (FAILED(hr)) return Outcome::Fail(hr);
  return Outcome::Ok();
}

}  // namespace lun::vds
