// Proves the client frees what VDS hands it: while tracking is on, an IMallocSpy (CoRegisterMallocSpy) sees
// every CoTaskMemFree of the process, and the service records each string and array it allocated for a
// client (property strings, QueryExtents' array, GetIdentificationData's strings and arrays). In-process
// only: across processes the stub, not the client, frees the service's copies.
#pragma once

#include <cstdint>

#include "../../../native/src/vds/vds_api.h"

namespace testvds {

// A buffer the client now owns; counted only while tracking is on.
void TrackClientAllocation(const void* p);

struct AllocationCount {
  uint64_t handedOut = 0;  // buffers handed to the client while tracking was on
  uint64_t notFreed = 0;   // of those, not freed (CoTaskMemFree) when tracking stopped
};

HRESULT StartAllocationTracking();
AllocationCount StopAllocationTracking();

}  // namespace testvds
