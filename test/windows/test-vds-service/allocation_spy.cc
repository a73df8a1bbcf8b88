#include "allocation_spy.h"

#include <mutex>
#include <set>

namespace testvds {

namespace {

std::mutex mu;
bool tracking = false;
uint64_t handedOut = 0;
std::set<const void*> outstanding;

class Spy : public IMallocSpy {
 public:
  HRESULT STDMETHODCALLTYPE QueryInterface(REFIID riid, void** out) override {
    if (!out) return E_POINTER;
    if (riid == IID_IUnknown || riid == IID_IMallocSpy) {
      *out = static_cast<IMallocSpy*>(this);
      return S_OK;
    }
    *out = nullptr;
    return E_NOINTERFACE;
  }
  ULONG STDMETHODCALLTYPE AddRef() override { return 2; }  // static lifetime
  ULONG STDMETHODCALLTYPE Release() override { return 1; }

  SIZE_T STDMETHODCALLTYPE PreAlloc(SIZE_T cbRequest) override { return cbRequest; }
  void* STDMETHODCALLTYPE PostAlloc(void* pActual) override { return pActual; }
  void* STDMETHODCALLTYPE PreFree(void* pRequest, BOOL) override {
    std::lock_guard<std::mutex> lock(mu);
    outstanding.erase(pRequest);
    return pRequest;
  }
  void STDMETHODCALLTYPE PostFree(BOOL) override {}
  SIZE_T STDMETHODCALLTYPE PreRealloc(void* pRequest, SIZE_T cbRequest, void** ppNewRequest, BOOL) override {
    *ppNewRequest = pRequest;
    return cbRequest;
  }
  void* STDMETHODCALLTYPE PostRealloc(void* pActual, BOOL) override { return pActual; }
  void* STDMETHODCALLTYPE PreGetSize(void* pRequest, BOOL) override { return pRequest; }
  SIZE_T STDMETHODCALLTYPE PostGetSize(SIZE_T cbActual, BOOL) override { return cbActual; }
  void* STDMETHODCALLTYPE PreDidAlloc(void* pRequest, BOOL) override { return pRequest; }
  int STDMETHODCALLTYPE PostDidAlloc(void*, BOOL, int fActual) override { return fActual; }
  void STDMETHODCALLTYPE PreHeapMinimize() override {}
  void STDMETHODCALLTYPE PostHeapMinimize() override {}
};

Spy spy;

}  // namespace

void TrackClientAllocation(const void* p) {
  if (!p) return;
  std::lock_guard<std::mutex> lock(mu);
  if (!tracking) return;
  ++handedOut;
  outstanding.insert(p);
}

HRESULT StartAllocationTracking() {
  {
    std::lock_guard<std::mutex> lock(mu);
    handedOut = 0;
    outstanding.clear();
    tracking = true;
  }
  HRESULT hr = CoRegisterMallocSpy(&spy);
  if (hr == CO_E_OBJISREG) hr = S_OK;  // still registered from an earlier window: it sees every free
  if (FAILED(hr)) {
    std::lock_guard<std::mutex> lock(mu);
    tracking = false;
  }
  return hr;
}

AllocationCount StopAllocationTracking() {
  AllocationCount count;
  {
    std::lock_guard<std::mutex> lock(mu);
    tracking = false;
    count.handedOut = handedOut;
    count.notFreed = outstanding.size();
    outstanding.clear();
  }
  CoRevokeMallocSpy();  // deferred by COM while blocks allocated under the spy are alive
  return count;
}

}  // namespace testvds
