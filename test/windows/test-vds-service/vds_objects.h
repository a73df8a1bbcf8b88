// The test VDS service's COM objects over the raw sim model. Like a real hardware provider they answer
// only through HRESULTs and out-parameters, faults included (NULL async, wrong output type, no LUN …).
#pragma once

#include "../../../native/src/vds/vds_api.h"

namespace testvds {

// The class object registered for CLSID_VdsLoader. Static lifetime; not counted in LiveObjects().
IClassFactory* LoaderClassFactory();

}  // namespace testvds
