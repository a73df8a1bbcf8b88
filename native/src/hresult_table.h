// The one HRESULT table: symbolic code, plain-language message and suggested action for every HRESULT
// the product names. Shared by the sim backend, the Windows VDS backend and (through hresultTable()) JS.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "provider.h"

namespace lun {

namespace hr {
constexpr HResult kOk = Hr(0x00000000);
constexpr HResult kFalse = Hr(0x00000001);
constexpr HResult kUnexpected = Hr(0x8000FFFF);
constexpr HResult kNotImpl = Hr(0x80004001);
constexpr HResult kNoInterface = Hr(0x80004002);
constexpr HResult kPointer = Hr(0x80004003);
constexpr HResult kAbort = Hr(0x80004004);
constexpr HResult kFail = Hr(0x80004005);
constexpr HResult kAccessDenied = Hr(0x80070005);
constexpr HResult kOutOfMemory = Hr(0x8007000E);
constexpr HResult kInvalidArg = Hr(0x80070057);
constexpr HResult kClassNotReg = Hr(0x80040154);
constexpr HResult kCoNotInitialized = Hr(0x800401F0);

constexpr HResult kVdsNotSupported = Hr(0x80042400);
constexpr HResult kVdsInitializedFailed = Hr(0x80042401);
constexpr HResult kVdsAnotherCallInProgress = Hr(0x80042404);
constexpr HResult kVdsObjectNotFound = Hr(0x80042405);
constexpr HResult kVdsOperationPending = Hr(0x80042409);
constexpr HResult kVdsOperationDenied = Hr(0x8004240A);
constexpr HResult kVdsObjectDeleted = Hr(0x8004240B);
constexpr HResult kVdsCancelTooLate = Hr(0x8004240C);
constexpr HResult kVdsOperationCanceled = Hr(0x8004240D);
constexpr HResult kVdsNotEnoughSpace = Hr(0x8004240F);
constexpr HResult kVdsNotEnoughDrive = Hr(0x80042410);
constexpr HResult kVdsDeviceInUse = Hr(0x80042413);
constexpr HResult kVdsInvalidOperation = Hr(0x80042415);
constexpr HResult kVdsProviderInitializationFailed = Hr(0x8004241C);
constexpr HResult kVdsProviderCacheCorrupt = Hr(0x8004241F);
constexpr HResult kVdsAccessDenied = Hr(0x80042427);
constexpr HResult kVdsObjectStatusFailed = Hr(0x80042431);
constexpr HResult kVdsBadProviderData = Hr(0x80042441);
constexpr HResult kVdsProviderFailure = Hr(0x80042442);
}  // namespace hr

struct HResultEntry {
  uint32_t hresult;
  const char* code;
  const char* message;
  const char* action;  // nullptr when there is nothing specific to do
};

const std::vector<HResultEntry>& HResultTable();

// Always answers: unknown HRESULTs get code "HRESULT_0x%08X" and a generic message.
struct HResultDescription {
  std::string code;
  std::string message;
  std::string action;  // empty = none
};
HResultDescription DescribeHResult(HResult hr);

std::string FormatHResult(HResult hr);  // "0x8004240F"

}  // namespace lun
