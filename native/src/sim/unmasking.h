#pragma once

#include <string>

#include "../provider.h"

namespace lun::sim {

// VDS unmasking list: "*" (every host), "" (none) or ";"-separated initiator names: 16 hex digits (FC/SAS
// WWN), iqn.…, eui. + 16 hex, naa. + 16 or 32 hex. "*" and "" never combine with other entries.
Outcome CheckUnmaskingList(const std::string& list);

}  // namespace lun::sim
