#include "model.h"

#include <algorithm>
#include <cctype>
#include <condition_variable>
#include <map>
#include <mutex>
#include <set>
#include <unordered_map>

#include "../hresult_table.h"
#include "extent_map.h"
#include "guid.h"
#include "health.h"
#include "identification.h"
#include "layout.h"
#include "planner.h"
#include "repair.h"
#include "resize.h"
#include "unmasking.h"
#include "validate_state.h"

namespace lun::sim {

namespace {

enum class Phase { kRunning, kSucceeded, kFailed, kCanceled };
enum class JobKind { kCreate, kExtend, kShrink, kRecover };
enum class EventKind { kDriveFails = 0, kFails = 1, kCompletes = 2 };  // order = priority at equal times

using Clock = Model::Clock;
using Seconds = std::chrono::duration<double>;

std::vector<LunType> ReportedTypes(const Subsystem& s) {
  const LunType order[] = {LunType::kSimple,          LunType::kSpan,    LunType::kStripe,
                           LunType::kMirror,          LunType::kParity,  LunType::kRaid10,
                           LunType::kRaid6,           LunType::kDefault, LunType::kFaultTolerant,
                           LunType::kNonFaultTolerant};
  std::vector<LunType> out;
  for (LunType t : order) {
    if (SubsystemSupports(s, t)) out.push_back(t);
  }
  return out;
}

const char* JobWhat(JobKind kind) {
  switch (kind) {
    case JobKind::kCreate:
      return "a creation";
    case JobKind::kExtend:
      return "an extend";
    case JobKind::kShrink:
      return "a shrink";
    case JobKind::kRecover:
      return "a recovery";
  }
  return "an operation";
}

// The id's hex digits, lower case, at most `max` of them.
std::string HexOfId(const std::string& id, size_t max = std::string::npos) {
  std::string hex;
  for (char c : id) {
    if (hex.size() >= max) break;
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')) {
      hex.push_back(c);
    } else if (c >= 'A' && c <= 'F') {
      hex.push_back(static_cast<char>(c - 'A' + 'a'));
    }
  }
  return hex;
}

}  // namespace

struct JobRecord {
  JobKind kind = JobKind::kCreate;
  std::string subsystemId;
  Lun lun;                           // the LUN as it will be once the job commits
  std::vector<Extent> reserved;      // space the job holds beyond the committed LUNs (counts as used)
  std::set<std::string> touched;     // every drive the LUN has before or after (driveFailsAt)
  std::vector<std::string> rebuilt;  // recovery: the stale drives it writes
  uint64_t bytesToWrite = 0;
  double rate = 1;
  Clock::time_point start;
  bool hang = false;
  bool cancelTooLate = false;
  bool wrongOutputType = false;
  bool nullLun = false;
  bool failAt = false;
  uint32_t failAtPercent = 0;
  HResult failAtHr = hr::kOk;
  bool driveFails = false;
  bool driveFailApplied = false;
  uint32_t driveFailPercent = 0;
  std::string driveFailId;
  HResult queryStatusHr = hr::kOk;
  HResult waitHr = hr::kOk;

  Phase phase = Phase::kRunning;
  HResult finalHr = hr::kOk;
  uint64_t finalBytes = 0;
  bool orphaned = false;  // the CreateLunJob handle is gone

  Clock::time_point TimeAt(uint32_t percent) const {
    constexpr double kCenturySeconds = 100.0 * 365 * 24 * 3600;  // keeps slow rates inside the clock's range
    const double seconds =
        std::min(kCenturySeconds, static_cast<double>(bytesToWrite) * percent / 100.0 / rate);
    return start + std::chrono::duration_cast<Clock::duration>(Seconds(seconds));
  }
  uint64_t BytesAtPercent(uint32_t percent) const { return bytesToWrite / 100 * percent; }
  uint64_t BytesAt(Clock::time_point now) const {
    if (hang || now <= start) return 0;
    const double done = Seconds(now - start).count() * rate;
    return done >= static_cast<double>(bytesToWrite) ? bytesToWrite : static_cast<uint64_t>(done);
  }
  uint32_t PercentAt(Clock::time_point now) const {
    const uint64_t bytes = BytesAt(now);
    const uint64_t pct = static_cast<uint64_t>(static_cast<double>(bytes) * 100.0 / bytesToWrite);
    return static_cast<uint32_t>(std::min<uint64_t>(99, pct));
  }
  // Pending events, earliest first (nothing when hanging).
  std::vector<std::pair<Clock::time_point, EventKind>> Events() const {
    std::vector<std::pair<Clock::time_point, EventKind>> events;
    if (hang) return events;
    if (driveFails && !driveFailApplied) events.push_back({TimeAt(driveFailPercent), EventKind::kDriveFails});
    if (failAt) events.push_back({TimeAt(failAtPercent), EventKind::kFails});
    events.push_back({TimeAt(100), EventKind::kCompletes});
    std::sort(events.begin(), events.end());
    return events;
  }
};

struct Model::Impl {
  std::mutex mu;
  std::condition_variable cv;
  State state;
  std::map<uint64_t, JobRecord> jobs;
  uint64_t nextKey = 1;
  std::set<std::string> deleted;  // ids of LUNs deleted here (later calls: VDS_E_OBJECT_DELETED)

  Subsystem* FindSubsystem(const std::string& id) {
    for (auto& s : state.subsystems) {
      if (s.id == id) return &s;
    }
    return nullptr;
  }

