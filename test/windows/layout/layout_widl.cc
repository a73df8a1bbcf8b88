// widl's header for our IDL (build-win/gen/lun_vds.h): the IDL the proxies are built from must describe the
// same types and vtables as the header the backend compiles against.
#include <objbase.h>
#include <windows.h>

#include "layout_entries.h"
#include "layout_table.h"
#include "lun_vds.h"

namespace {
const layout::Entry kEntries[] = {LAYOUT_TYPES LAYOUT_VALUES LAYOUT_LUN_INFORMATION LAYOUT_INTERFACES};
}  // namespace

extern const layout::Table kWidl = {"lun_vds.idl (widl)", kEntries, sizeof(kEntries) / sizeof(kEntries[0])};
