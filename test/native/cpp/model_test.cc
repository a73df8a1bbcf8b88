// The raw, VDS-shaped model layer without N-API and without the seed's checks: what a COM wrapper (the
// Windows test VDS service) sees. Built and run by test/native/cpp-model.test.ts; prints one line per check,
// exits 1 on the first failure.
#include "../../../native/src/sim/model.h"

#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>

#include "../../../native/src/hresult_table.h"
#include "check.h"

using namespace lun;
using namespace lun::sim;

namespace {

constexpr uint64_t kGiB = 1024ULL * 1024 * 1024;

Fault Make(FaultKind kind) {
  Fault f;
  f.kind = kind;
  return f;
}

State MakeState(std::vector<Fault> faults, uint64_t rate) {
  Subsystem s;
  s.id = "sub";
  s.name = "Array";
  s.supportedTypes = {LunType::kSimple, LunType::kMirror, LunType::kStripe};
  s.stripeSizes = {65536};
  s.initRateBytesPerSec = rate;
  for (int i = 0; i < 4; ++i) {
    Drive d;
    d.id = "d" + std::to_string(i);
    d.name = "Bay " + std::to_string(i);
    d.sizeBytes = 8 * kGiB;
    d.slot = i;
    s.drives.push_back(d);
  }
  s.faults = std::move(faults);
  State st;
  st.subsystems.push_back(s);
  return st;
}

std::shared_ptr<Model> MakeModel(std::vector<Fault> faults = {}, uint64_t rate = 1ULL << 50) {
  std::shared_ptr<Model> model;
  CHECK(Model::Create(MakeState(std::move(faults), rate), &model).ok());
  return model;
}

CreateLunArgs Args(LunType type, std::vector<std::string> drives, uint64_t size) {
  CreateLunArgs a;
  a.subsystemId = "sub";
  a.type = type;
  a.driveIds = std::move(drives);
  a.sizeBytes = size;
  return a;
}

void ErrantNullAsyncHandsBackNoJobWithSOk() {
  auto model = MakeModel({Make(FaultKind::kErrantNullAsync)});
  std::shared_ptr<CreateLunJob> job;
  Outcome o = model->CreateLun(Args(LunType::kSimple, {"d0"}, kGiB), &job);
  CHECK(o.hr == hr::kOk);
  CHECK(job == nullptr);
  std::vector<DriveInfo> drives;
  CHECK(model->QueryDrives("sub", &drives).ok());
  CHECK(drives[0].freeBytes == drives[0].sizeBytes);
}

void WrongOutputTypeAndNullLunReachTheConsumer() {
  for (FaultKind kind : {FaultKind::kWrongOutputType, FaultKind::kNullLun}) {
    auto model = MakeModel({Make(kind)});
    std::shared_ptr<CreateLunJob> job;
    CHECK(model->CreateLun(Args(LunType::kSimple, {"d0"}, kGiB), &job).ok());
    HResult opHr = hr::kFail;
    AsyncOutput out;
    CHECK(job->Wait(&opHr, &out) == hr::kOk);
    CHECK(opHr == hr::kOk);
    if (kind == FaultKind::kWrongOutputType) {
      CHECK(out.type != kAsyncOutCreateLun);
    } else {
      CHECK(out.type == kAsyncOutCreateLun);
      CHECK(out.lunId.empty());
    }
    std::vector<LunInfo> luns;
    CHECK(model->QueryLuns("sub", &luns).ok());
    CHECK(luns.empty());
  }
}

void QueryStatusIsPendingThenFinal() {
  auto model = MakeModel({}, 4 * kGiB);  // 1 GiB takes 250 ms
  std::shared_ptr<CreateLunJob> job;
  CHECK(model->CreateLun(Args(LunType::kMirror, {"d0", "d1"}, kGiB), &job).ok());
  HResult opHr = hr::kOk;
  uint32_t percent = 100;
  uint64_t bytes = 0;
  CHECK(job->QueryStatus(&opHr, &percent, &bytes) == hr::kOk);
  CHECK(opHr == hr::kVdsOperationPending);
  CHECK(percent <= 99);
  AsyncOutput out;
  CHECK(job->Wait(&opHr, &out) == hr::kOk);
  CHECK(opHr == hr::kOk && out.type == kAsyncOutCreateLun && out.lunId == job->lunId());
  CHECK(job->QueryStatus(&opHr, &percent, &bytes) == hr::kOk);
  CHECK(opHr == hr::kOk && percent == 100 && bytes == kGiB);
  CHECK(job->Cancel() == hr::kVdsCancelTooLate);
  LunInfo lun;
  CHECK(model->GetLun(job->lunId(), &lun).ok());
  CHECK(lun.sizeBytes == kGiB && lun.driveIds.size() == 2);
}

void CancelFromAnotherThreadWakesWait() {
  auto model = MakeModel({Make(FaultKind::kHang)});
  std::shared_ptr<CreateLunJob> job;
  CHECK(model->CreateLun(Args(LunType::kSimple, {"d2"}, kGiB), &job).ok());
  std::thread canceler([job] {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    job->Cancel();
  });
  HResult opHr = hr::kOk;
  AsyncOutput out;
  CHECK(job->Wait(&opHr, &out) == hr::kOk);
  canceler.join();
  CHECK(opHr == hr::kVdsOperationCanceled);
  CHECK(job->Cancel() == hr::kVdsOperationCanceled);
  uint64_t max = 0;
  MaxSizeArgs args = Args(LunType::kSimple, {"d2"}, 0);
  CHECK(model->QueryMaxLunCreateSize(args, &max).ok());
  CHECK(max == 8 * kGiB);
}

void AJobNobodyWatchesStillCommits() {
  auto model = MakeModel();
  {
    std::shared_ptr<CreateLunJob> job;
    CHECK(model->CreateLun(Args(LunType::kSimple, {"d3"}, kGiB), &job).ok());
  }  // handle dropped at once, as a client that crashed
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  std::vector<LunInfo> luns;
  CHECK(model->QueryLuns("sub", &luns).ok());
  CHECK(luns.size() == 1);
}

void EveryTableEntryIsDescribedByItself() {
  for (const auto& e : HResultTable()) {
    CHECK(DescribeHResult(Hr(e.hresult)).code == e.code);
  }
  CHECK(DescribeHResult(Hr(0x80041234)).code == "HRESULT_0x80041234");
  CHECK(FormatHResult(hr::kVdsNotEnoughSpace) == "0x8004240F");
}

}  // namespace

int main() {
  ErrantNullAsyncHandsBackNoJobWithSOk();
  WrongOutputTypeAndNullLunReachTheConsumer();
  QueryStatusIsPendingThenFinal();
  CancelFromAnotherThreadWakesWait();
  AJobNobodyWatchesStillCommits();
  EveryTableEntryIsDescribedByItself();
  std::printf("ok %d checks\n", CheckCount());
  return 0;
}
