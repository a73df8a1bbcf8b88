#include "vds_lun_repair.h"

#include <string>
#include <vector>

#include "../hresult_table.h"
#include "cotaskmem.h"
#include "vds_enum.h"

namespace lun::vds {

namespace {

// Inquiry strings are space-padded to their field width ("LUNSTUD ", "SIM ARRAY       ").
std::string InquiryString(const char* s) {
  if (!s) return {};
  std::string text(s);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\0')) text.pop_back();
  return text;
}

// A refused Recover says only its HRESULT: say why, from what the array shows (the LUN's health, the drives
// it is on), where that explains it.
Outcome ExplainRefusal(const LunHandle& lun, HRESULT refused) {
  Outcome outcome = Outcome::Fail(refused);
  LunInfo info;
  if (!ReadLun(lun.subsystem, lun.lun.Get(), &info).ok()) return outcome;
  std::vector<std::string> failedDrives;
  for (const std::string& driveId : info.driveIds) {
    ComPtr<IVdsDrive> drive;
    DriveInfo driveInfo;
    if (FindDrive(lun.subsystem, driveId, &drive, &driveInfo).ok() && drive &&
        driveInfo.status == VDS_DRS_FAILED)
      failedDrives.push_back("'" + driveInfo.name + "'");
  }
  const std::string name = "LUN '" + info.name + "'";
  if (!failedDrives.empty()) {
    std::string drives;
    for (const std::string& d : failedDrives) drives += (drives.empty() ? "" : ", ") + d;
    outcome.detail = "The provider refused to recover " + name + " (" + FormatHResult(refused) +
                     "): it still has extents on failed drive " + drives + ".";
    outcome.action = "Replace drive " + drives + " first (replace-drive), then recover the LUN.";
  } else if (info.health == VDS_H_HEALTHY && refused == hr::kVdsOperationDenied) {
    outcome.detail = "The provider refused to recover " + name + " (" + FormatHResult(refused) +
                     "): it is healthy, there is nothing to recover.";
  }
  return outcome;
}

}  // namespace

Outcome StartRecoverLun(std::shared_ptr<VdsSession> session, LunHandle lun, const RecoverLunArgs&,
                        std::shared_ptr<Operation>* op, std::function<void()> finished) {
  ComPtr<IVdsAsync> async;
  HRESULT hr = lun.lun->Recover(async.Put());
  if (FAILED(hr)) return ExplainRefusal(lun, hr);
  return WrapAsync(kRecoverLunCall, std::move(session), std::move(async), RereadLun(std::move(lun)),
                   std::move(finished), op);
}

Outcome ReadLunIdentification(const LunHandle& lun, LunIdentification* out) {
  ScopedProp<VDS_LUN_INFORMATION> info;  // frees what the provider allocated, on every path
  HRESULT hr = lun.lun->GetIdentificationData(info.Out());
  if (FAILED(hr)) return Outcome::Fail(hr);
  *out = LunIdentification{};
  out->vendorId = InquiryString(info->m_szVendorId);
  out->productId = InquiryString(info->m_szProductId);
  out->productRevision = InquiryString(info->m_szProductRevision);
  out->serialNumber = InquiryString(info->m_szSerialNumber);
  const VDS_STORAGE_DEVICE_ID_DESCRIPTOR& ids = info->m_deviceIdDescriptor;
  if (ids.m_cIdentifiers > 0 && !ids.m_rgIdentifiers) {
    return Outcome::Fail(hr::kUnexpected, "The provider listed " + std::to_string(ids.m_cIdentifiers) +
                                              " device identifiers for the LUN but returned none");
  }
  for (ULONG i = 0; i < ids.m_cIdentifiers; ++i) {
    const VDS_STORAGE_IDENTIFIER& id = ids.m_rgIdentifiers[i];
    StorageIdentifier identifier;
    identifier.codeSet = id.m_CodeSet;
    identifier.type = id.m_Type;
    // VDS_STORAGE_IDENTIFIER has no association field: these are the logical unit's own identifiers.
    identifier.association = 0;
    if (id.m_rgbIdentifier)
      identifier.value.assign(id.m_rgbIdentifier, id.m_rgbIdentifier + id.m_cbIdentifier);
    out->identifiers.push_back(std::move(identifier));
  }
  return Outcome::Ok();
}

}  // namespace lun::vds
