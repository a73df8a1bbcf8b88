// The LUN lifecycle on the raw model layer (what the Windows test VDS service wraps in COM): extend, shrink,
// set-mask, delete, max-extend and restore, with every fault kind applied to extend and shrink. Built and run
// by test/native/cpp-model.test.ts.
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

constexpr uint64_t kMiB = 1024ULL * 1024;
constexpr uint64_t kGiB = 1024 * kMiB;
constexpr uint64_t kDrive = 8 * kGiB;
constexpr HResult kDeviceInUse = Hr(0x80042413);

Fault Make(FaultKind kind, uint32_t percent = 0, HResult hresult = 0, std::string drive = {}) {
  Fault f;
  f.kind = kind;
  f.percent = percent;
  f.hresult = hresult;
  f.drive = std::move(drive);
  return f;
}

Lun MakeLun(const std::string& id, LunType type, std::vector<std::string> drives, uint64_t perDrive,
            uint64_t stripe = 0, uint64_t offset = 0) {
  Lun l;
  l.id = id;
  l.name = id;
  l.type = type;
  l.stripeSizeBytes = stripe;
  for (const auto& d : drives) l.extents.push_back({d, offset, perDrive});
  const uint32_t n = static_cast<uint32_t>(drives.size());
  l.sizeBytes = type == LunType::kMirror   ? perDrive
                : type == LunType::kParity ? perDrive * (n - 1)
                                           : perDrive * n;
  return l;
}

