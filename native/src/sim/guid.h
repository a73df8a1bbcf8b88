#pragma once

#include <string>

namespace lun::sim {

// A random GUID string in VDS_OBJECT_ID form: {xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx}. Thread-safe.
std::string NewGuid();

}  // namespace lun::sim
