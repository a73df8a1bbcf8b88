// Enumeration: hardware providers -> subsystems (IVdsSubSystem2 when offered) -> drives and LUNs, read into
// the provider contract's SubsystemInfo / DriveInfo / LunInfo. IEnumVdsObject::Next fetches in batches; what
// a caller caches (handles, snapshots) is up to it (vds_provider.cc).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "../provider.h"
#include "com_ptr.h"

namespace lun::vds {

struct SubsystemHandle {
  std::string id;  // GUID string
  ComPtr<IVdsSubSystem> subsystem;
  ComPtr<IVdsSubSystem2> subsystem2;  // empty when the provider does not offer it
  SubsystemInfo props;  // as GetProperties(2) said when listed: no counts, capacity or free space
};

// One read of a subsystem's drives (properties and extents) and LUN objects. It keeps the objects it read:
// VDS hands the same objects out again, so while a snapshot lives, the next read's QueryInterface calls on
// them are answered by the local proxies instead of a round trip each. Release inside the MTA.
struct SubsystemSnapshot {
  std::vector<DriveInfo> drives;
  std::map<std::string, std::vector<std::string>> lunDrives;  // LUN id -> drive ids, from the extents
  std::vector<ComPtr<IVdsDrive>> driveObjects;
  std::vector<ComPtr<IVdsLun>> luns;
};

// Every subsystem of every hardware provider, with its properties.
Outcome EnumSubsystems(IVdsService* service, std::vector<SubsystemHandle>* out);
Outcome ReadSnapshot(const SubsystemHandle& subsystem, SubsystemSnapshot* out);
// Drive and LUN counts, capacity and free space from a snapshot.
void FillCounts(const SubsystemSnapshot& snapshot, SubsystemInfo* out);
Outcome ReadLuns(const SubsystemHandle& subsystem, const SubsystemSnapshot& snapshot,
                 std::vector<LunInfo>* out);
// One LUN (e.g. the one CreateLun just made), with its drives read afresh.
Outcome ReadLun(const SubsystemHandle& subsystem, IVdsLun* lun, LunInfo* out);
// The subsystem's LUN whose id is `lunId` (a GUID string as GuidToString writes it): QueryLuns, then
// GetProperties of each until one matches. *out stays empty when the subsystem has no such LUN.
Outcome FindLun(const SubsystemHandle& subsystem, const std::string& lunId, ComPtr<IVdsLun>* out);
// The subsystem's drive whose id is `driveId` (GUID string), with its properties as read; *out stays empty
// when the subsystem has no such drive.
Outcome FindDrive(const SubsystemHandle& subsystem, const std::string& driveId, ComPtr<IVdsDrive>* out,
                  DriveInfo* info);

}  // namespace lun::vds
