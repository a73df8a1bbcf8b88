#include "vds_provider.h"

#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <set>

#include "../hresult_table.h"
#include "vds_convert.h"
#include "vds_create_lun.h"
#include "vds_drive_maintenance.h"
#include "vds_enum.h"
#include "vds_extents.h"
#include "vds_lun_lifecycle.h"
#include "vds_lun_repair.h"
#include "vds_session.h"

namespace lun {

namespace {

using vds::DriveHandle;
using vds::LunHandle;
using vds::MtaScope;
using vds::SubsystemHandle;
using vds::SubsystemSnapshot;
using vds::VdsSession;
using Clock = std::chrono::steady_clock;
using SnapshotPtr = std::shared_ptr<const SubsystemSnapshot>;

// How long one read of a subsystem's drives and LUNs serves the reads that follow it (an inventory refresh
// is listSubsystems, then listDrives and listLuns of each subsystem: one read of each drive, not three).
// Any creation through this session, started or finished, makes every snapshot stale at once.
constexpr auto kSnapshotTtl = std::chrono::milliseconds(2000);

// After vds.exe restarts (or crashes) every call on the old session fails with one of these.
bool IsDisconnected(HResult hr) {
  return hr == Hr(0x800706BA) /* RPC_S_SERVER_UNAVAILABLE */ ||
         hr == Hr(0x80010108) /* RPC_E_DISCONNECTED */ || hr == Hr(0x800706BE) /* RPC_S_CALL_FAILED */;
}

// A cached subsystem object that VDS no longer knows.
bool IsStaleObject(HResult hr) { return hr == hr::kVdsObjectDeleted || hr == hr::kVdsObjectNotFound; }

SnapshotPtr Share(SubsystemSnapshot snapshot) {
  return SnapshotPtr(new SubsystemSnapshot(std::move(snapshot)), [](const SubsystemSnapshot* p) {
    vds::ReleaseInMta([p] { delete p; });  // holds proxies: released inside the MTA
  });
}

Outcome NotFound(const std::string& subsystemId) {
  return Outcome::Fail(hr::kVdsObjectNotFound, "No subsystem has the id '" + subsystemId + "'.",
                       "subsystemId");
}

Outcome LunNotFound(const std::string& lunId) {
  return Outcome::Fail(hr::kVdsObjectNotFound, "No LUN has the id '" + lunId + "'.", "lunId");
}

Outcome DriveNotFound(const std::string& driveId, const char* field, const std::string& where = {}) {
  return Outcome::Fail(
      hr::kVdsObjectNotFound,
      "No drive" + (where.empty() ? std::string() : " of " + where) + " has the id '" + driveId + "'.",
      field);
}

// A change is never repeated after a lost connection (it may have reached the array).
Outcome NotRetried(Outcome started, const char* change, const char* refreshToSee) {
  if (started.ok() || !IsDisconnected(started.hr)) return started;
  return Outcome::Fail(started.hr, std::string("The connection to VDS was lost while the ") + change +
                                       " was being requested (" + FormatHResult(started.hr) +
                                       "); it was not retried. Refresh the LUN list to see " + refreshToSee +
                                       " before you try again.");
}

class VdsProvider : public Provider {
 public:
  VdsProvider(std::shared_ptr<VdsSession> session, uint32_t readyTimeoutMs)
      : readyTimeoutMs_(readyTimeoutMs),
        session_(std::move(session)),
        generation_(std::make_shared<std::atomic<uint64_t>>(0)) {}

  ~VdsProvider() override {
    vds::ReleaseInMta([handles = std::move(handles_), snapshots = std::move(snapshots_)]() mutable {
      handles.clear();
      snapshots.clear();
    });
  }

  const char* Name() const override { return "vds"; }

  Outcome ListSubsystems(std::vector<SubsystemInfo>* out) override {
    return Read([&] {
      std::vector<SubsystemHandle> handles;
      if (Outcome o = RefreshHandles(&handles); !o.ok()) return o;
      out->clear();
      for (const SubsystemHandle& handle : handles) {
        SnapshotPtr snapshot;
        if (Outcome o = Snapshot(handle, &snapshot); !o.ok()) return o;
        SubsystemInfo info = handle.props;
        vds::FillCounts(*snapshot, &info);
        out->push_back(std::move(info));
      }
      return Outcome::Ok();
    });
  }

