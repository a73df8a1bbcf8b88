// Minimal COM object base for the test VDS service: reference counting, QueryInterface over the listed
// interfaces, and a process-wide live-object counter (liveObjects() in JS) that proves the client released
// every object it was handed.
#pragma once

#include <atomic>
#include <mutex>
#include <tuple>
#include <vector>

#include "../../../native/src/vds/vds_api.h"

namespace testvds {

std::atomic<long>& LiveObjects();
void CountCall();  // service_state.h

template <typename... Interfaces>
class ComObject : public Interfaces... {
 public:
  ComObject() { ++LiveObjects(); }
  virtual ~ComObject() { --LiveObjects(); }
  ComObject(const ComObject&) = delete;
  ComObject& operator=(const ComObject&) = delete;

  HRESULT STDMETHODCALLTYPE QueryInterface(REFIID riid, void** out) override {
    if (!out) return E_POINTER;
    *out = nullptr;
    if (riid == __uuidof(IUnknown)) {
      *out = static_cast<IUnknown*>(static_cast<std::tuple_element_t<0, std::tuple<Interfaces...>>*>(this));
    } else {
      ((riid == __uuidof(Interfaces) && (*out = static_cast<Interfaces*>(this))) || ...);
      if (*out) CountFirstQuery(riid);
    }
    if (!*out) return E_NOINTERFACE;
    AddRef();
    return S_OK;
  }
  ULONG STDMETHODCALLTYPE AddRef() override { return ++refs_; }
  ULONG STDMETHODCALLTYPE Release() override {
    ULONG left = --refs_;
    if (left == 0) delete this;
    return left;
  }

  // A new reference to this object as interface I (the creator's initial reference is handed over).
  template <typename I>
  I* As() {
    return static_cast<I*>(this);
  }

 private:
  // A VDS interface asked of this object for the first time: across processes that is one RemQueryInterface
  // round trip (later QIs for it are answered by the client's proxy; the stub's own QI for the same
  // interface while marshaling it is not another trip). Conservative: an object handed out as an [out]
  // interface counts one QI here although it travelled in the reply.
  void CountFirstQuery(REFIID riid) {
    std::lock_guard<std::mutex> lock(queriedMu_);
    for (const IID& seen : queried_) {
      if (seen == riid) return;
    }
    queried_.push_back(riid);
    CountCall();
  }

  std::atomic<ULONG> refs_{1};
  std::mutex queriedMu_;
  std::vector<IID> queried_;
};

}  // namespace testvds
