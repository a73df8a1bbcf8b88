// The layout check (run by npm run test:windows): every struct size, field offset, enum value, vtable slot
// and IID the product and the test VDS service use, compared across independent sources:
//   - ours: native/src/vds/vds_api_mingw.h, which the backend compiles against;
//   - widl: the header widl generates from native/src/vds/lun_vds.idl (what the proxies marshal);
//   - mingw-w64's own vds.h (structs and enums only) and, for VDS_LUN_INFORMATION, its vdslun.h;
//   - the values written down in ../shared/VDS-NOTES.md and WINDOWS-ON-LINUX.md (checked there against the
//     Windows SDK's MIDL output).
// Ours must equal widl's and the notes exactly; against mingw-w64 the one expected, documented difference
// is VDS_TS_RESTRIPING (5; mingw-w64 says 8). Any other difference, or that one missing, fails.
#include <cstdio>
#include <cstring>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "layout_table.h"

namespace {

// From VDS-NOTES.md ("x64 sizes", the enumerations) and WINDOWS-ON-LINUX.md (the checked vtable orders).
const layout::Entry kNotes[] = {
    {"sizeof(VDS_SUB_SYSTEM_PROP)", 56},
    {"sizeof(VDS_SUB_SYSTEM_PROP2)", 64},
    {"sizeof(VDS_DRIVE_PROP)", 56},
    {"sizeof(VDS_DRIVE_EXTENT)", 48},
    {"sizeof(VDS_LUN_PROP)", 72},
    {"sizeof(VDS_HINTS)", 80},
    {"sizeof(VDS_HINTS2)", 136},
    {"sizeof(VDS_ASYNC_OUTPUT)", 32},
    {"offsetof(VDS_ASYNC_OUTPUT, cl.pLunUnk)", 8},
    {"sizeof(VDS_PROVIDER_PROP)", 64},
    {"sizeof(VDS_SERVICE_PROP)", 16},
    {"VDS_LT_UNKNOWN", 0},
    {"VDS_LT_DEFAULT", 1},
    {"VDS_LT_FAULT_TOLERANT", 2},
    {"VDS_LT_NON_FAULT_TOLERANT", 3},
    {"VDS_LT_SIMPLE", 10},
    {"VDS_LT_SPAN", 11},
    {"VDS_LT_STRIPE", 12},
    {"VDS_LT_MIRROR", 13},
    {"VDS_LT_PARITY", 14},
    {"VDS_LT_RAID2", 15},
    {"VDS_LT_RAID3", 16},
    {"VDS_LT_RAID4", 17},
    {"VDS_LT_RAID5", 18},
    {"VDS_LT_RAID6", 19},
    {"VDS_LT_RAID01", 20},
    {"VDS_LT_RAID03", 21},
    {"VDS_LT_RAID05", 22},
    {"VDS_LT_RAID10", 23},
    {"VDS_LT_RAID15", 24},
    {"VDS_LT_RAID30", 25},
    {"VDS_LT_RAID50", 26},
    {"VDS_LT_RAID51", 27},
    {"VDS_LT_RAID53", 28},
    {"VDS_LT_RAID60", 29},
    {"VDS_LT_RAID61", 30},
    {"VDS_SF_LUN_MASKING_CAPABLE", 0x1},
    {"VDS_SF_LUN_PLEXING_CAPABLE", 0x2},
    {"VDS_SF_LUN_REMAPPING_CAPABLE", 0x4},
    {"VDS_SF_DRIVE_EXTENT_CAPABLE", 0x8},
    {"VDS_SF_HARDWARE_CHECKSUM_CAPABLE", 0x10},
    {"VDS_SF_RADIUS_CAPABLE", 0x20},
    {"VDS_SF_READ_BACK_VERIFY_CAPABLE", 0x40},
    {"VDS_SF_WRITE_THROUGH_CACHING_CAPABLE", 0x80},
    {"VDS_SF_SUPPORTS_FAULT_TOLERANT_LUNS", 0x200},
    {"VDS_SF_SUPPORTS_NON_FAULT_TOLERANT_LUNS", 0x400},
    {"VDS_SF_SUPPORTS_SIMPLE_LUNS", 0x800},
    {"VDS_SF_SUPPORTS_SPAN_LUNS", 0x1000},
    {"VDS_SF_SUPPORTS_STRIPE_LUNS", 0x2000},
    {"VDS_SF_SUPPORTS_MIRROR_LUNS", 0x4000},
    {"VDS_SF_SUPPORTS_PARITY_LUNS", 0x8000},
    {"VDS_SF_SUPPORTS_RAID2_LUNS", 0x1},
    {"VDS_SF_SUPPORTS_RAID61_LUNS", 0x8000},
    {"VDS_SSS_ONLINE", 1},
    {"VDS_SSS_NOT_READY", 2},
    {"VDS_SSS_OFFLINE", 4},
    {"VDS_SSS_FAILED", 5},
    {"VDS_SSS_PARTIALLY_MANAGED", 9},
    {"VDS_DRF_HOTSPARE", 0x1},
    {"VDS_DRF_ASSIGNED", 0x2},
    {"VDS_DRF_UNASSIGNED", 0x4},
    {"VDS_DRF_HOTSPARE_IN_USE", 0x8},
    {"VDS_DRF_HOTSPARE_STANDBY", 0x10},
    {"VDS_DRS_ONLINE", 1},
    {"VDS_DRS_NOT_READY", 2},
    {"VDS_DRS_OFFLINE", 4},
    {"VDS_DRS_FAILED", 5},
    {"VDS_DRS_REMOVED", 8},
    {"VDS_LS_ONLINE", 1},
    {"VDS_LS_NOT_READY", 2},
    {"VDS_LS_OFFLINE", 4},
    {"VDS_LS_FAILED", 5},
    {"VDS_H_UNKNOWN", 0},
    {"VDS_H_HEALTHY", 1},
    {"VDS_H_REBUILDING", 2},
    {"VDS_H_FAILED", 8},
    {"VDS_H_DEGRADED", 11},
    {"VDS_TS_STABLE", 1},
    {"VDS_TS_EXTENDING", 2},
    {"VDS_TS_SHRINKING", 3},
    {"VDS_TS_RECONFIGING", 4},
    {"VDS_TS_RESTRIPING", 5},
    {"VDS_ASYNCOUT_CREATELUN", 50},
    {"VDS_ASYNCOUT_ADDLUNPLEX", 52},
    {"VDS_ASYNCOUT_REMOVELUNPLEX", 53},
    {"VDS_ASYNCOUT_EXTENDLUN", 54},
    {"VDS_ASYNCOUT_SHRINKLUN", 55},
    {"VDS_ASYNCOUT_RECOVERLUN", 56},
    {"VDS_ASYNCOUT_CREATETARGET", 62},
    {"slot IVdsAsync::Cancel", 3},
    {"slot IVdsAsync::Wait", 4},
    {"slot IVdsAsync::QueryStatus", 5},
    {"slot IVdsSubSystem::GetProperties", 3},
    {"slot IVdsSubSystem::GetProvider", 4},
    {"slot IVdsSubSystem::QueryControllers", 5},
    {"slot IVdsSubSystem::QueryLuns", 6},
    {"slot IVdsSubSystem::QueryDrives", 7},
    {"slot IVdsSubSystem::GetDrive", 8},
    {"slot IVdsSubSystem::Reenumerate", 9},
    {"slot IVdsSubSystem::SetControllerStatus", 10},
    {"slot IVdsSubSystem::CreateLun", 11},
    {"slot IVdsSubSystem::ReplaceDrive", 12},
    {"slot IVdsSubSystem::SetStatus", 13},
    {"slot IVdsSubSystem::QueryMaxLunCreateSize", 14},
    {"slot IVdsLun::GetProperties", 3},
    {"slot IVdsLun::QueryHints", 16},
    {"slot IVdsLun::QueryMaxLunExtendSize", 19},
    {"slot IVdsDrive::GetProperties", 3},
    {"slot IVdsDrive::QueryExtents", 5},
    {"slot IVdsDrive::SetStatus", 8},
    {"slot IVdsHwProvider::QuerySubSystems", 3},
    {"slot IVdsHwProvider::Refresh", 5},
    {"slot IVdsService::IsServiceReady", 3},
    {"slot IVdsService::WaitForServiceReady", 4},
    {"slot IVdsService::QueryProviders", 6},
    {"slot IVdsService::Unadvise", 16},
    {"slot IVdsLun::GetIdentificationData", 5},
    {"slot IVdsLun::Recover", 12},
    {"slot IVdsDrive::SetFlags", 6},
    {"slot IVdsDrive::ClearFlags", 7},
    {"slot IVdsMaintenance::StartMaintenance", 3},
    {"slot IVdsMaintenance::StopMaintenance", 4},
    {"slot IVdsMaintenance::PulseMaintenance", 5},
    {"BlinkLight", 1},
    {"BeepAlarm", 2},
    {"SpinDown", 3},
    {"SpinUp", 4},
    {"Ping", 5},
};
const layout::Table kNotesTable = {"VDS-NOTES.md", kNotes, sizeof(kNotes) / sizeof(kNotes[0])};

// The one documented difference: mingw-w64's vds.h has VDS_TS_RESTRIPING = 8; [MS-VDS] and the SDK say 5.
const std::set<std::string> kExpectedMingwDifferences = {"VDS_TS_RESTRIPING"};

std::map<std::string, long long> ToMap(const layout::Table& t) {
  std::map<std::string, long long> m;
  for (size_t i = 0; i < t.count; ++i) m[t.entries[i].name] = t.entries[i].value;
  return m;
}

struct Comparison {
  size_t compared = 0;
  std::vector<std::string> differences;  // names
};

bool IsInterfaceEntry(const std::string& name) {
  return name.rfind("IID_", 0) == 0 || name.rfind("slot ", 0) == 0;
}

enum class Coverage { kOthersEntries, kEverything, kTypesAndValues };

// Every entry of `other` must be in ours and equal; kEverything / kTypesAndValues: ours must have nothing
// (of that kind) that `other` lacks.
// `elsewhere`: names compared with another table, not expected in `other`.
Comparison Compare(const layout::Table& ours, const layout::Table& other, Coverage coverage,
                   const layout::Table* elsewhere = nullptr) {
  const auto a = ToMap(ours);
  const auto skip = elsewhere ? ToMap(*elsewhere) : std::map<std::string, long long>{};
  const auto b = ToMap(other);
  Comparison c;
  for (const auto& [name, value] : b) {
    auto found = a.find(name);
    ++c.compared;
    if (found == a.end()) {
      std::printf("  %s: %s = %lld, not in %s\n", other.source, name.c_str(), value, ours.source);
      c.differences.push_back(name);
    } else if (found->second != value) {
      std::printf("  %s: ours %lld, %s %lld\n", name.c_str(), found->second, other.source, value);
      c.differences.push_back(name);
    }
  }
  if (coverage != Coverage::kOthersEntries) {
    for (const auto& [name, value] : a) {
      if (b.count(name) || skip.count(name)) continue;
      if (coverage == Coverage::kTypesAndValues && IsInterfaceEntry(name)) continue;
      std::printf("  %s = %lld: missing from %s\n", name.c_str(), value, other.source);
      c.differences.push_back(name);
    }
  }
  return c;
}

}  // namespace