  static Drive* FindDrive(Subsystem& s, const std::string& idOrName) {
    for (auto& d : s.drives) {
      if (d.id == idOrName) return &d;
    }
    for (auto& d : s.drives) {
      if (d.name == idOrName) return &d;
    }
    return nullptr;
  }

  // Every drive's used spans: committed LUNs plus the space running jobs hold (one pass over the extents).
  std::unordered_map<std::string, std::vector<Span>> UsedSpans(const Subsystem& s) const {
    std::unordered_map<std::string, std::vector<Span>> used;
    for (const auto& l : s.luns) {
      for (const auto& e : l.extents) used[e.driveId].push_back({e.offsetBytes, e.lengthBytes});
    }
    for (const auto& [key, job] : jobs) {
      if (job.phase != Phase::kRunning || job.subsystemId != s.id) continue;
      for (const auto& e : job.reserved) used[e.driveId].push_back({e.offsetBytes, e.lengthBytes});
    }
    return used;
  }

  std::vector<DriveView> Views(const Subsystem& s) const {
    std::unordered_map<std::string, std::vector<Span>> used = UsedSpans(s);
    std::vector<DriveView> views;
    views.reserve(s.drives.size());
    for (const auto& d : s.drives) {
      DriveView v;
      v.drive = &d;
      auto it = used.find(d.id);
      v.free = FreeSpans(d.sizeBytes, it == used.end() ? std::vector<Span>{} : std::move(it->second));
      v.freeBytes = TotalLength(v.free);
      views.push_back(std::move(v));
    }
    return views;
  }

  void Finish(JobRecord& job, Phase phase, HResult result, uint64_t bytes) {
    job.phase = phase;
    job.finalHr = result;
    job.finalBytes = bytes;
    const bool errantOutput = job.wrongOutputType || job.nullLun;  // the errant provider keeps nothing
    if (phase == Phase::kSucceeded && !errantOutput) Commit(job);
    cv.notify_all();
  }

  void Commit(const JobRecord& job) {
    Subsystem* s = FindSubsystem(job.subsystemId);
    if (!s) return;
    if (job.kind == JobKind::kCreate) {
      s->luns.push_back(job.lun);
      return;
    }
    if (job.kind == JobKind::kRecover) {  // only the stale marks go: the LUN may have changed meanwhile
      for (auto& l : s->luns) {
        if (l.id != job.lun.id) continue;
        for (const auto& id : job.rebuilt) {
          l.staleDriveIds.erase(std::remove(l.staleDriveIds.begin(), l.staleDriveIds.end(), id),
                                l.staleDriveIds.end());
        }
      }
      return;
    }
    for (auto& l : s->luns) {
      if (l.id == job.lun.id) l = job.lun;
    }
  }

  void AdvanceJob(JobRecord& job, Clock::time_point now) {
    if (job.phase != Phase::kRunning || job.hang) return;
    // Every status read advances every job: without this check each read would build every job's event list
    // (the poller reads 1,000 statuses a second with 256 creations running, each advancing 256 jobs).
    if (job.TimeAt(100) > now && !(job.failAt && job.TimeAt(job.failAtPercent) <= now) &&
        !(job.driveFails && !job.driveFailApplied && job.TimeAt(job.driveFailPercent) <= now)) {
      return;
    }
    for (const auto& [when, kind] : job.Events()) {
      if (when > now) return;
      switch (kind) {
        case EventKind::kDriveFails: {
          job.driveFailApplied = true;
          Subsystem* s = FindSubsystem(job.subsystemId);
          Drive* d = s ? FindDrive(*s, job.driveFailId) : nullptr;
          if (!d) break;
          const bool hit = job.touched.count(d->id) > 0;
          if (hit)
            Finish(job, Phase::kFailed, hr::kVdsObjectStatusFailed, job.BytesAtPercent(job.driveFailPercent));
          FailDriveNow(*s, d, now);
          if (hit) return;
          break;
        }
        case EventKind::kFails:
          Finish(job, Phase::kFailed, job.failAtHr, job.BytesAtPercent(job.failAtPercent));
          return;
        case EventKind::kCompletes:
          Finish(job, Phase::kSucceeded, hr::kOk, job.bytesToWrite);
          return;
      }
    }
  }

  // A drive fails (fail-drive, driveFailsAt): every running job that uses it fails, the LUNs on it are hurt
  // and a hot spare may take over (repair.h).
  void FailDriveNow(Subsystem& s, Drive* d, Clock::time_point now) {
    for (auto& [key, job] : jobs) {
      if (job.phase != Phase::kRunning || job.subsystemId != s.id || !job.touched.count(d->id)) continue;
      Finish(job, Phase::kFailed, hr::kVdsObjectStatusFailed, job.BytesAt(now));
    }
    FailDrive(&s, d, WallClockMs());
  }

  void Advance(Clock::time_point now) {
    const int64_t wallMs = WallClockMs();
    for (auto& s : state.subsystems) ClearFinishedRebuilds(&s, wallMs);
    for (auto it = jobs.begin(); it != jobs.end();) {
      AdvanceJob(it->second, now);
      if (it->second.orphaned && it->second.phase != Phase::kRunning) {
        it = jobs.erase(it);
      } else {
        ++it;
      }
    }
  }