  Outcome ListDrives(const std::string& subsystemId, std::vector<DriveInfo>* out) override {
    return Read([&] {
      return WithSubsystem(subsystemId, [&](const SubsystemHandle& handle) {
        SnapshotPtr snapshot;
        if (Outcome o = Snapshot(handle, &snapshot); !o.ok()) return o;
        *out = snapshot->drives;
        std::lock_guard<std::mutex> lock(mu_);
        for (DriveInfo& drive : *out) drive.identifying = identifying_.count(drive.id) > 0;
        return Outcome::Ok();
      });
    });
  }

  Outcome ListLuns(const std::string& subsystemId, std::vector<LunInfo>* out) override {
    return Read([&] {
      return WithSubsystem(subsystemId, [&](const SubsystemHandle& handle) {
        SnapshotPtr snapshot;
        if (Outcome o = Snapshot(handle, &snapshot); !o.ok()) return o;
        return vds::ReadLuns(handle, *snapshot, out);
      });
    });
  }

  Outcome QueryMaxLunCreateSize(const MaxSizeArgs& args, uint64_t* maxBytes) override {
    return Read([&] {
      return WithSubsystem(args.subsystemId, [&](const SubsystemHandle& handle) {
        return vds::QueryMaxLunCreateSize(handle, args, maxBytes);
      });
    });
  }

  // Not a read: a creation is never repeated after a lost connection (it may have reached the array). Only
  // the subsystem lookup before it may reopen the session.
  Outcome CreateLun(const CreateLunArgs& args, std::shared_ptr<Operation>* op) override {
    MtaScope mta;
    if (Outcome o = mta.status(); !o.ok()) return o;
    Outcome found = Read([&] {
      return WithSubsystem(args.subsystemId, [](const SubsystemHandle&) { return Outcome::Ok(); });
    });
    if (!found.ok()) return found;
    Changed();
    auto generation = generation_;
    // A stale cached handle (VDS_E_OBJECT_DELETED / NOT_FOUND: the provider refused, nothing was created) is
    // looked up again once; a lost connection is not (the request may have reached the array).
    Outcome started = WithSubsystem(args.subsystemId, [&](const SubsystemHandle& handle) {
      return vds::StartCreateLun(CurrentSession(), handle, args, op, [generation] { ++*generation; });
    });
    return NotRetried(started, "creation", "whether the LUN exists");
  }

  Outcome QueryMaxLunExtendSize(const std::string& lunId, const std::vector<std::string>& driveIds,
                                uint64_t* maxBytes) override {
    return Read([&] {
      LunHandle lun;
      if (Outcome o = LookUpLun(lunId, &lun); !o.ok()) return o;
      return vds::QueryMaxLunExtendSize(lun, driveIds, maxBytes);
    });
  }

  // The changes below are not reads: only the lookup before them may reopen the session.
  Outcome ExtendLun(const ExtendLunArgs& args, std::shared_ptr<Operation>* op) override {
    return Change(args.lunId, "extension", "the LUN's size", [&](LunHandle lun, std::function<void()> done) {
      return vds::StartExtendLun(CurrentSession(), std::move(lun), args, op, std::move(done));
    });
  }

  Outcome ShrinkLun(const ShrinkLunArgs& args, std::shared_ptr<Operation>* op) override {
    return Change(args.lunId, "shrink", "the LUN's size", [&](LunHandle lun, std::function<void()> done) {
      return vds::StartShrinkLun(CurrentSession(), std::move(lun), args, op, std::move(done));
    });
  }

  Outcome SetLunMask(const std::string& lunId, const std::string& unmaskingList) override {
    return Change(lunId, "host access change", "the LUN's host access",
                  [&](LunHandle lun, std::function<void()>) { return vds::SetLunMask(lun, unmaskingList); });
  }

  Outcome DeleteLun(const std::string& lunId) override {
    return Change(lunId, "deletion", "whether the LUN still exists",
                  [&](LunHandle lun, std::function<void()>) { return vds::DeleteLun(lun); });
  }

