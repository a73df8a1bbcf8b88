#include "planner.h"

#include <algorithm>
#include <set>

#include "../hresult_table.h"
#include "layout.h"

namespace lun::sim {

namespace {

const char* DriveStatusName(int32_t status) {
  switch (status) {
    case kStatusOnline:
      return "online";
    case kStatusNotReady:
      return "not ready";
    case kStatusOffline:
      return "offline";
    case kStatusFailed:
      return "failed";
    case kDriveRemoved:
      return "removed";
    default:
      return "in an unknown state";
  }
}

const char* HealthName(int32_t health) {
  switch (health) {
    case kHealthHealthy:
      return "healthy";
    case kHealthRebuilding:
      return "rebuilding";
    case kHealthFailing:
      return "failing";
    case kHealthFailed:
      return "failed";
    case kHealthDegraded:
      return "degraded";
    default:
      return "of unknown health";
  }
}

std::string Field(size_t i) { return "driveIds[" + std::to_string(i) + "]"; }

Outcome CheckUsable(const Drive& d, size_t i) {
  if (d.hotSpare) {
    return Outcome::Fail(
        hr::kVdsInvalidOperation,
        Field(i) + ": drive '" + d.name + "' is a hot spare, reserved for rebuilds; pick another drive",
        Field(i));
  }
  if (d.status != kStatusOnline) {
    return Outcome::Fail(hr::kVdsObjectStatusFailed,
                         Field(i) + ": drive '" + d.name + "' is " + DriveStatusName(d.status) +
                             "; pick an online, healthy drive",
                         Field(i));
  }
  if (d.health != kHealthHealthy) {
    return Outcome::Fail(
        hr::kVdsObjectStatusFailed,
        Field(i) + ": drive '" + d.name + "' is " + HealthName(d.health) + "; pick an online, healthy drive",
        Field(i));
  }
  return Outcome::Ok();
}

uint64_t RoundDown(uint64_t v, uint64_t unit) { return v / unit * unit; }

uint64_t MaxBytes(LunType t, const std::vector<size_t>& drives, const std::vector<DriveView>& views,
                  uint64_t unit) {
  if (drives.empty()) return 0;
  if (t == LunType::kSpan) {
    uint64_t sum = 0;
    for (size_t i : drives) sum += views[i].freeBytes;
    return RoundDown(sum, unit);
  }
  uint64_t minFree = UINT64_MAX;
  for (size_t i : drives) minFree = std::min(minFree, views[i].freeBytes);
  const uint32_t data = DataDrives(t, static_cast<uint32_t>(drives.size()));
  const uint64_t perDriveUnit = unit / data;
  return minFree / perDriveUnit * unit;
}

std::vector<size_t> UsableByFreeSpace(const std::vector<DriveView>& views) {
  std::vector<size_t> usable;
  for (size_t i = 0; i < views.size(); ++i) {
    if (IsUsable(*views[i].drive)) usable.push_back(i);
  }
  std::stable_sort(usable.begin(), usable.end(),
                   [&](size_t a, size_t b) { return views[a].freeBytes > views[b].freeBytes; });
  return usable;
}

Outcome PickDrives(LunType t, const std::vector<DriveView>& views, std::vector<size_t>* drives) {
  const std::vector<size_t> usable = UsableByFreeSpace(views);
  const uint32_t need = MinDrives(t);
  if (usable.size() < need) {
    return Outcome::Fail(hr::kVdsNotEnoughDrive,
                         std::string("A ") + LunTypeName(t) + " LUN needs at least " + std::to_string(need) +
                             " usable drives; the subsystem has " + std::to_string(usable.size()),
                         "driveIds");
  }
  if (t == LunType::kSpan) {
    for (size_t i : usable) {
      if (views[i].freeBytes > 0) drives->push_back(i);
    }
    if (drives->empty()) drives->push_back(usable[0]);
  } else {
    drives->assign(usable.begin(), usable.begin() + need);
  }
  return Outcome::Ok();
}

Outcome PlanSpecific(LunType t, const std::vector<size_t>& given, uint64_t stripe,
                     const std::vector<DriveView>& views, Plan* plan) {
  std::vector<size_t> drives;
  if (!given.empty()) {
    Outcome count = CheckDriveCount(t, static_cast<uint32_t>(given.size()));
    if (!count.ok()) return count;
    drives = given;
  } else {
    Outcome picked = PickDrives(t, views, &drives);
    if (!picked.ok()) return picked;
  }
  const uint32_t n = static_cast<uint32_t>(drives.size());
  plan->type = t;
  plan->stripeSize = UsesStripe(t) ? stripe : 0;
  plan->unit = AllocationUnit(t, n, plan->stripeSize);
  plan->maxBytes = MaxBytes(t, drives, views, plan->unit);
  plan->drives = std::move(drives);
  return Outcome::Ok();
}

bool WantsFaultTolerance(const Hints& h) {
  return h.present && (h.fastCrashRecoveryRequired || h.mostlyReads || h.rebuildPriority > 0);
}

const std::vector<LunType> kFaultTolerant = {LunType::kMirror, LunType::kParity, LunType::kRaid10,
                                             LunType::kRaid6};
const std::vector<LunType> kNonFaultTolerant = {LunType::kStripe, LunType::kSimple, LunType::kSpan};

// largest: pick the candidate allowing the largest LUN; else the first that fits.
Outcome PlanFromCandidates(const Subsystem& s, const std::vector<LunType>& candidates, bool largest,
                           const std::vector<size_t>& given, uint64_t stripe,
                           const std::vector<DriveView>& views, Plan* plan) {
  Outcome firstError =
      Outcome::Fail(hr::kVdsNotSupported, "The subsystem supports no LUN type of this kind", "type");
  bool haveError = false;
  bool found = false;
  for (LunType t : candidates) {
    if (!SubsystemSupports(s, t)) continue;
    Plan candidate;
    Outcome o = PlanSpecific(t, given, stripe, views, &candidate);
    if (!o.ok()) {
      if (!haveError) firstError = o;
      haveError = true;
      continue;
    }
    if (!found || candidate.maxBytes > plan->maxBytes) *plan = candidate;
    found = true;
    if (!largest) break;
  }
  return found ? Outcome::Ok() : firstError;
}

}  // namespace

Outcome ResolveGivenDrives(const Subsystem& s, const std::vector<DriveView>& views,
                           const std::vector<std::string>& driveIds, std::vector<size_t>* given) {
  std::set<size_t> seen;
  for (size_t i = 0; i < driveIds.size(); ++i) {
    const std::string& id = driveIds[i];
    auto it = std::find_if(views.begin(), views.end(), [&](const DriveView& v) { return v.drive->id == id; });
    if (it == views.end()) {
      return Outcome::Fail(hr::kVdsObjectNotFound,
                           Field(i) + ": no drive '" + id + "' in subsystem '" + s.name + "'", Field(i));
    }
    const size_t index = static_cast<size_t>(it - views.begin());
    if (!seen.insert(index).second) {
      return Outcome::Fail(hr::kInvalidArg, Field(i) + ": drive '" + it->drive->name + "' is listed twice",
                           Field(i));
    }
    Outcome usable = CheckUsable(*it->drive, i);
    if (!usable.ok()) return usable;
    given->push_back(index);
  }
  return Outcome::Ok();
}

bool IsUsable(const Drive& d) {
  return !d.hotSpare && d.status == kStatusOnline && d.health == kHealthHealthy;
}

bool SubsystemSupports(const Subsystem& s, LunType t) {
  return std::find(s.supportedTypes.begin(), s.supportedTypes.end(), t) != s.supportedTypes.end();
}

Outcome PlanLun(const Subsystem& s, const std::vector<DriveView>& views, const MaxSizeArgs& args,
                Plan* plan) {
  if (s.status != kStatusOnline) {
    return Outcome::Fail(hr::kVdsInvalidOperation,
                         "Subsystem '" + s.name + "' is not online; bring it online first", "subsystemId");
  }
  if (!IsSpecific(args.type) && !IsAutomagic(args.type)) {
    return Outcome::Fail(hr::kInvalidArg, "type: not a LUN type", "type");
  }
  if (!SubsystemSupports(s, args.type)) {
    return Outcome::Fail(
        hr::kVdsNotSupported,
        std::string("type: subsystem '") + s.name + "' does not support " + LunTypeName(args.type) + " LUNs",
        "type");
  }
  uint64_t stripe = 65536;
  if (args.hints.stripeSize != 0) {
    if (std::find(s.stripeSizes.begin(), s.stripeSizes.end(), args.hints.stripeSize) == s.stripeSizes.end()) {
      std::string sizes;
      for (uint64_t z : s.stripeSizes) sizes += (sizes.empty() ? "" : ", ") + std::to_string(z);
      return Outcome::Fail(hr::kInvalidArg,
                           "hints.stripeSizeBytes: " + std::to_string(args.hints.stripeSize) +
                               " is not a stripe size of this subsystem (supported: " + sizes + ")",
                           "hints.stripeSizeBytes");
    }
    stripe = args.hints.stripeSize;
  } else if (!s.stripeSizes.empty() &&
             std::find(s.stripeSizes.begin(), s.stripeSizes.end(), stripe) == s.stripeSizes.end()) {
    stripe = *std::min_element(s.stripeSizes.begin(), s.stripeSizes.end());
  }

  std::vector<size_t> given;
  Outcome resolved = ResolveGivenDrives(s, views, args.driveIds, &given);
  if (!resolved.ok()) return resolved;

  switch (args.type) {
    case LunType::kFaultTolerant:
      return PlanFromCandidates(s, kFaultTolerant, true, given, stripe, views, plan);
    case LunType::kNonFaultTolerant:
      return PlanFromCandidates(s, kNonFaultTolerant, false, given, stripe, views, plan);
    case LunType::kDefault: {
      const bool ft = WantsFaultTolerance(args.hints);
      Outcome first = ft ? PlanFromCandidates(s, kFaultTolerant, true, given, stripe, views, plan)
                         : PlanFromCandidates(s, kNonFaultTolerant, false, given, stripe, views, plan);
      if (first.ok()) return first;
      Outcome second = ft ? PlanFromCandidates(s, kNonFaultTolerant, false, given, stripe, views, plan)
                          : PlanFromCandidates(s, kFaultTolerant, true, given, stripe, views, plan);
      return second.ok() ? second : first;
    }
    default:
      return PlanSpecific(args.type, given, stripe, views, plan);
  }
}

Outcome AllocateLun(const Plan& plan, std::vector<DriveView> views, uint64_t requested, Lun* lun) {
  if (requested == 0)
    return Outcome::Fail(hr::kInvalidArg, "sizeBytes: must be at least 1 byte", "sizeBytes");
  const uint64_t unit = plan.unit;
  const uint64_t units = requested / unit + (requested % unit != 0 ? 1 : 0);
  const uint64_t rounded = units * unit;
  if (rounded > plan.maxBytes || units > UINT64_MAX / unit) {
    std::string detail = "sizeBytes: " + std::to_string(requested) + " bytes";
    if (rounded != requested) detail += " (rounded up to " + std::to_string(rounded) + ")";
    detail += std::string(" do not fit; the largest ") + LunTypeName(plan.type) + " LUN on these drives is " +
              std::to_string(plan.maxBytes) + " bytes";
    return Outcome::Fail(hr::kVdsNotEnoughSpace, detail, "sizeBytes");
  }
  lun->type = plan.type;
  lun->sizeBytes = rounded;
  lun->stripeSizeBytes = plan.stripeSize;
  lun->extents.clear();
  if (plan.type == LunType::kSpan) {
    uint64_t remaining = rounded;
    for (size_t i : plan.drives) {
      if (remaining == 0) break;
      DriveView& v = views[i];
      const uint64_t take = std::min(remaining, v.freeBytes);
      TakeFirstFit(v.drive->id, take, &v.free, &lun->extents);
      remaining -= take;
    }
    return Outcome::Ok();
  }
  const uint64_t perDrive = rounded / DataDrives(plan.type, static_cast<uint32_t>(plan.drives.size()));
  for (size_t i : plan.drives) TakeFirstFit(views[i].drive->id, perDrive, &views[i].free, &lun->extents);
  return Outcome::Ok();
}

}  // namespace lun::sim