  std::string NextLunName(const Subsystem& s) const {
    std::set<std::string> taken;
    for (const auto& l : s.luns) taken.insert(l.name);
    for (const auto& [key, job] : jobs) {
      if (job.kind == JobKind::kCreate && job.subsystemId == s.id && job.phase == Phase::kRunning)
        taken.insert(job.lun.name);
    }
    for (size_t n = s.luns.size() + 1;; ++n) {
      std::string name = "LUN " + std::to_string(n);
      if (!taken.count(name)) return name;
    }
  }

  // The drives of the LUN being rebuilt right now: by a recovery job or a hot-spare takeover.
  std::vector<std::string> Rebuilding(const Subsystem& s, const Lun& l) const {
    std::vector<std::string> ids = ActiveRebuild(s, l, WallClockMs());
    for (const auto& [key, job] : jobs) {
      if (job.phase == Phase::kRunning && job.kind == JobKind::kRecover && job.lun.id == l.id)
        ids.insert(ids.end(), job.rebuilt.begin(), job.rebuilt.end());
    }
    return ids;
  }

  LunInfo ToLunInfo(const Subsystem& s, const Lun& l) const {
    LunInfo info;
    info.id = l.id;
    info.subsystemId = s.id;
    info.name = l.name;
    info.identification = "naa." + NaaHex(l.id);
    info.type = l.type;
    info.sizeBytes = l.sizeBytes;
    info.stripeSize = l.stripeSizeBytes;
    info.unmaskingList = l.unmaskingList;
    info.driveIds = LunDriveIds(l);
    StatusAndHealth(ConditionOf(s, l, info.driveIds, Rebuilding(s, l)), &info.status, &info.health);
    return info;
  }

  DriveInfo ToDriveInfo(const Subsystem& s, const DriveView& v) const {
    const Drive& d = *v.drive;
    DriveInfo info;
    info.id = d.id;
    info.subsystemId = s.id;
    info.name = d.name;
    info.identification = "SIM-" + HexOfId(d.id, 16);
    info.sizeBytes = d.sizeBytes;
    info.freeBytes = v.freeBytes;
    info.bus = d.bus;
    info.slot = d.slot;
    info.status = d.status;
    info.health = d.health;
    info.identifying = d.identifying;
    if (d.hotSpare) {
      // VDS_DRF_HOTSPARE | VDS_DRF_HOTSPARE_IN_USE once it took over, else | VDS_DRF_HOTSPARE_STANDBY
      info.flags = 0x1 | (v.freeBytes < d.sizeBytes ? 0x8 : 0x10);
    } else {
      info.flags = v.freeBytes < d.sizeBytes ? 0x2 : 0x4;  // VDS_DRF_ASSIGNED : VDS_DRF_UNASSIGNED
    }
    return info;
  }

  SubsystemInfo ToSubsystemInfo(const Subsystem& s) const {
    SubsystemInfo info;
    info.id = s.id;
    info.name = s.name;
    info.identification = "LUN Studio simulated array " + HexOfId(s.id).substr(0, 8);
    info.status = s.status;
    info.health = s.health;
    info.supportedTypes = ReportedTypes(s);
    info.stripeSizes = s.stripeSizes;
    std::sort(info.stripeSizes.begin(), info.stripeSizes.end());
    info.maskingCapable = s.maskingCapable;
    info.driveCount = static_cast<uint32_t>(s.drives.size());
    info.lunCount = static_cast<uint32_t>(s.luns.size());
    for (const auto& v : Views(s)) {
      info.capacityBytes += v.drive->sizeBytes;
      info.freeBytes += v.freeBytes;
    }
    return info;
  }

  // A committed LUN by id, or the error (VDS_E_OBJECT_DELETED for one deleted here, else NOT_FOUND).
  Outcome FindLun(const std::string& lunId, Subsystem** subsystem, Lun** lun) {
    for (auto& s : state.subsystems) {
      for (auto& l : s.luns) {
        if (l.id == lunId) {
          *subsystem = &s;
          *lun = &l;
          return Outcome::Ok();
        }
      }
    }
    if (deleted.count(lunId)) {
      return Outcome::Fail(hr::kVdsObjectDeleted, "lunId: LUN '" + lunId + "' was deleted", "lunId");
    }
    return Outcome::Fail(hr::kVdsObjectNotFound, "lunId: no LUN '" + lunId + "'", "lunId");
  }

  // One job at a time per LUN: VDS_E_DEVICE_IN_USE naming the running one.
  Outcome CheckIdle(const Lun& lun) const {
    for (const auto& [key, job] : jobs) {
      if (job.phase != Phase::kRunning || job.kind == JobKind::kCreate || job.lun.id != lun.id) continue;
      const char* what = JobWhat(job.kind);
      return Outcome::Fail(hr::kVdsDeviceInUse,
                           "lunId: LUN '" + lun.name + "' is busy: " + what +
                               " is running on it; wait for it to finish or cancel it",
                           "lunId");
    }
    return Outcome::Ok();
  }

  Outcome CheckOnline(const Subsystem& s) const {
    if (s.status == kStatusOnline) return Outcome::Ok();
    return Outcome::Fail(hr::kVdsInvalidOperation,
                         "Subsystem '" + s.name + "' is not online; bring it online first", "subsystemId");
  }

