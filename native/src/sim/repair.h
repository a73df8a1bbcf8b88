// Drive failure, hot-spare takeover, drive replacement and the checks of a recovery, on a subsystem's
// committed state (the model adds what concerns running jobs).
//
// Policies (these comments are their documentation):
// - A failing drive turns failed / failed; every LUN with an extent on it keeps it as a stale drive
//   (health.h says what that does to the LUN) until a recovery, even when the drive comes back (restore).
// - Automatic takeover (subsystem "automaticHotSpare"): the extents of the redundant LUNs on the failed drive
//   that still have their data move to one standby hot spare (online, healthy, holding nothing) at least as
//   large as they are, the smallest that fits (ties: bus/slot order), packed from offset 0 in the failed
//   drive's offset order, each at its position in the LUN's extent list. The spare is then in use; each LUN
//   rebuilds onto it at the subsystem's init rate (bytes = its extents taken over), no job.
// - ReplaceDrive(old, new): `new` must be online, healthy, hold nothing (an unassigned drive or a standby
//   hot spare) and be at least as large as the extents on `old`. They move as in a takeover; `new` becomes an
//   ordinary member (no longer a spare), `old` keeps its status and holds nothing. When `old` is failed (or
//   stale for a LUN) the LUN's copy on `new` is stale until recovered; replacing a working drive copies it.
// - Recover: refused (VDS_E_OPERATION_DENIED) for a healthy LUN ("nothing to recover"), one the array is
//   rebuilding onto a hot spare, one with more bad drives than its type tolerates or of a type without
//   redundancy ("delete it and create it again"), and one still using a failed drive ("replace … first").
//   It writes the LUN's extents on its stale drives.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "../provider.h"
#include "state.h"

namespace lun::sim {

int64_t WallClockMs();
// The drives a takeover is still rebuilding onto (empty when none or finished at `nowMs`).
std::vector<std::string> ActiveRebuild(const Subsystem& s, const Lun& l, int64_t nowMs);
// Clears the takeover rebuilds that finished by `nowMs`.
void ClearFinishedRebuilds(Subsystem* s, int64_t nowMs);

// The names of the LUNs with an extent on the drive ("'LUN 1', 'LUN 2'"); empty when none.
std::string LunNamesOnDrive(const Subsystem& s, const std::string& driveId);
uint64_t UsedBytesOnDrive(const Subsystem& s, const std::string& driveId);

// Marks the drive failed and hurts every LUN on it; then the automatic takeover, if the subsystem has it.
void FailDrive(Subsystem* s, Drive* d, int64_t nowMs);
// Checks `replacement` (field replacementDriveId) against `old`.
Outcome CheckReplacement(const Subsystem& s, const Drive& old, const Drive& replacement);
// Moves every extent of `oldId` to `newId`; *lunIdsToRecover: the LUNs it left stale (and recoverable).
void ReplaceDrive(Subsystem* s, const std::string& oldId, const std::string& newId,
                  std::vector<std::string>* lunIdsToRecover);
// Ok with the stale drives to rebuild and the bytes to write, or the refusal.
Outcome PlanRecover(const Subsystem& s, const Lun& l, int64_t nowMs, std::vector<std::string>* drives,
                    uint64_t* bytes);

}  // namespace lun::sim
