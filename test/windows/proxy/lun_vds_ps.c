/* The proxy/stub DLL of native/src/vds/lun_vds.idl, for the cross-process test leg only (never shipped: on
 * Windows, vds.exe's own proxies marshal these interfaces). widl's fully interpreted (-Oif) output refers to
 * rpcrt4's IUnknown proxies without declaring them. Built and registered (regsvr32) by scripts/windows. */
#include <objbase.h>

HRESULT STDMETHODCALLTYPE IUnknown_QueryInterface_Proxy(IUnknown *This, REFIID riid, void **ppvObject);
ULONG STDMETHODCALLTYPE IUnknown_AddRef_Proxy(IUnknown *This);
ULONG STDMETHODCALLTYPE IUnknown_Release_Proxy(IUnknown *This);

#include "lun_vds_p.c"
