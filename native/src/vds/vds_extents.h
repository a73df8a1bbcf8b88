// Where every LUN lives: IVdsDrive::QueryExtents of each drive. VDS_DRIVE_EXTENT has no offset; a provider
// lists a drive's extents in the drive's own order, so an extent's offset is the sum of the sizes before it.
#pragma once

#include <string>
#include <vector>

#include "../provider.h"
#include "vds_enum.h"

namespace lun::vds {

// One drive's extents, used and free (bUsed FALSE -> lunId empty), offsets as running sums. The array the
// provider allocated is freed with CoTaskMemFree.
Outcome ReadDriveExtents(IVdsDrive* drive, const std::string& driveId, std::vector<ExtentInfo>* out);

// Every drive of the snapshot, drives in bus then slot order.
Outcome ListExtents(const SubsystemSnapshot& snapshot, std::vector<ExtentInfo>* out);

}  // namespace lun::vds
