#include "repair.h"

#include <algorithm>
#include <chrono>

#include "../hresult_table.h"
#include "extent_map.h"
#include "health.h"
#include "layout.h"
#include "resize.h"

namespace lun::sim {

namespace {

bool Contains(const std::vector<std::string>& v, const std::string& id) {
  return std::find(v.begin(), v.end(), id) != v.end();
}

void Erase(std::vector<std::string>* v, const std::string& id) {
  v->erase(std::remove(v->begin(), v->end(), id), v->end());
}

void AddOnce(std::vector<std::string>* v, const std::string& id) {
  if (!Contains(*v, id)) v->push_back(id);
}

bool HasExtentOn(const Lun& l, const std::string& driveId) {
  return std::any_of(l.extents.begin(), l.extents.end(),
                     [&](const Extent& e) { return e.driveId == driveId; });
}

uint64_t BytesOn(const Lun& l, const std::string& driveId) {
  uint64_t total = 0;
  for (const auto& e : l.extents) {
    if (e.driveId == driveId) total += e.lengthBytes;
  }
  return total;
}

const Drive* DriveById(const Subsystem& s, const std::string& id) {
  for (const auto& d : s.drives) {
    if (d.id == id) return &d;
  }
  return nullptr;
}

std::string NameOf(const Subsystem& s, const std::string& id) {
  const Drive* d = DriveById(s, id);
  return d ? d->name : id;
}

// Moves the extents on `from` of the LUNs at `lunIndices` to `to`, packed from offset 0 in `from`'s offset
// order, each keeping its place in its LUN's extent list.
void MoveExtents(Subsystem* s, const std::string& from, const std::string& to,
                 const std::vector<size_t>& lunIndices) {
  struct Ref {
    size_t lun;
    size_t extent;
    uint64_t offset;
  };
  std::vector<Ref> refs;
  for (size_t li : lunIndices) {
    const Lun& l = s->luns[li];
    for (size_t ei = 0; ei < l.extents.size(); ++ei) {
      if (l.extents[ei].driveId == from) refs.push_back({li, ei, l.extents[ei].offsetBytes});
    }
  }
  std::sort(refs.begin(), refs.end(), [](const Ref& a, const Ref& b) { return a.offset < b.offset; });
  uint64_t cursor = 0;
  for (const Ref& r : refs) {
    Extent& e = s->luns[r.lun].extents[r.extent];
    e.driveId = to;
    e.offsetBytes = cursor;
    cursor += e.lengthBytes;
  }
}

double RebuildEndMs(const Subsystem& s, const Lun& l) {
  return static_cast<double>(l.rebuildStartedAtMs) +
         static_cast<double>(l.rebuildBytes) * 1000.0 / static_cast<double>(s.initRateBytesPerSec);
}

void Takeover(Subsystem* s, const std::string& failedId, int64_t nowMs) {
  std::vector<size_t> taken;
  uint64_t needed = 0;
  for (size_t i = 0; i < s->luns.size(); ++i) {
    const Lun& l = s->luns[i];
    if (!IsRedundant(l.type) || !HasExtentOn(l, failedId)) continue;
    if (ConditionOf(*s, l, ActiveRebuild(*s, l, nowMs)).dataLost) continue;
    taken.push_back(i);
    needed += BytesOn(l, failedId);
  }
  if (taken.empty()) return;
  const Drive* spare = nullptr;
  for (size_t i : DrivesInBusSlotOrder(*s)) {
    const Drive& d = s->drives[i];
    if (!d.hotSpare || d.id == failedId || d.status != kStatusOnline || d.health != kHealthHealthy) continue;
    if (UsedBytesOnDrive(*s, d.id) > 0 || d.sizeBytes < needed) continue;
    if (!spare || d.sizeBytes < spare->sizeBytes) spare = &d;
  }
  if (!spare) return;
  const std::string spareId = spare->id;
  std::vector<uint64_t> moved;
  for (size_t i : taken) moved.push_back(BytesOn(s->luns[i], failedId));
  MoveExtents(s, failedId, spareId, taken);
  for (size_t k = 0; k < taken.size(); ++k) {
    Lun& l = s->luns[taken[k]];
    Erase(&l.staleDriveIds, failedId);
    uint64_t remaining = 0;
    if (!ActiveRebuild(*s, l, nowMs).empty()) {
      const double left = (RebuildEndMs(*s, l) - static_cast<double>(nowMs)) / 1000.0 *
                          static_cast<double>(s->initRateBytesPerSec);
      remaining = left > 0 ? static_cast<uint64_t>(left) : 0;
    } else {
      l.rebuildDriveIds.clear();
    }
    AddOnce(&l.rebuildDriveIds, spareId);
    l.rebuildStartedAtMs = nowMs;
    l.rebuildBytes = remaining + moved[k];
  }
}

Outcome Denied(const std::string& detail, const std::string& action) {
  Outcome o = Outcome::Fail(hr::kVdsOperationDenied, "lunId: " + detail, "lunId");
  o.action = action;
  return o;
}

}  // namespace

int64_t WallClockMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::vector<std::string> ActiveRebuild(const Subsystem& s, const Lun& l, int64_t nowMs) {
  if (l.rebuildBytes == 0 || static_cast<double>(nowMs) >= RebuildEndMs(s, l)) return {};
  return l.rebuildDriveIds;
}

void ClearFinishedRebuilds(Subsystem* s, int64_t nowMs) {
  for (auto& l : s->luns) {
    if (l.rebuildBytes == 0 || !ActiveRebuild(*s, l, nowMs).empty()) continue;
    l.rebuildBytes = 0;
    l.rebuildStartedAtMs = 0;
    l.rebuildDriveIds.clear();
  }
}

std::string LunNamesOnDrive(const Subsystem& s, const std::string& driveId) {
  std::string names;
  for (const auto& l : s.luns) {
    if (HasExtentOn(l, driveId)) names += (names.empty() ? "'" : ", '") + l.name + "'";
  }
  return names;
}

uint64_t UsedBytesOnDrive(const Subsystem& s, const std::string& driveId) {
  uint64_t total = 0;
  for (const auto& l : s.luns) total += BytesOn(l, driveId);
  return total;
}

void FailDrive(Subsystem* s, Drive* d, int64_t nowMs) {
  d->status = kStatusFailed;
  d->health = kHealthFailed;
  const std::string id = d->id;
  for (auto& l : s->luns) {
    if (HasExtentOn(l, id)) AddOnce(&l.staleDriveIds, id);
  }
  if (s->automaticHotSpare) Takeover(s, id, nowMs);
}

Outcome CheckReplacement(const Subsystem& s, const Drive& old, const Drive& replacement) {
  const std::string field = "replacementDriveId";
  if (replacement.id == old.id) {
    return Outcome::Fail(hr::kInvalidArg, field + ": must be a different drive than the one it replaces",
                         field);
  }
  const uint64_t needed = UsedBytesOnDrive(s, old.id);
  if (needed == 0) {
    return Outcome::Fail(
        hr::kVdsOperationDenied,
        "driveId: drive '" + old.name + "' holds no LUN extents: there is nothing to replace", "driveId");
  }
  if (replacement.status != kStatusOnline || replacement.health != kHealthHealthy) {
    return Outcome::Fail(
        hr::kVdsObjectStatusFailed,
        field + ": drive '" + replacement.name + "' is not online and healthy; pick an online, healthy drive",
        field);
  }
  const std::string holds = LunNamesOnDrive(s, replacement.id);
  if (!holds.empty()) {
    return Outcome::Fail(hr::kVdsDeviceInUse,
                         field + ": drive '" + replacement.name + "' holds extents of " + holds +
                             "; pick an unassigned drive or a standby hot spare",
                         field);
  }
  if (replacement.sizeBytes < needed) {
    return Outcome::Fail(hr::kVdsNotEnoughSpace,
                         field + ": drive '" + replacement.name + "' has " +
                             std::to_string(replacement.sizeBytes) + " bytes; the extents on drive '" +
                             old.name + "' need at least " + std::to_string(needed) + " bytes",
                         field);
  }
  return Outcome::Ok();
}

void ReplaceDrive(Subsystem* s, const std::string& oldId, const std::string& newId,
                  std::vector<std::string>* lunIdsToRecover) {
  const Drive* old = DriveById(*s, oldId);
  const bool oldWorks = old && DriveWorks(*old);
  std::vector<size_t> affected;
  std::vector<bool> stale;
  for (size_t i = 0; i < s->luns.size(); ++i) {
    const Lun& l = s->luns[i];
    if (!HasExtentOn(l, oldId)) continue;
    affected.push_back(i);
    stale.push_back(!oldWorks || Contains(l.staleDriveIds, oldId));
  }
  MoveExtents(s, oldId, newId, affected);
  for (size_t k = 0; k < affected.size(); ++k) {
    Lun& l = s->luns[affected[k]];
    Erase(&l.staleDriveIds, oldId);
    if (stale[k]) AddOnce(&l.staleDriveIds, newId);
    for (auto& id : l.rebuildDriveIds) {
      if (id == oldId) id = newId;
    }
  }
  for (auto& d : s->drives) {
    if (d.id == oldId || d.id == newId) d.hotSpare = false;
  }
  lunIdsToRecover->clear();
  for (size_t k = 0; k < affected.size(); ++k) {
    const Lun& l = s->luns[affected[k]];
    if (stale[k] && !ConditionOf(*s, l, {}).dataLost) lunIdsToRecover->push_back(l.id);
  }
}

Outcome PlanRecover(const Subsystem& s, const Lun& l, int64_t nowMs, std::vector<std::string>* drives,
                    uint64_t* bytes) {
  const std::vector<std::string> rebuilding = ActiveRebuild(s, l, nowMs);
  const LunCondition c = ConditionOf(s, l, rebuilding);
  const std::string lun = "LUN '" + l.name + "'";
  if (!rebuilding.empty()) {
    return Denied("the array is already rebuilding " + lun + " onto hot spare '" + NameOf(s, rebuilding[0]) +
                      "'; wait for it to finish",
                  "Wait for the rebuild to finish: the LUN turns healthy by itself.");
  }
  if (c.badDriveIds.empty()) {
    return Denied(lun + " is healthy: there is nothing to recover", "Nothing to do.");
  }
  if (!IsRedundant(l.type) || c.dataLost) {
    return Denied(lun + " (" + LunTypeName(l.type) +
                      ") has no redundancy to rebuild from: delete it and create it again",
                  "Delete the LUN and create it again, then restore its data from a backup.");
  }
  if (!c.failedDriveIds.empty()) {
    const std::string name = NameOf(s, c.failedDriveIds[0]);
    return Denied("drive '" + name + "' of " + lun + " is failed: replace drive '" + name + "' first",
                  "Replace the failed drive with an unassigned drive or a hot spare, then recover the LUN.");
  }
  drives->clear();
  *bytes = 0;
  for (const std::string& id : LunDriveIds(l)) {
    if (!Contains(l.staleDriveIds, id)) continue;
    drives->push_back(id);
    *bytes += BytesOn(l, id);
  }
  return Outcome::Ok();
}

}  // namespace lun::sim
