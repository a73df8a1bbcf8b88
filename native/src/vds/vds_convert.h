// Conversions between the provider contract (UTF-8 strings, GUID strings, lun::Hints) and VDS types.
#pragma once

#include <string>
#include <vector>

#include "../provider.h"
#include "vds_api.h"

namespace lun::vds {

std::string WideToUtf8(const wchar_t* s);  // nullptr -> ""
std::wstring Utf8ToWide(const std::string& s);
// A NUL-terminated UTF-16 copy for an LPWSTR (non-const) parameter such as CreateLun's or SetMask's list.
std::vector<wchar_t> WritableWide(const std::string& s);

std::string GuidToString(const GUID& id);            // "{xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx}", upper case
bool ParseGuid(const std::string& text, GUID* out);  // with or without braces, any case

// Drive ids of a request as VDS_OBJECT_IDs; on a malformed id fails E_INVALIDARG naming driveIds[i].
Outcome ParseDriveIds(const std::vector<std::string>& ids, std::vector<VDS_OBJECT_ID>* out);

VDS_HINTS ToVdsHints(const Hints& hints);    // all-zero when !hints.present
VDS_HINTS2 ToVdsHints2(const Hints& hints);  // the same fields, VDS_HINTS2 layout

}  // namespace lun::vds