int main() {
  int passed = 0;
  int failed = 0;
  auto verdict = [&](bool ok, const char* what) {
    if (ok) {
      ++passed;
    } else {
      ++failed;
      std::printf("FAIL %s\n", what);
    }
  };

  Comparison widl = Compare(kOurs, kWidl, Coverage::kEverything);
  std::printf("layout: %s vs %s: %zu entries, %zu differences\n", kOurs.source, kWidl.source, widl.compared,
              widl.differences.size());
  verdict(widl.differences.empty(), "the IDL and the hand-written header must agree on every entry");

  Comparison notes = Compare(kOurs, kNotesTable, Coverage::kOthersEntries);
  std::printf("layout: %s vs %s: %zu values, %zu differences\n", kOurs.source, kNotesTable.source,
              notes.compared, notes.differences.size());
  verdict(notes.differences.empty(), "every value written down in VDS-NOTES.md must hold");

  Comparison vdslun = Compare(kOurs, kMingwVdsLun, Coverage::kOthersEntries);
  std::printf("layout: %s vs %s: %zu entries, %zu differences\n", kOurs.source, kMingwVdsLun.source,
              vdslun.compared, vdslun.differences.size());
  verdict(vdslun.differences.empty(),
          "VDS_LUN_INFORMATION and its parts must agree with mingw-w64's vdslun.h");

  Comparison mingw = Compare(kOurs, kMingw, Coverage::kTypesAndValues, &kMingwVdsLun);
  std::set<std::string> mingwDiffs(mingw.differences.begin(), mingw.differences.end());
  std::printf("layout: %s vs %s: %zu entries, %zu difference(s)%s\n", kOurs.source, kMingw.source,
              mingw.compared, mingw.differences.size(),
              mingwDiffs == kExpectedMingwDifferences
                  ? " - exactly the documented VDS_TS_RESTRIPING (ours 5, "
                    "mingw-w64 8: mingw-w64 is wrong, VDS-NOTES.md)"
                  : "");
  verdict(mingwDiffs == kExpectedMingwDifferences,
          "against mingw-w64's vds.h, the only difference must be the documented VDS_TS_RESTRIPING");

  std::printf("layout: %d passed, %d failed\n", passed, failed);
  return failed == 0 ? 0 : 1;
}
