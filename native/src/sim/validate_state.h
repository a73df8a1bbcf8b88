#pragma once

#include "../provider.h"
#include "state.h"

namespace lun::sim {

// Checks a loaded state before the model uses it: ids unique, rates positive, types known, faults well
// formed, every LUN's extents inside its subsystem's drives and no two extents overlapping. The error names
// the field, e.g. "subsystems[0].luns[2].extents[1]".
Outcome ValidateState(const State& state);

}  // namespace lun::sim