  // Reads the subsystem's faults into the job. False under errantNullAsync (S_OK, no job).
  bool ApplyFaults(Subsystem& s, JobRecord* rec) {
    for (const Fault& f : s.faults) {
      switch (f.kind) {
        case FaultKind::kErrantNullAsync:
          return false;
        case FaultKind::kWrongOutputType:
          rec->wrongOutputType = true;
          break;
        case FaultKind::kNullLun:  // creation only: the output of Extend and Shrink carries no LUN
          rec->nullLun = rec->kind == JobKind::kCreate;
          break;
        case FaultKind::kFailAt:
          rec->failAt = true;
          rec->failAtPercent = f.percent;
          rec->failAtHr = f.hresult;
          break;
        case FaultKind::kQueryStatusFails:
          rec->queryStatusHr = f.hresult;
          break;
        case FaultKind::kWaitFails:
          rec->waitHr = f.hresult;
          break;
        case FaultKind::kHang:
          rec->hang = true;
          break;
        case FaultKind::kCancelTooLate:
          rec->cancelTooLate = true;
          break;
        case FaultKind::kDriveFailsAt: {
          Drive* d = FindDrive(s, f.drive);
          if (!d) break;
          rec->driveFails = true;
          rec->driveFailPercent = f.percent;
          rec->driveFailId = d->id;
          break;
        }
      }
    }
    return true;
  }

  std::shared_ptr<CreateLunJob> StartJob(std::shared_ptr<Model> model, JobRecord rec) {
    for (const auto& e : rec.lun.extents) rec.touched.insert(e.driveId);
    const uint64_t key = nextKey++;
    const std::string lunId = rec.lun.id;
    const uint64_t bytes = rec.bytesToWrite;
    jobs.emplace(key, std::move(rec));
    return std::make_shared<CreateLunJob>(std::move(model), key, lunId, bytes);
  }

  // A drive by id (any subsystem), or VDS_E_OBJECT_NOT_FOUND naming `field`.
  Outcome FindDriveById(const std::string& driveId, const std::string& field, Subsystem** subsystem,
                        Drive** drive) {
    for (auto& s : state.subsystems) {
      for (auto& d : s.drives) {
        if (d.id == driveId) {
          *subsystem = &s;
          *drive = &d;
          return Outcome::Ok();
        }
      }
    }
    return Outcome::Fail(hr::kVdsObjectNotFound, field + ": no drive '" + driveId + "'", field);
  }

  // Running jobs that hold or use the drive: VDS_E_DEVICE_IN_USE naming the first.
  Outcome CheckDriveIdle(const Subsystem& s, const Drive& d, const std::string& field) const {
    for (const auto& [key, job] : jobs) {
      if (job.phase != Phase::kRunning || job.subsystemId != s.id) continue;
      const bool holds = std::any_of(job.reserved.begin(), job.reserved.end(),
                                     [&](const Extent& e) { return e.driveId == d.id; });
      if (!holds && !job.touched.count(d.id)) continue;
      return Outcome::Fail(hr::kVdsDeviceInUse,
                           field + ": drive '" + d.name + "' is busy: " + JobWhat(job.kind) + " of LUN '" +
                               job.lun.name + "' is running on it; wait for it to finish or cancel it",
                           field);
    }
    return Outcome::Ok();
  }

  Outcome NotFound(const std::string& subsystemId) const {
    return Outcome::Fail(hr::kVdsObjectNotFound, "subsystemId: no subsystem '" + subsystemId + "'",
                         "subsystemId");
  }
};

// ---- CreateLunJob ----

CreateLunJob::CreateLunJob(std::shared_ptr<Model> model, uint64_t key, std::string lunId,
                           uint64_t bytesToWrite)
    : model_(std::move(model)), key_(key), lunId_(std::move(lunId)), bytesToWrite_(bytesToWrite) {}

CreateLunJob::~CreateLunJob() {
  auto& impl = *model_->impl_;
  std::lock_guard<std::mutex> lock(impl.mu);
  auto it = impl.jobs.find(key_);
  if (it == impl.jobs.end()) return;
  it->second.orphaned = true;  // a creation nobody watches still runs to its end, as on a real array
  if (it->second.phase != Phase::kRunning) impl.jobs.erase(it);
}

HResult CreateLunJob::QueryStatus(HResult* opHr, uint32_t* percent, uint64_t* bytesDone) {
  auto& impl = *model_->impl_;
  std::lock_guard<std::mutex> lock(impl.mu);
  const auto now = Clock::now();
  impl.Advance(now);
  const JobRecord& job = impl.jobs.at(key_);
  uint64_t bytes = 0;
  if (job.phase == Phase::kRunning) {
    *opHr = hr::kVdsOperationPending;
    *percent = job.PercentAt(now);
    bytes = job.BytesAt(now);
  } else {
    *opHr = job.finalHr;
    *percent = 100;
    bytes = job.finalBytes;
  }
  if (bytesDone) *bytesDone = bytes;
  return job.queryStatusHr;
}

HResult CreateLunJob::Wait(HResult* opHr, AsyncOutput* out) {
  auto& impl = *model_->impl_;
  std::unique_lock<std::mutex> lock(impl.mu);
  while (true) {
    impl.Advance(Clock::now());
    const JobRecord& job = impl.jobs.at(key_);
    if (job.phase != Phase::kRunning) break;
    const auto events = job.Events();
    if (events.empty()) {
      impl.cv.wait(lock);
    } else {
      impl.cv.wait_until(lock, events.front().first);
    }
  }
  const JobRecord& job = impl.jobs.at(key_);
  *opHr = job.finalHr;
  *out = AsyncOutput{};
  if (job.phase == Phase::kSucceeded) {
    const uint32_t type = job.kind == JobKind::kCreate   ? kAsyncOutCreateLun
                          : job.kind == JobKind::kExtend ? kAsyncOutExtendLun
                          : job.kind == JobKind::kShrink ? kAsyncOutShrinkLun
                                                         : kAsyncOutRecoverLun;
    out->type = job.wrongOutputType ? 52 : type;  // 52 = VDS_ASYNCOUT_ADDLUNPLEX
    if (!job.nullLun) out->lunId = job.lun.id;
  }
  return job.waitHr;
}

