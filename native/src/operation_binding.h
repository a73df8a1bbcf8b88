// A running CreateLun as JS sees it (RawOperation): { id, done, cancel() }.
// The poller pushes progress through a ThreadSafeFunction; a waiter thread blocks in Operation::Wait
// (not a libuv pool thread: a hung provider must not starve the pool), delivers the final status, then
// settles `done` through the same ThreadSafeFunction, so the last progress always arrives first.
#pragma once

#include <napi.h>

#include <memory>

#include "provider.h"

namespace lun {

Napi::Object StartOperation(Napi::Env env, std::shared_ptr<Operation> op, Napi::Function onProgress,
                            uint32_t pollIntervalMs);

}  // namespace lun
