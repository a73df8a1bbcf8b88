// Repairs of an existing LUN over IVdsLun: Recover (async, through the shared operation wrapper: Wait's
// output must be VDS_ASYNCOUT_RECOVERLUN, then the LUN is re-read) and GetIdentificationData
// (VDS_LUN_INFORMATION with its device identification descriptor, every string and array freed as [MS-VDS]
// says).
#pragma once

#include <functional>
#include <memory>

#include "../provider.h"
#include "vds_lun_lifecycle.h"
#include "vds_session.h"

namespace lun::vds {

// Like StartExtendLun: S_OK with a NULL IVdsAsync -> E_UNEXPECTED; `finished` runs once Wait returned.
Outcome StartRecoverLun(std::shared_ptr<VdsSession> session, LunHandle lun, const RecoverLunArgs& args,
                        std::shared_ptr<Operation>* op, std::function<void()> finished);

// The provider's HRESULT as it is when it gives no identification data (VDS_E_NOT_SUPPORTED, E_NOTIMPL).
Outcome ReadLunIdentification(const LunHandle& lun, LunIdentification* out);

}  // namespace lun::vds