  Outcome RecoverLun(const RecoverLunArgs& args, std::shared_ptr<Operation>* op) override {
    return Change(args.lunId, "recovery", "the LUN's health", [&](LunHandle lun, std::function<void()> done) {
      return vds::StartRecoverLun(CurrentSession(), std::move(lun), args, op, std::move(done));
    });
  }

  Outcome ListExtents(const std::string& subsystemId, std::vector<ExtentInfo>* out) override {
    return Read([&] {
      return WithSubsystem(subsystemId, [&](const SubsystemHandle& handle) {
        SnapshotPtr snapshot;
        if (Outcome o = Snapshot(handle, &snapshot); !o.ok()) return o;
        return vds::ListExtents(*snapshot, out);
      });
    });
  }

  Outcome GetLunIdentification(const std::string& lunId, LunIdentification* out) override {
    return Read([&] {
      LunHandle lun;
      if (Outcome o = LookUpLun(lunId, &lun); !o.ok()) return o;
      return vds::ReadLunIdentification(lun, out);
    });
  }

  Outcome SetDriveIdentify(const std::string& driveId, bool on) override {
    return DriveChange(driveId, "driveId", "identify request", [&](const DriveHandle& drive) {
      Outcome o = vds::SetDriveIdentify(drive, on);
      if (o.ok()) {
        std::lock_guard<std::mutex> lock(mu_);
        if (on)
          identifying_.insert(drive.info.id);
        else
          identifying_.erase(drive.info.id);
      }
      return o;
    });
  }

  Outcome SetDriveHotSpare(const std::string& driveId, bool on) override {
    return DriveChange(driveId, "driveId", "hot spare change",
                       [&](const DriveHandle& drive) { return vds::SetDriveHotSpare(drive, on); });
  }

  Outcome ReplaceDrive(const std::string& oldDriveId, const std::string& newDriveId,
                       std::vector<std::string>* lunIdsToRecover) override {
    return DriveChange(oldDriveId, "driveId", "drive replacement", [&](const DriveHandle& oldDrive) {
      DriveHandle newDrive;
      GUID wanted;
      if (vds::ParseGuid(newDriveId, &wanted)) {
        Outcome found =
            vds::FindDrive(oldDrive.subsystem, vds::GuidToString(wanted), &newDrive.drive, &newDrive.info);
        if (!found.ok()) return found;
      }
      if (!newDrive.drive) {
        Outcome missing = DriveNotFound(newDriveId, "replacementDriveId",
                                        "subsystem '" + oldDrive.subsystem.props.name + "'");
        missing.action = "Pick a replacement drive of the same subsystem as the drive it replaces.";
        return missing;
      }
      newDrive.subsystem = oldDrive.subsystem;
      return vds::ReplaceDrive(oldDrive, newDrive, lunIdsToRecover);
    });
  }

  Outcome SetDriveFailed(const std::string&, bool failed) override {
    return Outcome::Fail(hr::kVdsNotSupported,
                         std::string("Only the simulated array can be broken on purpose: the vds provider ") +
                             "manages real drives and cannot " + (failed ? "fail" : "restore") +
                             " one (use the simulator's sim fail-drive / restore-drive).");
  }

 private:
  // The drive with this id in any subsystem, looked up afresh. Call inside Read().
  Outcome LookUpDrive(const std::string& driveId, const char* field, DriveHandle* out) {
    GUID wanted;
    if (!vds::ParseGuid(driveId, &wanted)) return DriveNotFound(driveId, field);
    const std::string id = vds::GuidToString(wanted);
    std::vector<SubsystemHandle> handles;
    if (Outcome o = RefreshHandles(&handles); !o.ok()) return o;
    for (SubsystemHandle& handle : handles) {
      vds::ComPtr<IVdsDrive> drive;
      DriveInfo info;
      if (Outcome o = vds::FindDrive(handle, id, &drive, &info); !o.ok()) return o;
      if (drive) {
        out->subsystem = std::move(handle);
        out->drive = std::move(drive);
        out->info = std::move(info);
        return Outcome::Ok();
      }
    }
    return DriveNotFound(driveId, field);
  }

