#include "js_convert.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>

#include "js_errors.h"
#include "sim/guid.h"
#include "sim/layout.h"

namespace lun::js {

namespace {

constexpr double kMaxSafe = 9007199254740991.0;  // 2^53 - 1

struct NamedValue {
  const char* name;
  int32_t value;
};

const NamedValue kSubsystemStatus[] = {{"online", 1}, {"notReady", 2},         {"offline", 4},
                                       {"failed", 5}, {"partiallyManaged", 9}, {"unknown", 0}};
const NamedValue kDriveStatus[] = {{"online", 1}, {"notReady", 2}, {"offline", 4},
                                   {"failed", 5}, {"removed", 8},  {"unknown", 0}};
const NamedValue kLunStatus[] = {
    {"online", 1}, {"notReady", 2}, {"offline", 4}, {"failed", 5}, {"unknown", 0}};
// Contract health → VDS_H_*; VDS values without a contract name map in HealthName().
const NamedValue kHealth[] = {{"unknown", 0},   {"healthy", 1}, {"rebuilding", 2},
                              {"degraded", 11}, {"failing", 4}, {"failed", 8}};
const NamedValue kDriveFlags[] = {{"hotSpare", 0x1},
                                  {"assigned", 0x2},
                                  {"unassigned", 0x4},
                                  {"hotSpareInUse", 0x8},
                                  {"hotSpareStandby", 0x10}};
const LunType kAllTypes[] = {LunType::kSimple,          LunType::kSpan,    LunType::kStripe,
                             LunType::kMirror,          LunType::kParity,  LunType::kRaid10,
                             LunType::kRaid6,           LunType::kDefault, LunType::kFaultTolerant,
                             LunType::kNonFaultTolerant};

template <size_t N>
const char* NameOf(const NamedValue (&table)[N], int32_t value, const char* fallback) {
  for (const auto& e : table) {
    if (e.value == value) return e.name;
  }
  return fallback;
}

template <size_t N>
int32_t ValueOf(const NamedValue (&table)[N], const Napi::Value& v, const std::string& field) {
  if (!v.IsString()) ThrowInvalid(field, "must be a string");
  const std::string s = v.As<Napi::String>().Utf8Value();
  std::string allowed;
  for (const auto& e : table) {
    if (s == e.name) return e.value;
    allowed += (allowed.empty() ? "" : ", ") + std::string(e.name);
  }
  ThrowInvalid(field, "must be one of " + allowed);
}

const char* HealthName(int32_t h) {
  switch (h) {
    case 3:  // STALE
      return "unknown";
    case 5:   // FAILING_REDUNDANCY
    case 7:   // FAILED_REDUNDANCY_FAILING
    case 10:  // PENDING_FAILURE
      return "failing";
    case 6:  // FAILED_REDUNDANCY
      return "degraded";
    case 9:  // REPLACED
      return "healthy";
    default:
      return NameOf(kHealth, h, "unknown");
  }
}

Napi::Object RequireObject(const Napi::Value& v, const std::string& field) {
  if (!v.IsObject() || v.IsArray() || v.IsFunction()) ThrowInvalid(field, "must be an object");
  return v.As<Napi::Object>();
}

Napi::Array RequireArray(const Napi::Value& v, const std::string& field) {
  if (!v.IsArray()) ThrowInvalid(field, "must be an array");
  return v.As<Napi::Array>();
}

double RequireNumber(const Napi::Value& v, const std::string& field) {
  if (!v.IsNumber()) ThrowInvalid(field, "must be a number");
  const double d = v.As<Napi::Number>().DoubleValue();
  if (!std::isfinite(d)) ThrowInvalid(field, "must be a finite number");
  return d;
}

uint64_t RequireInteger(const Napi::Value& v, const std::string& field, double min, double max) {
  const double d = RequireNumber(v, field);
  if (std::floor(d) != d) ThrowInvalid(field, "must be a whole number");
  if (d < min || d > max) {
    ThrowInvalid(field, "must be between " + std::to_string(static_cast<uint64_t>(min)) + " and " +
                            std::to_string(static_cast<uint64_t>(max)));
  }
  return static_cast<uint64_t>(d);
}

bool RequireBool(const Napi::Value& v, const std::string& field) {
  if (!v.IsBoolean()) ThrowInvalid(field, "must be true or false");
  return v.As<Napi::Boolean>().Value();
}

bool Has(const Napi::Object& o, const char* key) {
  Napi::Value v = o.Get(key);
  return !v.IsUndefined() && !v.IsNull();
}

// Topology files have no ids: the sim makes them.
std::string OptionalId(const Napi::Object& o, const std::string& field) {
  return Has(o, "id") ? RequireString(o.Get("id"), field + ".id") : sim::NewGuid();
}

LunType LunTypeFromJs(const Napi::Value& v, const std::string& field, bool specificOnly) {
  if (!v.IsString()) ThrowInvalid(field, "must be a string");
  const std::string s = v.As<Napi::String>().Utf8Value();
  for (LunType t : kAllTypes) {
    if (s == sim::LunTypeName(t)) {
      if (specificOnly && !sim::IsSpecific(t)) break;
      return t;
    }
  }
  ThrowInvalid(field, specificOnly
                          ? "must be one of simple, span, stripe, mirror, parity, raid10, raid6"
                          : "must be one of simple, span, stripe, mirror, parity, raid10, raid6, auto, "
                            "faultTolerant, nonFaultTolerant");
}

// Unsigned number, or a "0x…" string as topology files write it.
HResult HResultFromJs(const Napi::Value& v, const std::string& field) {
  if (v.IsString()) {
    const std::string s = v.As<Napi::String>().Utf8Value();
    char* end = nullptr;
    const unsigned long long bits = std::strtoull(s.c_str(), &end, 0);
    if (s.empty() || *end != '\0' || bits > 0xFFFFFFFFULL)
      ThrowInvalid(field, "must be an HRESULT such as 0x80042442");
    return Hr(static_cast<uint32_t>(bits));
  }
  return Hr(static_cast<uint32_t>(RequireInteger(v, field, 0, 4294967295.0)));
}

sim::FaultKind FaultKindFromJs(const Napi::Value& v, const std::string& field) {
  static const std::pair<const char*, sim::FaultKind> kinds[] = {
      {"errantNullAsync", sim::FaultKind::kErrantNullAsync},
      {"wrongOutputType", sim::FaultKind::kWrongOutputType},
      {"nullLun", sim::FaultKind::kNullLun},
      {"failAt", sim::FaultKind::kFailAt},
      {"queryStatusFails", sim::FaultKind::kQueryStatusFails},
      {"waitFails", sim::FaultKind::kWaitFails},
      {"hang", sim::FaultKind::kHang},
      {"cancelTooLate", sim::FaultKind::kCancelTooLate},
      {"driveFailsAt", sim::FaultKind::kDriveFailsAt}};
  const std::string s = RequireString(v, field);
  std::string allowed;
  for (const auto& [name, kind] : kinds) {
    if (s == name) return kind;
    allowed += (allowed.empty() ? "" : ", ") + std::string(name);
  }
  ThrowInvalid(field, "must be one of " + allowed);
}

const char* FaultKindName(sim::FaultKind k) {
  switch (k) {
    case sim::FaultKind::kErrantNullAsync:
      return "errantNullAsync";
    case sim::FaultKind::kWrongOutputType:
      return "wrongOutputType";
    case sim::FaultKind::kNullLun:
      return "nullLun";
    case sim::FaultKind::kFailAt:
      return "failAt";
    case sim::FaultKind::kQueryStatusFails:
      return "queryStatusFails";
    case sim::FaultKind::kWaitFails:
      return "waitFails";
    case sim::FaultKind::kHang:
      return "hang";
    case sim::FaultKind::kCancelTooLate:
      return "cancelTooLate";
    case sim::FaultKind::kDriveFailsAt:
      return "driveFailsAt";
  }
  return "unknown";
}

sim::Fault FaultFromJs(const Napi::Value& v, const std::string& field) {
  Napi::Object o = RequireObject(v, field);
  sim::Fault f;
  f.kind = FaultKindFromJs(o.Get("kind"), field + ".kind");
  const bool needsPercent = f.kind == sim::FaultKind::kFailAt || f.kind == sim::FaultKind::kDriveFailsAt;
  const bool needsHr = f.kind == sim::FaultKind::kFailAt || f.kind == sim::FaultKind::kQueryStatusFails ||
                       f.kind == sim::FaultKind::kWaitFails;
  if (needsPercent)
    f.percent = static_cast<uint32_t>(RequireInteger(o.Get("percent"), field + ".percent", 0, 100));
  if (needsHr) f.hresult = HResultFromJs(o.Get("hresult"), field + ".hresult");
  if (f.kind == sim::FaultKind::kDriveFailsAt) f.drive = RequireString(o.Get("drive"), field + ".drive");
  return f;
}

sim::Drive DriveFromJs(const Napi::Value& v, const std::string& field, uint32_t index) {
  Napi::Object o = RequireObject(v, field);
  sim::Drive d;
  d.id = OptionalId(o, field);
  d.name = RequireString(o.Get("name"), field + ".name");
  d.sizeBytes = RequireInteger(o.Get("sizeBytes"), field + ".sizeBytes", 1, kMaxSafe);
  d.bus = Has(o, "bus") ? static_cast<int32_t>(RequireInteger(o.Get("bus"), field + ".bus", 0, 65535)) : 0;
  d.slot = Has(o, "slot") ? static_cast<int32_t>(RequireInteger(o.Get("slot"), field + ".slot", 0, 65535))
                          : static_cast<int32_t>(index);
  if (Has(o, "status")) d.status = ValueOf(kDriveStatus, o.Get("status"), field + ".status");
  if (Has(o, "health")) d.health = ValueOf(kHealth, o.Get("health"), field + ".health");
  if (Has(o, "hotSpare")) d.hotSpare = RequireBool(o.Get("hotSpare"), field + ".hotSpare");
  if (Has(o, "identifying")) d.identifying = RequireBool(o.Get("identifying"), field + ".identifying");
  return d;
}

std::vector<std::string> StringList(const Napi::Value& v, const std::string& field);

sim::Lun LunFromJs(const Napi::Value& v, const std::string& field) {
  Napi::Object o = RequireObject(v, field);
  sim::Lun l;
  l.id = RequireString(o.Get("id"), field + ".id");
  l.name = RequireString(o.Get("name"), field + ".name");
  l.type = LunTypeFromJs(o.Get("type"), field + ".type", true);
  l.sizeBytes = RequireInteger(o.Get("sizeBytes"), field + ".sizeBytes", 1, kMaxSafe);
  l.stripeSizeBytes = Has(o, "stripeSizeBytes")
                          ? RequireInteger(o.Get("stripeSizeBytes"), field + ".stripeSizeBytes", 0, kMaxSafe)
                          : 0;
  l.unmaskingList =
      Has(o, "unmaskingList") ? RequireString(o.Get("unmaskingList"), field + ".unmaskingList") : "";
  Napi::Array extents = RequireArray(o.Get("extents"), field + ".extents");
  for (uint32_t i = 0; i < extents.Length(); ++i) {
    const std::string ef = field + ".extents[" + std::to_string(i) + "]";
    Napi::Object e = RequireObject(extents.Get(i), ef);
    sim::Extent x;
    x.driveId = RequireString(e.Get("driveId"), ef + ".driveId");
    x.offsetBytes = RequireInteger(e.Get("offsetBytes"), ef + ".offsetBytes", 0, kMaxSafe);
    x.lengthBytes = RequireInteger(e.Get("lengthBytes"), ef + ".lengthBytes", 1, kMaxSafe);
    l.extents.push_back(x);
  }
  if (Has(o, "operationId")) l.operationId = RequireString(o.Get("operationId"), field + ".operationId");
  if (Has(o, "staleDriveIds")) l.staleDriveIds = StringList(o.Get("staleDriveIds"), field + ".staleDriveIds");
  if (Has(o, "rebuild")) {
    const std::string rf = field + ".rebuild";
    Napi::Object r = RequireObject(o.Get("rebuild"), rf);
    l.rebuildDriveIds = StringList(r.Get("driveIds"), rf + ".driveIds");
    l.rebuildStartedAtMs =
        static_cast<int64_t>(RequireInteger(r.Get("startedAtMs"), rf + ".startedAtMs", 0, kMaxSafe));
    l.rebuildBytes = RequireInteger(r.Get("bytes"), rf + ".bytes", 1, kMaxSafe);
  }
  return l;
}

sim::Subsystem SubsystemFromJs(const Napi::Value& v, const std::string& field) {
  Napi::Object o = RequireObject(v, field);
  sim::Subsystem s;
  s.id = OptionalId(o, field);
  s.name = RequireString(o.Get("name"), field + ".name");
  Napi::Array types = RequireArray(o.Get("supportedTypes"), field + ".supportedTypes");
  for (uint32_t i = 0; i < types.Length(); ++i) {
    s.supportedTypes.push_back(
        LunTypeFromJs(types.Get(i), field + ".supportedTypes[" + std::to_string(i) + "]", false));
  }
  if (Has(o, "stripeSizes")) {
    Napi::Array sizes = RequireArray(o.Get("stripeSizes"), field + ".stripeSizes");
    for (uint32_t i = 0; i < sizes.Length(); ++i) {
      s.stripeSizes.push_back(
          RequireInteger(sizes.Get(i), field + ".stripeSizes[" + std::to_string(i) + "]", 1, 1ULL << 31));
    }
  }
  s.initRateBytesPerSec =
      RequireInteger(o.Get("initRateBytesPerSec"), field + ".initRateBytesPerSec", 1, kMaxSafe);
  if (Has(o, "maskingCapable"))
    s.maskingCapable = RequireBool(o.Get("maskingCapable"), field + ".maskingCapable");
  if (Has(o, "automaticHotSpare"))
    s.automaticHotSpare = RequireBool(o.Get("automaticHotSpare"), field + ".automaticHotSpare");
  if (Has(o, "status")) s.status = ValueOf(kSubsystemStatus, o.Get("status"), field + ".status");
  if (Has(o, "health")) s.health = ValueOf(kHealth, o.Get("health"), field + ".health");
  Napi::Array drives = RequireArray(o.Get("drives"), field + ".drives");
  for (uint32_t i = 0; i < drives.Length(); ++i) {
    s.drives.push_back(DriveFromJs(drives.Get(i), field + ".drives[" + std::to_string(i) + "]", i));
  }
  if (Has(o, "faults")) {
    Napi::Array faults = RequireArray(o.Get("faults"), field + ".faults");
    for (uint32_t i = 0; i < faults.Length(); ++i) {
      s.faults.push_back(FaultFromJs(faults.Get(i), field + ".faults[" + std::to_string(i) + "]"));
    }
  }
  if (Has(o, "luns")) {
    Napi::Array luns = RequireArray(o.Get("luns"), field + ".luns");
    for (uint32_t i = 0; i < luns.Length(); ++i) {
      s.luns.push_back(LunFromJs(luns.Get(i), field + ".luns[" + std::to_string(i) + "]"));
    }
  }
  return s;
}

Hints HintsFromJs(const Napi::Value& v) {
  Hints h;
  if (v.IsUndefined() || v.IsNull()) return h;
  Napi::Object o = RequireObject(v, "hints");
  h.present = true;
  // VDS_HINT_* mask bits of the boolean hints.
  struct Flag {
    const char* key;
    bool Hints::*member;
    uint64_t bit;
  };
  static const Flag flags[] = {{"fastCrashRecoveryRequired", &Hints::fastCrashRecoveryRequired, 0x1},
                               {"mostlyReads", &Hints::mostlyReads, 0x2},
                               {"optimizeForSequentialReads", &Hints::optimizeForSequentialReads, 0x4},
                               {"optimizeForSequentialWrites", &Hints::optimizeForSequentialWrites, 0x8},
                               {"readBackVerifyEnabled", &Hints::readBackVerifyEnabled, 0x10},
                               {"writeThroughCachingEnabled", &Hints::writeThroughCachingEnabled, 0x40},
                               {"hardwareChecksumEnabled", &Hints::hardwareChecksumEnabled, 0x80},
                               {"isYankable", &Hints::isYankable, 0x100}};
  for (const Flag& f : flags) {
    if (!Has(o, f.key)) continue;
    h.*(f.member) = RequireBool(o.Get(f.key), std::string("hints.") + f.key);
    h.hintMask |= f.bit;
  }
  if (Has(o, "stripeSizeBytes")) {
    h.stripeSize = RequireInteger(o.Get("stripeSizeBytes"), "hints.stripeSizeBytes", 1, 1ULL << 31);
  }
  if (Has(o, "maximumDriveCount")) {
    // Only the range of VDS_HINTS.ulMaximumDriveCount (a ULONG) is checked here, to keep the cast exact; the
    // product's limit is the contract's (electron/contract/lun-rules.ts MAX_DRIVES_PER_LUN).
    h.maximumDriveCount = static_cast<uint32_t>(
        RequireInteger(o.Get("maximumDriveCount"), "hints.maximumDriveCount", 1, 4294967295.0));
  }
  if (Has(o, "rebuildPriority")) {
    h.rebuildPriority =
        static_cast<int16_t>(RequireInteger(o.Get("rebuildPriority"), "hints.rebuildPriority", 0, 15));
  }
  return h;
}

std::vector<std::string> StringList(const Napi::Value& v, const std::string& field) {
  std::vector<std::string> out;
  Napi::Array items = RequireArray(v, field);
  for (uint32_t i = 0; i < items.Length(); ++i) {
    out.push_back(RequireString(items.Get(i), field + "[" + std::to_string(i) + "]"));
  }
  return out;
}

std::string RequireId(const Napi::Value& v, const std::string& field) {
  std::string id = RequireString(v, field);
  if (id.empty()) ThrowInvalid(field, "must not be empty");
  return id;
}

void FillMaxSizeArgs(const Napi::Object& o, MaxSizeArgs* a) {
  a->subsystemId = RequireId(o.Get("subsystemId"), "subsystemId");
  a->type = LunTypeFromJs(o.Get("type"), "type", false);
  if (Has(o, "driveIds")) a->driveIds = StringList(o.Get("driveIds"), "driveIds");
  a->hints = HintsFromJs(o.Get("hints"));
}

Napi::Array StringsToJs(Napi::Env env, const std::vector<std::string>& v) {
  Napi::Array a = Napi::Array::New(env, v.size());
  for (uint32_t i = 0; i < v.size(); ++i) a.Set(i, v[i]);
  return a;
}

Napi::Number Bytes(Napi::Env env, uint64_t v) { return Napi::Number::New(env, static_cast<double>(v)); }

}  // namespace

std::string RequireString(const Napi::Value& v, const std::string& field) {
  if (!v.IsString()) ThrowInvalid(field, "must be a string");
  return v.As<Napi::String>().Utf8Value();
}

uint32_t RequirePollInterval(const Napi::Value& v, const std::string& field) {
  return static_cast<uint32_t>(RequireInteger(v, field, 1, 3600000));
}

sim::State StateFromJs(const Napi::Value& v, const std::string& field) {
  Napi::Object o = RequireObject(v, field);
  sim::State state;
  if (Has(o, "version"))
    state.version = static_cast<int32_t>(RequireInteger(o.Get("version"), field + ".version", 0, 1000));
  Napi::Array subsystems = RequireArray(o.Get("subsystems"), field + ".subsystems");
  for (uint32_t i = 0; i < subsystems.Length(); ++i) {
    state.subsystems.push_back(
        SubsystemFromJs(subsystems.Get(i), field + ".subsystems[" + std::to_string(i) + "]"));
  }
  return state;
}

MaxSizeArgs MaxSizeArgsFromJs(const Napi::Value& v) {
  MaxSizeArgs a;
  FillMaxSizeArgs(RequireObject(v, "request"), &a);
  return a;
}

CreateLunArgs CreateLunArgsFromJs(const Napi::Value& v) {
  Napi::Object o = RequireObject(v, "request");
  CreateLunArgs a;
  FillMaxSizeArgs(o, &a);
  a.sizeBytes = RequireInteger(o.Get("sizeBytes"), "sizeBytes", 1, kMaxSafe);
  if (Has(o, "unmaskingList")) a.unmaskingList = RequireString(o.Get("unmaskingList"), "unmaskingList");
  if (Has(o, "operationId")) a.operationId = RequireString(o.Get("operationId"), "operationId");
  return a;
}

std::vector<std::string> DriveIdsFromJs(const Napi::Value& v) { return StringList(v, "driveIds"); }

ExtendLunArgs ExtendLunArgsFromJs(const Napi::Value& v) {
  Napi::Object o = RequireObject(v, "request");
  ExtendLunArgs a;
  a.lunId = RequireId(o.Get("lunId"), "lunId");
  a.bytesToAdd = RequireInteger(o.Get("bytesToAdd"), "bytesToAdd", 1, kMaxSafe);
  if (Has(o, "driveIds")) a.driveIds = StringList(o.Get("driveIds"), "driveIds");
  if (Has(o, "operationId")) a.operationId = RequireString(o.Get("operationId"), "operationId");
  return a;
}

ShrinkLunArgs ShrinkLunArgsFromJs(const Napi::Value& v) {
  Napi::Object o = RequireObject(v, "request");
  ShrinkLunArgs a;
  a.lunId = RequireId(o.Get("lunId"), "lunId");
  a.bytesToRemove = RequireInteger(o.Get("bytesToRemove"), "bytesToRemove", 1, kMaxSafe);
  if (Has(o, "operationId")) a.operationId = RequireString(o.Get("operationId"), "operationId");
  return a;
}

std::string LunIdFromJs(const Napi::Value& v) { return RequireId(v, "lunId"); }

std::string IdFromJs(const Napi::Value& v, const std::string& field) { return RequireId(v, field); }

bool BoolFromJs(const Napi::Value& v, const std::string& field) { return RequireBool(v, field); }

RecoverLunArgs RecoverLunArgsFromJs(const Napi::Value& v) {
  Napi::Object o = RequireObject(v, "request");
  RecoverLunArgs a;
  a.lunId = RequireId(o.Get("lunId"), "lunId");
  if (Has(o, "operationId")) a.operationId = RequireString(o.Get("operationId"), "operationId");
  return a;
}

sim::Lun SimLunFromJs(const Napi::Value& v, const std::string& field) { return LunFromJs(v, field); }

sim::Drive SimDriveFromJs(const Napi::Value& v, const std::string& field) {
  Napi::Object o = RequireObject(v, field);
  if (!Has(o, "id")) ThrowInvalid(field + ".id", "must be a string");
  return DriveFromJs(v, field, 0);
}

Napi::Object SubsystemToJs(Napi::Env env, const SubsystemInfo& s) {
  Napi::Object o = Napi::Object::New(env);
  o.Set("id", s.id);
  o.Set("name", s.name);
  o.Set("identification", s.identification);
  o.Set("status", NameOf(kSubsystemStatus, s.status, "unknown"));
  o.Set("health", HealthName(s.health));
  Napi::Array types = Napi::Array::New(env);
  for (LunType t : s.supportedTypes) {
    if (sim::IsSpecific(t) || IsAutomagic(t)) types.Set(types.Length(), sim::LunTypeName(t));
  }
  o.Set("supportedTypes", types);
  Napi::Array stripes = Napi::Array::New(env, s.stripeSizes.size());
  for (uint32_t i = 0; i < s.stripeSizes.size(); ++i) stripes.Set(i, Bytes(env, s.stripeSizes[i]));
  o.Set("stripeSizes", stripes);
  o.Set("maskingCapable", s.maskingCapable);
  o.Set("driveCount", s.driveCount);
  o.Set("lunCount", s.lunCount);
  o.Set("capacityBytes", Bytes(env, s.capacityBytes));
  o.Set("freeBytes", Bytes(env, s.freeBytes));
  return o;
}

namespace {

// Appends JSON to a string, noting whether any byte is outside ASCII (so the JS thread need not scan it).
class JsonWriter {
 public:
  explicit JsonWriter(JsonText* out) : out_(&out->text), json_(out) {}

