#include "model.h"

#include <algorithm>
#include <cctype>
#include <condition_variable>
#include <map>
#include <mutex>
#include <set>

#include "../hresult_table.h"
#include "guid.h"
#include "layout.h"
#include "planner.h"
#include "unmasking.h"
#include "validate_state.h"

namespace lun::sim {

namespace {

enum class Phase { kRunning, kSucceeded, kFailed, kCanceled };
enum class EventKind { kDriveFails = 0, kFails = 1, kCompletes = 2 };  // order = priority at equal times

using Clock = Model::Clock;
using Seconds = std::chrono::duration<double>;

uint32_t FaultTolerance(LunType t, size_t drives) {
  switch (t) {
    case LunType::kMirror:
      return static_cast<uint32_t>(drives - 1);
    case LunType::kParity:
    case LunType::kRaid10:
      return 1;
    case LunType::kRaid6:
      return 2;
    default:
      return 0;
  }
}

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

std::string HexOfId(const std::string& id) {
  std::string hex;
  for (char c : id) {
    if (std::isxdigit(static_cast<unsigned char>(c))) hex += static_cast<char>(std::tolower(c));
  }
  return hex;
}

}  // namespace

struct JobRecord {
  std::string subsystemId;
  Lun lun;
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

  // Committed LUNs plus the allocations of running creations.
  std::vector<Span> UsedSpans(const Subsystem& s, const std::string& driveId) const {
    std::vector<Span> used;
    auto add = [&](const Lun& l) {
      for (const auto& e : l.extents) {
        if (e.driveId == driveId) used.push_back({e.offsetBytes, e.lengthBytes});
      }
    };
    for (const auto& l : s.luns) add(l);
    for (const auto& [key, job] : jobs) {
      if (job.phase == Phase::kRunning && job.subsystemId == s.id) add(job.lun);
    }
    return used;
  }

