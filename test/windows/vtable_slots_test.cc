// Checks every method of native/src/vds/vds_api_mingw.h against its vtable slot and every IID against its
// GUID, both from [MS-VDS] (slot = opnum; IUnknown takes 0-2) and the Windows SDK metadata — never from the
// alphabetical reference pages. Built with mingw-w64 (Itanium C++ ABI: a pointer to a virtual member
// function holds 1 + the slot's byte offset) and run under Wine by scripts/windows/test-windows.sh.
#include <cstdio>
#include <cstring>
#include <string>

#include "../../native/src/vds/vds_api.h"

namespace {

int passed = 0;
int failed = 0;

template <typename Method>
long SlotOf(Method method) {
  static_assert(sizeof(Method) == 2 * sizeof(void*), "Itanium pointer to member function");
  uintptr_t raw[2];
  std::memcpy(raw, &method, sizeof(raw));
  if ((raw[0] & 1) == 0) return -1;  // not virtual
  return static_cast<long>((raw[0] - 1) / sizeof(void*));
}

template <typename Method>
void ExpectSlot(const char* name, Method method, long expected) {
  long actual = SlotOf(method);
  if (actual == expected) {
    ++passed;
  } else {
    ++failed;
    std::printf("FAIL %s: slot %ld, expected %ld\n", name, actual, expected);
  }
}

void ExpectGuid(const char* name, const GUID& guid, const char* expected) {
  char text[64];
  std::snprintf(text, sizeof(text), "%08lx-%04x-%04x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                static_cast<unsigned long>(guid.Data1), guid.Data2, guid.Data3, guid.Data4[0], guid.Data4[1],
                guid.Data4[2], guid.Data4[3], guid.Data4[4], guid.Data4[5], guid.Data4[6], guid.Data4[7]);
  if (std::strcmp(text, expected) == 0) {
    ++passed;
  } else {
    ++failed;
    std::printf("FAIL %s: %s, expected %s\n", name, text, expected);
  }
}

#define SLOT(Interface, Method, expected) ExpectSlot(#Interface "::" #Method, &Interface::Method, expected)

}  // namespace

