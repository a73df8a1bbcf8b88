// Drives and repairs on the raw model layer (what the Windows test VDS service wraps in COM): a failing drive
// by LUN type, ReplaceDrive, Recover as a raw job (output RECOVERLUN 56, progress, cancel, faults), hot
// spares, automatic takeover, identify, QueryExtents and identification data. Built and run by
// test/native/cpp-model.test.ts.
#include <chrono>
#include <cstdio>
#include <map>
#include <string>
#include <thread>

#include "../../../native/src/hresult_table.h"
#include "../../../native/src/sim/model.h"
#include "check.h"

using namespace lun;
using namespace lun::sim;

namespace {

constexpr uint64_t kGiB = 1024ULL * 1024 * 1024;

Lun Mirror(const std::string& id, std::vector<std::string> drives, uint64_t size) {
  Lun l;
  l.id = id;
  l.name = id;
  l.type = LunType::kMirror;
  l.sizeBytes = size;
  for (const auto& d : drives) l.extents.push_back({d, 0, size});
  return l;
}

// d0–d4 (8 GiB), d5 a 4 GiB hot spare.
std::shared_ptr<Model> MakeModel(std::vector<Lun> luns, std::vector<Fault> faults = {},
                                 uint64_t rate = 64 * kGiB, bool automatic = false) {
  Subsystem s;
  s.id = "sub";
  s.name = "Array";
  s.supportedTypes = {LunType::kSimple, LunType::kMirror, LunType::kStripe};
  s.stripeSizes = {65536};
  s.initRateBytesPerSec = rate;
  s.automaticHotSpare = automatic;
  for (int i = 0; i < 6; ++i) {
    Drive d;
    d.id = "d" + std::to_string(i);
    d.name = "Bay " + std::to_string(i);
    d.sizeBytes = i == 5 ? 4 * kGiB : 8 * kGiB;
    d.slot = 5 - i;  // reverse slots: QueryExtents must sort
    d.hotSpare = i == 5;
    s.drives.push_back(d);
  }
  s.faults = std::move(faults);
  s.luns = std::move(luns);
  State st;
  st.subsystems.push_back(s);
  std::shared_ptr<Model> model;
  const Outcome created = Model::Create(st, &model);
  if (!created.ok()) std::fprintf(stderr, "%s\n", created.detail.c_str());
  CHECK(created.ok());
  return model;
}

LunInfo Read(const std::shared_ptr<Model>& model, const std::string& id) {
  LunInfo info;
  CHECK(model->GetLun(id, &info).ok());
  return info;
}

DriveInfo DriveOf(const std::shared_ptr<Model>& model, const std::string& id) {
  std::vector<DriveInfo> drives;
  CHECK(model->QueryDrives("sub", &drives).ok());
  for (const auto& d : drives) {
    if (d.id == id) return d;
  }
  CHECK(false);
  return {};
}

RecoverLunArgs Recover(const std::string& id) {
  RecoverLunArgs a;
  a.lunId = id;
  return a;
}

void AFailedDriveDegradesAMirrorAndFailsASimpleLun() {
  Lun simple = Mirror("s", {"d2"}, kGiB);
  simple.type = LunType::kSimple;
  auto model = MakeModel({Mirror("m", {"d0", "d1"}, kGiB), simple});
  CHECK(model->SetDriveFailed("d1", true).ok());
  CHECK(model->SetDriveFailed("d2", true).ok());
  CHECK(Read(model, "m").status == kStatusOnline && Read(model, "m").health == kHealthDegraded);
  CHECK(Read(model, "s").status == kStatusFailed && Read(model, "s").health == kHealthFailed);
  CHECK(DriveOf(model, "d1").status == kStatusFailed);
  CHECK(model->SetDriveFailed("nope", true).hr == hr::kVdsObjectNotFound);
}

void ReplaceThenRecoverAsARawJob() {
  auto model = MakeModel({Mirror("m", {"d0", "d1"}, 6 * kGiB)}, {}, 16 * kGiB);
  CHECK(model->SetDriveFailed("d1", true).ok());
  std::shared_ptr<CreateLunJob> job;
  CHECK(model->RecoverLun(Recover("m"), &job).hr == hr::kVdsOperationDenied);  // replace d1 first
  std::vector<std::string> toRecover;
  CHECK(model->ReplaceDrive("d1", "d1", &toRecover).hr == hr::kInvalidArg);
  CHECK(model->ReplaceDrive("d1", "d5", &toRecover).hr == hr::kVdsNotEnoughSpace);  // a 4 GiB spare
  CHECK(model->ReplaceDrive("d1", "d3", &toRecover).ok());
  CHECK(toRecover == std::vector<std::string>{"m"});
  CHECK(Read(model, "m").driveIds == (std::vector<std::string>{"d0", "d3"}));
  CHECK(Read(model, "m").health == kHealthDegraded);
  CHECK(DriveOf(model, "d1").freeBytes == 8 * kGiB && DriveOf(model, "d1").status == kStatusFailed);
  CHECK(DriveOf(model, "d3").freeBytes == 2 * kGiB);

  CHECK(model->RecoverLun(Recover("m"), &job).ok());
  CHECK(job != nullptr);
  CHECK(job->bytesToWrite() == 6 * kGiB);
  CHECK(Read(model, "m").health == kHealthRebuilding);
  HResult opHr = hr::kOk;
  uint32_t percent = 0;
  CHECK(job->QueryStatus(&opHr, &percent) == hr::kOk && opHr == hr::kVdsOperationPending);
  AsyncOutput out;
  CHECK(job->Wait(&opHr, &out) == hr::kOk);
  CHECK(opHr == hr::kOk);
  CHECK(out.type == kAsyncOutRecoverLun);
  CHECK(Read(model, "m").health == kHealthHealthy);
  CHECK(model->RecoverLun(Recover("m"), &job).hr == hr::kVdsOperationDenied);  // nothing to recover
}

void ARecoveryCanBeCanceledAndFaultsApply() {
  auto model = MakeModel({Mirror("m", {"d0", "d1"}, kGiB)}, {}, kGiB / 4);
  CHECK(model->SetDriveFailed("d1", true).ok());
  CHECK(model->SetDriveFailed("d1", false).ok());  // restored: still stale
  CHECK(Read(model, "m").health == kHealthDegraded);
  std::shared_ptr<CreateLunJob> job;
  CHECK(model->RecoverLun(Recover("m"), &job).ok());
  Outcome busy = model->SetLunMask("m", "*");
  CHECK(busy.hr == hr::kVdsDeviceInUse && busy.detail.find("a recovery") != std::string::npos);
  CHECK(job->Cancel() == hr::kOk);
  HResult opHr = hr::kOk;
  AsyncOutput out;
  CHECK(job->Wait(&opHr, &out) == hr::kOk && opHr == hr::kVdsOperationCanceled);
  CHECK(Read(model, "m").health == kHealthDegraded);

  Fault wrong;
  wrong.kind = FaultKind::kWrongOutputType;
  auto faulted = MakeModel({Mirror("m", {"d0", "d1"}, kGiB)}, {wrong});
  CHECK(faulted->SetDriveFailed("d1", true).ok() && faulted->SetDriveFailed("d1", false).ok());
  CHECK(faulted->RecoverLun(Recover("m"), &job).ok());
  CHECK(job->Wait(&opHr, &out) == hr::kOk && opHr == hr::kOk && out.type == 52);
  CHECK(Read(faulted, "m").health == kHealthDegraded);  // the errant provider kept nothing

  Fault null;
  null.kind = FaultKind::kErrantNullAsync;
  auto errant = MakeModel({Mirror("m", {"d0", "d1"}, kGiB)}, {null});
  CHECK(errant->SetDriveFailed("d1", true).ok() && errant->SetDriveFailed("d1", false).ok());
  CHECK(errant->RecoverLun(Recover("m"), &job).ok() && job == nullptr);
}

void HotSparesAndIdentify() {
  auto model = MakeModel({Mirror("m", {"d0", "d1"}, kGiB)});
  Outcome inUse = model->SetDriveHotSpare("d0", true);
  CHECK(inUse.hr == hr::kVdsDeviceInUse && inUse.detail.find("'m'") != std::string::npos);
  CHECK(model->SetDriveHotSpare("d2", true).ok());
  CHECK(DriveOf(model, "d2").flags == (0x1u | 0x10u));
  CHECK(model->SetDriveHotSpare("d2", false).ok());
  CHECK(DriveOf(model, "d2").flags == 0x4u);
  CHECK(model->SetDriveFailed("d3", true).ok());
  CHECK(model->SetDriveHotSpare("d3", true).hr == hr::kVdsObjectStatusFailed);
  CHECK(model->SetDriveIdentify("d3", true).ok() && DriveOf(model, "d3").identifying);
  CHECK(model->Snapshot().subsystems[0].drives[3].identifying);
  CHECK(model->SetDriveIdentify("d3", false).ok() && !DriveOf(model, "d3").identifying);
}

void AStandbySpareTakesOverAutomatically() {
  auto model = MakeModel({Mirror("m", {"d0", "d1"}, kGiB)}, {}, 8 * kGiB, true);
  CHECK(model->SetDriveFailed("d1", true).ok());
  const LunInfo lun = Read(model, "m");
  CHECK(lun.driveIds == (std::vector<std::string>{"d0", "d5"}));
  CHECK(lun.health == kHealthRebuilding);
  CHECK(DriveOf(model, "d5").flags == (0x1u | 0x8u));
  CHECK(model->SetDriveHotSpare("d5", false).hr == hr::kVdsDeviceInUse);
  std::this_thread::sleep_for(std::chrono::milliseconds(250));  // 1 GiB at 8 GiB/s
  CHECK(Read(model, "m").health == kHealthHealthy);
  CHECK(model->Snapshot().subsystems[0].luns[0].rebuildBytes == 0);
}

void ExtentsCoverEveryDriveInSlotOrder() {
  auto model = MakeModel({Mirror("m", {"d0", "d1"}, kGiB)});
  std::vector<ExtentInfo> extents;
  CHECK(model->QueryExtents("sub", &extents).ok());
  std::map<std::string, uint64_t> total;
  std::vector<std::string> order;
  for (const auto& e : extents) {
    if (order.empty() || order.back() != e.driveId) order.push_back(e.driveId);
    CHECK(e.offsetBytes == total[e.driveId]);
    total[e.driveId] += e.sizeBytes;
  }
  CHECK(order == (std::vector<std::string>{"d5", "d4", "d3", "d2", "d1", "d0"}));
  CHECK(total["d0"] == 8 * kGiB && total["d5"] == 4 * kGiB);
  CHECK(extents.back().lunId.empty() && extents[extents.size() - 2].lunId == "m");

  LunIdentification id;
  CHECK(model->GetLunIdentification("m", &id).ok());
  CHECK(id.vendorId == "LUNSTUD" && id.productId == "SIM ARRAY" && id.identifiers.size() == 2);
  CHECK(id.identifiers[0].type == 3 && id.identifiers[0].codeSet == 1 &&
        id.identifiers[0].value.size() == 16);
  CHECK((id.identifiers[0].value[0] >> 4) == 6);
  CHECK(id.identifiers[1].type == 8 && id.identifiers[1].codeSet == 3);
  const std::string name(id.identifiers[1].value.begin(), id.identifiers[1].value.end());
  CHECK(name == Read(model, "m").identification);
}

void ADriveFailingMidJobFailsItAndTheSpareTakesOver() {
  Fault fault;
  fault.kind = FaultKind::kDriveFailsAt;
  fault.percent = 50;
  fault.drive = "d1";
  auto model = MakeModel({Mirror("m", {"d0", "d1"}, kGiB)}, {fault}, 4 * kGiB, true);
  CreateLunArgs args;
  args.subsystemId = "sub";
  args.type = LunType::kSimple;
  args.driveIds = {"d1"};
  args.sizeBytes = 2 * kGiB;
  std::shared_ptr<CreateLunJob> job;
  CHECK(model->CreateLun(args, &job).ok() && job != nullptr);
  // While it runs, its space is the new LUN's in the capacity map.
  std::vector<ExtentInfo> extents;
  CHECK(model->QueryExtents("sub", &extents).ok());
  uint64_t pending = 0;
  for (const auto& e : extents) {
    if (e.driveId == "d1" && e.lunId == job->lunId()) pending += e.sizeBytes;
  }
  CHECK(pending == 2 * kGiB);
  HResult opHr = hr::kOk;
  AsyncOutput out;
  CHECK(job->Wait(&opHr, &out) == hr::kOk && opHr == hr::kVdsObjectStatusFailed);
  CHECK(DriveOf(model, "d1").status == kStatusFailed && DriveOf(model, "d1").freeBytes == 8 * kGiB);
  CHECK(Read(model, "m").driveIds == (std::vector<std::string>{"d0", "d5"}));
  CHECK(Read(model, "m").health == kHealthRebuilding);
}

}  // namespace

int main() {
  AFailedDriveDegradesAMirrorAndFailsASimpleLun();
  ReplaceThenRecoverAsARawJob();
  ARecoveryCanBeCanceledAndFaultsApply();
  HotSparesAndIdentify();
  AStandbySpareTakesOverAutomatically();
  ExtentsCoverEveryDriveInSlotOrder();
  ADriveFailingMidJobFailsItAndTheSpareTakesOver();
  std::printf("ok %d checks\n", CheckCount());
  return 0;
}
