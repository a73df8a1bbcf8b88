#include "lun_information.h"

#include <cstring>
#include <string>

#include "../../../native/src/vds/cotaskmem.h"
#include "allocation_spy.h"

namespace testvds {

namespace {

char* CoTaskAnsi(const std::string& s) {
  auto* out = static_cast<char*>(CoTaskMemAlloc(s.size() + 1));
  if (out) std::memcpy(out, s.c_str(), s.size() + 1);
  return out;
}

}  // namespace

HRESULT FillLunInformation(const lun::LunIdentification& identification, VDS_LUN_INFORMATION* out) {
  *out = VDS_LUN_INFORMATION{};
  out->m_version = VER_VDS_LUN_INFORMATION;
  out->m_szVendorId = CoTaskAnsi(identification.vendorId);
  out->m_szProductId = CoTaskAnsi(identification.productId);
  out->m_szProductRevision = CoTaskAnsi(identification.productRevision);
  out->m_szSerialNumber = CoTaskAnsi(identification.serialNumber);
  bool complete =
      out->m_szVendorId && out->m_szProductId && out->m_szProductRevision && out->m_szSerialNumber;
  VDS_STORAGE_DEVICE_ID_DESCRIPTOR& ids = out->m_deviceIdDescriptor;
  ids.m_version = 1;
  const size_t count = identification.identifiers.size();
  if (complete && count > 0) {
    ids.m_rgIdentifiers =
        static_cast<VDS_STORAGE_IDENTIFIER*>(CoTaskMemAlloc(sizeof(VDS_STORAGE_IDENTIFIER) * count));
    complete = ids.m_rgIdentifiers != nullptr;
    if (complete) {
      std::memset(ids.m_rgIdentifiers, 0, sizeof(VDS_STORAGE_IDENTIFIER) * count);
      ids.m_cIdentifiers = static_cast<ULONG>(count);
    }
  }
  for (size_t i = 0; complete && i < count; ++i) {
    const lun::StorageIdentifier& from = identification.identifiers[i];
    VDS_STORAGE_IDENTIFIER& to = ids.m_rgIdentifiers[i];
    to.m_CodeSet = static_cast<VDS_STORAGE_IDENTIFIER_CODE_SET>(from.codeSet);
    to.m_Type = static_cast<VDS_STORAGE_IDENTIFIER_TYPE>(from.type);
    to.m_cbIdentifier = static_cast<ULONG>(from.value.size());
    to.m_rgbIdentifier = static_cast<BYTE*>(CoTaskMemAlloc(from.value.empty() ? 1 : from.value.size()));
    if (!to.m_rgbIdentifier) {
      complete = false;
      break;
    }
    if (!from.value.empty()) std::memcpy(to.m_rgbIdentifier, from.value.data(), from.value.size());
  }
  if (!complete) {
    lun::vds::FreeStrings(out);
    return E_OUTOFMEMORY;
  }
  for (const void* p :
       {static_cast<const void*>(out->m_szVendorId), static_cast<const void*>(out->m_szProductId),
        static_cast<const void*>(out->m_szProductRevision), static_cast<const void*>(out->m_szSerialNumber),
        static_cast<const void*>(ids.m_rgIdentifiers)})
    TrackClientAllocation(p);
  for (size_t i = 0; i < count; ++i) TrackClientAllocation(ids.m_rgIdentifiers[i].m_rgbIdentifier);
  return S_OK;
}

}  // namespace testvds