  void Raw(const char* text) { out_->append(text); }
  void Char(char c) { out_->push_back(c); }
  void String(const std::string& text) {
    static const char kHex[] = "0123456789abcdef";
    const char* data = text.data();
    out_->push_back('"');
    size_t run = 0;
    unsigned char high = 0;
    for (size_t i = 0; i < text.size(); ++i) {
      const auto u = static_cast<unsigned char>(data[i]);
      high |= u;
      if (u >= 0x20 && u != '"' && u != '\\') continue;  // UTF-8 passes through
      out_->append(data + run, i - run);
      run = i + 1;
      if (u < 0x20) {
        const char escape[] = {'\\', 'u', '0', '0', kHex[u >> 4], kHex[u & 0xF]};
        out_->append(escape, sizeof escape);
      } else {
        const char escape[] = {'\\', static_cast<char>(u)};
        out_->append(escape, sizeof escape);
      }
    }
    out_->append(data + run, text.size() - run);
    out_->push_back('"');
    if (high & 0x80) json_->ascii = false;
  }
  void Number(uint64_t value) { Digits(std::to_chars(buffer_, buffer_ + sizeof buffer_, value).ptr); }
  void Number(int32_t value) { Digits(std::to_chars(buffer_, buffer_ + sizeof buffer_, value).ptr); }
  // ,"key":value (key: a literal with nothing to escape)
  template <typename T>
  void Field(const char* key, const T& value) {
    out_->append(",\"").append(key).append("\":");
    Value(value);
  }

