// A LUN's status and health from the drives it uses: how many of them are failed (or hold a stale copy of
// its data) against what its type tolerates. Redundant types (mirror: all but one drive, parity and raid10:
// one, raid6: two) are online and degraded within that, failed beyond it; simple, span and stripe tolerate
// none.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "state.h"

namespace lun::sim {

uint32_t FaultTolerance(LunType t, size_t drives);
bool IsRedundant(LunType t);
// Online and not failed (the drive can serve I/O).
bool DriveWorks(const Drive& d);

struct LunCondition {
  std::vector<std::string> failedDriveIds;  // the LUN's drives that do not work, in the LUN's drive order
  std::vector<std::string> badDriveIds;     // failed, stale or being rebuilt onto, in the LUN's drive order
  bool dataLost = false;                    // more bad drives than the type tolerates
  bool rebuilding = false;                  // every bad drive is being rebuilt right now
};

// `rebuilding`: drives being rebuilt right now (a recovery job's or a hot-spare takeover's).
LunCondition ConditionOf(const Subsystem& s, const Lun& l, const std::vector<std::string>& rebuilding);
// The same with the LUN's drive ids (resize.h LunDriveIds) already at hand.
LunCondition ConditionOf(const Subsystem& s, const Lun& l, const std::vector<std::string>& driveIds,
                         const std::vector<std::string>& rebuilding);
// VDS status / health numbers: failed beyond the tolerance, else rebuilding / degraded / healthy.
void StatusAndHealth(const LunCondition& c, int32_t* status, int32_t* health);

}  // namespace lun::sim
