#include "resize.h"

#include <algorithm>
#include <unordered_set>

#include "../hresult_table.h"
#include "layout.h"

namespace lun::sim {

namespace {

bool Grows(LunType t) { return t == LunType::kSimple || t == LunType::kSpan; }

std::string Field(size_t i) { return "driveIds[" + std::to_string(i) + "]"; }

std::string DriveNames(const std::vector<size_t>& drives, const std::vector<DriveView>& views) {
  std::string names;
  for (size_t i : drives) names += (names.empty() ? "'" : ", '") + views[i].drive->name + "'";
  return names;
}

uint64_t RoundUp(uint64_t v, uint64_t unit) { return (v / unit + (v % unit != 0 ? 1 : 0)) * unit; }

// Cuts `amount` bytes off the end of the extents on `driveId` (every drive when empty), last first.
void CutTail(std::vector<Extent>* extents, const std::string& driveId, uint64_t amount) {
  for (size_t i = extents->size(); i > 0 && amount > 0; --i) {
    Extent& e = (*extents)[i - 1];
    if (!driveId.empty() && e.driveId != driveId) continue;
    if (e.lengthBytes <= amount) {
      amount -= e.lengthBytes;
      extents->erase(extents->begin() + static_cast<std::ptrdiff_t>(i - 1));
    } else {
      e.lengthBytes -= amount;
      amount = 0;
    }
  }
}

}  // namespace

std::vector<std::string> LunDriveIds(const Lun& lun) {
  std::vector<std::string> ids;
  std::unordered_set<std::string> seen;
  for (const auto& e : lun.extents) {
    if (seen.insert(e.driveId).second) ids.push_back(e.driveId);
  }
  return ids;
}

uint64_t LunAllocationUnit(const Lun& lun) {
  return AllocationUnit(lun.type, static_cast<uint32_t>(LunDriveIds(lun).size()), lun.stripeSizeBytes);
}

Outcome PlanExtend(const Subsystem& s, const std::vector<DriveView>& views, const Lun& lun,
                   const std::vector<std::string>& driveIds, ExtendPlan* plan) {
  std::vector<size_t> own;
  for (const std::string& id : LunDriveIds(lun)) {
    auto it = std::find_if(views.begin(), views.end(), [&](const DriveView& v) { return v.drive->id == id; });
    if (it == views.end()) {
      return Outcome::Fail(hr::kVdsObjectNotFound, "lunId: LUN '" + lun.name + "' is on a drive ('" + id +
                                                       "') this subsystem does not have");
    }
    const Drive& d = *it->drive;
    if (d.status != kStatusOnline || d.health != kHealthHealthy) {  // a spare that took over is a member
      return Outcome::Fail(hr::kVdsObjectStatusFailed,
                           "lunId: drive '" + d.name + "' of LUN '" + lun.name +
                               "' is not online and healthy; replace it or bring it online before resizing",
                           "lunId");
    }
    own.push_back(static_cast<size_t>(it - views.begin()));
  }
  std::vector<size_t> given;
  Outcome resolved = ResolveGivenDrives(s, views, driveIds, &given);
  if (!resolved.ok()) return resolved;

  *plan = ExtendPlan{};
  plan->type = lun.type;
  plan->unit = LunAllocationUnit(lun);
  plan->spanSupported = SubsystemSupports(s, LunType::kSpan);
  const auto isOwn = [&](size_t index) { return std::find(own.begin(), own.end(), index) != own.end(); };

  if (!Grows(lun.type)) {
    for (size_t i = 0; i < given.size(); ++i) {
      if (isOwn(given[i])) continue;
      return Outcome::Fail(hr::kInvalidArg,
                           Field(i) + ": drive '" + views[given[i]].drive->name + "' is not a member of " +
                               LunTypeName(lun.type) + " LUN '" + lun.name +
                               "'; it grows evenly on its own drives (" + DriveNames(own, views) + ")",
                           Field(i));
    }
    plan->evenly = true;
    plan->drives = own;
    uint64_t minFree = UINT64_MAX;
    for (size_t i : own) minFree = std::min(minFree, views[i].freeBytes);
    const uint64_t perDriveUnit = plan->unit / DataDrives(lun.type, static_cast<uint32_t>(own.size()));
    plan->maxBytes = own.empty() ? 0 : minFree / perDriveUnit * plan->unit;
    return Outcome::Ok();
  }

  if (!given.empty()) {
    if (lun.type == LunType::kSimple && !plan->spanSupported) {
      for (size_t i = 0; i < given.size(); ++i) {
        if (isOwn(given[i])) continue;
        return Outcome::Fail(hr::kVdsNotSupported,
                             Field(i) + ": simple LUN '" + lun.name + "' can only grow on its own drive (" +
                                 DriveNames(own, views) + "): subsystem '" + s.name +
                                 "' does not support span LUNs",
                             Field(i));
      }
    }
    plan->drives = given;
  } else if (lun.type == LunType::kSimple) {
    plan->drives = own;
  } else {
    plan->drives = own;
    std::vector<size_t> others;
    for (size_t i = 0; i < views.size(); ++i) {
      if (!isOwn(i) && IsUsable(*views[i].drive) && views[i].freeBytes > 0) others.push_back(i);
    }
    std::stable_sort(others.begin(), others.end(),
                     [&](size_t a, size_t b) { return views[a].freeBytes > views[b].freeBytes; });
    plan->drives.insert(plan->drives.end(), others.begin(), others.end());
  }
  uint64_t sum = 0;
  for (size_t i : plan->drives) sum += views[i].freeBytes;
  plan->maxBytes = sum / plan->unit * plan->unit;
  return Outcome::Ok();
}

Outcome AllocateExtend(const ExtendPlan& plan, std::vector<DriveView> views, const Lun& lun,
                       uint64_t requested, Lun* grown, std::vector<Extent>* added) {
  if (requested == 0)
    return Outcome::Fail(hr::kInvalidArg, "bytesToAdd: must be at least 1 byte", "bytesToAdd");
  const uint64_t unit = plan.unit;
  const uint64_t units = requested / unit + (requested % unit != 0 ? 1 : 0);
  const uint64_t rounded = units * unit;
  if (units > UINT64_MAX / unit || rounded > plan.maxBytes) {
    std::string detail = "bytesToAdd: " + std::to_string(requested) + " bytes to add";
    if (rounded != requested) detail += " (rounded up to " + std::to_string(rounded) + ")";
    detail += " do not fit; at most " + std::to_string(plan.maxBytes) + " bytes can be added to LUN '" +
              lun.name + "' on these drives";
    return Outcome::Fail(hr::kVdsNotEnoughSpace, detail, "bytesToAdd");
  }
  added->clear();
  if (plan.evenly) {
    const uint64_t perDrive = rounded / DataDrives(plan.type, static_cast<uint32_t>(plan.drives.size()));
    for (size_t i : plan.drives) TakeFirstFit(views[i].drive->id, perDrive, &views[i].free, added);
  } else {
    uint64_t remaining = rounded;
    for (size_t i : plan.drives) {
      if (remaining == 0) break;
      const uint64_t take = std::min(remaining, views[i].freeBytes);
      TakeFirstFit(views[i].drive->id, take, &views[i].free, added);
      remaining -= take;
    }
  }
  *grown = lun;
  grown->extents.insert(grown->extents.end(), added->begin(), added->end());
  grown->sizeBytes += rounded;
  if (grown->type == LunType::kSimple && LunDriveIds(*grown).size() > 1) grown->type = LunType::kSpan;
  return Outcome::Ok();
}

Outcome PlanShrink(const Lun& lun, uint64_t bytesToRemove, Lun* shrunk, uint64_t* removed) {
  if (bytesToRemove == 0) {
    return Outcome::Fail(hr::kInvalidArg, "bytesToRemove: must be at least 1 byte", "bytesToRemove");
  }
  const uint64_t unit = LunAllocationUnit(lun);
  const uint64_t most = lun.sizeBytes > unit ? lun.sizeBytes - unit : 0;
  const std::string minimum =
      std::string("a ") + LunTypeName(lun.type) + " LUN keeps at least one allocation unit (" +
      std::to_string(unit) + " bytes), so at most " + std::to_string(most) + " of the " +
      std::to_string(lun.sizeBytes) + " bytes of LUN '" + lun.name + "' can be removed";
  if (bytesToRemove >= lun.sizeBytes) {
    return Outcome::Fail(
        hr::kInvalidArg,
        "bytesToRemove: " + std::to_string(bytesToRemove) + " bytes to remove is too much: " + minimum,
        "bytesToRemove");
  }
  const uint64_t newSize = RoundUp(lun.sizeBytes - bytesToRemove, unit);
  if (newSize >= lun.sizeBytes) {
    return Outcome::Fail(
        hr::kInvalidArg,
        "bytesToRemove: " + std::to_string(bytesToRemove) +
            " bytes to remove is less than one allocation unit of LUN '" + lun.name + "' (" +
            std::to_string(unit) +
            " bytes); the new size is rounded up to whole units, so nothing would be removed",
        "bytesToRemove");
  }
  *shrunk = lun;
  if (Grows(lun.type)) {
    *removed = lun.sizeBytes - newSize;
    CutTail(&shrunk->extents, "", *removed);
  } else {
    const std::vector<std::string> members = LunDriveIds(lun);
    const uint64_t perDrive =
        (lun.sizeBytes - newSize) / DataDrives(lun.type, static_cast<uint32_t>(members.size()));
    for (const std::string& id : members) CutTail(&shrunk->extents, id, perDrive);
    *removed = perDrive * DataDrives(lun.type, static_cast<uint32_t>(members.size()));
  }
  shrunk->sizeBytes = lun.sizeBytes - *removed;
  return Outcome::Ok();
}

}  // namespace lun::sim
