#include "health.h"

#include <algorithm>
#include <unordered_map>

#include "resize.h"

namespace lun::sim {

uint32_t FaultTolerance(LunType t, size_t drives) {
  switch (t) {
    case LunType::kMirror:
      return drives > 0 ? static_cast<uint32_t>(drives - 1) : 0;
    case LunType::kParity:
    case LunType::kRaid10:
      return 1;
    case LunType::kRaid6:
      return 2;
    default:
      return 0;
  }
}

bool IsRedundant(LunType t) {
  return t == LunType::kMirror || t == LunType::kParity || t == LunType::kRaid10 || t == LunType::kRaid6;
}

bool DriveWorks(const Drive& d) { return d.status == kStatusOnline && d.health != kHealthFailed; }

LunCondition ConditionOf(const Subsystem& s, const Lun& l, const std::vector<std::string>& rebuilding) {
  return ConditionOf(s, l, LunDriveIds(l), rebuilding);
}

LunCondition ConditionOf(const Subsystem& s, const Lun& l, const std::vector<std::string>& ids,
                         const std::vector<std::string>& rebuilding) {
  LunCondition c;
  const auto has = [](const std::vector<std::string>& v, const std::string& id) {
    return std::find(v.begin(), v.end(), id) != v.end();
  };
  // A LUN over many drives looks them up by id; a small one scans (cheaper than building the index).
  std::unordered_map<std::string, const Drive*> index;
  if (ids.size() > 8) {
    for (const auto& d : s.drives) index.emplace(d.id, &d);
  }
  const auto find = [&](const std::string& id) -> const Drive* {
    if (!index.empty()) {
      const auto it = index.find(id);
      return it == index.end() ? nullptr : it->second;
    }
    for (const auto& d : s.drives) {
      if (d.id == id) return &d;
    }
    return nullptr;
  };
  for (const std::string& id : ids) {
    const Drive* drive = find(id);
    const bool works = drive != nullptr && DriveWorks(*drive);
    if (!works) c.failedDriveIds.push_back(id);
    if (!works || has(l.staleDriveIds, id) || has(rebuilding, id)) c.badDriveIds.push_back(id);
  }
  c.dataLost = c.badDriveIds.size() > FaultTolerance(l.type, ids.size());
  c.rebuilding =
      !c.badDriveIds.empty() && std::all_of(c.badDriveIds.begin(), c.badDriveIds.end(),
                                            [&](const std::string& id) { return has(rebuilding, id); });
  return c;
}

void StatusAndHealth(const LunCondition& c, int32_t* status, int32_t* health) {
  if (c.dataLost) {
    *status = kStatusFailed;
    *health = kHealthFailed;
  } else if (!c.badDriveIds.empty()) {
    *status = kStatusOnline;
    *health = c.rebuilding ? kHealthRebuilding : kHealthDegraded;
  } else {
    *status = kStatusOnline;
    *health = kHealthHealthy;
  }
}

}  // namespace lun::sim
