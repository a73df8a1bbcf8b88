// Chooses a LUN's type and drives from a request and allocates its extents. The same plan answers
// QueryMaxLunCreateSize and CreateLun, which is what makes the maximum exact.
//
// Policies (these comments are their documentation):
// - Usable drive = online, healthy and not a hot spare. Naming a drive that is not online or not healthy
//   fails VDS_E_OBJECT_STATUS_FAILED; naming a hot spare fails VDS_E_INVALID_OPERATION. Both name the drive.
// - No drives given: simple takes the usable drive with the most free space; span takes every usable drive
//   with free space, most free first (the allocation fills them in that order and stops when done); the
//   other types take the minimum drive count for the type, most free space first (ties: topology order).
// - A type (automagic ones included, like VDS's SUPPORTS_*_LUNS flags) is supported when the topology lists
// it.
// - faultTolerant: the supported type among mirror, parity, raid10, raid6 that allows the largest LUN
//   (ties: that order). nonFaultTolerant: the first of stripe, simple, span that is supported and fits the
//   drive count. auto: fault tolerant when the hints ask for fast crash recovery, mostly reads or a rebuild
//   priority, else non fault tolerant; either falls back to the other class when it has no candidate.
// - hints.stripeSizeBytes picks the stripe size (must be one the subsystem lists; default 64 KiB if listed,
// else
//   the smallest). Other hints (maximumDriveCount, caching, …) are accepted and not used by the sim.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "../provider.h"
#include "extents.h"
#include "state.h"

namespace lun::sim {

struct DriveView {
  const Drive* drive = nullptr;
  std::vector<Span> free;  // by offset
  uint64_t freeBytes = 0;
};

struct Plan {
  LunType type = LunType::kUnknown;  // always specific
  std::vector<size_t> drives;        // indices into the views, in use order
  uint64_t stripeSize = 0;           // 0 when the type does not stripe
  uint64_t unit = 0;                 // allocation unit (sizes round up to it)
  uint64_t maxBytes = 0;             // exact maximum for this plan
};

bool IsUsable(const Drive& d);
bool SubsystemSupports(const Subsystem& s, LunType t);

// driveIds (ids of this subsystem, each once, usable) → indices into the views, in the order given; errors
// name driveIds[i].
Outcome ResolveGivenDrives(const Subsystem& s, const std::vector<DriveView>& views,
                           const std::vector<std::string>& driveIds, std::vector<size_t>* given);

Outcome PlanLun(const Subsystem& s, const std::vector<DriveView>& views, const MaxSizeArgs& args, Plan* plan);
// Rounds `requested` up to the plan's unit, checks it fits and fills
// lun->{type,sizeBytes,stripeSizeBytes,extents}.
Outcome AllocateLun(const Plan& plan, std::vector<DriveView> views, uint64_t requested, Lun* lun);

}  // namespace lun::sim
