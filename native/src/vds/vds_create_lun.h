// QueryMaxLunCreateSize and CreateLun over COM. The creation is tracked by the IVdsAsync wrapper of
// vds_async_operation.h (the seed's checks); the output's LUN is checked (checks 4 and 5) and re-read here.
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