HResult CreateLunJob::Cancel() {
  auto& impl = *model_->impl_;
  std::lock_guard<std::mutex> lock(impl.mu);
  const auto now = Clock::now();
  impl.Advance(now);
  JobRecord& job = impl.jobs.at(key_);
  if (job.phase == Phase::kCanceled) return hr::kVdsOperationCanceled;
  if (job.phase != Phase::kRunning || job.cancelTooLate) return hr::kVdsCancelTooLate;
  if (job.PercentAt(now) >= kCommitPointPercent) return hr::kVdsCancelTooLate;
  impl.Finish(job, Phase::kCanceled, hr::kVdsOperationCanceled, job.BytesAt(now));
  return hr::kOk;
}

// ---- Model ----

Model::Model(State state) : impl_(std::make_unique<Impl>()) { impl_->state = std::move(state); }

Model::~Model() = default;

Outcome Model::Create(State state, std::shared_ptr<Model>* out) {
  Outcome valid = ValidateState(state);
  if (!valid.ok()) return valid;
  *out = std::make_shared<Model>(std::move(state));
  return Outcome::Ok();
}

State Model::Snapshot() {
  std::lock_guard<std::mutex> lock(impl_->mu);
  impl_->Advance(Clock::now());
  return impl_->state;
}

Outcome Model::QuerySubsystems(std::vector<SubsystemInfo>* out) {
  std::lock_guard<std::mutex> lock(impl_->mu);
  impl_->Advance(Clock::now());
  out->clear();
  for (const auto& s : impl_->state.subsystems) out->push_back(impl_->ToSubsystemInfo(s));
  return Outcome::Ok();
}

Outcome Model::GetSubsystem(const std::string& subsystemId, SubsystemInfo* out) {
  std::lock_guard<std::mutex> lock(impl_->mu);
  impl_->Advance(Clock::now());
  const Subsystem* s = impl_->FindSubsystem(subsystemId);
  if (!s) return impl_->NotFound(subsystemId);
  *out = impl_->ToSubsystemInfo(*s);
  return Outcome::Ok();
}

Outcome Model::QueryDrives(const std::string& subsystemId, std::vector<DriveInfo>* out) {
  std::lock_guard<std::mutex> lock(impl_->mu);
  impl_->Advance(Clock::now());
  const Subsystem* s = impl_->FindSubsystem(subsystemId);
  if (!s) return impl_->NotFound(subsystemId);
  out->clear();
  for (const auto& v : impl_->Views(*s)) out->push_back(impl_->ToDriveInfo(*s, v));
  return Outcome::Ok();
}

// Each subsystem read under the lock as QueryDrives reads it; the visitor runs with the lock released (it may
// take a while: the binding serialises each subsystem's drives before the next is read).
Outcome Model::QueryAllDrives(DriveVisitor* visitor) {
  for (size_t i = 0;; ++i) {
    std::string id;
    std::vector<DriveInfo> drives;
    {
      std::lock_guard<std::mutex> lock(impl_->mu);
      if (i >= impl_->state.subsystems.size()) break;
      impl_->Advance(Clock::now());
      const Subsystem& s = impl_->state.subsystems[i];
      id = s.id;
      drives.reserve(s.drives.size());
      for (const auto& v : impl_->Views(s)) drives.push_back(impl_->ToDriveInfo(s, v));
    }
    visitor->Visit(id, &drives);
  }
  return Outcome::Ok();
}

Outcome Model::QueryLuns(const std::string& subsystemId, std::vector<LunInfo>* out) {
  std::lock_guard<std::mutex> lock(impl_->mu);
  impl_->Advance(Clock::now());
  const Subsystem* s = impl_->FindSubsystem(subsystemId);
  if (!s) return impl_->NotFound(subsystemId);
  out->clear();
  for (const auto& l : s->luns) out->push_back(impl_->ToLunInfo(*s, l));
  return Outcome::Ok();
}

Outcome Model::GetLun(const std::string& lunId, LunInfo* out) {
  std::lock_guard<std::mutex> lock(impl_->mu);
  impl_->Advance(Clock::now());
  Subsystem* s = nullptr;
  Lun* lun = nullptr;
  Outcome o = impl_->FindLun(lunId, &s, &lun);
  if (o.ok()) *out = impl_->ToLunInfo(*s, *lun);
  return o;
}

Outcome Model::RemoveLun(const std::string& lunId) {
  std::lock_guard<std::mutex> lock(impl_->mu);
  impl_->Advance(Clock::now());
  for (auto& s : impl_->state.subsystems) {
    for (auto it = s.luns.begin(); it != s.luns.end(); ++it) {
      if (it->id == lunId) {
        s.luns.erase(it);
        return Outcome::Ok();
      }
    }
  }
  return Outcome::Fail(hr::kVdsObjectNotFound, "No LUN '" + lunId + "'");
}

