// LUN type rules of the simulated array: drive counts, data drives and the allocation unit.
#pragma once

#include <cstdint>
#include <string>

#include "../provider.h"

namespace lun::sim {

constexpr uint64_t kMiB = 1024 * 1024;

bool IsSpecific(LunType t);
const char* LunTypeName(LunType t);  // contract name: "simple", "faultTolerant", …; "unknown" otherwise
uint32_t MinDrives(LunType t);       // specific types only
// Drives' worth of user data in a LUN over n drives (span: n, but span extents differ per drive).
uint32_t DataDrives(LunType t, uint32_t n);
bool UsesStripe(LunType t);  // stripe, parity, raid10, raid6
// The size granule: the smallest multiple of stripe × data drives that is at least 1 MiB
// (1 MiB for simple, span and mirror). Sizes round UP to it.
uint64_t AllocationUnit(LunType t, uint32_t n, uint64_t stripeSize);
// Drive-count rule for explicitly given drives: Ok, or the error naming the rule.
Outcome CheckDriveCount(LunType t, uint32_t n);

}  // namespace lun::sim
