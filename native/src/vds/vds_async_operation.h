// One IVdsAsync call (CreateLun, IVdsLun::Extend, Shrink, Recover) as a lun::Operation, with the seed's
// checks (SynchronousCreateLun sample; VDS-NOTES.md "The seed"): S_OK with a NULL async -> E_UNEXPECTED;
// Wait's own failure wins over the operation's result; the output type must be the one the call produces;
// every interface the output carries is released.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "../provider.h"
#include "com_ptr.h"
#include "vds_session.h"

namespace lun::vds {

// What one kind of call expects and how its messages name it.
struct AsyncCall {
  VDS_ASYNC_OUTPUT_TYPE outputType;  // VDS_ASYNCOUT_CREATELUN / EXTENDLUN / SHRINKLUN / RECOVERLUN
  const char* outputTypeName;        // "VDS_ASYNCOUT_CREATELUN"
  const char* noun;                  // "creation": "the provider finished the creation with …"
  const char* during;                // "the LUN was being created": "the connection was lost while …"
  const char* mayHaveHappened;       // after a failed Wait: "the LUN may exist"
  const char* refreshToSee;          // after a lost connection: "whether the LUN exists"
};

extern const AsyncCall kCreateLunCall;
extern const AsyncCall kExtendLunCall;
extern const AsyncCall kShrinkLunCall;
extern const AsyncCall kRecoverLunCall;

// Reads the LUN once Wait said success with the expected output type. `outputObject` is the interface the
// output's arm carried (NULL when it carries none). Runs inside the MTA on the thread that called Wait.
using ReadResult = std::function<Outcome(ComPtr<IUnknown> outputObject, LunInfo* lun)>;

// Wraps `async` (check 1 first: NULL -> E_UNEXPECTED, nothing wrapped). The operation keeps `session` and
// whatever `read` holds alive, releases them inside the MTA, and calls `finished` once Wait returned
// (whatever it returned): what was read before is stale from then on.
Outcome WrapAsync(const AsyncCall& call, std::shared_ptr<VdsSession> session, ComPtr<IVdsAsync> async,
                  ReadResult read, std::function<void()> finished, std::shared_ptr<Operation>* op);

}  // namespace lun::vds
