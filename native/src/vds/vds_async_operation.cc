#include "vds_async_operation.h"

#include <string>

#include "../hresult_table.h"

namespace lun::vds {

const AsyncCall kCreateLunCall = {
    VDS_ASYNCOUT_CREATELUN,      "VDS_ASYNCOUT_CREATELUN", "creation",
    "the LUN was being created", "the LUN may exist",      "whether the LUN exists"};
const AsyncCall kExtendLunCall = {VDS_ASYNCOUT_EXTENDLUN,       "VDS_ASYNCOUT_EXTENDLUN", "extension",
                                  "the LUN was being extended", "the LUN may have grown", "the LUN's size"};
const AsyncCall kShrinkLunCall = {VDS_ASYNCOUT_SHRINKLUN,     "VDS_ASYNCOUT_SHRINKLUN",  "shrink",
                                  "the LUN was being shrunk", "the LUN may have shrunk", "the LUN's size"};
const AsyncCall kRecoverLunCall = {
    VDS_ASYNCOUT_RECOVERLUN,       "VDS_ASYNCOUT_RECOVERLUN",       "recovery",
    "the LUN was being recovered", "the LUN may have been rebuilt", "the LUN's health"};

namespace {

// The interface the output's arm carries, whichever arm `type` selects: the caller owns (and releases) it.
IUnknown* ArmInterface(const VDS_ASYNC_OUTPUT& output) {
  switch (output.type) {
    case VDS_ASYNCOUT_CREATELUN:
      return output.cl.pLunUnk;
    case VDS_ASYNCOUT_CREATETARGET:
      return output.ct.pTargetUnk;
    case VDS_ASYNCOUT_CREATEPORTALGROUP:
      return output.cpg.pPortalGroupUnk;
    case VDS_ASYNCOUT_CREATEVOLUME:
      return output.cv.pVolumeUnk;
    case VDS_ASYNCOUT_BREAKVOLUMEPLEX:
      return output.bvp.pVolumeUnk;
    default:
      return nullptr;  // the other arms (EXTENDLUN and SHRINKLUN among them) carry no interface
  }
}

bool IsDisconnected(HRESULT hr) {
  return hr == static_cast<HRESULT>(0x800706BA) || hr == static_cast<HRESULT>(0x80010108) ||
         hr == static_cast<HRESULT>(0x800706BE);
}

// Safe to call from several threads: each call enters the MTA on its own thread, and IVdsAsync itself is
// free-threaded. Everything it holds is released with the operation, inside the MTA.
class VdsOperation : public Operation {
 public:
  VdsOperation(const AsyncCall& call, std::shared_ptr<VdsSession> session, ComPtr<IVdsAsync> async,
               ReadResult read, std::function<void()> finished)
      : call_(call),
        session_(std::move(session)),
        async_(std::move(async)),
        read_(std::move(read)),
        finished_(std::move(finished)) {}

  ~VdsOperation() override {
    ReleaseInMta(
        [async = std::move(async_), read = std::move(read_), session = std::move(session_)]() mutable {
          async.Reset();
          read = nullptr;   // the objects the re-read would have used
          session.reset();  // last: may end the session, which lets the MTA go
        });
  }

  OperationStatus QueryStatus() override {
    OperationStatus status;
    MtaScope mta;
    if (Outcome o = mta.status(); !o.ok()) {
      status.hr = o.hr;
      return status;
    }
    HRESULT opHr = S_OK;
    ULONG percent = 0;
    HRESULT queried = async_->QueryStatus(&opHr, &percent);
    if (FAILED(queried)) {
      status.hr = queried;  // the poller reports what the provider said; Wait tells the truth
      return status;
    }
    status.hr = opHr;
    // Outside 0-100 (CreateLun's IDL: 0xFFFFFFFF = no value; providers have reported 253) = unknown:
    // passed on as it is, shown as unknown (null), never as 100.
    status.percent = percent;
    return status;
  }

  Outcome Wait(LunInfo* lun) override {
    MtaScope mta;
    if (Outcome o = mta.status(); !o.ok()) return o;
    HRESULT opHr = S_OK;
    VDS_ASYNC_OUTPUT output{};
    HRESULT waited = async_->Wait(&opHr, &output);
    if (finished_) finished_();
    // Whatever arm the output type selects, the interface it carries is ours: take it now so every path
    // releases it (a wrong output type too).
    ComPtr<IUnknown> outputObject = ComPtr<IUnknown>::Adopt(ArmInterface(output));
    if (IsDisconnected(waited)) {
      return Outcome::Fail(waited, std::string("The connection to VDS was lost while ") + call_.during +
                                       " (" + FormatHResult(waited) + "); the " + call_.noun +
                                       " was not retried. Refresh the LUN list to see " + call_.refreshToSee +
                                       " before you try again.");
    }
    if (FAILED(waited)) {
      // Check 2: the operation may have succeeded, but Wait itself failed: report Wait's HRESULT.
      return Outcome::Fail(waited, std::string("Waiting for the LUN ") + call_.noun + " failed (" +
                                       FormatHResult(waited) + "); " + call_.mayHaveHappened +
                                       ": refresh the LUN list to check");
    }
    if (FAILED(opHr)) return Outcome::Fail(opHr);
    if (output.type != call_.outputType) {  // check 3
      return Outcome::Fail(hr::kUnexpected, std::string("The provider finished the ") + call_.noun +
                                                " with output type " +
                                                std::to_string(static_cast<int>(output.type)) +
                                                " instead of " + call_.outputTypeName + " (" +
                                                std::to_string(static_cast<int>(call_.outputType)) + ")");
    }
    return read_(std::move(outputObject), lun);
  }

  HResult Cancel() override {
    MtaScope mta;
    if (Outcome o = mta.status(); !o.ok()) return o.hr;
    return async_->Cancel();
  }

 private:
  const AsyncCall& call_;
  std::shared_ptr<VdsSession> session_;  // declared first: released last
  ComPtr<IVdsAsync> async_;
  ReadResult read_;
  std::function<void()> finished_;
};

}  // namespace

Outcome WrapAsync(const AsyncCall& call, std::shared_ptr<VdsSession> session, ComPtr<IVdsAsync> async,
                  ReadResult read, std::function<void()> finished, std::shared_ptr<Operation>* op) {
  if (!async) {  // check 1: S_OK but no IVdsAsync
    return Outcome::Fail(hr::kUnexpected, std::string("The provider accepted the ") + call.noun +
                                              " request but returned no operation to track (S_OK with a "
                                              "NULL IVdsAsync)");
  }
  *op = std::make_shared<VdsOperation>(call, std::move(session), std::move(async), std::move(read),
                                       std::move(finished));
  return Outcome::Ok();
}

}  // namespace lun::vds
