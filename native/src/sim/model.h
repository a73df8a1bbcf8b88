// The simulated array: a raw, VDS-shaped layer over sim::State. Thread-safe (one mutex).
// Like a real hardware provider it does NOT apply the seed's checks: CreateLun, ExtendLun and ShrinkLun may
// hand back a NULL job (errantNullAsync), Wait may report a wrong output type or no LUN. The consumer
// (sim_provider.cc here, the COM wrappers of the Windows test VDS service there) checks every answer, as a
// real IVdsAsync client.
//
// Time: progress is computed from a steady clock when asked (no thread per job). Bytes to write = the LUN's
// (rounded) size for a creation, the bytes added / removed for an extend / shrink, at the subsystem's
// initRateBytesPerSec (10 GiB/s makes a 100 GiB LUN take 10 s). Space is allocated when the job starts (an
// extend's new extents count as used at once) and given back on failure or cancel; a shrink frees its tail
// only when it commits. A job nobody holds any more still runs to its end. Only committed changes are in
// Snapshot(). One job at a time per LUN: Extend, Shrink, SetMask, Delete (and RestoreLun) on a LUN with a
// running extend or shrink fail VDS_E_DEVICE_IN_USE naming it.
// Faults (per subsystem, applied to every CreateLun, ExtendLun and ShrinkLun there): errantNullAsync → S_OK +
// no job (nothing allocated or changed); wrongOutputType → Wait S_OK with output type 52, nothing kept;
// nullLun (creation only: the output of Extend and Shrink carries no LUN) → Wait S_OK with no LUN id, nothing
// kept; failAt → the job fails with the HRESULT at that percent; queryStatusFails → every QueryStatus call
// returns it (the job still runs); waitFails → the job succeeds (the change is kept) but Wait returns it;
// hang → 0 % until canceled; cancelTooLate → Cancel always answers VDS_E_CANCEL_TOO_LATE; driveFailsAt → the
// drive turns failed at that percent (and stays failed), and the job fails VDS_E_OBJECT_STATUS_FAILED if the
// LUN has (or would have) extents on it. A failed or canceled extend or shrink changes nothing.
// How extend and shrink choose drives and extents: resize.h. Drive failure, hot spares, replacement and
// recovery: repair.h (RecoverLun runs as a job like Extend, every fault applying as to an extend; health
// `rebuilding` while it runs). A drive that fails (SetDriveFailed or driveFailsAt) fails every running job
// that uses it with VDS_E_OBJECT_STATUS_FAILED.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "../provider.h"
#include "state.h"

namespace lun::sim {

constexpr uint32_t kAsyncOutCreateLun = 50;   // VDS_ASYNCOUT_CREATELUN
constexpr uint32_t kAsyncOutExtendLun = 54;   // VDS_ASYNCOUT_EXTENDLUN
constexpr uint32_t kAsyncOutShrinkLun = 55;   // VDS_ASYNCOUT_SHRINKLUN
constexpr uint32_t kAsyncOutRecoverLun = 56;  // VDS_ASYNCOUT_RECOVERLUN
constexpr uint32_t kCommitPointPercent = 95;  // Cancel before this rolls back; at/after it is too late

// VDS_ASYNC_OUTPUT as far as CreateLun fills it: lunId empty == cl.pLunUnk NULL. Extend and Shrink fill
// only the type (their output carries no interface); lunId is then the LUN they worked on.
struct AsyncOutput {
  uint32_t type = 0;
  std::string lunId;
};

class Model;
struct JobRecord;

// IVdsAsync of one CreateLun. Every method returns the HRESULT of the call itself.
class CreateLunJob {
 public:
  CreateLunJob(std::shared_ptr<Model> model, uint64_t key, std::string lunId, uint64_t bytesToWrite);
  ~CreateLunJob();
  CreateLunJob(const CreateLunJob&) = delete;
  CreateLunJob& operator=(const CreateLunJob&) = delete;

  // Never blocks. Running: *opHr = VDS_E_OPERATION_PENDING, *percent 0-99. Done: the operation's HRESULT,
  // 100. bytesDone (optional, a sim extra): bytes initialised so far.
  HResult QueryStatus(HResult* opHr, uint32_t* percent, uint64_t* bytesDone = nullptr);
  // Blocks until the operation is done; *opHr = its HRESULT, *out = {type, new LUN id}.
  HResult Wait(HResult* opHr, AsyncOutput* out);
  // S_OK (rolled back; Wait then yields VDS_E_OPERATION_CANCELED), VDS_E_CANCEL_TOO_LATE, or
  // VDS_E_OPERATION_CANCELED when it was already canceled.
  HResult Cancel();

