#include "vds_enum.h"

#include <map>
#include <type_traits>

#include "../hresult_table.h"
#include "cotaskmem.h"
#include "vds_convert.h"

namespace lun::vds {

namespace {

Outcome CallFailed(HRESULT hr, const std::string& call) {
  return Outcome::Fail(hr, "The storage provider failed " + call + " (" + FormatHResult(hr) + ").");
}

// Objects per IEnumVdsObject::Next call: across processes each call is one round trip.
constexpr ULONG kBatch = 32;

// Calls `visit(ComPtr<T>)` for each object of the enumeration, fetched kBatch at a time. Next answers S_FALSE
// (with fewer objects) at the end; every object it hands out is released (ComPtr). Objects without interface
// T fail the walk when `required`, else are skipped. T = IUnknown visits the objects as they came (no QI).
template <typename T, typename Visit>
Outcome ForEachObject(IEnumVdsObject* objects, const char* what, bool required, Visit&& visit) {
  if (!objects)
    return Outcome::Fail(hr::kUnexpected, std::string("The storage provider listed no ") + what + ".");
  for (;;) {
    IUnknown* raw[kBatch] = {};
    ULONG fetched = 0;
    HRESULT hr = objects->Next(kBatch, raw, &fetched);
    std::vector<ComPtr<IUnknown>> batch;
    for (ULONG i = 0; i < kBatch; ++i) {
      if (raw[i])
        batch.push_back(ComPtr<IUnknown>::Adopt(raw[i]));
      else if (i < fetched)
        batch.emplace_back();
    }
    if (FAILED(hr)) return CallFailed(hr, std::string("listing ") + what + " (IEnumVdsObject::Next)");
    if (fetched > kBatch)
      return Outcome::Fail(hr::kUnexpected,
                           std::string("The storage provider listed more ") + what + " than asked for.");
    for (ULONG i = 0; i < fetched; ++i) {
      const ComPtr<IUnknown>& unknown = batch[i];
      if (!unknown)
        return Outcome::Fail(hr::kUnexpected,
                             std::string("The storage provider listed a NULL ") + what + ".");
      ComPtr<T> object;
      if constexpr (std::is_same_v<T, IUnknown>) {
        object = unknown;
      } else {
        hr = unknown.As(&object);
        if (FAILED(hr) || !object) {
          if (!required) continue;
          return Outcome::Fail(
              FAILED(hr) ? hr : hr::kUnexpected,
              std::string("The storage provider listed ") + what + " without the expected interface.");
        }
      }
      if (Outcome o = visit(object); !o.ok()) return o;
    }
    if (hr == S_FALSE || fetched < kBatch) return Outcome::Ok();
  }
}

// In the order the sim reports them; DEFAULT (the provider picks) whenever an automagic type is supported.
std::vector<LunType> SupportedTypes(ULONG flags, ULONG raidFlags) {
  const bool faultTolerant = (flags & VDS_SF_SUPPORTS_FAULT_TOLERANT_LUNS) != 0;
  const bool nonFaultTolerant = (flags & VDS_SF_SUPPORTS_NON_FAULT_TOLERANT_LUNS) != 0;
  std::vector<LunType> types;
  if (flags & VDS_SF_SUPPORTS_SIMPLE_LUNS) types.push_back(LunType::kSimple);
  if (flags & VDS_SF_SUPPORTS_SPAN_LUNS) types.push_back(LunType::kSpan);
  if (flags & VDS_SF_SUPPORTS_STRIPE_LUNS) types.push_back(LunType::kStripe);
  if (flags & VDS_SF_SUPPORTS_MIRROR_LUNS) types.push_back(LunType::kMirror);
  if (flags & VDS_SF_SUPPORTS_PARITY_LUNS) types.push_back(LunType::kParity);
  if (raidFlags & VDS_SF_SUPPORTS_RAID10_LUNS) types.push_back(LunType::kRaid10);
  if (raidFlags & VDS_SF_SUPPORTS_RAID6_LUNS) types.push_back(LunType::kRaid6);
  if (faultTolerant || nonFaultTolerant) types.push_back(LunType::kDefault);
  if (faultTolerant) types.push_back(LunType::kFaultTolerant);
  if (nonFaultTolerant) types.push_back(LunType::kNonFaultTolerant);
  return types;
}

std::vector<uint64_t> StripeSizes(ULONG stripeSizeFlags) {
  std::vector<uint64_t> sizes;
  for (int bit = 0; bit < 32; ++bit) {
    if (stripeSizeFlags & (1UL << bit)) sizes.push_back(uint64_t{1} << bit);
  }
  return sizes;
}

Outcome ReadDriveProps(const SubsystemHandle& subsystem, IVdsDrive* drive, DriveInfo* info) {
  ScopedProp<VDS_DRIVE_PROP> prop;
  HRESULT hr = drive->GetProperties(prop.Out());
  if (FAILED(hr)) return CallFailed(hr, "IVdsDrive::GetProperties");
  info->id = GuidToString(prop->id);
  info->subsystemId = subsystem.id;
  info->name = WideToUtf8(prop->pwszFriendlyName);
  info->identification = WideToUtf8(prop->pwszIdentification);
  info->sizeBytes = prop->ullSize;
  info->bus = prop->sInternalBusNumber;
  info->slot = prop->sSlotNumber;
  info->status = prop->status;
  info->health = prop->health;
  info->flags = prop->ulFlags;
  return Outcome::Ok();
}

// Drives of the subsystem with their free space, and for each LUN id the drives holding its extents
// (in the subsystem's drive order), both from IVdsDrive::QueryExtents. The drive objects are kept in *held.
Outcome ReadDrivesAndExtents(const SubsystemHandle& subsystem, std::vector<DriveInfo>* drives,
                             std::map<std::string, std::vector<std::string>>* lunDrives,
                             std::vector<ComPtr<IVdsDrive>>* held) {
  ComPtr<IEnumVdsObject> objects;
  HRESULT hr = subsystem.subsystem->QueryDrives(objects.Put());
  if (FAILED(hr)) return CallFailed(hr, "IVdsSubSystem::QueryDrives");
  return ForEachObject<IVdsDrive>(objects.Get(), "drives", true, [&](const ComPtr<IVdsDrive>& drive) {
    DriveInfo info;
    if (Outcome o = ReadDriveProps(subsystem, drive.Get(), &info); !o.ok()) return o;
    CoTaskArray<VDS_DRIVE_EXTENT> extents;
    HRESULT hr = drive->QueryExtents(extents.Out(), extents.CountOut());
    if (FAILED(hr) && hr != E_NOTIMPL && hr != hr::kVdsNotSupported) {
      return CallFailed(hr, "IVdsDrive::QueryExtents");
    }
    for (const VDS_DRIVE_EXTENT& extent : extents) {
      if (!extent.bUsed) {
        info.freeBytes += extent.ullSize;
        continue;
      }
      auto& ids = (*lunDrives)[GuidToString(extent.LunId)];
      if (ids.empty() || ids.back() != info.id) ids.push_back(info.id);
    }
    drives->push_back(std::move(info));
    if (held) held->push_back(drive);
    return Outcome::Ok();
  });
}

// Types whose LUNs have a stripe size worth a QueryHints round trip.
bool HasStripe(LunType type) {
  return type != LunType::kSimple && type != LunType::kSpan && type != LunType::kMirror;
}

Outcome ReadLunProps(const SubsystemHandle& subsystem, IVdsLun* lun,
                     const std::map<std::string, std::vector<std::string>>& lunDrives, LunInfo* out) {
  ScopedProp<VDS_LUN_PROP> prop;
  HRESULT hr = lun->GetProperties(prop.Out());
  if (FAILED(hr)) return CallFailed(hr, "IVdsLun::GetProperties");
  out->id = GuidToString(prop->id);
  out->subsystemId = subsystem.id;
  out->name = WideToUtf8(prop->pwszFriendlyName);
  out->identification = WideToUtf8(prop->pwszIdentification);
  out->unmaskingList = WideToUtf8(prop->pwszUnmaskingList);
  out->type = static_cast<LunType>(prop->type);
  out->sizeBytes = prop->ullSize;
  out->status = prop->status;
  out->health = prop->health;
  if (HasStripe(out->type)) {
    VDS_HINTS hints{};
    if (SUCCEEDED(lun->QueryHints(&hints))) out->stripeSize = hints.ulStripeSize;
  }
  auto drives = lunDrives.find(out->id);
  if (drives != lunDrives.end()) out->driveIds = drives->second;
  return Outcome::Ok();
}

void ReadProps(ULONG flags, ULONG raidFlags, ULONG stripeSizeFlags, SubsystemInfo* out) {
  out->supportedTypes = SupportedTypes(flags, raidFlags);
  out->stripeSizes = StripeSizes(stripeSizeFlags);
  out->maskingCapable = (flags & VDS_SF_LUN_MASKING_CAPABLE) != 0;
}

// The subsystem's properties, through IVdsSubSystem2 when offered (it adds the RAID type flags).
Outcome ReadSubsystemProps(SubsystemHandle* handle) {
  SubsystemInfo& out = handle->props;
  if (handle->subsystem2) {
    ScopedProp<VDS_SUB_SYSTEM_PROP2> prop;
    HRESULT hr = handle->subsystem2->GetProperties2(prop.Out());
    if (FAILED(hr)) return CallFailed(hr, "IVdsSubSystem2::GetProperties2");
    handle->id = GuidToString(prop->id);
    out.name = WideToUtf8(prop->pwszFriendlyName);
    out.identification = WideToUtf8(prop->pwszIdentification);
    out.status = prop->status;
    out.health = prop->health;
    ReadProps(prop->ulFlags, prop->ulSupportedRaidTypeFlags, prop->ulStripeSizeFlags, &out);
  } else {
    ScopedProp<VDS_SUB_SYSTEM_PROP> prop;
    HRESULT hr = handle->subsystem->GetProperties(prop.Out());
    if (FAILED(hr)) return CallFailed(hr, "IVdsSubSystem::GetProperties");
    handle->id = GuidToString(prop->id);
    out.name = WideToUtf8(prop->pwszFriendlyName);
    out.identification = WideToUtf8(prop->pwszIdentification);
    out.status = prop->status;
    out.health = prop->health;
    ReadProps(prop->ulFlags, 0, prop->ulStripeSizeFlags, &out);
  }
  out.id = handle->id;
  return Outcome::Ok();
}

}  // namespace

Outcome EnumSubsystems(IVdsService* service, std::vector<SubsystemHandle>* out) {
  out->clear();
  ComPtr<IEnumVdsObject> providers;
  HRESULT hr = service->QueryProviders(VDS_QUERY_HARDWARE_PROVIDERS, providers.Put());
  if (FAILED(hr)) return CallFailed(hr, "IVdsService::QueryProviders");
  return ForEachObject<IVdsHwProvider>(
      providers.Get(), "hardware providers", false, [&](const ComPtr<IVdsHwProvider>& provider) {
        ComPtr<IEnumVdsObject> subsystems;
        HRESULT hr = provider->QuerySubSystems(subsystems.Put());
        if (FAILED(hr)) return CallFailed(hr, "IVdsHwProvider::QuerySubSystems");
        return ForEachObject<IVdsSubSystem>(subsystems.Get(), "subsystems", true,
                                            [&](const ComPtr<IVdsSubSystem>& subsystem) {
                                              SubsystemHandle handle;
                                              handle.subsystem = subsystem;
                                              subsystem.As(&handle.subsystem2);  // optional interface
                                              if (Outcome o = ReadSubsystemProps(&handle); !o.ok()) return o;
                                              out->push_back(std::move(handle));
                                              return Outcome::Ok();
                                            });
      });
}

Outcome ReadSnapshot(const SubsystemHandle& subsystem, SubsystemSnapshot* out) {
  if (Outcome o = ReadDrivesAndExtents(subsystem, &out->drives, &out->lunDrives, &out->driveObjects); !o.ok())
    return o;
  ComPtr<IEnumVdsObject> luns;
  HRESULT hr = subsystem.subsystem->QueryLuns(luns.Put());
  if (FAILED(hr)) return CallFailed(hr, "IVdsSubSystem::QueryLuns");
  return ForEachObject<IVdsLun>(luns.Get(), "LUNs", true, [&](const ComPtr<IVdsLun>& lun) {
    out->luns.push_back(lun);
    return Outcome::Ok();
  });
}

void FillCounts(const SubsystemSnapshot& snapshot, SubsystemInfo* out) {
  out->driveCount = static_cast<uint32_t>(snapshot.drives.size());
  out->lunCount = static_cast<uint32_t>(snapshot.luns.size());
  out->capacityBytes = 0;
  out->freeBytes = 0;
  for (const DriveInfo& drive : snapshot.drives) {
    out->capacityBytes += drive.sizeBytes;
    out->freeBytes += drive.freeBytes;
  }
}

Outcome ReadLuns(const SubsystemHandle& subsystem, const SubsystemSnapshot& snapshot,
                 std::vector<LunInfo>* out) {
  out->clear();
  for (const ComPtr<IVdsLun>& lun : snapshot.luns) {
    LunInfo info;
    if (Outcome o = ReadLunProps(subsystem, lun.Get(), snapshot.lunDrives, &info); !o.ok()) return o;
    out->push_back(std::move(info));
  }
  return Outcome::Ok();
}

Outcome ReadLun(const SubsystemHandle& subsystem, IVdsLun* lun, LunInfo* out) {
  std::vector<DriveInfo> drives;
  std::map<std::string, std::vector<std::string>> lunDrives;
  if (Outcome o = ReadDrivesAndExtents(subsystem, &drives, &lunDrives, nullptr); !o.ok()) return o;
  return ReadLunProps(subsystem, lun, lunDrives, out);
}

Outcome FindLun(const SubsystemHandle& subsystem, const std::string& lunId, ComPtr<IVdsLun>* out) {
  out->Reset();
  ComPtr<IEnumVdsObject> luns;
  HRESULT hr = subsystem.subsystem->QueryLuns(luns.Put());
  if (FAILED(hr)) return CallFailed(hr, "IVdsSubSystem::QueryLuns");
  return ForEachObject<IVdsLun>(luns.Get(), "LUNs", true, [&](const ComPtr<IVdsLun>& lun) {
    if (*out) return Outcome::Ok();  // found: the rest are only released
    ScopedProp<VDS_LUN_PROP> prop;
    HRESULT hr = lun->GetProperties(prop.Out());
    if (hr == hr::kVdsObjectDeleted) return Outcome::Ok();  // deleted while listed: not the one
    if (FAILED(hr)) return CallFailed(hr, "IVdsLun::GetProperties");
    if (GuidToString(prop->id) == lunId) *out = lun;
    return Outcome::Ok();
  });
}

Outcome FindDrive(const SubsystemHandle& subsystem, const std::string& driveId, ComPtr<IVdsDrive>* out,
                  DriveInfo* info) {
  out->Reset();
  ComPtr<IEnumVdsObject> drives;
  HRESULT hr = subsystem.subsystem->QueryDrives(drives.Put());
  if (FAILED(hr)) return CallFailed(hr, "IVdsSubSystem::QueryDrives");
  return ForEachObject<IVdsDrive>(drives.Get(), "drives", true, [&](const ComPtr<IVdsDrive>& drive) {
    if (*out) return Outcome::Ok();  // found: the rest are only released
    DriveInfo read;
    if (Outcome o = ReadDriveProps(subsystem, drive.Get(), &read); !o.ok()) return o;
    if (read.id != driveId) return Outcome::Ok();
    *out = drive;
    *info = std::move(read);
    return Outcome::Ok();
  });
}

}  // namespace lun::vds