  // Like Change, for a synchronous change of a drive: looked up (and only the lookup may reopen the
  // session), then `fn(drive)` once; what was read before is stale afterwards.
  template <typename Fn>
  Outcome DriveChange(const std::string& driveId, const char* field, const char* change, Fn&& fn) {
    MtaScope mta;
    if (Outcome o = mta.status(); !o.ok()) return o;
    DriveHandle drive;
    if (Outcome o = Read([&] { return LookUpDrive(driveId, field, &drive); }); !o.ok()) return o;
    Changed();
    Outcome done = fn(drive);
    Changed();
    return NotRetried(std::move(done), change, "whether the drive changed");
  }

  // The LUN with this id in any subsystem, looked up afresh (a LUN id does not say which subsystem has it).
  // Call inside Read(): it may run again on a reopened session.
  Outcome LookUpLun(const std::string& lunId, LunHandle* out) {
    GUID wanted;
    if (!vds::ParseGuid(lunId, &wanted)) return LunNotFound(lunId);
    const std::string id = vds::GuidToString(wanted);
    std::vector<SubsystemHandle> handles;
    if (Outcome o = RefreshHandles(&handles); !o.ok()) return o;
    for (SubsystemHandle& handle : handles) {
      vds::ComPtr<IVdsLun> lun;
      if (Outcome o = vds::FindLun(handle, id, &lun); !o.ok()) return o;
      if (lun) {
        out->subsystem = std::move(handle);
        out->lun = std::move(lun);
        return Outcome::Ok();
      }
    }
    return LunNotFound(lunId);
  }

  // Looks the LUN up, then runs `change(lun, finished)` once: whatever was read before is stale from the
  // moment it starts, and again when an async change's Wait returned (`finished`).
  template <typename Fn>
  Outcome Change(const std::string& lunId, const char* change, const char* refreshToSee, Fn&& fn) {
    MtaScope mta;
    if (Outcome o = mta.status(); !o.ok()) return o;
    LunHandle lun;
    if (Outcome o = Read([&] { return LookUpLun(lunId, &lun); }); !o.ok()) return o;
    Changed();
    auto generation = generation_;
    Outcome started = fn(std::move(lun), [generation] { ++*generation; });
    Changed();
    return NotRetried(std::move(started), change, refreshToSee);
  }

  std::shared_ptr<VdsSession> CurrentSession() {
    std::lock_guard<std::mutex> lock(mu_);
    return session_;
  }

  void Changed() { ++*generation_; }

  // Runs a read inside the MTA; when VDS went away under it, reopens the session once and reads again.
  template <typename Fn>
  Outcome Read(Fn&& fn) {
    MtaScope mta;
    if (Outcome o = mta.status(); !o.ok()) return o;
    Outcome first = fn();
    if (first.ok() || !IsDisconnected(first.hr)) return first;
    std::shared_ptr<VdsSession> fresh;
    Outcome reopened = VdsSession::Load(readyTimeoutMs_, &fresh);
    if (!reopened.ok()) {
      return Outcome::Fail(first.hr,
                           "The connection to VDS was lost (" + FormatHResult(first.hr) +
                               ") and reopening it failed: " +
                               (reopened.detail.empty() ? FormatHResult(reopened.hr) : reopened.detail));
    }
    std::vector<SubsystemHandle> oldHandles;
    std::map<std::string, Cached> oldSnapshots;
    {
      std::lock_guard<std::mutex> lock(mu_);
      session_ = std::move(fresh);
      oldHandles.swap(handles_);  // objects of the old session: useless now
      oldSnapshots.swap(snapshots_);
      handlesValid_ = false;
    }
    return fn();
  }

  // Lists the subsystems afresh and keeps their handles for the calls that name one.
  Outcome RefreshHandles(std::vector<SubsystemHandle>* out) {
    std::shared_ptr<VdsSession> session = CurrentSession();
    // The old handles stay alive until the new ones replace them: the same objects come back, and their
    // QueryInterface calls stay local.
    if (Outcome o = vds::EnumSubsystems(session->service(), out); !o.ok()) return o;
    std::vector<SubsystemHandle> old;
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (session_ != session) return Outcome::Ok();  // reconnected meanwhile: don't cache the old session's
      old.swap(handles_);
      handles_ = *out;
      handlesValid_ = true;
    }
    return Outcome::Ok();
  }

