// Extending and shrinking a committed LUN: which drives, how much on each, which extents. The same plan
// answers QueryMaxLunExtendSize and Extend, which is what makes the maximum exact.
//
// Policies (these comments are their documentation):
// - Sizes change in whole allocation units, the unit creation uses (layout.h AllocationUnit over the LUN's
//   members and stripe size: 1 MiB for simple, span and mirror).
// - Every drive the LUN already has must be online and healthy (a hot spare that took over counts as a
//   member): else VDS_E_OBJECT_STATUS_FAILED naming the drive (field lunId).
// - simple / span: the drives given are used in that order, each filled before the next (any usable drive of
//   the subsystem). None given: a simple LUN grows on its own drive only; a span on its own drives (LUN
//   order), then on the other usable drives with free space, most free first. A simple LUN that reaches a
//   second drive becomes a span (as a dynamic simple volume does); where the subsystem does not support span
//   LUNs, naming another drive is refused (VDS_E_NOT_SUPPORTED, field driveIds[i]).
// - stripe / mirror / parity / raid10 / raid6: every member grows by the same amount (bytes / data drives),
//   on its own drive; the drives given may only name the LUN's members (else E_INVALIDARG, field
//   driveIds[i]); members left out still grow, since all must.
// - Shrink frees the tail: the last extents (allocation order) of a simple or span LUN, the last extents of
//   every member evenly otherwise. The new size is rounded UP to the unit (a shrink never cuts into what the
//   request keeps), so it removes at most bytesToRemove; the smallest LUN is one allocation unit. A request
//   that would remove nothing (less than one unit) or go below one unit is refused (E_INVALIDARG, field
//   bytesToRemove, the message says the unit and the most that can be removed).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "../provider.h"
#include "planner.h"
#include "state.h"

namespace lun::sim {

struct ExtendPlan {
  LunType type = LunType::kUnknown;  // the LUN's type
  bool evenly = false;               // multi-member: every member grows by bytes / data drives
  std::vector<size_t> drives;        // indices into the views: use order (simple/span) or the members
  uint64_t unit = 0;                 // allocation unit
  uint64_t maxBytes = 0;             // exact maximum an Extend with this plan can add
  bool spanSupported = false;        // a simple LUN may become a span
};

// The LUN's drives in order of first appearance in its extents.
std::vector<std::string> LunDriveIds(const Lun& lun);
uint64_t LunAllocationUnit(const Lun& lun);

Outcome PlanExtend(const Subsystem& s, const std::vector<DriveView>& views, const Lun& lun,
                   const std::vector<std::string>& driveIds, ExtendPlan* plan);
// Rounds `requested` up to the unit, checks it fits and fills *grown = `lun` with the new extents appended
// (and the new size; a simple LUN on more than one drive turns span). *added = only the new extents.
Outcome AllocateExtend(const ExtendPlan& plan, std::vector<DriveView> views, const Lun& lun,
                       uint64_t requested, Lun* grown, std::vector<Extent>* added);
// *shrunk = `lun` without its tail; *removed = the bytes taken off (≤ bytesToRemove).
Outcome PlanShrink(const Lun& lun, uint64_t bytesToRemove, Lun* shrunk, uint64_t* removed);

}  // namespace lun::sim
