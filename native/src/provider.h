// The abstract provider every backend implements (sim always; vds on Windows).
// Plain C++ only: no N-API types here, so worker threads and the Windows test service can use it.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace lun {

// HRESULTs are kept as their raw 32-bit pattern; FAILED(hr) == (hr < 0).
using HResult = int32_t;
constexpr HResult kSOk = 0;
constexpr HResult kSFalse = 1;
inline bool Failed(HResult hr) { return hr < 0; }
inline constexpr HResult Hr(uint32_t bits) { return static_cast<HResult>(bits); }

// VDS_LUN_TYPE values.
enum class LunType : int32_t {
  kUnknown = 0,
  kDefault = 1,           // "auto"
  kFaultTolerant = 2,     // "faultTolerant"
  kNonFaultTolerant = 3,  // "nonFaultTolerant"
  kSimple = 10,
  kSpan = 11,
  kStripe = 12,
  kMirror = 13,
  kParity = 14,
  kRaid6 = 19,
  kRaid10 = 23,
};
inline bool IsAutomagic(LunType t) {
  return t == LunType::kDefault || t == LunType::kFaultTolerant || t == LunType::kNonFaultTolerant;
}

// VDS_HINTS (what the product sets). `present` = pass a hints struct at all.
struct Hints {
  bool present = false;
  uint64_t hintMask = 0;  // VDS_HINT_* bits of the fields below that are set
  uint64_t stripeSize = 0;
  uint32_t maximumDriveCount = 0;
  bool fastCrashRecoveryRequired = false;
  bool mostlyReads = false;
  bool optimizeForSequentialReads = false;
  bool optimizeForSequentialWrites = false;
  bool readBackVerifyEnabled = false;
  bool writeThroughCachingEnabled = false;
  bool hardwareChecksumEnabled = false;
  bool isYankable = false;
  int16_t rebuildPriority = 0;
};

// Status / health values are the VDS numbers (VDS_SSS_*, VDS_DRS_*, VDS_LS_*, VDS_H_*);
// the addon turns them into the contract's strings.
struct SubsystemInfo {
  std::string id;  // GUID string {xxxxxxxx-...}
  std::string name;
  std::string identification;
  int32_t status = 0;
  int32_t health = 0;
  std::vector<LunType> supportedTypes;
  std::vector<uint64_t> stripeSizes;  // bytes, ascending
  bool maskingCapable = false;
  uint32_t driveCount = 0;
  uint32_t lunCount = 0;
  uint64_t capacityBytes = 0;
  uint64_t freeBytes = 0;
};

struct DriveInfo {
  std::string id;
  std::string subsystemId;
  std::string name;
  std::string identification;
  uint64_t sizeBytes = 0;
  uint64_t freeBytes = 0;
  int32_t bus = 0;
  int32_t slot = 0;
  int32_t status = 0;
  int32_t health = 0;
  uint32_t flags = 0;        // VDS_DRF_*
  bool identifying = false;  // BlinkLight maintenance started by us and not stopped
};

// One VDS_DRIVE_EXTENT with its offset (the running sum of the sizes before it on that drive). lunId empty =
// free (bUsed FALSE).
struct ExtentInfo {
  std::string driveId;
  std::string lunId;
  uint64_t offsetBytes = 0;
  uint64_t sizeBytes = 0;
};

// VDS_STORAGE_IDENTIFIER: the VDS numbers (code set, type, association) and the raw identifier bytes.
struct StorageIdentifier {
  int32_t codeSet = 0;  // VDS_STORAGE_IDENTIFIER_CODE_SET: 1 binary, 2 ascii, 3 utf8
  int32_t type = 0;  // VDS_STORAGE_IDENTIFIER_TYPE: 0 vendor specific … 3 FCPH name (NAA) … 8 SCSI name
  int32_t association = 0;  // VDS_STORAGE_ASSOCIATION_TYPE: 0 device, 1 port, 2 target
  std::vector<uint8_t> value;
};

// VDS_LUN_INFORMATION, the parts the product shows.
struct LunIdentification {
  std::string vendorId;
  std::string productId;
  std::string productRevision;
  std::string serialNumber;
  std::vector<StorageIdentifier> identifiers;
};

// IVdsLun::Recover.
struct RecoverLunArgs {
  std::string lunId;
  std::string operationId;
};

struct LunInfo {
  std::string id;
  std::string subsystemId;
  std::string name;
  std::string identification;
  LunType type = LunType::kUnknown;
  uint64_t sizeBytes = 0;
  uint64_t stripeSize = 0;
  int32_t status = 0;
  int32_t health = 0;
  std::string unmaskingList;
  std::vector<std::string> driveIds;
};

struct MaxSizeArgs {
  std::string subsystemId;
  LunType type = LunType::kUnknown;
  std::vector<std::string> driveIds;  // empty = provider picks
  Hints hints;
};

struct CreateLunArgs : MaxSizeArgs {
  uint64_t sizeBytes = 0;
  std::string unmaskingList;
  // The host's operation id (optional). The simulator keeps it with the LUN it creates, so that after a
  // kill the host can tell which operation a LUN in the array belongs to; VDS ignores it.
  std::string operationId;
};

// IVdsLun::Extend: drives used in the order given, each filled before the next; empty = provider picks.
struct ExtendLunArgs {
  std::string lunId;
  uint64_t bytesToAdd = 0;
  std::vector<std::string> driveIds;
  std::string operationId;  // the host's operation id (the simulator may keep it; VDS ignores it)
};

// IVdsLun::Shrink: frees the LUN's tail.
struct ShrinkLunArgs {
  std::string lunId;
  uint64_t bytesToRemove = 0;
  std::string operationId;
};