// Drives d0–d5 (8 GiB each), d6 a hot spare. Every subsystem starts with the LUNs given.
std::shared_ptr<Model> MakeModel(std::vector<Lun> luns, std::vector<Fault> faults = {},
                                 uint64_t rate = 64 * kGiB, bool span = true, bool masking = true,
                                 int32_t status = kStatusOnline) {
  Subsystem s;
  s.id = "sub";
  s.name = "Array";
  s.supportedTypes = {LunType::kSimple, LunType::kMirror, LunType::kStripe, LunType::kParity};
  if (span) s.supportedTypes.push_back(LunType::kSpan);
  s.stripeSizes = {65536};
  s.initRateBytesPerSec = rate;
  s.maskingCapable = masking;
  s.status = status;
  for (int i = 0; i < 7; ++i) {
    Drive d;
    d.id = "d" + std::to_string(i);
    d.name = "Bay " + std::to_string(i);
    d.sizeBytes = kDrive;
    d.slot = i;
    d.hotSpare = i == 6;
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

std::map<std::string, uint64_t> FreeBytes(const std::shared_ptr<Model>& model) {
  std::vector<DriveInfo> drives;
  CHECK(model->QueryDrives("sub", &drives).ok());
  std::map<std::string, uint64_t> free;
  for (const auto& d : drives) free[d.id] = d.freeBytes;
  return free;
}

LunInfo Read(const std::shared_ptr<Model>& model, const std::string& id) {
  LunInfo info;
  CHECK(model->GetLun(id, &info).ok());
  return info;
}

ExtendLunArgs Extend(const std::string& id, uint64_t bytes, std::vector<std::string> drives = {}) {
  ExtendLunArgs a;
  a.lunId = id;
  a.bytesToAdd = bytes;
  a.driveIds = std::move(drives);
  return a;
}

ShrinkLunArgs Shrink(const std::string& id, uint64_t bytes) {
  ShrinkLunArgs a;
  a.lunId = id;
  a.bytesToRemove = bytes;
  return a;
}

// Waits for the job; returns the operation's HRESULT and checks Wait's own result and the output type.
HResult Finish(const std::shared_ptr<CreateLunJob>& job, uint32_t type, HResult waitHr = hr::kOk) {
  HResult opHr = hr::kFail;
  AsyncOutput out;
  CHECK(job->Wait(&opHr, &out) == waitHr);
  if (opHr == hr::kOk) CHECK(out.type == type);
  return opHr;
}

void ExtendRoundsUpAndMaxIsExact() {
  auto model = MakeModel({MakeLun("L", LunType::kSimple, {"d0"}, kGiB)});
  uint64_t max = 0;
  CHECK(model->QueryMaxLunExtendSize("L", {}, &max).ok());
  CHECK(max == kDrive - kGiB);  // a simple LUN grows on its own drive when none are given

  std::shared_ptr<CreateLunJob> job;
  CHECK(model->ExtendLun(Extend("L", 1), &job).ok() && job);
  CHECK(job->bytesToWrite() == kMiB);  // progress counts the bytes added
  CHECK(Finish(job, kAsyncOutExtendLun) == hr::kOk);
  CHECK(Read(model, "L").sizeBytes == kGiB + kMiB);
  CHECK(FreeBytes(model)["d0"] == kDrive - kGiB - kMiB);

  CHECK(model->QueryMaxLunExtendSize("L", {}, &max).ok());
  Outcome tooMuch = model->ExtendLun(Extend("L", max + 1), &job);
  CHECK(tooMuch.hr == hr::kVdsNotEnoughSpace && tooMuch.field == "bytesToAdd" && !job);
  CHECK(model->ExtendLun(Extend("L", max), &job).ok());
  CHECK(Finish(job, kAsyncOutExtendLun) == hr::kOk);
  CHECK(Read(model, "L").sizeBytes == kDrive);
  CHECK(model->QueryMaxLunExtendSize("L", {}, &max).ok() && max == 0);
  CHECK(model->ExtendLun(Extend("L", 1), &job).hr == hr::kVdsNotEnoughSpace);
}

void SpanFillsDrivesInTheOrderGiven() {
  auto model = MakeModel({MakeLun("L", LunType::kSimple, {"d0"}, 6 * kGiB)});
  std::shared_ptr<CreateLunJob> job;
  CHECK(model->ExtendLun(Extend("L", 3 * kGiB, {"d2", "d1"}), &job).ok());
  CHECK(Finish(job, kAsyncOutExtendLun) == hr::kOk);
  LunInfo lun = Read(model, "L");
  CHECK(lun.type == LunType::kSpan);  // a simple LUN on a second drive is a span
  CHECK(lun.driveIds == std::vector<std::string>({"d0", "d2"}));
  auto free = FreeBytes(model);
  CHECK(free["d2"] == 5 * kGiB && free["d1"] == kDrive);

  uint64_t max = 0;
  CHECK(model->QueryMaxLunExtendSize("L", {"d1", "d3"}, &max).ok() && max == 16 * kGiB);
  CHECK(model->ExtendLun(Extend("L", 10 * kGiB, {"d1", "d3"}), &job).ok());
  CHECK(Finish(job, kAsyncOutExtendLun) == hr::kOk);
  free = FreeBytes(model);
  CHECK(free["d1"] == 0 && free["d3"] == 6 * kGiB);  // d1 filled before d3
  CHECK(Read(model, "L").sizeBytes == 19 * kGiB);
  CHECK(Read(model, "L").driveIds == std::vector<std::string>({"d0", "d2", "d1", "d3"}));

  // None given: the span's own drives first, then the others.
  CHECK(model->QueryMaxLunExtendSize("L", {}, &max).ok());
  CHECK(max == 2 * kGiB + 5 * kGiB + 6 * kGiB + 8 * kGiB + 8 * kGiB);

  // Drive rules of creation: a hot spare, a missing drive, a repeat.
  CHECK(model->ExtendLun(Extend("L", kGiB, {"d6"}), &job).hr == hr::kVdsInvalidOperation);
  Outcome missing = model->ExtendLun(Extend("L", kGiB, {"d4", "nope"}), &job);
  CHECK(missing.hr == hr::kVdsObjectNotFound && missing.field == "driveIds[1]");
  CHECK(model->ExtendLun(Extend("L", kGiB, {"d4", "d4"}), &job).field == "driveIds[1]");
}

void SimpleStaysOnItsDriveWithoutSpan() {
  auto model = MakeModel({MakeLun("L", LunType::kSimple, {"d0"}, kGiB)}, {}, 64 * kGiB, false);
  std::shared_ptr<CreateLunJob> job;
  Outcome o = model->ExtendLun(Extend("L", kGiB, {"d0", "d1"}), &job);
  CHECK(o.hr == hr::kVdsNotSupported && o.field == "driveIds[1]" && !job);
  CHECK(model->ExtendLun(Extend("L", kGiB, {"d0"}), &job).ok());
  CHECK(Finish(job, kAsyncOutExtendLun) == hr::kOk);
  CHECK(Read(model, "L").type == LunType::kSimple);
}

void MultiMemberTypesGrowEvenly() {
  auto model = MakeModel({MakeLun("M", LunType::kMirror, {"d0", "d1"}, kGiB),
                          MakeLun("S", LunType::kStripe, {"d2", "d3", "d4"}, kGiB, 65536),
                          MakeLun("P", LunType::kParity, {"d0", "d1", "d5"}, kGiB, 65536, kGiB)});
  // mirror d0,d1 (1 GiB each) and parity d0,d1,d5 share drives.
  std::shared_ptr<CreateLunJob> job;
  CHECK(model->ExtendLun(Extend("M", kGiB), &job).ok());
  CHECK(Finish(job, kAsyncOutExtendLun) == hr::kOk);
  auto free = FreeBytes(model);
  CHECK(free["d0"] == kDrive - 3 * kGiB && free["d1"] == kDrive - 3 * kGiB);
  CHECK(Read(model, "M").sizeBytes == 2 * kGiB);

  // Stripe over 3 drives, 64 KiB: the unit is the smallest multiple of 192 KiB ≥ 1 MiB = 1152 KiB.
  CHECK(model->ExtendLun(Extend("S", 1), &job).ok());
  CHECK(Finish(job, kAsyncOutExtendLun) == hr::kOk);
  CHECK(Read(model, "S").sizeBytes == 3 * kGiB + 1152 * 1024);
  free = FreeBytes(model);
  CHECK(free["d2"] == kDrive - kGiB - 384 * 1024 && free["d3"] == free["d2"] && free["d4"] == free["d2"]);

  // Max: the member with the least free space limits it (parity: 2 data drives).
  uint64_t max = 0;
  CHECK(model->QueryMaxLunExtendSize("P", {}, &max).ok());
  const uint64_t unit = 1024 * 1024;  // 64 KiB × 2 data drives divides 1 MiB
  CHECK(max == (kDrive - 3 * kGiB) / (unit / 2) * unit);
  CHECK(model->ExtendLun(Extend("P", max + 1), &job).hr == hr::kVdsNotEnoughSpace);
  CHECK(model->ExtendLun(Extend("P", max), &job).ok());
  CHECK(Finish(job, kAsyncOutExtendLun) == hr::kOk);
  CHECK(model->QueryMaxLunExtendSize("P", {}, &max).ok() && max == 0);

  // Only the LUN's own members may be named.
  Outcome o = model->ExtendLun(Extend("S", kGiB, {"d3", "d1"}), &job);
  CHECK(o.hr == hr::kInvalidArg && o.field == "driveIds[1]" && !job);
  CHECK(o.detail.find("not a member") != std::string::npos);
  CHECK(model->QueryMaxLunExtendSize("S", {"d4"}, &max).ok() && max > 0);
}

void ShrinkFreesTheTail() {
  auto model = MakeModel(
      {MakeLun("L", LunType::kSimple, {"d0"}, 6 * kGiB), MakeLun("M", LunType::kMirror, {"d1", "d2"}, kGiB)});
  std::shared_ptr<CreateLunJob> job;
  CHECK(model->ExtendLun(Extend("L", 3 * kGiB, {"d3"}), &job).ok());
  CHECK(Finish(job, kAsyncOutExtendLun) == hr::kOk);
  CHECK(model->ShrinkLun(Shrink("L", 4 * kGiB), &job).ok());
  CHECK(job->bytesToWrite() == 4 * kGiB);
  CHECK(Finish(job, kAsyncOutShrinkLun) == hr::kOk);
  auto free = FreeBytes(model);
  CHECK(free["d3"] == kDrive && free["d0"] == 3 * kGiB);  // the span's last drive went first
  CHECK(Read(model, "L").sizeBytes == 5 * kGiB && Read(model, "L").driveIds.size() == 1);

  // Mirror: every member gives back the same; the new size rounds up (never cuts what the request keeps).
  CHECK(model->ShrinkLun(Shrink("M", kMiB + kMiB / 2), &job).ok());
  CHECK(Finish(job, kAsyncOutShrinkLun) == hr::kOk);
  CHECK(Read(model, "M").sizeBytes == kGiB - kMiB);
  free = FreeBytes(model);
  CHECK(free["d1"] == kDrive - kGiB + kMiB && free["d2"] == free["d1"]);

  // The minimum: one allocation unit.
  Outcome all = model->ShrinkLun(Shrink("M", kGiB - kMiB), &job);
  CHECK(all.hr == hr::kInvalidArg && all.field == "bytesToRemove" && !job);
  CHECK(all.detail.find("at least one allocation unit (1048576 bytes)") != std::string::npos);
  Outcome tiny = model->ShrinkLun(Shrink("M", kMiB - 1), &job);
  CHECK(tiny.hr == hr::kInvalidArg && tiny.detail.find("less than one allocation unit") != std::string::npos);
  CHECK(model->ShrinkLun(Shrink("M", kGiB - 2 * kMiB), &job).ok());
  CHECK(Finish(job, kAsyncOutShrinkLun) == hr::kOk);
  CHECK(Read(model, "M").sizeBytes == kMiB);
  CHECK(FreeBytes(model)["d1"] == kDrive - kMiB);
}

// What a fault does to an extend or a shrink: its outcome and whether the change is kept.
void EveryFaultAppliesToExtendAndShrink() {
  const HResult failure = Hr(0x80042442);
  struct Case {
    const char* name;
    Fault fault;
  };
  const Case cases[] = {
      {"errantNullAsync", Make(FaultKind::kErrantNullAsync)},
      {"wrongOutputType", Make(FaultKind::kWrongOutputType)},
      {"nullLun", Make(FaultKind::kNullLun)},
      {"failAt", Make(FaultKind::kFailAt, 40, failure)},
      {"queryStatusFails", Make(FaultKind::kQueryStatusFails, 0, failure)},
      {"waitFails", Make(FaultKind::kWaitFails, 0, failure)},
      {"hang", Make(FaultKind::kHang)},
      {"cancelTooLate", Make(FaultKind::kCancelTooLate)},
      {"driveFailsAt", Make(FaultKind::kDriveFailsAt, 50, 0, "d1")},
  };
  for (const Case& c : cases) {
    for (const bool extend : {true, false}) {
      auto model = MakeModel({MakeLun("M", LunType::kMirror, {"d0", "d1"}, 2 * kGiB)}, {c.fault});
      const auto before = FreeBytes(model);
      const uint32_t type = extend ? kAsyncOutExtendLun : kAsyncOutShrinkLun;
      const uint64_t changed = extend ? 3 * kGiB : kGiB;
      std::shared_ptr<CreateLunJob> job;
      Outcome started =
          extend ? model->ExtendLun(Extend("M", kGiB), &job) : model->ShrinkLun(Shrink("M", kGiB), &job);
      CHECK(started.ok());
      const std::string kind = c.name;
      bool kept = true;
      if (kind == "errantNullAsync") {
        CHECK(job == nullptr);
        kept = false;
      } else if (kind == "wrongOutputType") {
        HResult opHr = hr::kFail;
        AsyncOutput out;
        CHECK(job->Wait(&opHr, &out) == hr::kOk && opHr == hr::kOk && out.type == 52);
        kept = false;
      } else if (kind == "nullLun") {  // creation only: extend and shrink report normally
        HResult opHr = hr::kFail;
        AsyncOutput out;
        CHECK(job->Wait(&opHr, &out) == hr::kOk && out.type == type && out.lunId == "M");
      } else if (kind == "failAt") {
        CHECK(Finish(job, type) == failure);
        kept = false;
      } else if (kind == "queryStatusFails") {
        HResult opHr = hr::kOk;
        uint32_t percent = 0;
        CHECK(job->QueryStatus(&opHr, &percent) == failure);
        CHECK(Finish(job, type) == hr::kOk);
      } else if (kind == "waitFails") {
        HResult opHr = hr::kFail;
        AsyncOutput out;
        CHECK(job->Wait(&opHr, &out) == failure);  // it happened; Wait itself failed
      } else if (kind == "hang") {
        HResult opHr = hr::kOk;
        uint32_t percent = 7;
        std::this_thread::sleep_for(std::chrono::milliseconds(30));
        CHECK(job->QueryStatus(&opHr, &percent) == hr::kOk && opHr == hr::kVdsOperationPending &&
              percent == 0);
        // One job at a time per LUN, naming the running one.
        std::shared_ptr<CreateLunJob> second;
        Outcome busy = model->ExtendLun(Extend("M", kMiB), &second);
        CHECK(busy.hr == kDeviceInUse && !second);
        CHECK(busy.detail.find(extend ? "an extend is running" : "a shrink is running") != std::string::npos);
        CHECK(model->ShrinkLun(Shrink("M", kMiB), &second).hr == kDeviceInUse);
        CHECK(model->DeleteLun("M").hr == kDeviceInUse);
        CHECK(model->SetLunMask("M", "*").hr == kDeviceInUse);
        if (extend) CHECK(FreeBytes(model)["d0"] == before.at("d0") - kGiB);  // held from the start
        CHECK(job->Cancel() == hr::kOk);
        CHECK(Finish(job, type) == hr::kVdsOperationCanceled);
        kept = false;
      } else if (kind == "cancelTooLate") {
        CHECK(job->Cancel() == hr::kVdsCancelTooLate);
        CHECK(Finish(job, type) == hr::kOk);
      } else if (kind == "driveFailsAt") {
        CHECK(Finish(job, type) == hr::kVdsObjectStatusFailed);
        kept = false;
      }
      const LunInfo lun = Read(model, "M");
      CHECK(lun.sizeBytes == (kept ? changed : 2 * kGiB));
      const auto after = FreeBytes(model);
      const uint64_t delta = kept ? kGiB : 0;
      for (const char* d : {"d0", "d1"}) {
        CHECK(after.at(d) == (extend ? before.at(d) - delta : before.at(d) + delta));
      }
      CHECK(after.at("d2") == before.at("d2"));
    }
  }
}

void CancelBeforeTheCommitPointRollsTheExtendBack() {
  auto model = MakeModel({MakeLun("L", LunType::kSimple, {"d0"}, kGiB)}, {}, kGiB);  // 1 GiB takes 1 s
  const auto before = FreeBytes(model);
  std::shared_ptr<CreateLunJob> job;
  CHECK(model->ExtendLun(Extend("L", kGiB), &job).ok());
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  HResult opHr = hr::kOk;
  uint32_t percent = 0;
  uint64_t bytes = 0;
  CHECK(job->QueryStatus(&opHr, &percent, &bytes) == hr::kOk && opHr == hr::kVdsOperationPending);
  CHECK(percent >= 5 && percent < 95 && bytes > 0);
  CHECK(model->Snapshot().subsystems[0].luns[0].sizeBytes == kGiB);  // a running extend is not saved
  CHECK(job->Cancel() == hr::kOk);
  CHECK(Finish(job, kAsyncOutExtendLun) == hr::kVdsOperationCanceled);
  CHECK(Read(model, "L").sizeBytes == kGiB);
  CHECK(FreeBytes(model) == before);
}

void MaskRulesAndDeleteGiveBackEveryByte() {
  auto model = MakeModel({MakeLun("L", LunType::kSimple, {"d0"}, kGiB),
                          MakeLun("S", LunType::kStripe, {"d1", "d2"}, kGiB, 65536)});
  const std::string iqn = "iqn.1991-05.com.microsoft:host1";
  CHECK(model->SetLunMask("L", iqn).ok() && Read(model, "L").unmaskingList == iqn);
  Outcome bad = model->SetLunMask("L", "*;" + iqn);
  CHECK(bad.hr == hr::kInvalidArg && bad.field == "unmaskingList");
  CHECK(Read(model, "L").unmaskingList == iqn);
  CHECK(model->SetLunMask("L", "").ok() && Read(model, "L").unmaskingList.empty());
  CHECK(model->SetLunMask("nope", "*").hr == hr::kVdsObjectNotFound);

  auto unmasked = MakeModel({MakeLun("L", LunType::kSimple, {"d0"}, kGiB)}, {}, kGiB, true, false);
  Outcome unsupported = unmasked->SetLunMask("L", "*");
  CHECK(unsupported.hr == hr::kVdsNotSupported && unsupported.field == "unmaskingList");

  const auto before = FreeBytes(model);
  std::shared_ptr<CreateLunJob> job;
  CHECK(model->ExtendLun(Extend("S", 3 * kGiB), &job).ok());
  CHECK(Finish(job, kAsyncOutExtendLun) == hr::kOk);
  const State saved = model->Snapshot();
  Lun grown = saved.subsystems[0].luns[1];
  CHECK(model->DeleteLun("S").ok());
  auto free = FreeBytes(model);
  CHECK(free["d1"] == kDrive && free["d2"] == kDrive && free["d0"] == before.at("d0"));
  CHECK(model->DeleteLun("S").hr == hr::kVdsObjectDeleted);
  CHECK(model->ExtendLun(Extend("S", kGiB), &job).hr == hr::kVdsObjectDeleted);
  LunInfo gone;
  CHECK(model->GetLun("S", &gone).hr == hr::kVdsObjectDeleted);

  // Restore: the rollback puts it back exactly (and refuses a LUN whose space is taken).
  CHECK(model->RestoreLun("sub", grown).ok());
  CHECK(Read(model, "S").sizeBytes == 5 * kGiB);
  CHECK(FreeBytes(model)["d1"] == before.at("d1") - kGiB - kGiB / 2);
  Lun clash = grown;
  clash.id = "X";
  CHECK(!model->RestoreLun("sub", clash).ok());
  Lun original = grown;
  original.sizeBytes = 2 * kGiB;
  original.extents = {{"d1", 0, kGiB}, {"d2", 0, kGiB}};
  CHECK(model->RestoreLun("sub", original).ok());
  CHECK(FreeBytes(model) == before);
}

void AnOfflineSubsystemChangesNothing() {
  auto model =
      MakeModel({MakeLun("L", LunType::kSimple, {"d0"}, kGiB)}, {}, kGiB, true, true, kStatusOffline);
  uint64_t max = 1;
  std::shared_ptr<CreateLunJob> job;
  CHECK(model->QueryMaxLunExtendSize("L", {}, &max).hr == hr::kVdsInvalidOperation);
  CHECK(model->ExtendLun(Extend("L", kGiB), &job).hr == hr::kVdsInvalidOperation && !job);
  CHECK(model->ShrinkLun(Shrink("L", kMiB), &job).hr == hr::kVdsInvalidOperation && !job);
  CHECK(model->SetLunMask("L", "*").hr == hr::kVdsInvalidOperation);
  CHECK(model->DeleteLun("L").hr == hr::kVdsInvalidOperation);
  const LunInfo lun = Read(model, "L");
  CHECK(lun.sizeBytes == kGiB && lun.unmaskingList.empty());
}

}  // namespace

int main() {
  AnOfflineSubsystemChangesNothing();
  ExtendRoundsUpAndMaxIsExact();
  SpanFillsDrivesInTheOrderGiven();
  SimpleStaysOnItsDriveWithoutSpan();
  MultiMemberTypesGrowEvenly();
  ShrinkFreesTheTail();
  EveryFaultAppliesToExtendAndShrink();
  CancelBeforeTheCommitPointRollsTheExtendBack();
  MaskRulesAndDeleteGiveBackEveryByte();
  std::printf("ok %d checks\n", CheckCount());
  return 0;
}
