// Backend factory by name (parcel watcher's Backend.cc style): "sim" everywhere, "vds" on Windows only.
#pragma once

#include <memory>
#include <string>

#include "provider.h"
#include "sim/state.h"

namespace lun {

struct ProviderConfig {
  sim::State simState;                 // "sim" only
  uint32_t vdsReadyTimeoutMs = 60000;  // "vds" only: how long to wait for the service to become ready
};

// nullptr + *error on failure: unknown name → E_INVALIDARG; "vds" off Windows → VDS_E_NOT_SUPPORTED.
std::unique_ptr<Provider> CreateProvider(const std::string& name, ProviderConfig config, Outcome* error);

}  // namespace lun
