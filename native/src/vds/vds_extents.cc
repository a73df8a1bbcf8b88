#include "vds_extents.h"

#include <algorithm>
#include <numeric>

#include "../hresult_table.h"
#include "cotaskmem.h"
#include "vds_convert.h"

namespace lun::vds {

Outcome ReadDriveExtents(IVdsDrive* drive, const std::string& driveId, std::vector<ExtentInfo>* out) {
  CoTaskArray<VDS_DRIVE_EXTENT> extents;
  HRESULT hr = drive->QueryExtents(extents.Out(), extents.CountOut());
  if (FAILED(hr)) {
    return Outcome::Fail(hr, "The storage provider failed IVdsDrive::QueryExtents for drive " + driveId +
                                 " (" + FormatHResult(hr) + ").");
  }
  uint64_t offset = 0;
  for (const VDS_DRIVE_EXTENT& extent : extents) {
    ExtentInfo info;
    info.driveId = driveId;
    if (extent.bUsed) info.lunId = GuidToString(extent.LunId);
    info.offsetBytes = offset;
    info.sizeBytes = extent.ullSize;
    offset += extent.ullSize;
    out->push_back(std::move(info));
  }
  return Outcome::Ok();
}

Outcome ListExtents(const SubsystemSnapshot& snapshot, std::vector<ExtentInfo>* out) {
  out->clear();
  std::vector<size_t> order(snapshot.drives.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const DriveInfo& x = snapshot.drives[a];
    const DriveInfo& y = snapshot.drives[b];
    return x.bus != y.bus ? x.bus < y.bus : x.slot < y.slot;
  });
  for (size_t i : order) {
    if (i >= snapshot.driveObjects.size()) {
      return Outcome::Fail(hr::kUnexpected, "The drives read and the drive objects kept differ in number");
    }
    if (Outcome o = ReadDriveExtents(snapshot.driveObjects[i].Get(), snapshot.drives[i].id, out); !o.ok())
      return o;
  }
  return Outcome::Ok();
}

}  // namespace lun::vds
