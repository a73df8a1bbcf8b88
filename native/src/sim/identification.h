// The simulated array's device identification data (IVdsLun::GetIdentificationData, SCSI page 83h): vendor
// "LUNSTUD", product "SIM ARRAY", revision "1.0", the serial number from the LUN id, one NAA designator
// (IEEE Registered Extended, 16 bytes, stable per LUN id) and one SCSI name string ("naa.6…", UTF-8).
#pragma once

#include <string>

#include "../provider.h"

namespace lun::sim {

// The NAA designator as 32 lower-case hex digits, first digit 6: the hex digits of the LUN id, padded with a
// hash of it when the id has fewer than 31.
std::string NaaHex(const std::string& lunId);
LunIdentification IdentificationOf(const std::string& lunId);

}  // namespace lun::sim
