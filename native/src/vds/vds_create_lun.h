// QueryMaxLunCreateSize and CreateLun over COM, and the Operation that tracks one creation through IVdsAsync
// with the seed's checks (SynchronousCreateLun sample; VDS-NOTES.md "The seed").
#pragma once

#include <functional>
#include <memory>

#include "../provider.h"
#include "vds_enum.h"
#include "vds_session.h"

namespace lun::vds {

// Hints are always passed (non-NULL), as the method requires; IVdsSubSystem2 is used when offered.
Outcome QueryMaxLunCreateSize(const SubsystemHandle& subsystem, const MaxSizeArgs& args, uint64_t* maxBytes);

// Check 1: S_OK with a NULL IVdsAsync -> E_UNEXPECTED. The operation keeps `session` alive and calls
// `finished` once its Wait returned (whatever it returned): what was read before is stale from then on.
// Automagic types (auto, faultTolerant, nonFaultTolerant) take no drives (the provider picks: NULL/0) and
// always a hints struct; naming drives for them is an E_INVALIDARG on driveIds.
Outcome StartCreateLun(std::shared_ptr<VdsSession> session, SubsystemHandle subsystem,
                       const CreateLunArgs& args, std::shared_ptr<Operation>* op,
                       std::function<void()> finished);

}  // namespace lun::vds
