// A RawProvider as JS sees it: a plain object whose methods capture the provider's shared state.
#pragma once

#include <napi.h>

#include <memory>
#include <string>

#include "provider.h"

namespace lun {

Napi::Object MakeProviderObject(Napi::Env env, std::unique_ptr<Provider> provider, const std::string& name,
                                uint32_t pollIntervalMs);

}  // namespace lun