  const std::string& lunId() const { return lunId_; }
  uint64_t bytesToWrite() const { return bytesToWrite_; }

 private:
  std::shared_ptr<Model> model_;
  uint64_t key_;
  std::string lunId_;
  uint64_t bytesToWrite_ = 0;
};

class Model : public std::enable_shared_from_this<Model> {
 public:
  using Clock = std::chrono::steady_clock;

  // Validates the state (ids unique, extents inside drives and not overlapping, faults well-formed …).
  static Outcome Create(State state, std::shared_ptr<Model>* out);

  // Committed LUNs only (running creations are not in it).
  State Snapshot();

  Outcome QuerySubsystems(std::vector<SubsystemInfo>* out);
  Outcome GetSubsystem(const std::string& subsystemId, SubsystemInfo* out);
  Outcome QueryDrives(const std::string& subsystemId, std::vector<DriveInfo>* out);
  Outcome QueryAllDrives(DriveVisitor* visitor);
  Outcome QueryLuns(const std::string& subsystemId, std::vector<LunInfo>* out);
  // A committed LUN by id (any subsystem); VDS_E_OBJECT_DELETED after DeleteLun, VDS_E_OBJECT_NOT_FOUND
  // otherwise.
  Outcome GetLun(const std::string& lunId, LunInfo* out);
  // Takes a committed LUN out again (its extents become free): the host's rollback of a creation whose
  // state could not be saved. VDS_E_OBJECT_NOT_FOUND when there is no such LUN.
  Outcome RemoveLun(const std::string& lunId);

  // Exact: creating *maxBytes succeeds, one byte more fails with VDS_E_NOT_ENOUGH_SPACE.
  Outcome QueryMaxLunCreateSize(const MaxSizeArgs& args, uint64_t* maxBytes);
  // Validates, allocates the extents (they count as used at once) and starts the job.
  // Under errantNullAsync: S_OK and *job == nullptr (nothing allocated).
  Outcome CreateLun(const CreateLunArgs& args, std::shared_ptr<CreateLunJob>* job);

  // The lifecycle of a committed LUN. Extend and Shrink run as jobs of the same IVdsAsync shape (the
  // CreateLunJob class serves every async kind) with the subsystem's faults applied as to creations.
  Outcome QueryMaxLunExtendSize(const std::string& lunId, const std::vector<std::string>& driveIds,
                                uint64_t* maxBytes);
  Outcome ExtendLun(const ExtendLunArgs& args, std::shared_ptr<CreateLunJob>* job);
  Outcome ShrinkLun(const ShrinkLunArgs& args, std::shared_ptr<CreateLunJob>* job);
  Outcome SetLunMask(const std::string& lunId, const std::string& unmaskingList);
  Outcome DeleteLun(const std::string& lunId);
  // Drives and repairs (repair.h). Drives by id, in any subsystem.
  Outcome RecoverLun(const RecoverLunArgs& args, std::shared_ptr<CreateLunJob>* job);
  // Every drive's extents, free gaps included (extent_map.h); a running job's space counts as its LUN's.
  Outcome QueryExtents(const std::string& subsystemId, std::vector<ExtentInfo>* out);
  Outcome GetLunIdentification(const std::string& lunId, LunIdentification* out);
  Outcome SetDriveIdentify(const std::string& driveId, bool on);
  // On: refused (VDS_E_DEVICE_IN_USE naming the LUNs) for a drive holding extents, VDS_E_OBJECT_STATUS_FAILED
  // for one not online and healthy. Off: refused while the spare is in use.
  Outcome SetDriveHotSpare(const std::string& driveId, bool on);
  Outcome ReplaceDrive(const std::string& oldDriveId, const std::string& newDriveId,
                       std::vector<std::string>* lunIdsToRecover);
  // fail-drive / restore-drive. Restoring leaves the LUNs it hurt stale until recovered.
  Outcome SetDriveFailed(const std::string& driveId, bool failed);
  // Puts a drive's own fields back as given (status, health, spare, identify): the host's rollback of a drive
  // change whose state could not be saved. The drive must exist with the same size.
  Outcome RestoreDrive(const std::string& subsystemId, const Drive& drive);

  // Puts a LUN back exactly as given (replacing the one with its id, or adding it): the host's rollback of
  // a change whose state could not be saved.
  Outcome RestoreLun(const std::string& subsystemId, const Lun& lun);

  explicit Model(State state);  // use Create()
  ~Model();

 private:
  friend class CreateLunJob;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace lun::sim
