#include "validate_state.h"

#include <map>
#include <set>

#include "../hresult_table.h"
#include "extents.h"
#include "layout.h"

namespace lun::sim {

namespace {

Outcome Bad(const std::string& field, const std::string& rule) {
  return Outcome::Fail(hr::kInvalidArg, field + ": " + rule, field);
}

bool NeedsFailure(FaultKind k) {
  return k == FaultKind::kFailAt || k == FaultKind::kQueryStatusFails || k == FaultKind::kWaitFails;
}

Outcome CheckFault(const Subsystem& s, const Fault& f, const std::string& field) {
  if ((f.kind == FaultKind::kFailAt || f.kind == FaultKind::kDriveFailsAt) && f.percent > 100) {
    return Bad(field + ".percent", "must be 0-100");
  }
  if (NeedsFailure(f.kind) && !Failed(f.hresult)) {
    return Bad(field + ".hresult", "must be a failure HRESULT (0x8xxxxxxx)");
  }
  if (f.kind == FaultKind::kDriveFailsAt) {
    bool found = false;
    for (const auto& d : s.drives) found = found || d.id == f.drive || d.name == f.drive;
    if (!found) return Bad(field + ".drive", "no drive '" + f.drive + "' in subsystem '" + s.name + "'");
  }
  return Outcome::Ok();
}

}  // namespace

Outcome ValidateState(const State& state) {
  if (state.version != 1) return Bad("version", "must be 1");
  std::set<std::string> subsystemIds, driveIds, lunIds;
  for (size_t si = 0; si < state.subsystems.size(); ++si) {
    const Subsystem& s = state.subsystems[si];
    const std::string sf = "subsystems[" + std::to_string(si) + "]";
    if (s.id.empty() || !subsystemIds.insert(s.id).second)
      return Bad(sf + ".id", "must be unique and not empty");
    if (s.name.empty()) return Bad(sf + ".name", "must not be empty");
    if (s.initRateBytesPerSec == 0) return Bad(sf + ".initRateBytesPerSec", "must be greater than 0");
    for (size_t i = 0; i < s.supportedTypes.size(); ++i) {
      const LunType t = s.supportedTypes[i];
      if (!IsSpecific(t) && !IsAutomagic(t)) {
        return Bad(sf + ".supportedTypes[" + std::to_string(i) + "]", "not a LUN type");
      }
    }
    for (size_t i = 0; i < s.stripeSizes.size(); ++i) {
      const uint64_t z = s.stripeSizes[i];
      if (z == 0 || (z & (z - 1)) != 0) {
        return Bad(sf + ".stripeSizes[" + std::to_string(i) + "]", "must be a power of two");
      }
    }
    std::map<std::string, const Drive*> drives;
    for (size_t di = 0; di < s.drives.size(); ++di) {
      const Drive& d = s.drives[di];
      const std::string df = sf + ".drives[" + std::to_string(di) + "]";
      if (d.id.empty() || !driveIds.insert(d.id).second)
        return Bad(df + ".id", "must be unique and not empty");
      if (d.name.empty()) return Bad(df + ".name", "must not be empty");
      if (d.sizeBytes == 0) return Bad(df + ".sizeBytes", "must be greater than 0");
      drives[d.id] = &d;
    }
    for (size_t fi = 0; fi < s.faults.size(); ++fi) {
      Outcome o = CheckFault(s, s.faults[fi], sf + ".faults[" + std::to_string(fi) + "]");
      if (!o.ok()) return o;
    }
    std::map<std::string, std::vector<Span>> used;
    for (size_t li = 0; li < s.luns.size(); ++li) {
      const Lun& l = s.luns[li];
      const std::string lf = sf + ".luns[" + std::to_string(li) + "]";
      if (l.id.empty() || !lunIds.insert(l.id).second) return Bad(lf + ".id", "must be unique and not empty");
      if (!IsSpecific(l.type)) return Bad(lf + ".type", "must be a specific LUN type");
      if (l.sizeBytes == 0) return Bad(lf + ".sizeBytes", "must be greater than 0");
      if (l.extents.empty()) return Bad(lf + ".extents", "must not be empty");
      for (size_t ei = 0; ei < l.extents.size(); ++ei) {
        const Extent& e = l.extents[ei];
        const std::string ef = lf + ".extents[" + std::to_string(ei) + "]";
        auto it = drives.find(e.driveId);
        if (it == drives.end()) return Bad(ef + ".driveId", "no drive '" + e.driveId + "' in this subsystem");
        used[e.driveId].push_back({e.offsetBytes, e.lengthBytes});
        if (SpansConflict(it->second->sizeBytes, used[e.driveId])) {
          return Bad(ef, "extent is empty, outside its drive or overlaps another extent");
        }
      }
      const std::pair<const char*, const std::vector<std::string>*> lists[] = {
          {"staleDriveIds", &l.staleDriveIds}, {"rebuildDriveIds", &l.rebuildDriveIds}};
      for (const auto& [name, ids] : lists) {
        for (size_t i = 0; i < ids->size(); ++i) {
          if (!drives.count((*ids)[i])) {
            return Bad(lf + "." + name + "[" + std::to_string(i) + "]",
                       "no drive '" + (*ids)[i] + "' in this subsystem");
          }
        }
      }
    }
  }
  return Outcome::Ok();
}

}  // namespace lun::sim
