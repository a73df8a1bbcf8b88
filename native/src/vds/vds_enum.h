// Enumeration: hardware providers -> subsystems (IVdsSubSystem2 when offered) -> drives and LUNs, read into
// the provider contract's SubsystemInfo / DriveInfo / LunInfo. Stateless: every call walks VDS afresh.
#pragma once

#include <string>
#include <vector>

#include "../provider.h"
#include "com_ptr.h"

namespace lun::vds {

struct SubsystemHandle {
  std::string id;  // GUID string
  ComPtr<IVdsSubSystem> subsystem;
  ComPtr<IVdsSubSystem2> subsystem2;  // empty when the provider does not offer it
};

Outcome EnumSubsystems(IVdsService* service, std::vector<SubsystemHandle>* out);
// VDS_E_OBJECT_NOT_FOUND (field subsystemId) when no subsystem has that id.
Outcome FindSubsystem(IVdsService* service, const std::string& subsystemId, SubsystemHandle* out);

Outcome ReadSubsystem(const SubsystemHandle& subsystem, SubsystemInfo* out);
Outcome ReadDrives(const SubsystemHandle& subsystem, std::vector<DriveInfo>* out);
Outcome ReadLuns(const SubsystemHandle& subsystem, std::vector<LunInfo>* out);
// One LUN (e.g. the one CreateLun just made), with its drives.
Outcome ReadLun(const SubsystemHandle& subsystem, IVdsLun* lun, LunInfo* out);

}  // namespace lun::vds