  std::vector<DriveView> Views(const Subsystem& s) const {
    std::vector<DriveView> views;
    for (const auto& d : s.drives) {
      DriveView v;
      v.drive = &d;
      v.free = FreeSpans(d.sizeBytes, UsedSpans(s, d.id));
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
    if (phase == Phase::kSucceeded && !errantOutput) {
      if (Subsystem* s = FindSubsystem(job.subsystemId)) s->luns.push_back(job.lun);
    }
    cv.notify_all();
  }

  void AdvanceJob(JobRecord& job, Clock::time_point now) {
    if (job.phase != Phase::kRunning) return;
    for (const auto& [when, kind] : job.Events()) {
      if (when > now) return;
      switch (kind) {
        case EventKind::kDriveFails: {
          job.driveFailApplied = true;
          Subsystem* s = FindSubsystem(job.subsystemId);
          Drive* d = s ? FindDrive(*s, job.driveFailId) : nullptr;
          if (!d) break;
          d->status = kStatusFailed;
          d->health = kHealthFailed;
          const bool used = std::any_of(job.lun.extents.begin(), job.lun.extents.end(),
                                        [&](const Extent& e) { return e.driveId == d->id; });
          if (used) {
            Finish(job, Phase::kFailed, hr::kVdsObjectStatusFailed, job.BytesAtPercent(job.driveFailPercent));
            return;
          }
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

  void Advance(Clock::time_point now) {
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
      if (job.subsystemId == s.id && job.phase == Phase::kRunning) taken.insert(job.lun.name);
    }
    for (size_t n = s.luns.size() + 1;; ++n) {
      std::string name = "LUN " + std::to_string(n);
      if (!taken.count(name)) return name;
    }
  }

  LunInfo ToLunInfo(const Subsystem& s, const Lun& l) const {
    LunInfo info;
    info.id = l.id;
    info.subsystemId = s.id;
    info.name = l.name;
    info.identification = "naa.6" + HexOfId(l.id).substr(0, 31);
    info.type = l.type;
    info.sizeBytes = l.sizeBytes;
    info.stripeSize = l.stripeSizeBytes;
    info.unmaskingList = l.unmaskingList;
    for (const auto& e : l.extents) {
      if (std::find(info.driveIds.begin(), info.driveIds.end(), e.driveId) == info.driveIds.end()) {
        info.driveIds.push_back(e.driveId);
      }
    }
    uint32_t failed = 0;
    for (const auto& id : info.driveIds) {
      for (const auto& d : s.drives) {
        if (d.id == id && (d.status != kStatusOnline || d.health == kHealthFailed)) ++failed;
      }
    }
    if (failed == 0) {
      info.status = kStatusOnline;
      info.health = kHealthHealthy;
    } else if (failed <= FaultTolerance(l.type, info.driveIds.size())) {
      info.status = kStatusOnline;
      info.health = kHealthDegraded;
    } else {
      info.status = kStatusFailed;
      info.health = kHealthFailed;
    }
    return info;
  }

  DriveInfo ToDriveInfo(const Subsystem& s, const DriveView& v) const {
    const Drive& d = *v.drive;
    DriveInfo info;
    info.id = d.id;
    info.subsystemId = s.id;
    info.name = d.name;
    info.identification = "SIM-" + HexOfId(d.id).substr(0, 16);
    info.sizeBytes = d.sizeBytes;
    info.freeBytes = v.freeBytes;
    info.bus = d.bus;
    info.slot = d.slot;
    info.status = d.status;
    info.health = d.health;
    if (d.hotSpare) {
      info.flags = 0x1 | 0x10;  // VDS_DRF_HOTSPARE | VDS_DRF_HOTSPARE_STANDBY
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
    out->type = job.wrongOutputType ? 52 : kAsyncOutCreateLun;  // 52 = VDS_ASYNCOUT_ADDLUNPLEX
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
  for (const auto& s : impl_->state.subsystems) {
    for (const auto& l : s.luns) {
      if (l.id == lunId) {
        *out = impl_->ToLunInfo(s, l);
        return Outcome::Ok();
      }
    }
  }
  return Outcome::Fail(hr::kVdsObjectNotFound, "No LUN '" + lunId + "'");
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

  for (const Fault& f : s->faults) {
    switch (f.kind) {
      case FaultKind::kErrantNullAsync:
        return Outcome::Ok();  // S_OK, no job, nothing allocated
      case FaultKind::kWrongOutputType:
        rec.wrongOutputType = true;
        break;
      case FaultKind::kNullLun:
        rec.nullLun = true;
        break;
      case FaultKind::kFailAt:
        rec.failAt = true;
        rec.failAtPercent = f.percent;
        rec.failAtHr = f.hresult;
        break;
      case FaultKind::kQueryStatusFails:
        rec.queryStatusHr = f.hresult;
        break;
      case FaultKind::kWaitFails:
        rec.waitHr = f.hresult;
        break;
      case FaultKind::kHang:
        rec.hang = true;
        break;
      case FaultKind::kCancelTooLate:
        rec.cancelTooLate = true;
        break;
      case FaultKind::kDriveFailsAt: {
        Drive* d = Impl::FindDrive(*s, f.drive);
        if (!d) break;
        rec.driveFails = true;
        rec.driveFailPercent = f.percent;
        rec.driveFailId = d->id;
        break;
      }
    }
  }
  rec.subsystemId = s->id;
  rec.lun.id = NewGuid();
  rec.lun.name = impl_->NextLunName(*s);
  rec.lun.unmaskingList = args.unmaskingList;
  rec.lun.operationId = args.operationId;
  rec.bytesToWrite = rec.lun.sizeBytes;
  rec.rate = static_cast<double>(s->initRateBytesPerSec);
  rec.start = now;
  const uint64_t key = impl_->nextKey++;
  const std::string lunId = rec.lun.id;
  const uint64_t bytes = rec.bytesToWrite;
  impl_->jobs.emplace(key, std::move(rec));
  *job = std::make_shared<CreateLunJob>(shared_from_this(), key, lunId, bytes);
  return Outcome::Ok();
}

}  // namespace lun::sim