// A failure with an optional plain-language detail that is more specific than the HRESULT table's
// message (e.g. "Drive 'Bay 07' is failed: pick an online, healthy drive").
struct Outcome {
  HResult hr = kSOk;
  std::string detail;
  std::string field;   // request field at fault, when the cause is one field
  std::string action;  // what to do, when more specific than the HRESULT table's action
  bool ok() const { return !Failed(hr); }
  static Outcome Ok() { return {}; }
  static Outcome Fail(HResult h, std::string d = {}, std::string f = {}) {
    return {h, std::move(d), std::move(f), {}};
  }
};

struct OperationStatus {
  HResult hr = kSOk;  // VDS_E_OPERATION_PENDING while running, then the operation's result
  uint32_t percent = 0;
  uint64_t bytesDone = 0;
};

// IVdsAsync, as the poller and the workers see it. Thread-safe: QueryStatus runs on the poller
// thread while Wait blocks on a worker and Cancel arrives from a third.
class Operation {
 public:
  virtual ~Operation() = default;
  virtual OperationStatus QueryStatus() = 0;  // never blocks
  // Blocks until done, applying the seed's checks (the output type must match the call: CREATELUN 50,
  // EXTENDLUN 54, SHRINKLUN 55, RECOVERLUN 56); on success fills *lun (re-read from the provider).
  virtual Outcome Wait(LunInfo* lun) = 0;
  virtual HResult Cancel() = 0;
};

// Receives every subsystem's drives, one subsystem at a time (ListAllDrives); may move them out.
class DriveVisitor {
 public:
  virtual ~DriveVisitor() = default;
  virtual void Visit(const std::string& subsystemId, std::vector<DriveInfo>* drives) = 0;
};

class Provider {
 public:
  virtual ~Provider() = default;
  virtual const char* Name() const = 0;
  virtual Outcome ListSubsystems(std::vector<SubsystemInfo>* out) = 0;
  virtual Outcome ListDrives(const std::string& subsystemId, std::vector<DriveInfo>* out) = 0;
  // Every subsystem's drives in one call, in ListSubsystems order. The default lists the subsystems, then the
  // drives of each; a subsystem that went away in between (VDS_E_OBJECT_NOT_FOUND / DELETED) is left out.
  virtual Outcome ListAllDrives(DriveVisitor* visitor);
  virtual Outcome ListLuns(const std::string& subsystemId, std::vector<LunInfo>* out) = 0;
  virtual Outcome QueryMaxLunCreateSize(const MaxSizeArgs& args, uint64_t* maxBytes) = 0;
  virtual Outcome CreateLun(const CreateLunArgs& args, std::shared_ptr<Operation>* op) = 0;
  // The lifecycle of an existing LUN (by id). Async calls apply the seed's checks: S_OK with a NULL async ->
  // E_UNEXPECTED. SetMask and Delete are synchronous.
  virtual Outcome QueryMaxLunExtendSize(const std::string& lunId, const std::vector<std::string>& driveIds,
                                        uint64_t* maxBytes) = 0;
  virtual Outcome ExtendLun(const ExtendLunArgs& args, std::shared_ptr<Operation>* op) = 0;
  virtual Outcome ShrinkLun(const ShrinkLunArgs& args, std::shared_ptr<Operation>* op) = 0;
  virtual Outcome SetLunMask(const std::string& lunId, const std::string& unmaskingList) = 0;
  virtual Outcome DeleteLun(const std::string& lunId) = 0;
  // Drives and repairs. RecoverLun is async (output RECOVERLUN 56, the seed's checks); the others
  // synchronous.
  virtual Outcome RecoverLun(const RecoverLunArgs& args, std::shared_ptr<Operation>* op) = 0;
  // Every drive's extents (free ones included), drive by drive, by offset within a drive.
  virtual Outcome ListExtents(const std::string& subsystemId, std::vector<ExtentInfo>* out) = 0;
  // VDS_E_NOT_SUPPORTED where the provider gives no identification data.
  virtual Outcome GetLunIdentification(const std::string& lunId, LunIdentification* out) = 0;
  virtual Outcome SetDriveIdentify(const std::string& driveId, bool on) = 0;
  // Refused (VDS_E_DEVICE_IN_USE, naming the LUNs) when making a drive that holds extents a hot spare.
  virtual Outcome SetDriveHotSpare(const std::string& driveId, bool on) = 0;
  // *lunIdsToRecover: the LUNs that had extents on the old drive (now on the new one, still to be recovered).
  virtual Outcome ReplaceDrive(const std::string& oldDriveId, const std::string& newDriveId,
                               std::vector<std::string>* lunIdsToRecover) = 0;
  // Simulator only (fail-drive / restore-drive); VDS answers VDS_E_NOT_SUPPORTED.
  virtual Outcome SetDriveFailed(const std::string& driveId, bool failed) = 0;
};

inline Outcome Provider::ListAllDrives(DriveVisitor* visitor) {
  std::vector<SubsystemInfo> subsystems;
  if (Outcome o = ListSubsystems(&subsystems); !o.ok()) return o;
  for (const SubsystemInfo& subsystem : subsystems) {
    std::vector<DriveInfo> drives;
    Outcome o = ListDrives(subsystem.id, &drives);
    if (o.hr == Hr(0x80042405) /* VDS_E_OBJECT_NOT_FOUND */ || o.hr == Hr(0x8004240B) /* _DELETED */)
      continue;
    if (!o.ok()) return o;
    visitor->Visit(subsystem.id, &drives);
  }
  return Outcome::Ok();
}

}  // namespace lun
