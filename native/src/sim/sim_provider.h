// lun::Provider over the simulated array, consuming its raw IVdsAsync-shaped jobs exactly as a real VDS
// client does: every answer is checked (Microsoft's SynchronousCreateLun sample, the seed's checks).
#pragma once

#include <memory>

#include "../provider.h"
#include "model.h"
#include "state.h"

namespace lun::sim {

class SimProvider : public Provider {
 public:
  explicit SimProvider(std::shared_ptr<Model> model) : model_(std::move(model)) {}
  const char* Name() const override { return "sim"; }
  Outcome ListSubsystems(std::vector<SubsystemInfo>* out) override;
  Outcome ListDrives(const std::string& subsystemId, std::vector<DriveInfo>* out) override;
  Outcome ListAllDrives(DriveVisitor* visitor) override;
  Outcome ListLuns(const std::string& subsystemId, std::vector<LunInfo>* out) override;
  Outcome QueryMaxLunCreateSize(const MaxSizeArgs& args, uint64_t* maxBytes) override;
  Outcome CreateLun(const CreateLunArgs& args, std::shared_ptr<Operation>* op) override;
  Outcome QueryMaxLunExtendSize(const std::string& lunId, const std::vector<std::string>& driveIds,
                                uint64_t* maxBytes) override;
  Outcome ExtendLun(const ExtendLunArgs& args, std::shared_ptr<Operation>* op) override;
  Outcome ShrinkLun(const ShrinkLunArgs& args, std::shared_ptr<Operation>* op) override;
  Outcome SetLunMask(const std::string& lunId, const std::string& unmaskingList) override;
  Outcome DeleteLun(const std::string& lunId) override;
  Outcome RecoverLun(const RecoverLunArgs& args, std::shared_ptr<Operation>* op) override;
  Outcome ListExtents(const std::string& subsystemId, std::vector<ExtentInfo>* out) override;
  Outcome GetLunIdentification(const std::string& lunId, LunIdentification* out) override;
  Outcome SetDriveIdentify(const std::string& driveId, bool on) override;
  Outcome SetDriveHotSpare(const std::string& driveId, bool on) override;
  Outcome ReplaceDrive(const std::string& oldDriveId, const std::string& newDriveId,
                       std::vector<std::string>* lunIdsToRecover) override;
  Outcome SetDriveFailed(const std::string& driveId, bool failed) override;

  // Committed LUNs only.
  State ExportState() { return model_->Snapshot(); }
  // Rollback of a committed LUN whose state could not be saved.
  Outcome RemoveLun(const std::string& lunId) { return model_->RemoveLun(lunId); }
  // Rollback of a change whose state could not be saved: the LUN exactly as it was.
  Outcome RestoreLun(const std::string& subsystemId, const Lun& lun) {
    return model_->RestoreLun(subsystemId, lun);
  }
  // Rollback of a drive change whose state could not be saved: the drive's own fields as they were.
  Outcome RestoreDrive(const std::string& subsystemId, const Drive& drive) {
    return model_->RestoreDrive(subsystemId, drive);
  }

 private:
  std::shared_ptr<Model> model_;
};

// Validates the state; on failure returns nullptr and fills *error.
std::unique_ptr<Provider> CreateSimProvider(State state, Outcome* error);

}  // namespace lun::sim
