// mingw-w64's own <vds.h>: an independent source for the structs and enums (it declares no interfaces).
// Its <vdslun.h> redefines types vds.h already has: keep it out.
#undef WIN32_LEAN_AND_MEAN  // vds.h needs what the lean windows.h leaves out
#define __vdslun_h__
// windows.h must come first.
// clang-format off
#include <windows.h>
#include <vds.h>
// clang-format on

#include "layout_entries.h"
#include "layout_table.h"

namespace {
const layout::Entry kEntries[] = {LAYOUT_TYPES LAYOUT_VALUES};
}  // namespace

extern const layout::Table kMingw = {"mingw-w64 vds.h", kEntries, sizeof(kEntries) / sizeof(kEntries[0])};