 private:
  void Value(const std::string& text) { String(text); }
  void Value(const char* text) { String(std::string(text)); }
  void Value(uint64_t value) { Number(value); }
  void Value(int32_t value) { Number(value); }
  void Digits(const char* end) { out_->append(buffer_, static_cast<size_t>(end - buffer_)); }

  std::string* out_;
  JsonText* json_;
  char buffer_[24];
};

void AppendDrives(JsonWriter* w, const std::vector<DriveInfo>& drives) {
  w->Char('[');
  for (size_t i = 0; i < drives.size(); ++i) {
    const DriveInfo& d = drives[i];
    if (i > 0) w->Char(',');
    w->Raw("{\"id\":");
    w->String(d.id);
    w->Field("subsystemId", d.subsystemId);
    w->Field("name", d.name);
    w->Field("identification", d.identification);
    w->Field("sizeBytes", d.sizeBytes);
    w->Field("freeBytes", d.freeBytes);
    w->Field("bus", d.bus);
    w->Field("slot", d.slot);
    w->Field("status", NameOf(kDriveStatus, d.status, "unknown"));
    w->Field("health", HealthName(d.health));
    w->Raw(",\"flags\":[");
    bool first = true;
    for (const auto& f : kDriveFlags) {
      if (!(d.flags & static_cast<uint32_t>(f.value))) continue;
      if (!first) w->Char(',');
      first = false;
      w->String(f.name);
    }
    w->Char(']');
    if (d.identifying) w->Raw(",\"identifying\":true");
    w->Char('}');
  }
  w->Char(']');
}

}  // namespace

JsonText DrivesToJson(const std::vector<DriveInfo>& drives) {
  JsonText out;
  out.text.reserve(drives.size() * 320 + 2);
  JsonWriter w(&out);
  AppendDrives(&w, drives);
  return out;
}

JsonText ExtentsToJson(const std::vector<ExtentInfo>& extents) {
  JsonText out;
  out.text.reserve(extents.size() * 160 + 2);
  JsonWriter w(&out);
  w.Char('[');
  for (size_t i = 0; i < extents.size(); ++i) {
    const ExtentInfo& e = extents[i];
    if (i > 0) w.Char(',');
    w.Raw("{\"driveId\":");
    w.String(e.driveId);
    if (e.lunId.empty()) {
      w.Raw(",\"lunId\":null");
    } else {
      w.Field("lunId", e.lunId);
    }
    w.Field("offsetBytes", e.offsetBytes);
    w.Field("sizeBytes", e.sizeBytes);
    w.Char('}');
  }
  w.Char(']');
  return out;
}

Napi::Object IdentificationToJs(Napi::Env env, const LunIdentification& id) {
  static const char* const kTypes[] = {
      "vendorSpecific",  "vendorId",         "eui64", "naa",     "portRelative",
      "targetPortGroup", "logicalUnitGroup", "md5",   "scsiName"};
  static const char* const kCodeSets[] = {"unknown", "binary", "ascii", "utf8"};
  static const char* const kAssociations[] = {"device", "port", "target"};
  static const char kHex[] = "0123456789abcdef";
  Napi::Object o = Napi::Object::New(env);
  const std::pair<const char*, const std::string*> texts[] = {{"vendorId", &id.vendorId},
                                                              {"productId", &id.productId},
                                                              {"productRevision", &id.productRevision},
                                                              {"serialNumber", &id.serialNumber}};
  for (const auto& [key, value] : texts) {
    if (!value->empty()) o.Set(key, *value);
  }
  Napi::Array identifiers = Napi::Array::New(env, id.identifiers.size());
  for (uint32_t i = 0; i < id.identifiers.size(); ++i) {
    const StorageIdentifier& s = id.identifiers[i];
    Napi::Object io = Napi::Object::New(env);
    io.Set("type", s.type >= 0 && s.type <= 8 ? kTypes[s.type] : "vendorSpecific");
    const char* codeSet = s.codeSet >= 0 && s.codeSet <= 3 ? kCodeSets[s.codeSet] : "unknown";
    io.Set("codeSet", codeSet);
    io.Set("association",
           s.association >= 0 && s.association <= 2 ? kAssociations[s.association] : "unknown");
    std::string value;
    if (s.codeSet == 2 || s.codeSet == 3) {
      value.assign(s.value.begin(), s.value.end());
      while (!value.empty() && value.back() == '\0') value.pop_back();
    } else {
      for (uint8_t b : s.value) {
        value.push_back(kHex[b >> 4]);
        value.push_back(kHex[b & 0xF]);
      }
    }
    io.Set("value", value);
    identifiers.Set(i, io);
  }
  o.Set("identifiers", identifiers);
  return o;
}

Napi::Value ParseJson(Napi::Env env, const JsonText& json) {
  Napi::Object jsonObject = env.Global().Get("JSON").As<Napi::Object>();
  Napi::Function parse = jsonObject.Get("parse").As<Napi::Function>();
  napi_value text;
  // Pure ASCII (the usual case) is valid Latin-1, which V8 takes without decoding UTF-8.
  napi_status status = json.ascii ? napi_create_string_latin1(env, json.text.data(), json.text.size(), &text)
                                  : napi_create_string_utf8(env, json.text.data(), json.text.size(), &text);
  NAPI_THROW_IF_FAILED(env, status, Napi::Value());
  return parse.Call(jsonObject, {text});
}

Napi::Object LunToJs(Napi::Env env, const LunInfo& l) {
  Napi::Object o = Napi::Object::New(env);
  o.Set("id", l.id);
  o.Set("subsystemId", l.subsystemId);
  o.Set("name", l.name);
  o.Set("identification", l.identification);
  o.Set("type", sim::LunTypeName(l.type));
  o.Set("sizeBytes", Bytes(env, l.sizeBytes));
  o.Set("status", NameOf(kLunStatus, l.status, "unknown"));
  o.Set("health", HealthName(l.health));
  o.Set("unmaskingList", l.unmaskingList);
  o.Set("driveIds", StringsToJs(env, l.driveIds));
  if (l.stripeSize != 0) o.Set("stripeSizeBytes", Bytes(env, l.stripeSize));
  return o;
}

Napi::Object ProgressToJs(Napi::Env env, const OperationStatus& s) {
  Napi::Object o = Napi::Object::New(env);
  o.Set("hresult", static_cast<double>(static_cast<uint32_t>(s.hr)));
  // Outside 0-100 = unknown (0xFFFFFFFF is VDS's "no value"; providers have reported 253): null, never 100.
  if (s.percent > 100) {
    o.Set("percent", env.Null());
  } else {
    o.Set("percent", s.percent);
  }
  o.Set("bytesDone", Bytes(env, s.bytesDone));
  return o;
}

Napi::Object StateToJs(Napi::Env env, const sim::State& state) {
  Napi::Object root = Napi::Object::New(env);
  root.Set("version", state.version);
  Napi::Array subsystems = Napi::Array::New(env, state.subsystems.size());
  for (uint32_t si = 0; si < state.subsystems.size(); ++si) {
    const sim::Subsystem& s = state.subsystems[si];
    Napi::Object so = Napi::Object::New(env);
    so.Set("id", s.id);
    so.Set("name", s.name);
    Napi::Array types = Napi::Array::New(env, s.supportedTypes.size());
    for (uint32_t i = 0; i < s.supportedTypes.size(); ++i)
      types.Set(i, sim::LunTypeName(s.supportedTypes[i]));
    so.Set("supportedTypes", types);
    Napi::Array stripes = Napi::Array::New(env, s.stripeSizes.size());
    for (uint32_t i = 0; i < s.stripeSizes.size(); ++i) stripes.Set(i, Bytes(env, s.stripeSizes[i]));
    so.Set("stripeSizes", stripes);
    so.Set("initRateBytesPerSec", Bytes(env, s.initRateBytesPerSec));
    so.Set("maskingCapable", s.maskingCapable);
    if (s.automaticHotSpare) so.Set("automaticHotSpare", true);
    so.Set("status", NameOf(kSubsystemStatus, s.status, "unknown"));
    so.Set("health", HealthName(s.health));
    Napi::Array drives = Napi::Array::New(env, s.drives.size());
    for (uint32_t i = 0; i < s.drives.size(); ++i) {
      const sim::Drive& d = s.drives[i];
      Napi::Object o = Napi::Object::New(env);
      o.Set("id", d.id);
      o.Set("name", d.name);
      o.Set("sizeBytes", Bytes(env, d.sizeBytes));
      o.Set("bus", d.bus);
      o.Set("slot", d.slot);
      o.Set("status", NameOf(kDriveStatus, d.status, "unknown"));
      o.Set("health", HealthName(d.health));
      o.Set("hotSpare", d.hotSpare);
      if (d.identifying) o.Set("identifying", true);
      drives.Set(i, o);
    }
    so.Set("drives", drives);
    Napi::Array faults = Napi::Array::New(env, s.faults.size());
    for (uint32_t i = 0; i < s.faults.size(); ++i) {
      const sim::Fault& f = s.faults[i];
      Napi::Object o = Napi::Object::New(env);
      o.Set("kind", FaultKindName(f.kind));
      if (f.kind == sim::FaultKind::kFailAt || f.kind == sim::FaultKind::kDriveFailsAt)
        o.Set("percent", f.percent);
      if (Failed(f.hresult)) o.Set("hresult", static_cast<double>(static_cast<uint32_t>(f.hresult)));
      if (f.kind == sim::FaultKind::kDriveFailsAt) o.Set("drive", f.drive);
      faults.Set(i, o);
    }
    so.Set("faults", faults);
    Napi::Array luns = Napi::Array::New(env, s.luns.size());
    for (uint32_t i = 0; i < s.luns.size(); ++i) {
      const sim::Lun& l = s.luns[i];
      Napi::Object o = Napi::Object::New(env);
      o.Set("id", l.id);
      o.Set("name", l.name);
      o.Set("type", sim::LunTypeName(l.type));
      o.Set("sizeBytes", Bytes(env, l.sizeBytes));
      o.Set("stripeSizeBytes", Bytes(env, l.stripeSizeBytes));
      o.Set("unmaskingList", l.unmaskingList);
      Napi::Array extents = Napi::Array::New(env, l.extents.size());
      for (uint32_t e = 0; e < l.extents.size(); ++e) {
        Napi::Object eo = Napi::Object::New(env);
        eo.Set("driveId", l.extents[e].driveId);
        eo.Set("offsetBytes", Bytes(env, l.extents[e].offsetBytes));
        eo.Set("lengthBytes", Bytes(env, l.extents[e].lengthBytes));
        extents.Set(e, eo);
      }
      o.Set("extents", extents);
      if (!l.operationId.empty()) o.Set("operationId", l.operationId);
      if (!l.staleDriveIds.empty()) o.Set("staleDriveIds", StringsToJs(env, l.staleDriveIds));
      if (l.rebuildBytes > 0) {
        Napi::Object r = Napi::Object::New(env);
        r.Set("driveIds", StringsToJs(env, l.rebuildDriveIds));
        r.Set("startedAtMs", static_cast<double>(l.rebuildStartedAtMs));
        r.Set("bytes", Bytes(env, l.rebuildBytes));
        o.Set("rebuild", r);
      }
      luns.Set(i, o);
    }
    so.Set("luns", luns);
    subsystems.Set(si, so);
  }
  root.Set("subsystems", subsystems);
  return root;
}

}  // namespace lun::js
