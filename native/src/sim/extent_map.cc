#include "extent_map.h"

#include <algorithm>
#include <numeric>

namespace lun::sim {

void AppendDriveExtents(const std::string& driveId, uint64_t driveSize, std::vector<OwnedSpan> owned,
                        std::vector<ExtentInfo>* out) {
  std::sort(owned.begin(), owned.end(),
            [](const OwnedSpan& a, const OwnedSpan& b) { return a.offset < b.offset; });
  uint64_t cursor = 0;
  const auto add = [&](uint64_t offset, uint64_t length, const std::string& lunId) {
    ExtentInfo e;
    e.driveId = driveId;
    e.lunId = lunId;
    e.offsetBytes = offset;
    e.sizeBytes = length;
    out->push_back(std::move(e));
  };
  for (const OwnedSpan& span : owned) {
    if (span.offset > cursor) add(cursor, span.offset - cursor, "");
    add(span.offset, span.length, span.lunId);
    cursor = std::max(cursor, span.offset + span.length);
  }
  if (cursor < driveSize) add(cursor, driveSize - cursor, "");
}

std::vector<size_t> DrivesInBusSlotOrder(const Subsystem& s) {
  std::vector<size_t> order(s.drives.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const Drive& x = s.drives[a];
    const Drive& y = s.drives[b];
    return x.bus != y.bus ? x.bus < y.bus : x.slot < y.slot;
  });
  return order;
}

}  // namespace lun::sim
