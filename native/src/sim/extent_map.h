// IVdsDrive::QueryExtents for the capacity map: each drive covered whole, its extents by offset with the free
// gaps between them (lunId empty), drives in bus, then slot order.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "../provider.h"
#include "state.h"

namespace lun::sim {

struct OwnedSpan {
  uint64_t offset = 0;
  uint64_t length = 0;
  std::string lunId;
};

// Appends the drive's map to *out: `owned` (any order, not overlapping) plus the free gaps, by offset.
void AppendDriveExtents(const std::string& driveId, uint64_t driveSize, std::vector<OwnedSpan> owned,
                        std::vector<ExtentInfo>* out);
// Indices into s.drives, by bus then slot (then topology order).
std::vector<size_t> DrivesInBusSlotOrder(const Subsystem& s);

}  // namespace lun::sim
