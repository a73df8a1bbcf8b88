// mingw-w64's own <vdslun.h>, alone (it redefines types <vds.h> has): VDS_LUN_INFORMATION and the types it
// holds, which mingw-w64's <vds.h> lacks.
// clang-format off
#include <windows.h>
#include <vdslun.h>
// clang-format on

#include "layout_entries.h"
#include "layout_table.h"

namespace {
const layout::Entry kEntries[] = {LAYOUT_LUN_INFORMATION};
}  // namespace

extern const layout::Table kMingwVdsLun = {"mingw-w64 vdslun.h", kEntries,
                                           sizeof(kEntries) / sizeof(kEntries[0])};
