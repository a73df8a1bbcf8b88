#include "vds_drive_maintenance.h"

#include <algorithm>

#include "../hresult_table.h"
#include "cotaskmem.h"
#include "vds_convert.h"
#include "vds_extents.h"

namespace lun::vds {

namespace {

std::string Quoted(const std::string& s) { return "'" + s + "'"; }

// The LUNs with an extent on the drive, each once, in the drive's order.
Outcome LunsOnDrive(const DriveHandle& drive, std::vector<std::string>* lunIds) {
  std::vector<ExtentInfo> extents;
  if (Outcome o = ReadDriveExtents(drive.drive.Get(), drive.info.id, &extents); !o.ok()) return o;
  lunIds->clear();
  for (const ExtentInfo& extent : extents) {
    if (!extent.lunId.empty() && std::find(lunIds->begin(), lunIds->end(), extent.lunId) == lunIds->end())
      lunIds->push_back(extent.lunId);
  }
  return Outcome::Ok();
}

// "'Existing', 'Data'": the LUNs' friendly names (their ids where a name cannot be read).
std::string LunNames(const SubsystemHandle& subsystem, const std::vector<std::string>& lunIds) {
  std::string names;
  for (const std::string& id : lunIds) {
    std::string name = id;
    ComPtr<IVdsLun> lun;
    if (FindLun(subsystem, id, &lun).ok() && lun) {
      ScopedProp<VDS_LUN_PROP> prop;
      if (SUCCEEDED(lun->GetProperties(prop.Out())) && prop->pwszFriendlyName && *prop->pwszFriendlyName)
        name = WideToUtf8(prop->pwszFriendlyName);
    }
    if (!names.empty()) names += ", ";
    names += Quoted(name);
  }
  return names;
}

}  // namespace

Outcome SetDriveIdentify(const DriveHandle& drive, bool on) {
  ComPtr<IVdsMaintenance> maintenance;
  HRESULT hr = drive.drive.As(&maintenance);
  if (hr == E_NOINTERFACE || (SUCCEEDED(hr) && !maintenance)) {
    return Outcome::Fail(
        hr::kVdsNotSupported,
        "The storage provider offers no maintenance operations (IVdsMaintenance) for drive " +
            Quoted(drive.info.name) + ": it cannot blink the drive's light.",
        "driveId");
  }
  if (FAILED(hr)) return Outcome::Fail(hr);
  hr = on ? maintenance->StartMaintenance(BlinkLight) : maintenance->StopMaintenance(BlinkLight);
  if (FAILED(hr)) return Outcome::Fail(hr);
  return Outcome::Ok();
}

Outcome SetDriveHotSpare(const DriveHandle& drive, bool on) {
  if (on) {
    std::vector<std::string> lunIds;
    if (Outcome o = LunsOnDrive(drive, &lunIds); !o.ok()) return o;
    if (!lunIds.empty()) {
      Outcome refused =
          Outcome::Fail(hr::kVdsDeviceInUse,
                        "Drive " + Quoted(drive.info.name) + " holds extents of " +
                            (lunIds.size() == 1 ? "LUN " : "LUNs ") + LunNames(drive.subsystem, lunIds) +
                            ": only a drive without LUN extents can be a hot spare.",
                        "driveId");
      refused.action = "Pick an unassigned drive, or move or delete those LUNs first.";
      return refused;
    }
  }
  HRESULT hr = on ? drive.drive->SetFlags(VDS_DRF_HOTSPARE) : drive.drive->ClearFlags(VDS_DRF_HOTSPARE);
  if (SUCCEEDED(hr)) return Outcome::Ok();
  Outcome refused = Outcome::Fail(hr);
  std::vector<std::string> lunIds;
  if (!on && (drive.info.flags & VDS_DRF_HOTSPARE_IN_USE) && LunsOnDrive(drive, &lunIds).ok() &&
      !lunIds.empty()) {
    refused.detail = "Hot spare " + Quoted(drive.info.name) + " is in use: it holds extents of " +
                     (lunIds.size() == 1 ? "LUN " : "LUNs ") + LunNames(drive.subsystem, lunIds) +
                     " since it took over a failed drive (" + FormatHResult(hr) + ").";
    refused.field = "driveId";
    refused.action = "Replace the spare with an unassigned drive (replace-drive), then turn the spare off.";
  }
  return refused;
}

Outcome ReplaceDrive(const DriveHandle& oldDrive, const DriveHandle& newDrive,
                     std::vector<std::string>* lunIdsToRecover) {
  GUID oldId;
  GUID newId;
  if (!ParseGuid(oldDrive.info.id, &oldId) || !ParseGuid(newDrive.info.id, &newId)) {
    return Outcome::Fail(hr::kUnexpected, "The provider listed a drive whose id is not a GUID");
  }
  std::vector<std::string> hurt;
  if (Outcome o = LunsOnDrive(oldDrive, &hurt); !o.ok()) return o;
  HRESULT hr = oldDrive.subsystem.subsystem->ReplaceDrive(oldId, newId);
  if (FAILED(hr)) return Outcome::Fail(hr);
  *lunIdsToRecover = std::move(hurt);
  return Outcome::Ok();
}

}  // namespace lun::vds
