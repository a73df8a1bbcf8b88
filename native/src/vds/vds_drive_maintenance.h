// Drive maintenance over IVdsDrive and IVdsMaintenance: identify (StartMaintenance / StopMaintenance
// BlinkLight, IVdsMaintenance QI'd from the drive), hot spare (IVdsDrive SetFlags / ClearFlags
// VDS_DRF_HOTSPARE) and IVdsSubSystem::ReplaceDrive. All synchronous.
#pragma once

#include <string>
#include <vector>

#include "../provider.h"
#include "com_ptr.h"
#include "vds_enum.h"

namespace lun::vds {

// A drive found by id, with the subsystem it belongs to and its properties as read. Release inside the MTA.
struct DriveHandle {
  SubsystemHandle subsystem;
  ComPtr<IVdsDrive> drive;
  DriveInfo info;
};

// A provider whose drives offer no IVdsMaintenance cannot blink a light: VDS_E_NOT_SUPPORTED, explained.
Outcome SetDriveIdentify(const DriveHandle& drive, bool on);
// On: refused (VDS_E_DEVICE_IN_USE naming the LUNs, field driveId) while the drive holds LUN extents.
Outcome SetDriveHotSpare(const DriveHandle& drive, bool on);
// Both drives of one subsystem. *lunIdsToRecover: the LUNs that had extents on the old drive (read before
// the call: afterwards they are on the new one), in the order the old drive listed them.
Outcome ReplaceDrive(const DriveHandle& oldDrive, const DriveHandle& newDrive,
                     std::vector<std::string>* lunIdsToRecover);

}  // namespace lun::vds
