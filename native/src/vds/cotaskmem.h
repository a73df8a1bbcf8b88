// RAII for memory that VDS allocates for the caller: every LPWSTR inside a VDS_*_PROP struct and every array
// a Query* method returns is freed with CoTaskMemFree, on every path.
#pragma once

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

// A zero-initialised VDS_*_PROP whose strings are freed when it goes out of scope.
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
