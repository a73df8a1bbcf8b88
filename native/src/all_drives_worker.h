// listAllDrives: the provider visits every subsystem on a libuv worker thread, which serialises each
// subsystem's drives to JSON and hands it to the JS thread; the JS thread parses one subsystem while the
// worker reads the next. The promise resolves to { [subsystemId]: Drive[] } (in the provider's subsystem
// order) once every subsystem is in it, or rejects with the provider's error (code, hresult, message).
#pragma once

#include <napi.h>

#include <memory>

#include "provider.h"

namespace lun {

Napi::Promise ListAllDrivesAsync(Napi::Env env, std::shared_ptr<Provider> provider);

}  // namespace lun
