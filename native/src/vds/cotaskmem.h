// RAII for memory that VDS allocates for the caller: every LPWSTR inside a VDS_*_PROP struct and every array
// a Query* method returns is freed with CoTaskMemFree, on every path.
#pragma once

#include <initializer_list>

#include "vds_api.h"

namespace lun::vds {

inline void FreeVdsString(LPWSTR* s) {
  if (*s) CoTaskMemFree(*s);
  *s = nullptr;
}

inline void FreeStrings(VDS_SUB_SYSTEM_PROP* p) {
  FreeVdsString(&p->pwszFriendlyName);
  FreeVdsString(&p->pwszIdentification);
}
inline void FreeStrings(VDS_SUB_SYSTEM_PROP2* p) {
  FreeVdsString(&p->pwszFriendlyName);
  FreeVdsString(&p->pwszIdentification);
}
inline void FreeStrings(VDS_DRIVE_PROP* p) {
  FreeVdsString(&p->pwszFriendlyName);
  FreeVdsString(&p->pwszIdentification);
}
inline void FreeStrings(VDS_LUN_PROP* p) {
  FreeVdsString(&p->pwszFriendlyName);
  FreeVdsString(&p->pwszIdentification);
  FreeVdsString(&p->pwszUnmaskingList);
}
inline void FreeStrings(VDS_PROVIDER_PROP* p) {
  FreeVdsString(&p->pwszName);
  FreeVdsString(&p->pwszVersion);
}

// GetIdentificationData's output: the four strings, each identifier's bytes and then the identifier array,
// each interconnect's port and address and then the interconnect array ([MS-VDS] 3.4.5.2.23.3).
inline void FreeStrings(VDS_LUN_INFORMATION* p) {
  for (char** s : {&p->m_szVendorId, &p->m_szProductId, &p->m_szProductRevision, &p->m_szSerialNumber}) {
    if (*s) CoTaskMemFree(*s);
    *s = nullptr;
  }
  VDS_STORAGE_DEVICE_ID_DESCRIPTOR& ids = p->m_deviceIdDescriptor;
  if (ids.m_rgIdentifiers) {
    for (ULONG i = 0; i < ids.m_cIdentifiers; ++i) {
      if (ids.m_rgIdentifiers[i].m_rgbIdentifier) CoTaskMemFree(ids.m_rgIdentifiers[i].m_rgbIdentifier);
    }
    CoTaskMemFree(ids.m_rgIdentifiers);
  }
  ids.m_rgIdentifiers = nullptr;
  ids.m_cIdentifiers = 0;
  if (p->m_rgInterconnects) {
    for (ULONG i = 0; i < p->m_cInterconnects; ++i) {
      if (p->m_rgInterconnects[i].m_pbPort) CoTaskMemFree(p->m_rgInterconnects[i].m_pbPort);
      if (p->m_rgInterconnects[i].m_pbAddress) CoTaskMemFree(p->m_rgInterconnects[i].m_pbAddress);
    }
    CoTaskMemFree(p->m_rgInterconnects);
  }
  p->m_rgInterconnects = nullptr;
  p->m_cInterconnects = 0;
}

// A zero-initialised VDS_*_PROP (or VDS_LUN_INFORMATION) whose strings and arrays are freed when it goes out
// of scope.
template <typename Prop>
class ScopedProp {
 public:
  ScopedProp() : prop_{} {}
  ScopedProp(const ScopedProp&) = delete;
  ScopedProp& operator=(const ScopedProp&) = delete;
  ~ScopedProp() { FreeStrings(&prop_); }
  Prop* Out() {
    FreeStrings(&prop_);
    prop_ = Prop{};
    return &prop_;
  }
  const Prop& operator*() const { return prop_; }
  const Prop* operator->() const { return &prop_; }

 private:
  Prop prop_;
};

// An array a Query* method allocated with CoTaskMemAlloc.
template <typename T>
class CoTaskArray {
 public:
  CoTaskArray() = default;
  CoTaskArray(const CoTaskArray&) = delete;
  CoTaskArray& operator=(const CoTaskArray&) = delete;
  ~CoTaskArray() {
    if (data_) CoTaskMemFree(data_);
  }
  T** Out() { return &data_; }
  LONG* CountOut() { return &count_; }
  const T* begin() const { return data_; }
  const T* end() const { return data_ ? data_ + (count_ > 0 ? count_ : 0) : data_; }

 private:
  T* data_ = nullptr;
  LONG count_ = 0;
};

}  // namespace lun::vds
