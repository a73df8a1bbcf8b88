// Errors that cross into JS: an Error with code, hresult (unsigned), message, action, field.
#pragma once

#include <napi.h>

#include <string>

#include "provider.h"

namespace lun {

// Thrown by the JS → C++ converters for bad input; the method boundary turns it into a rejection.
struct InputError {
  Outcome outcome;
};
[[noreturn]] void ThrowInvalid(const std::string& field, const std::string& rule);

// message = outcome.detail when present, else the HRESULT table's message.
Napi::Error MakeError(Napi::Env env, const Outcome& outcome);
Napi::Promise RejectedPromise(Napi::Env env, const Outcome& outcome);

}  // namespace lun
