// The Windows backend: lun::Provider over the Virtual Disk Service's hardware providers.
#pragma once

#if defined(_WIN32)

#include <memory>
#include <string>

#include "../provider.h"

namespace lun {

// Loads VDS (CoCreateInstance(CLSID_VdsLoader, LOCAL_SERVER), LoadService, then waits at most readyTimeoutMs
// for the service to become ready). nullptr with *result / *detail on failure (access denied -> "run as
// administrator"; not ready in time -> ERROR_TIMEOUT, explained).
// Thread use: any thread may call the provider and its operations; each call enters the multithreaded COM
// apartment for its duration, so callers need no per-thread COM set-up.
std::unique_ptr<Provider> CreateVdsProvider(uint32_t readyTimeoutMs, HResult* result, std::string* detail);

}  // namespace lun

#endif  // _WIN32
