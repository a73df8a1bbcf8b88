#include "sim_provider.h"

#include "../hresult_table.h"

namespace lun::sim {

namespace {

// One CreateLun as the consumer sees it: the raw job plus the seed's checks on Wait.
class SimOperation : public Operation {
 public:
  SimOperation(std::shared_ptr<Model> model, std::shared_ptr<CreateLunJob> job)
      : model_(std::move(model)), job_(std::move(job)) {}

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
      return Outcome::Fail(call, "Waiting for the LUN creation failed (" + FormatHResult(call) +
                                     "); the LUN may exist: refresh the LUN list to check");
    }
    if (Failed(opHr)) return Outcome::Fail(opHr);
    if (out.type != kAsyncOutCreateLun) {  // seed rule 3
      return Outcome::Fail(hr::kUnexpected, "The provider finished the creation with output type " +
                                                std::to_string(out.type) +
                                                " instead of VDS_ASYNCOUT_CREATELUN (50)");
    }
    if (out.lunId.empty()) {  // seed rule 4
      return Outcome::Fail(hr::kUnexpected, "The provider reported success but returned no LUN");
    }
    Outcome reread = model_->GetLun(out.lunId, lun);  // the real size and drives, as the array has them
    if (!reread.ok()) {
      return Outcome::Fail(hr::kUnexpected,
                           "The provider reported LUN " + out.lunId + " but it cannot be read back");
    }
    return Outcome::Ok();
  }

  HResult Cancel() override { return job_->Cancel(); }

 private:
  std::shared_ptr<Model> model_;
  std::shared_ptr<CreateLunJob> job_;
};

}  // namespace

Outcome SimProvider::ListSubsystems(std::vector<SubsystemInfo>* out) { return model_->QuerySubsystems(out); }

Outcome SimProvider::ListDrives(const std::string& subsystemId, std::vector<DriveInfo>* out) {
  return model_->QueryDrives(subsystemId, out);
}

Outcome SimProvider::ListLuns(const std::string& subsystemId, std::vector<LunInfo>* out) {
  return model_->QueryLuns(subsystemId, out);
}

Outcome SimProvider::QueryMaxLunCreateSize(const MaxSizeArgs& args, uint64_t* maxBytes) {
  return model_->QueryMaxLunCreateSize(args, maxBytes);
}

Outcome SimProvider::CreateLun(const CreateLunArgs& args, std::shared_ptr<Operation>* op) {
  std::shared_ptr<CreateLunJob> job;
  Outcome o = model_->CreateLun(args, &job);
  if (!o.ok()) return o;
  if (!job) {  // seed rule 1: S_OK but no IVdsAsync
    return Outcome::Fail(hr::kUnexpected,
                         "The provider accepted the request but returned no operation to track");
  }
  *op = std::make_shared<SimOperation>(model_, std::move(job));
  return Outcome::Ok();
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
