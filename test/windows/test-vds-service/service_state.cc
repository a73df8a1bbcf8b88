#include "service_state.h"

#include <atomic>
#include <chrono>
#include <cstring>
#include <thread>

#include "../../../native/src/vds/vds_convert.h"
#include "allocation_spy.h"

namespace testvds {

namespace {
std::mutex mutex;
ServiceConfig current;
std::map<std::string, std::string> simIdByVdsId;  // GuidToString(vds id) -> sim id
std::atomic<uint64_t> calls{0};
std::atomic<uint64_t> subsystemEpoch{0};
std::atomic<int64_t> stallUntilMs{0};  // steady_clock milliseconds

int64_t NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}
}  // namespace

void CountCall() { ++calls; }
void ExpireSubsystems() { ++subsystemEpoch; }
uint64_t SubsystemEpoch() { return subsystemEpoch.load(); }
uint64_t Calls() { return calls.load(); }
void ResetCalls() { calls = 0; }

void StallQueryStatusFor(uint32_t ms) { stallUntilMs = NowMs() + ms; }

void WaitOutQueryStatusStall() {
  const int64_t until = stallUntilMs.load();
  const int64_t now = NowMs();
  if (until > now) std::this_thread::sleep_for(std::chrono::milliseconds(until - now));
}

void SetConfig(ServiceConfig config) {
  std::lock_guard<std::mutex> lock(mutex);
  current = std::move(config);
}

ServiceConfig GetConfig() {
  std::lock_guard<std::mutex> lock(mutex);
  return current;
}

GUID ToVdsId(const std::string& simId) {
  GUID id;
  if (!lun::vds::ParseGuid(simId, &id)) {
    uint64_t h1 = 1469598103934665603ULL, h2 = 1099511628211ULL;  // two FNV-1a style hashes
    for (unsigned char c : simId) {
      h1 = (h1 ^ c) * 1099511628211ULL;
      h2 = (h2 ^ c) * 14029467366897019727ULL;
    }
    std::memcpy(&id, &h1, 8);
    std::memcpy(reinterpret_cast<char*>(&id) + 8, &h2, 8);
  }
  std::lock_guard<std::mutex> lock(mutex);
  simIdByVdsId[lun::vds::GuidToString(id)] = simId;
  return id;
}

std::string FromVdsId(const GUID& id) {
  std::string key = lun::vds::GuidToString(id);
  std::lock_guard<std::mutex> lock(mutex);
  auto found = simIdByVdsId.find(key);
  return found == simIdByVdsId.end() ? key : found->second;
}

LPWSTR CoTaskString(const std::string& utf8) {
  std::wstring wide = lun::vds::Utf8ToWide(utf8);
  auto* out = static_cast<LPWSTR>(CoTaskMemAlloc((wide.size() + 1) * sizeof(wchar_t)));
  if (!out) return nullptr;
  std::memcpy(out, wide.c_str(), (wide.size() + 1) * sizeof(wchar_t));
  TrackClientAllocation(out);
  return out;
}

}  // namespace testvds
