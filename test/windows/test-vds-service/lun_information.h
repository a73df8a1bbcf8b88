// IVdsLun::GetIdentificationData's output, built from the model's LunIdentification the way a hardware
// provider allocates it: every string, byte array and array with CoTaskMemAlloc (the client frees them).
#pragma once

#include "../../../native/src/provider.h"
#include "../../../native/src/vds/vds_api.h"

namespace testvds {

// E_OUTOFMEMORY (everything allocated so far freed again) or S_OK.
HRESULT FillLunInformation(const lun::LunIdentification& identification, VDS_LUN_INFORMATION* out);

}  // namespace testvds
