// The simulated array's persistent state, mirroring SimState in native/lib/raw-addon.ts.
// Plain C++ (no N-API): the addon converts JSON <-> these structs; the Windows test VDS service
// links the model directly. Status and health hold the VDS numbers (VDS_SSS_*, VDS_DRS_*, VDS_H_*).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "../provider.h"

namespace lun::sim {

// VDS numbers used by the model (the VDS_* enumerations in vdshwprv / vds.h).
constexpr int32_t kStatusUnknown = 0;
constexpr int32_t kStatusOnline = 1;  // VDS_SSS_ONLINE / VDS_DRS_ONLINE / VDS_LS_ONLINE
constexpr int32_t kStatusNotReady = 2;
constexpr int32_t kStatusOffline = 4;
constexpr int32_t kStatusFailed = 5;
constexpr int32_t kSubsystemPartiallyManaged = 9;  // VDS_SSS_PARTIALLY_MANAGED
constexpr int32_t kDriveRemoved = 8;               // VDS_DRS_REMOVED

constexpr int32_t kHealthUnknown = 0;
constexpr int32_t kHealthHealthy = 1;
constexpr int32_t kHealthRebuilding = 2;
constexpr int32_t kHealthFailing = 4;
constexpr int32_t kHealthFailed = 8;
constexpr int32_t kHealthDegraded = 11;

enum class FaultKind {
  kErrantNullAsync,   // CreateLun: S_OK with a NULL IVdsAsync
  kWrongOutputType,   // Wait: S_OK, output.type != VDS_ASYNCOUT_CREATELUN
  kNullLun,           // Wait: S_OK, output.cl.pLunUnk == NULL
  kFailAt,            // the operation fails with `hresult` at `percent`
  kQueryStatusFails,  // QueryStatus itself returns `hresult` (the operation still completes)
  kWaitFails,         // the operation succeeds, Wait itself returns `hresult`
  kHang,              // never progresses until canceled
  kCancelTooLate,     // Cancel always answers VDS_E_CANCEL_TOO_LATE
  kDriveFailsAt,      // `drive` becomes failed at `percent`
};

struct Fault {
  FaultKind kind = FaultKind::kFailAt;
  uint32_t percent = 0;  // kFailAt, kDriveFailsAt: 0-100
  HResult hresult = 0;   // kFailAt, kQueryStatusFails, kWaitFails
  std::string drive;     // kDriveFailsAt: drive id or name
};

struct Extent {
  std::string driveId;
  uint64_t offsetBytes = 0;
  uint64_t lengthBytes = 0;
};

struct Lun {
  std::string id;
  std::string name;
  LunType type = LunType::kSimple;  // always a specific type
  uint64_t sizeBytes = 0;
  uint64_t stripeSizeBytes = 0;  // 0 for simple, span and mirror
  std::string unmaskingList;
  std::vector<Extent> extents;  // allocation order; the LUN's drive order = first appearance
  std::string operationId;      // the host operation that created it (empty: unknown / before tags)
  // Drives whose copy of this LUN's data is stale: hurt when the drive failed, carried over to the drive that
  // replaced it; cleared by a recovery. Redundant types are degraded while any is left (failed beyond their
  // fault tolerance), the others failed.
  std::vector<std::string> staleDriveIds;
  // An automatic hot-spare takeover being rebuilt by the array (no job): wall-clock start, bytes at the
  // subsystem's init rate. bytes == 0: none.
  std::vector<std::string> rebuildDriveIds;
  int64_t rebuildStartedAtMs = 0;
  uint64_t rebuildBytes = 0;
};

struct Drive {
  std::string id;
  std::string name;
  uint64_t sizeBytes = 0;
  int32_t bus = 0;
  int32_t slot = 0;
  int32_t status = kStatusOnline;   // VDS_DRS_*
  int32_t health = kHealthHealthy;  // VDS_H_*
  bool hotSpare = false;            // in use (a standby spare took over) when it holds extents
  bool identifying = false;         // the identify light blinks (BlinkLight maintenance)
};

struct Subsystem {
  std::string id;
  std::string name;
  std::vector<LunType> supportedTypes;  // as configured (specific and/or automagic)
  std::vector<uint64_t> stripeSizes;    // bytes
  uint64_t initRateBytesPerSec = 0;     // > 0
  bool maskingCapable = true;
  bool automaticHotSpare = false;  // a standby hot spare takes over a failed drive of a redundant LUN at once
  int32_t status = kStatusOnline;  // VDS_SSS_*
  int32_t health = kHealthHealthy;
  std::vector<Drive> drives;
  std::vector<Fault> faults;
  std::vector<Lun> luns;  // committed LUNs only
};

struct State {
  int32_t version = 1;
  std::vector<Subsystem> subsystems;
};

}  // namespace lun::sim