Outcome Model::QueryMaxLunCreateSize(const MaxSizeArgs& args, uint64_t* maxBytes) {
  std::lock_guard<std::mutex> lock(impl_->mu);
  impl_->Advance(Clock::now());
  const Subsystem* s = impl_->FindSubsystem(args.subsystemId);
  if (!s) return impl_->NotFound(args.subsystemId);
  Plan plan;
  Outcome o = PlanLun(*s, impl_->Views(*s), args, &plan);
  if (!o.ok()) return o;
  *maxBytes = plan.maxBytes;
  return Outcome::Ok();
}

Outcome Model::CreateLun(const CreateLunArgs& args, std::shared_ptr<CreateLunJob>* job) {
  job->reset();
  std::lock_guard<std::mutex> lock(impl_->mu);
  const auto now = Clock::now();
  impl_->Advance(now);
  Subsystem* s = impl_->FindSubsystem(args.subsystemId);
  if (!s) return impl_->NotFound(args.subsystemId);
  const std::vector<DriveView> views = impl_->Views(*s);
  Plan plan;
  Outcome o = PlanLun(*s, views, args, &plan);
  if (!o.ok()) return o;
  JobRecord rec;
  o = AllocateLun(plan, views, args.sizeBytes, &rec.lun);
  if (!o.ok()) return o;
  o = CheckUnmaskingList(args.unmaskingList);
  if (!o.ok()) return o;

  if (!impl_->ApplyFaults(*s, &rec))
    return Outcome::Ok();  // errantNullAsync: S_OK, no job, nothing allocated
  rec.subsystemId = s->id;
  rec.lun.id = NewGuid();
  rec.lun.name = impl_->NextLunName(*s);
  rec.lun.unmaskingList = args.unmaskingList;
  rec.lun.operationId = args.operationId;
  rec.reserved = rec.lun.extents;
  rec.bytesToWrite = rec.lun.sizeBytes;
  rec.rate = static_cast<double>(s->initRateBytesPerSec);
  rec.start = now;
  *job = impl_->StartJob(shared_from_this(), std::move(rec));
  return Outcome::Ok();
}

Outcome Model::QueryMaxLunExtendSize(const std::string& lunId, const std::vector<std::string>& driveIds,
                                     uint64_t* maxBytes) {
  std::lock_guard<std::mutex> lock(impl_->mu);
  impl_->Advance(Clock::now());
  Subsystem* s = nullptr;
  Lun* lun = nullptr;
  Outcome o = impl_->FindLun(lunId, &s, &lun);
  if (!o.ok() || !(o = impl_->CheckOnline(*s)).ok()) return o;
  ExtendPlan plan;
  o = PlanExtend(*s, impl_->Views(*s), *lun, driveIds, &plan);
  if (!o.ok()) return o;
  *maxBytes = plan.maxBytes;
  return Outcome::Ok();
}

Outcome Model::ExtendLun(const ExtendLunArgs& args, std::shared_ptr<CreateLunJob>* job) {
  job->reset();
  std::lock_guard<std::mutex> lock(impl_->mu);
  const auto now = Clock::now();
  impl_->Advance(now);
  Subsystem* s = nullptr;
  Lun* lun = nullptr;
  Outcome o = impl_->FindLun(args.lunId, &s, &lun);
  if (!o.ok()) return o;
  if (!(o = impl_->CheckIdle(*lun)).ok() || !(o = impl_->CheckOnline(*s)).ok()) return o;
  const std::vector<DriveView> views = impl_->Views(*s);
  ExtendPlan plan;
  if (!(o = PlanExtend(*s, views, *lun, args.driveIds, &plan)).ok()) return o;
  JobRecord rec;
  rec.kind = JobKind::kExtend;
  if (!(o = AllocateExtend(plan, views, *lun, args.bytesToAdd, &rec.lun, &rec.reserved)).ok()) return o;
  if (!impl_->ApplyFaults(*s, &rec)) return Outcome::Ok();  // errantNullAsync: S_OK, no job, nothing held
  for (const auto& e : lun->extents) rec.touched.insert(e.driveId);
  rec.subsystemId = s->id;
  rec.bytesToWrite = rec.lun.sizeBytes - lun->sizeBytes;
  rec.rate = static_cast<double>(s->initRateBytesPerSec);
  rec.start = now;
  *job = impl_->StartJob(shared_from_this(), std::move(rec));
  return Outcome::Ok();
}

Outcome Model::ShrinkLun(const ShrinkLunArgs& args, std::shared_ptr<CreateLunJob>* job) {
  job->reset();
  std::lock_guard<std::mutex> lock(impl_->mu);
  const auto now = Clock::now();
  impl_->Advance(now);
  Subsystem* s = nullptr;
  Lun* lun = nullptr;
  Outcome o = impl_->FindLun(args.lunId, &s, &lun);
  if (!o.ok()) return o;
  if (!(o = impl_->CheckIdle(*lun)).ok() || !(o = impl_->CheckOnline(*s)).ok()) return o;
  JobRecord rec;
  rec.kind = JobKind::kShrink;
  uint64_t removed = 0;
  if (!(o = PlanShrink(*lun, args.bytesToRemove, &rec.lun, &removed)).ok()) return o;
  if (!impl_->ApplyFaults(*s, &rec)) return Outcome::Ok();  // errantNullAsync: S_OK, no job, nothing changed
  for (const auto& e : lun->extents) rec.touched.insert(e.driveId);
  rec.subsystemId = s->id;
  rec.bytesToWrite = removed;
  rec.rate = static_cast<double>(s->initRateBytesPerSec);
  rec.start = now;
  *job = impl_->StartJob(shared_from_this(), std::move(rec));
  return Outcome::Ok();
}

