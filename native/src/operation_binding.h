// A running async provider call (CreateLun, Extend, Shrink, Recover) as JS sees it (RawOperation):
// { id, done, cancel() }. The poller queries it once per round and adds each change to the environment's
// progress hub (progress_hub.h: one ThreadSafeFunction call per round for every operation, reports as one
// Float64Array for routed operations). A waiter thread blocks in Operation::Wait (not a libuv pool thread:
// a hung provider must not starve the pool), unwatches, then queues the final status and the settling of
// `done` on the same hub, after everything the poller added: the last progress always arrives first.
#pragma once

#include <napi.h>

#include <memory>

#include "provider.h"

namespace lun {

// `onProgress` empty: the reports go to `route` in the listener's batches (setProgressListener).
Napi::Object StartOperation(Napi::Env env, std::shared_ptr<Operation> op, Napi::Function onProgress,
                            double route, uint32_t pollIntervalMs);

}  // namespace lun
