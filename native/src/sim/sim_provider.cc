#include "sim_provider.h"

#include "../hresult_table.h"

namespace lun::sim {

namespace {

// What the consumer expects of one kind of async call.
struct AsyncKind {
  uint32_t outputType;
  const char* outputName;
  const char* what;  // "creation", "extend", "shrink"
  const char* mayHaveHappened;
  const char* canceled;  // detail when the operation was canceled (empty: the HRESULT table's text)
};

const AsyncKind kCreate{kAsyncOutCreateLun, "VDS_ASYNCOUT_CREATELUN", "creation",
                        "the LUN may exist: refresh the LUN list to check", ""};
const AsyncKind kExtend{kAsyncOutExtendLun, "VDS_ASYNCOUT_EXTENDLUN", "extend",
                        "the LUN may have its new size: refresh the LUN list to check",
                        "The extend was canceled and rolled back: the LUN keeps its size."};
const AsyncKind kShrink{kAsyncOutShrinkLun, "VDS_ASYNCOUT_SHRINKLUN", "shrink",
                        "the LUN may have its new size: refresh the LUN list to check",
                        "The shrink was canceled and rolled back: the LUN keeps its size."};
const AsyncKind kRecover{kAsyncOutRecoverLun, "VDS_ASYNCOUT_RECOVERLUN", "recovery",
                         "the LUN may be rebuilt: refresh the LUN list to check",
                         "The recovery was canceled: the LUN stays degraded until it is recovered."};

// One async call as the consumer sees it: the raw job plus the seed's checks on Wait.
class SimOperation : public Operation {
 public:
  SimOperation(std::shared_ptr<Model> model, std::shared_ptr<CreateLunJob> job, const AsyncKind& kind)
      : model_(std::move(model)), job_(std::move(job)), kind_(kind) {}

  OperationStatus QueryStatus() override {
    OperationStatus status;
    HResult opHr = hr::kOk;
    uint32_t percent = 0;
    uint64_t bytes = 0;
    const HResult call = job_->QueryStatus(&opHr, &percent, &bytes);
    if (Failed(call)) {
      status.hr = call;  // the poller reports what the provider said; Wait tells the truth
      return status;
    }
    status.hr = opHr;
    status.percent = percent > 100 ? 100 : percent;
    status.bytesDone = bytes;
    return status;
  }

  Outcome Wait(LunInfo* lun) override {
    HResult opHr = hr::kOk;
    AsyncOutput out;
    const HResult call = job_->Wait(&opHr, &out);
    if (Failed(call)) {
      // Seed rule 2: the operation may have succeeded, but Wait itself failed: report Wait's HRESULT.
      return Outcome::Fail(call, std::string("Waiting for the LUN ") + kind_.what + " failed (" +
                                     FormatHResult(call) + "); " + kind_.mayHaveHappened);
    }
    if (opHr == hr::kVdsOperationCanceled && *kind_.canceled) return Outcome::Fail(opHr, kind_.canceled);
    if (Failed(opHr)) return Outcome::Fail(opHr);
    if (out.type != kind_.outputType) {  // seed rule 3
      return Outcome::Fail(hr::kUnexpected, std::string("The provider finished the ") + kind_.what +
                                                " with output type " + std::to_string(out.type) +
                                                " instead of " + kind_.outputName + " (" +
                                                std::to_string(kind_.outputType) + ")");
    }
    // Extend and Shrink output no interface: the LUN is the one the call was made on.
    const std::string lunId = kind_.outputType == kAsyncOutCreateLun ? out.lunId : job_->lunId();
    if (lunId.empty()) {  // seed rule 4
      return Outcome::Fail(hr::kUnexpected, "The provider reported success but returned no LUN");
    }
    Outcome reread = model_->GetLun(lunId, lun);  // the real size and drives, as the array has them
    if (!reread.ok()) {
      return Outcome::Fail(hr::kUnexpected,
                           "The provider reported LUN " + lunId + " but it cannot be read back");
    }
    return Outcome::Ok();
  }

  HResult Cancel() override { return job_->Cancel(); }