int main() {
  ExpectSlot("IUnknown::QueryInterface",
             static_cast<HRESULT (STDMETHODCALLTYPE IUnknown::*)(REFIID, void**)>(&IUnknown::QueryInterface),
             0);
  SLOT(IUnknown, AddRef, 1);
  SLOT(IUnknown, Release, 2);

  SLOT(IVdsServiceLoader, LoadService, 3);

  SLOT(IVdsService, IsServiceReady, 3);
  SLOT(IVdsService, WaitForServiceReady, 4);
  SLOT(IVdsService, GetProperties, 5);
  SLOT(IVdsService, QueryProviders, 6);
  SLOT(IVdsService, QueryMaskedDisks, 7);
  SLOT(IVdsService, QueryUnallocatedDisks, 8);
  SLOT(IVdsService, GetObject, 9);
  SLOT(IVdsService, QueryDriveLetters, 10);
  SLOT(IVdsService, QueryFileSystemTypes, 11);
  SLOT(IVdsService, Reenumerate, 12);
  SLOT(IVdsService, Refresh, 13);
  SLOT(IVdsService, CleanupObsoleteMountPoints, 14);
  SLOT(IVdsService, Advise, 15);
  SLOT(IVdsService, Unadvise, 16);
  SLOT(IVdsService, Reboot, 17);
  SLOT(IVdsService, SetFlags, 18);
  SLOT(IVdsService, ClearFlags, 19);

  SLOT(IEnumVdsObject, Next, 3);
  SLOT(IEnumVdsObject, Skip, 4);
  SLOT(IEnumVdsObject, Reset, 5);
  SLOT(IEnumVdsObject, Clone, 6);

  SLOT(IVdsProvider, GetProperties, 3);

  SLOT(IVdsHwProvider, QuerySubSystems, 3);
  SLOT(IVdsHwProvider, Reenumerate, 4);
  SLOT(IVdsHwProvider, Refresh, 5);

  // Given in WINDOWS-ON-LINUX.md, checked against the metadata.
  SLOT(IVdsAsync, Cancel, 3);
  SLOT(IVdsAsync, Wait, 4);
  SLOT(IVdsAsync, QueryStatus, 5);

  SLOT(IVdsSubSystem, GetProperties, 3);
  SLOT(IVdsSubSystem, GetProvider, 4);
  SLOT(IVdsSubSystem, QueryControllers, 5);
  SLOT(IVdsSubSystem, QueryLuns, 6);
  SLOT(IVdsSubSystem, QueryDrives, 7);
  SLOT(IVdsSubSystem, GetDrive, 8);
  SLOT(IVdsSubSystem, Reenumerate, 9);
  SLOT(IVdsSubSystem, SetControllerStatus, 10);
  SLOT(IVdsSubSystem, CreateLun, 11);
  SLOT(IVdsSubSystem, ReplaceDrive, 12);
  SLOT(IVdsSubSystem, SetStatus, 13);
  SLOT(IVdsSubSystem, QueryMaxLunCreateSize, 14);

  SLOT(IVdsSubSystem2, GetProperties2, 3);
  SLOT(IVdsSubSystem2, GetDrive2, 4);
  SLOT(IVdsSubSystem2, CreateLun2, 5);
  SLOT(IVdsSubSystem2, QueryMaxLunCreateSize2, 6);

  SLOT(IVdsDrive, GetProperties, 3);
  SLOT(IVdsDrive, GetSubSystem, 4);
  SLOT(IVdsDrive, QueryExtents, 5);
  SLOT(IVdsDrive, SetFlags, 6);
  SLOT(IVdsDrive, ClearFlags, 7);
  SLOT(IVdsDrive, SetStatus, 8);

  SLOT(IVdsLun, GetProperties, 3);
  SLOT(IVdsLun, GetSubSystem, 4);
  SLOT(IVdsLun, GetIdentificationData, 5);
  SLOT(IVdsLun, QueryActiveControllers, 6);
  SLOT(IVdsLun, Extend, 7);
  SLOT(IVdsLun, Shrink, 8);
  SLOT(IVdsLun, QueryPlexes, 9);
  SLOT(IVdsLun, AddPlex, 10);
  SLOT(IVdsLun, RemovePlex, 11);
  SLOT(IVdsLun, Recover, 12);
  SLOT(IVdsLun, SetMask, 13);
  SLOT(IVdsLun, Delete, 14);
  SLOT(IVdsLun, AssociateControllers, 15);
  SLOT(IVdsLun, QueryHints, 16);
  SLOT(IVdsLun, ApplyHints, 17);
  SLOT(IVdsLun, SetStatus, 18);
  SLOT(IVdsLun, QueryMaxLunExtendSize, 19);

  // VDS-NOTES.md "After creation": StartMaintenance 3, StopMaintenance 4, PulseMaintenance 5.
  SLOT(IVdsMaintenance, StartMaintenance, 3);
  SLOT(IVdsMaintenance, StopMaintenance, 4);
  SLOT(IVdsMaintenance, PulseMaintenance, 5);

  ExpectGuid("CLSID_VdsLoader", lun::vds::kClsidVdsLoader, "9c38ed61-d565-4728-aeee-c80952f0ecde");
  ExpectGuid("IID_IVdsServiceLoader", __uuidof(IVdsServiceLoader), "e0393303-90d4-4a97-ab71-e9b671ee2729");
  ExpectGuid("IID_IVdsService", __uuidof(IVdsService), "0818a8ef-9ba9-40d8-a6f9-e22833cc771e");
  ExpectGuid("IID_IEnumVdsObject", __uuidof(IEnumVdsObject), "118610b7-8d94-4030-b5b8-500889788e4e");
  ExpectGuid("IID_IVdsProvider", __uuidof(IVdsProvider), "10c5e575-7984-4e81-a56b-431f5f92ae42");
  ExpectGuid("IID_IVdsHwProvider", __uuidof(IVdsHwProvider), "d99bdaae-b13a-4178-9fdb-e27f16b4603e");
  ExpectGuid("IID_IVdsAsync", __uuidof(IVdsAsync), "d5d23b6d-5a55-4492-9889-397a3c2d2dbc");
  ExpectGuid("IID_IVdsSubSystem", __uuidof(IVdsSubSystem), "6fcee2d3-6d90-4f91-80e2-a5c7caaca9d8");
  ExpectGuid("IID_IVdsSubSystem2", __uuidof(IVdsSubSystem2), "be666735-7800-4a77-9d9c-40f85b87e292");
  ExpectGuid("IID_IVdsDrive", __uuidof(IVdsDrive), "ff24efa4-aade-4b6b-898b-eaa6a20887c7");
  ExpectGuid("IID_IVdsLun", __uuidof(IVdsLun), "3540a9c7-e60f-4111-a840-8bba6c2c83d8");
  ExpectGuid("IID_IVdsMaintenance", __uuidof(IVdsMaintenance), "daebeef3-8523-47ed-a2b9-05cecce2a1ae");

  std::printf("vtable: %d passed, %d failed\n", passed, failed);
  return failed == 0 ? 0 : 1;
}
