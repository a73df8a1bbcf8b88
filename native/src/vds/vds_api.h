// The VDS COM API, picked by compiler: MSVC gets the Windows SDK's vds.h; mingw-w64 (whose vds.h has no
// interfaces, CLSIDs or IIDs) gets our own declarations in vds_api_mingw.h, written from [MS-VDS].
// Code uses __uuidof(Interface) for IIDs and kClsidVdsLoader for the loader's CLSID in both cases.
#pragma once

#if !defined(_WIN32)
#error "native/src/vds is Windows-only"
#endif

#ifndef WIN32_LEAN_AND_MEAN
#define WIN32_LEAN_AND_MEAN
#endif
#ifndef NOMINMAX
#define NOMINMAX
#endif
#include <objbase.h>
#include <windows.h>

#if defined(_MSC_VER) && !defined(__clang__) && !defined(__MINGW32__)
#include <vds.h>
#else
#include "vds_api_mingw.h"
#endif

namespace lun::vds {

// CLSID_VdsLoader {9C38ED61-D565-4728-AEEE-C80952F0ECDE} ([MS-VDS] 1.9, vds.h).
inline constexpr CLSID kClsidVdsLoader = {
    0x9c38ed61, 0xd565, 0x4728, {0xae, 0xee, 0xc8, 0x09, 0x52, 0xf0, 0xec, 0xde}};

}  // namespace lun::vds
