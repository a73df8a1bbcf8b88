// The life of an existing LUN over IVdsLun: QueryMaxLunExtendSize, Extend and Shrink (async, through the same
// operation wrapper as CreateLun; Wait's output must be VDS_ASYNCOUT_EXTENDLUN / SHRINKLUN, then the LUN is
// re-read), SetMask and Delete (synchronous).
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "../provider.h"
#include "com_ptr.h"
#include "vds_async_operation.h"
#include "vds_enum.h"
#include "vds_session.h"

namespace lun::vds {

// A LUN found by id, with the subsystem it belongs to (for re-reading its drives). Release inside the MTA.
struct LunHandle {
  SubsystemHandle subsystem;
  ComPtr<IVdsLun> lun;
};

// After Wait said EXTENDLUN / SHRINKLUN / RECOVERLUN: the output carries no object; the LUN is read again, as
// the array now has it (the size the provider rounded to, the health after a rebuild).
ReadResult RereadLun(LunHandle lun);

// Drives in the order given (empty = the provider picks); a malformed drive id is an E_INVALIDARG on
// driveIds[i].
Outcome QueryMaxLunExtendSize(const LunHandle& lun, const std::vector<std::string>& driveIds,
                              uint64_t* maxBytes);
// Like StartCreateLun: S_OK with a NULL IVdsAsync -> E_UNEXPECTED; `finished` runs once Wait returned.
Outcome StartExtendLun(std::shared_ptr<VdsSession> session, LunHandle lun, const ExtendLunArgs& args,
                       std::shared_ptr<Operation>* op, std::function<void()> finished);
Outcome StartShrinkLun(std::shared_ptr<VdsSession> session, LunHandle lun, const ShrinkLunArgs& args,
                       std::shared_ptr<Operation>* op, std::function<void()> finished);
// The list syntax of CreateLun: "*" = every host, "" = none, or ';'-separated IQN / EUI / NAA / WWN names.
Outcome SetLunMask(const LunHandle& lun, const std::string& unmaskingList);
// Afterwards the LUN object answers VDS_E_OBJECT_DELETED.
Outcome DeleteLun(const LunHandle& lun);

}  // namespace lun::vds