Outcome Model::SetLunMask(const std::string& lunId, const std::string& unmaskingList) {
  std::lock_guard<std::mutex> lock(impl_->mu);
  impl_->Advance(Clock::now());
  Subsystem* s = nullptr;
  Lun* lun = nullptr;
  Outcome o = impl_->FindLun(lunId, &s, &lun);
  if (!o.ok()) return o;
  if (!(o = impl_->CheckIdle(*lun)).ok() || !(o = impl_->CheckOnline(*s)).ok()) return o;
  if (!s->maskingCapable) {
    return Outcome::Fail(hr::kVdsNotSupported,
                         "unmaskingList: subsystem '" + s->name +
                             "' does not support LUN masking; every host it is attached to sees its LUNs",
                         "unmaskingList");
  }
  if (!(o = CheckUnmaskingList(unmaskingList)).ok()) return o;
  lun->unmaskingList = unmaskingList;
  return Outcome::Ok();
}

Outcome Model::DeleteLun(const std::string& lunId) {
  std::lock_guard<std::mutex> lock(impl_->mu);
  impl_->Advance(Clock::now());
  Subsystem* s = nullptr;
  Lun* lun = nullptr;
  Outcome o = impl_->FindLun(lunId, &s, &lun);
  if (!o.ok()) return o;
  if (!(o = impl_->CheckIdle(*lun)).ok() || !(o = impl_->CheckOnline(*s)).ok()) return o;
  s->luns.erase(s->luns.begin() + (lun - s->luns.data()));
  impl_->deleted.insert(lunId);
  return Outcome::Ok();
}

Outcome Model::RestoreLun(const std::string& subsystemId, const Lun& lun) {
  std::lock_guard<std::mutex> lock(impl_->mu);
  impl_->Advance(Clock::now());
  Subsystem* s = impl_->FindSubsystem(subsystemId);
  if (!s) return impl_->NotFound(subsystemId);
  Outcome o = impl_->CheckIdle(lun);
  if (!o.ok()) return o;
  // The state with the LUN put back must be valid (ids unique, extents inside drives, no overlaps) …
  State candidate = impl_->state;
  for (auto& cs : candidate.subsystems) {
    if (cs.id != s->id) continue;
    auto it = std::find_if(cs.luns.begin(), cs.luns.end(), [&](const Lun& l) { return l.id == lun.id; });
    if (it != cs.luns.end()) {
      *it = lun;
    } else {
      cs.luns.push_back(lun);
    }
  }
  if (!(o = ValidateState(candidate)).ok()) return o;
  // … and its extents must not be held by a running job.
  for (const auto& [key, job] : impl_->jobs) {
    if (job.phase != Phase::kRunning || job.subsystemId != s->id) continue;
    for (const auto& held : job.reserved) {
      for (const auto& e : lun.extents) {
        const bool overlap = e.driveId == held.driveId &&
                             e.offsetBytes < held.offsetBytes + held.lengthBytes &&
                             held.offsetBytes < e.offsetBytes + e.lengthBytes;
        if (overlap) {
          return Outcome::Fail(
              hr::kVdsNotEnoughSpace,
              "LUN '" + lun.name + "' cannot be put back: a running operation holds its space");
        }
      }
    }
  }
  impl_->state = std::move(candidate);
  impl_->deleted.erase(lun.id);
  return Outcome::Ok();
}

}  // namespace lun::sim