 private:
  std::shared_ptr<Model> model_;
  std::shared_ptr<CreateLunJob> job_;
  const AsyncKind& kind_;
};

// Seed rule 1: S_OK but no IVdsAsync → E_UNEXPECTED.
Outcome Track(const std::shared_ptr<Model>& model, Outcome started, std::shared_ptr<CreateLunJob> job,
              const AsyncKind& kind, std::shared_ptr<Operation>* op) {
  if (!started.ok()) return started;
  if (!job) {
    return Outcome::Fail(hr::kUnexpected,
                         "The provider accepted the request but returned no operation to track");
  }
  *op = std::make_shared<SimOperation>(model, std::move(job), kind);
  return Outcome::Ok();
}

}  // namespace

Outcome SimProvider::ListSubsystems(std::vector<SubsystemInfo>* out) { return model_->QuerySubsystems(out); }

Outcome SimProvider::ListDrives(const std::string& subsystemId, std::vector<DriveInfo>* out) {
  return model_->QueryDrives(subsystemId, out);
}

Outcome SimProvider::ListAllDrives(DriveVisitor* visitor) { return model_->QueryAllDrives(visitor); }

Outcome SimProvider::ListLuns(const std::string& subsystemId, std::vector<LunInfo>* out) {
  return model_->QueryLuns(subsystemId, out);
}

Outcome SimProvider::QueryMaxLunCreateSize(const MaxSizeArgs& args, uint64_t* maxBytes) {
  return model_->QueryMaxLunCreateSize(args, maxBytes);
}

Outcome SimProvider::CreateLun(const CreateLunArgs& args, std::shared_ptr<Operation>* op) {
  std::shared_ptr<CreateLunJob> job;
  Outcome o = model_->CreateLun(args, &job);
  return Track(model_, o, std::move(job), kCreate, op);
}

Outcome SimProvider::QueryMaxLunExtendSize(const std::string& lunId, const std::vector<std::string>& driveIds,
                                           uint64_t* maxBytes) {
  return model_->QueryMaxLunExtendSize(lunId, driveIds, maxBytes);
}

Outcome SimProvider::ExtendLun(const ExtendLunArgs& args, std::shared_ptr<Operation>* op) {
  std::shared_ptr<CreateLunJob> job;
  Outcome o = model_->ExtendLun(args, &job);
  return Track(model_, o, std::move(job), kExtend, op);
}

Outcome SimProvider::ShrinkLun(const ShrinkLunArgs& args, std::shared_ptr<Operation>* op) {
  std::shared_ptr<CreateLunJob> job;
  Outcome o = model_->ShrinkLun(args, &job);
  return Track(model_, o, std::move(job), kShrink, op);
}

Outcome SimProvider::SetLunMask(const std::string& lunId, const std::string& unmaskingList) {
  return model_->SetLunMask(lunId, unmaskingList);
}

Outcome SimProvider::DeleteLun(const std::string& lunId) { return model_->DeleteLun(lunId); }

Outcome SimProvider::RecoverLun(const RecoverLunArgs& args, std::shared_ptr<Operation>* op) {
  std::shared_ptr<CreateLunJob> job;
  Outcome o = model_->RecoverLun(args, &job);
  return Track(model_, o, std::move(job), kRecover, op);
}

Outcome SimProvider::ListExtents(const std::string& subsystemId, std::vector<ExtentInfo>* out) {
  return model_->QueryExtents(subsystemId, out);
}

Outcome SimProvider::GetLunIdentification(const std::string& lunId, LunIdentification* out) {
  return model_->GetLunIdentification(lunId, out);
}

Outcome SimProvider::SetDriveIdentify(const std::string& driveId, bool on) {
  return model_->SetDriveIdentify(driveId, on);
}

Outcome SimProvider::SetDriveHotSpare(const std::string& driveId, bool on) {
  return model_->SetDriveHotSpare(driveId, on);
}

Outcome SimProvider::ReplaceDrive(const std::string& oldDriveId, const std::string& newDriveId,
                                  std::vector<std::string>* lunIdsToRecover) {
  return model_->ReplaceDrive(oldDriveId, newDriveId, lunIdsToRecover);
}

Outcome SimProvider::SetDriveFailed(const std::string& driveId, bool failed) {
  return model_->SetDriveFailed(driveId, failed);
}

std::unique_ptr<Provider> CreateSimProvider(State state, Outcome* error) {
  std::shared_ptr<Model> model;
  Outcome o = Model::Create(std::move(state), &model);
  if (!o.ok()) {
    if (error) *error = o;
    return nullptr;
  }
  return std::make_unique<SimProvider>(std::move(model));
}

}  // namespace lun::sim
