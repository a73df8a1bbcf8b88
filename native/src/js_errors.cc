#include "js_errors.h"

#include "hresult_table.h"

namespace lun {

void ThrowInvalid(const std::string& field, const std::string& rule) {
  throw InputError{Outcome::Fail(hr::kInvalidArg, field + ": " + rule, field)};
}

Napi::Error MakeError(Napi::Env env, const Outcome& outcome) {
  const HResultDescription d = DescribeHResult(outcome.hr);
  Napi::Error error = Napi::Error::New(env, outcome.detail.empty() ? d.message : outcome.detail);
  Napi::Object obj = error.Value();
  obj.Set("code", d.code);
  obj.Set("hresult", static_cast<double>(static_cast<uint32_t>(outcome.hr)));
  const std::string& action = outcome.action.empty() ? d.action : outcome.action;
  if (!action.empty()) obj.Set("action", action);
  if (!outcome.field.empty()) obj.Set("field", outcome.field);
  return error;
}

Napi::Promise RejectedPromise(Napi::Env env, const Outcome& outcome) {
  auto deferred = Napi::Promise::Deferred::New(env);
  deferred.Reject(MakeError(env, outcome).Value());
  return deferred.Promise();
}

}  // namespace lun
