// JS ↔ plain C++ conversions. JS → C++ validates every value (type, range) and throws InputError naming the
// field; C++ → JS turns VDS numbers into the contract's strings (electron/contract/model.ts).
#pragma once

#include <napi.h>

#include <string>
#include <vector>

#include "provider.h"
#include "sim/state.h"

namespace lun::js {

std::string RequireString(const Napi::Value& v, const std::string& field);
uint32_t RequirePollInterval(const Napi::Value& v, const std::string& field);
sim::State StateFromJs(const Napi::Value& v, const std::string& field);
MaxSizeArgs MaxSizeArgsFromJs(const Napi::Value& v);
CreateLunArgs CreateLunArgsFromJs(const Napi::Value& v);
ExtendLunArgs ExtendLunArgsFromJs(const Napi::Value& v);
ShrinkLunArgs ShrinkLunArgsFromJs(const Napi::Value& v);
std::string LunIdFromJs(const Napi::Value& v);                         // a non-empty string, field "lunId"
std::string IdFromJs(const Napi::Value& v, const std::string& field);  // a non-empty string
bool BoolFromJs(const Napi::Value& v, const std::string& field);
RecoverLunArgs RecoverLunArgsFromJs(const Napi::Value& v);
std::vector<std::string> DriveIdsFromJs(const Napi::Value& v);  // an array of strings, field "driveIds"
sim::Lun SimLunFromJs(const Napi::Value& v, const std::string& field);      // the state file's LUN shape
sim::Drive SimDriveFromJs(const Napi::Value& v, const std::string& field);  // the state file's drive shape

Napi::Object SubsystemToJs(Napi::Env env, const SubsystemInfo& s);
// Drive lists are large (an array can hold thousands): they are serialised to JSON on the worker thread and
// parsed once by V8 on the JS thread, far cheaper than a property set per field through N-API.
struct JsonText {
  std::string text;
  bool ascii = true;  // no byte above 0x7F: V8 takes it as Latin-1, undecoded
};
JsonText DrivesToJson(const std::vector<DriveInfo>& drives);
Napi::Value ParseJson(Napi::Env env, const JsonText& json);
// The capacity map can hold millions of extents: JSON as for drives ("lunId": null for free space).
JsonText ExtentsToJson(const std::vector<ExtentInfo>& extents);
Napi::Object IdentificationToJs(Napi::Env env, const LunIdentification& id);
Napi::Object LunToJs(Napi::Env env, const LunInfo& l);
Napi::Object ProgressToJs(Napi::Env env, const OperationStatus& s);
Napi::Object StateToJs(Napi::Env env, const sim::State& state);

}  // namespace lun::js
