// The hand-written declarations the backend compiles against with mingw-w64.
#include "../../../native/src/vds/vds_api.h"
#include "layout_entries.h"
#include "layout_table.h"

namespace {
const layout::Entry kEntries[] = {LAYOUT_TYPES LAYOUT_VALUES LAYOUT_LUN_INFORMATION LAYOUT_INTERFACES};
}  // namespace

extern const layout::Table kOurs = {"vds_api_mingw.h", kEntries, sizeof(kEntries) / sizeof(kEntries[0])};
