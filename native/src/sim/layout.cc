#include "layout.h"

#include "../hresult_table.h"

namespace lun::sim {

bool IsSpecific(LunType t) {
  switch (t) {
    case LunType::kSimple:
    case LunType::kSpan:
    case LunType::kStripe:
    case LunType::kMirror:
    case LunType::kParity:
    case LunType::kRaid10:
    case LunType::kRaid6:
      return true;
    default:
      return false;
  }
}

const char* LunTypeName(LunType t) {
  switch (t) {
    case LunType::kDefault:
      return "auto";
    case LunType::kFaultTolerant:
      return "faultTolerant";
    case LunType::kNonFaultTolerant:
      return "nonFaultTolerant";
    case LunType::kSimple:
      return "simple";
    case LunType::kSpan:
      return "span";
    case LunType::kStripe:
      return "stripe";
    case LunType::kMirror:
      return "mirror";
    case LunType::kParity:
      return "parity";
    case LunType::kRaid10:
      return "raid10";
    case LunType::kRaid6:
      return "raid6";
    default:
      return "unknown";
  }
}

uint32_t MinDrives(LunType t) {
  switch (t) {
    case LunType::kStripe:
    case LunType::kMirror:
      return 2;
    case LunType::kParity:
      return 3;
    case LunType::kRaid10:
    case LunType::kRaid6:
      return 4;
    default:
      return 1;
  }
}

uint32_t DataDrives(LunType t, uint32_t n) {
  switch (t) {
    case LunType::kSpan:
    case LunType::kStripe:
      return n;
    case LunType::kParity:
      return n - 1;
    case LunType::kRaid10:
      return n / 2;
    case LunType::kRaid6:
      return n - 2;
    default:  // simple, mirror
      return 1;
  }
}

bool UsesStripe(LunType t) {
  return t == LunType::kStripe || t == LunType::kParity || t == LunType::kRaid10 || t == LunType::kRaid6;
}

uint64_t AllocationUnit(LunType t, uint32_t n, uint64_t stripeSize) {
  if (!UsesStripe(t) || stripeSize == 0) return kMiB;
  const uint64_t row = stripeSize * DataDrives(t, n);
  return ((kMiB + row - 1) / row) * row;
}

Outcome CheckDriveCount(LunType t, uint32_t n) {
  const std::string name = LunTypeName(t);
  if (t == LunType::kSimple && n > 1) {
    return Outcome::Fail(hr::kInvalidArg,
                         "driveIds: a simple LUN uses exactly one drive (" + std::to_string(n) + " given)",
                         "driveIds");
  }
  if (n < MinDrives(t)) {
    return Outcome::Fail(hr::kVdsNotEnoughDrive,
                         "A " + name + " LUN needs at least " + std::to_string(MinDrives(t)) + " drives (" +
                             std::to_string(n) + " usable)",
                         "driveIds");
  }
  if (t == LunType::kRaid10 && n % 2 != 0) {
    return Outcome::Fail(
        hr::kInvalidArg,
        "driveIds: a raid10 LUN needs an even number of drives (" + std::to_string(n) + " given)",
        "driveIds");
  }
  return Outcome::Ok();
}

}  // namespace lun::sim