namespace lun::sim {

Outcome Model::RecoverLun(const RecoverLunArgs& args, std::shared_ptr<CreateLunJob>* job) {
  job->reset();
  std::lock_guard<std::mutex> lock(impl_->mu);
  const auto now = Clock::now();
  impl_->Advance(now);
  Subsystem* s = nullptr;
  Lun* lun = nullptr;
  Outcome o = impl_->FindLun(args.lunId, &s, &lun);
  if (!o.ok()) return o;
  if (!(o = impl_->CheckIdle(*lun)).ok() || !(o = impl_->CheckOnline(*s)).ok()) return o;
  JobRecord rec;
  rec.kind = JobKind::kRecover;
  if (!(o = PlanRecover(*s, *lun, WallClockMs(), &rec.rebuilt, &rec.bytesToWrite)).ok()) return o;
  rec.lun = *lun;
  if (!impl_->ApplyFaults(*s, &rec)) return Outcome::Ok();  // errantNullAsync: S_OK, no job, nothing changed
  rec.subsystemId = s->id;
  rec.rate = static_cast<double>(s->initRateBytesPerSec);
  rec.start = now;
  *job = impl_->StartJob(shared_from_this(), std::move(rec));
  return Outcome::Ok();
}

Outcome Model::QueryExtents(const std::string& subsystemId, std::vector<ExtentInfo>* out) {
  std::lock_guard<std::mutex> lock(impl_->mu);
  impl_->Advance(Clock::now());
  const Subsystem* s = impl_->FindSubsystem(subsystemId);
  if (!s) return impl_->NotFound(subsystemId);
  std::map<std::string, std::vector<OwnedSpan>> owned;
  for (const auto& l : s->luns) {
    for (const auto& e : l.extents) owned[e.driveId].push_back({e.offsetBytes, e.lengthBytes, l.id});
  }
  for (const auto& [key, job] : impl_->jobs) {
    if (job.phase != Phase::kRunning || job.subsystemId != s->id) continue;
    for (const auto& e : job.reserved) owned[e.driveId].push_back({e.offsetBytes, e.lengthBytes, job.lun.id});
  }
  out->clear();
  for (size_t i : DrivesInBusSlotOrder(*s)) {
    const Drive& d = s->drives[i];
    AppendDriveExtents(d.id, d.sizeBytes, std::move(owned[d.id]), out);
  }
  return Outcome::Ok();
}

Outcome Model::GetLunIdentification(const std::string& lunId, LunIdentification* out) {
  std::lock_guard<std::mutex> lock(impl_->mu);
  Subsystem* s = nullptr;
  Lun* lun = nullptr;
  Outcome o = impl_->FindLun(lunId, &s, &lun);
  if (o.ok()) *out = IdentificationOf(lun->id);
  return o;
}

Outcome Model::SetDriveIdentify(const std::string& driveId, bool on) {
  std::lock_guard<std::mutex> lock(impl_->mu);
  impl_->Advance(Clock::now());
  Subsystem* s = nullptr;
  Drive* d = nullptr;
  Outcome o = impl_->FindDriveById(driveId, "driveId", &s, &d);
  if (o.ok()) d->identifying = on;
  return o;
}

Outcome Model::SetDriveHotSpare(const std::string& driveId, bool on) {
  std::lock_guard<std::mutex> lock(impl_->mu);
  impl_->Advance(Clock::now());
  Subsystem* s = nullptr;
  Drive* d = nullptr;
  Outcome o = impl_->FindDriveById(driveId, "driveId", &s, &d);
  if (!o.ok()) return o;
  if (on == d->hotSpare && !on) return Outcome::Ok();
  const std::string holds = LunNamesOnDrive(*s, d->id);
  if (!holds.empty()) {
    const std::string detail =
        on ? "driveId: drive '" + d->name + "' holds extents of " + holds +
                 ": only a drive without extents can become a hot spare"
           : "driveId: hot spare '" + d->name + "' is in use: it holds extents of " + holds +
                 " since it took over a failed drive; replace it with another drive first";
    Outcome in = Outcome::Fail(hr::kVdsDeviceInUse, detail, "driveId");
    in.action = on ? "Pick an unassigned drive, or move or delete those LUNs first."
                   : "Replace the spare with an unassigned drive (replace-drive), then turn the spare off.";
    return in;
  }
  if (on == d->hotSpare) return Outcome::Ok();
  if (!(o = impl_->CheckDriveIdle(*s, *d, "driveId")).ok()) return o;
  if (on && (d->status != kStatusOnline || d->health != kHealthHealthy)) {
    return Outcome::Fail(
        hr::kVdsObjectStatusFailed,
        "driveId: drive '" + d->name + "' is not online and healthy: it cannot be a hot spare", "driveId");
  }
  d->hotSpare = on;
  return Outcome::Ok();
}

Outcome Model::ReplaceDrive(const std::string& oldDriveId, const std::string& newDriveId,
                            std::vector<std::string>* lunIdsToRecover) {
  std::lock_guard<std::mutex> lock(impl_->mu);
  impl_->Advance(Clock::now());
  Subsystem* s = nullptr;
  Drive* old = nullptr;
  Outcome o = impl_->FindDriveById(oldDriveId, "driveId", &s, &old);
  if (!o.ok()) return o;
  Drive* replacement = nullptr;
  for (auto& d : s->drives) {
    if (d.id == newDriveId) replacement = &d;
  }
  if (!replacement) {
    return Outcome::Fail(hr::kVdsObjectNotFound,
                         "replacementDriveId: subsystem '" + s->name + "' has no drive '" + newDriveId + "'",
                         "replacementDriveId");
  }
  if (!(o = CheckReplacement(*s, *old, *replacement)).ok()) return o;
  if (!(o = impl_->CheckDriveIdle(*s, *old, "driveId")).ok()) return o;
  if (!(o = impl_->CheckDriveIdle(*s, *replacement, "replacementDriveId")).ok()) return o;
  sim::ReplaceDrive(s, old->id, replacement->id, lunIdsToRecover);
  return Outcome::Ok();
}

Outcome Model::SetDriveFailed(const std::string& driveId, bool failed) {
  std::lock_guard<std::mutex> lock(impl_->mu);
  const auto now = Clock::now();
  impl_->Advance(now);
  Subsystem* s = nullptr;
  Drive* d = nullptr;
  Outcome o = impl_->FindDriveById(driveId, "driveId", &s, &d);
  if (!o.ok()) return o;
  if (failed) {
    if (d->status != kStatusFailed || d->health != kHealthFailed) impl_->FailDriveNow(*s, d, now);
  } else {
    d->status = kStatusOnline;
    d->health = kHealthHealthy;
  }
  return Outcome::Ok();
}

Outcome Model::RestoreDrive(const std::string& subsystemId, const Drive& drive) {
  std::lock_guard<std::mutex> lock(impl_->mu);
  impl_->Advance(Clock::now());
  Subsystem* s = impl_->FindSubsystem(subsystemId);
  if (!s) return impl_->NotFound(subsystemId);
  for (auto& d : s->drives) {
    if (d.id != drive.id) continue;
    if (d.sizeBytes != drive.sizeBytes) {
      return Outcome::Fail(hr::kInvalidArg, "drive.sizeBytes: must stay " + std::to_string(d.sizeBytes),
                           "drive.sizeBytes");
    }
    d = drive;
    return Outcome::Ok();
  }
  return Outcome::Fail(hr::kVdsObjectNotFound, "drive.id: no drive '" + drive.id + "'", "drive.id");
}

}  // namespace lun::sim