  // Runs `fn` with the subsystem's handle, cached per session. A cached handle VDS no longer knows
  // (VDS_E_OBJECT_DELETED / VDS_E_OBJECT_NOT_FOUND) is dropped, and `fn` runs once more with a fresh one.
  template <typename Fn>
  Outcome WithSubsystem(const std::string& subsystemId, Fn&& fn) {
    GUID wanted;
    if (!vds::ParseGuid(subsystemId, &wanted)) return NotFound(subsystemId);
    const std::string id = vds::GuidToString(wanted);
    SubsystemHandle handle;
    bool cached = false;
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (handlesValid_) {
        for (const SubsystemHandle& h : handles_) {
          if (h.id == id) {
            handle = h;
            cached = true;
          }
        }
      }
    }
    if (!cached) {
      std::vector<SubsystemHandle> all;
      if (Outcome o = RefreshHandles(&all); !o.ok()) return o;
      bool found = false;
      for (SubsystemHandle& h : all) {
        if (h.id == id) {
          handle = std::move(h);
          found = true;
        }
      }
      if (!found) return NotFound(subsystemId);
    }
    Outcome o = fn(handle);
    if (!cached || !IsStaleObject(o.hr)) return o;
    Forget(id);
    return WithSubsystem(subsystemId, std::forward<Fn>(fn));  // not cached any more: runs at most once more
  }

  void Forget(const std::string& id) {
    std::vector<SubsystemHandle> old;
    Cached oldSnapshot;
    std::lock_guard<std::mutex> lock(mu_);
    old.swap(handles_);
    handlesValid_ = false;
    auto it = snapshots_.find(id);
    if (it != snapshots_.end()) {
      oldSnapshot = std::move(it->second);
      snapshots_.erase(it);
    }
  }

  // The subsystem's drives and LUNs as read at most kSnapshotTtl ago and since the last change made here.
  Outcome Snapshot(const SubsystemHandle& handle, SnapshotPtr* out) {
    const uint64_t generation = generation_->load();
    {
      std::lock_guard<std::mutex> lock(mu_);
      auto it = snapshots_.find(handle.id);
      if (it != snapshots_.end() && it->second.generation == generation &&
          Clock::now() - it->second.readAt < kSnapshotTtl) {
        *out = it->second.snapshot;
        return Outcome::Ok();
      }
    }
    const Clock::time_point readAt = Clock::now();
    SubsystemSnapshot fresh;
    if (Outcome o = vds::ReadSnapshot(handle, &fresh); !o.ok()) return o;
    *out = Share(std::move(fresh));
    Cached old;
    std::lock_guard<std::mutex> lock(mu_);
    Cached& slot = snapshots_[handle.id];
    old = std::move(slot);  // released after the lock (SnapshotPtr's deleter)
    slot = Cached{*out, generation, readAt};
    return Outcome::Ok();
  }

  struct Cached {
    SnapshotPtr snapshot;
    uint64_t generation = 0;
    Clock::time_point readAt;
  };

  const uint32_t readyTimeoutMs_;
  // mu_ guards the fields below it, never a call into VDS.
  std::mutex mu_;
  std::shared_ptr<VdsSession> session_;
  bool handlesValid_ = false;
  std::vector<SubsystemHandle> handles_;
  std::map<std::string, Cached> snapshots_;
  std::set<std::string> identifying_;  // drives whose BlinkLight maintenance this provider started
  std::shared_ptr<std::atomic<uint64_t>> generation_;  // shared with the operations: they end a change
};

}  // namespace

std::unique_ptr<Provider> CreateVdsProvider(uint32_t readyTimeoutMs, HResult* result, std::string* detail) {
  std::shared_ptr<VdsSession> session;
  Outcome o = VdsSession::Load(readyTimeoutMs, &session);
  if (!o.ok()) {
    *result = o.hr;
    *detail = o.detail;
    return nullptr;
  }
  *result = hr::kOk;
  return std::make_unique<VdsProvider>(std::move(session), readyTimeoutMs);
}

}  // namespace lun
