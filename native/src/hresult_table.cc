#include "hresult_table.h"

#include <cstdio>

namespace lun {

namespace {

constexpr const char* kRunAsAdmin =
    "Run LUN Studio as an administrator (VDS needs Administrators or Backup Operators membership).";
constexpr const char* kRefreshCache =
    "Ask the provider to reenumerate the array (IVdsHwProvider::Reenumerate), then refresh, and try again.";
constexpr const char* kCheckArray = "Check the array's own management console and event log, then try again.";
constexpr const char* kRetry = "Wait a moment and try again.";
constexpr const char* kStartVds =
    "Make sure the Virtual Disk Service (vds) is not disabled and that a hardware provider is installed.";

// Sorted by code family; lookups are linear (the table is small and only read on errors).
const std::vector<HResultEntry> kTable = {
    {0x00000000, "S_OK", "The operation succeeded.", nullptr},
    {0x00000001, "S_FALSE", "The operation succeeded with nothing to do.", nullptr},
    {0x8000FFFF, "E_UNEXPECTED",
     "The storage provider gave an answer that makes no sense (an errant provider).",
     "Refresh the view and check whether the object was created; report the provider to its vendor if this "
     "repeats."},
    {0x80004001, "E_NOTIMPL", "The storage provider does not implement this operation.", nullptr},
    {0x80004002, "E_NOINTERFACE", "The storage provider does not offer the interface this operation needs.",
     "Update the array's VDS hardware provider."},
    {0x80004003, "E_POINTER", "An internal call passed an invalid pointer.", kRetry},
    {0x80004004, "E_ABORT", "The operation was aborted.", nullptr},
    {0x80004005, "E_FAIL", "The operation failed for an unspecified reason.", kCheckArray},
    {0x8000000A, "E_PENDING", "The data is not available yet.", kRetry},
    {0x80070005, "E_ACCESSDENIED", "Access is denied.", kRunAsAdmin},
    {0x80070006, "E_HANDLE", "An internal handle was invalid.", kRetry},
    {0x8007000E, "E_OUTOFMEMORY", "The system ran out of memory.", "Close other programs and try again."},
    {0x80070057, "E_INVALIDARG", "A value in the request is not valid.", "Correct the highlighted field."},
    {0x800700AA, "HRESULT_FROM_WIN32(ERROR_BUSY)", "The requested resource is in use.", kRetry},
    {0x800705B4, "HRESULT_FROM_WIN32(ERROR_TIMEOUT)", "The operation timed out.", kRetry},
    {0x80070422, "HRESULT_FROM_WIN32(ERROR_SERVICE_DISABLED)", "The Virtual Disk Service is disabled.",
     "Set the Virtual Disk Service (vds) to Manual start in Services, then try again."},
    {0x800706BA, "RPC_S_SERVER_UNAVAILABLE", "The Virtual Disk Service cannot be reached.", kStartVds},
    {0x80040154, "REGDB_E_CLASSNOTREG", "The Virtual Disk Service is not registered on this computer.",
     kStartVds},
    {0x80040110, "CLASS_E_NOAGGREGATION", "The VDS loader refused the request.", nullptr},
    {0x800401F0, "CO_E_NOTINITIALIZED", "COM was not initialized on the calling thread (an internal error).",
     "Restart LUN Studio; report this if it repeats."},
    {0x80080005, "CO_E_SERVER_EXEC_FAILURE", "The Virtual Disk Service failed to start.", kStartVds},
    {0x80010001, "RPC_E_CALL_REJECTED", "The Virtual Disk Service rejected the call.", kRetry},
    {0x80010002, "RPC_E_CALL_CANCELED", "The call to the Virtual Disk Service was canceled.", kRetry},
    {0x80010105, "RPC_E_SERVERFAULT", "The Virtual Disk Service crashed while handling the call.",
     "Restart the Virtual Disk Service (vds) and try again."},
    {0x80010106, "RPC_E_CHANGED_MODE",
     "COM was initialized with another threading model (an internal error).",
     "Restart LUN Studio; report this if it repeats."},
    {0x80010108, "RPC_E_DISCONNECTED", "The connection to the Virtual Disk Service was lost.",
     "Reopen the provider (refresh) and try again."},
    {0x8001010E, "RPC_E_WRONG_THREAD", "A VDS object was used from the wrong thread (an internal error).",
     "Restart LUN Studio; report this if it repeats."},
    {0x8001011F, "RPC_E_TIMEOUT", "The call to the Virtual Disk Service timed out.", kRetry},

    {0x80042400, "VDS_E_NOT_SUPPORTED", "The provider or array does not support this operation or option.",
     "Choose another LUN type or option that the subsystem lists as supported."},
    {0x80042401, "VDS_E_INITIALIZED_FAILED", "The Virtual Disk Service failed to initialize.", kStartVds},
    {0x80042402, "VDS_E_INITIALIZE_NOT_CALLED", "The Virtual Disk Service was used before it was ready.",
     kRetry},
    {0x80042403, "VDS_E_ALREADY_REGISTERED", "The object is already registered.", nullptr},
    {0x80042404, "VDS_E_ANOTHER_CALL_IN_PROGRESS", "Another operation on this object is still in progress.",
     "Wait for the running operation to finish, then try again."},
    {0x80042405, "VDS_E_OBJECT_NOT_FOUND", "The subsystem, drive or LUN was not found.",
     "Refresh the view: the object may have been removed."},
    {0x80042409, "VDS_E_OPERATION_PENDING", "The operation is still in progress.", nullptr},
    {0x8004240A, "VDS_E_OPERATION_DENIED", "The operation is not permitted on this object.", nullptr},
    {0x8004240B, "VDS_E_OBJECT_DELETED", "The object no longer exists.", "Refresh the view."},
    {0x8004240C, "VDS_E_CANCEL_TOO_LATE", "The operation is too far along to be canceled; it will complete.",
     nullptr},
    {0x8004240D, "VDS_E_OPERATION_CANCELED", "The operation was canceled; nothing was created.", nullptr},
    {0x8004240F, "VDS_E_NOT_ENOUGH_SPACE", "The chosen drives do not have enough free space for this size.",
     "Choose a smaller size (see the largest possible size), other drives, or another LUN type."},
    {0x80042410, "VDS_E_NOT_ENOUGH_DRIVE", "There are not enough usable drives for this LUN type.",
     "Select more drives, or choose a LUN type that needs fewer drives."},
    {0x80042411, "VDS_E_BAD_COOKIE", "The notification cookie was not found.", nullptr},
    {0x80042413, "VDS_E_DEVICE_IN_USE", "The device is in use.", nullptr},
    {0x80042415, "VDS_E_INVALID_OPERATION",
     "This operation is not valid for the object in its current state.", nullptr},
    {0x80042419, "VDS_E_UNRECOVERABLE_ERROR", "The Virtual Disk Service hit an unrecoverable error.",
     "Restart the Virtual Disk Service (vds)."},
    {0x8004241C, "VDS_E_PROVIDER_INITIALIZATION_FAILED", "The array's VDS hardware provider failed to start.",
     "Check that the array is reachable and its provider is installed correctly, then restart the Virtual "
     "Disk Service."},
    {0x8004241D, "VDS_E_OBJECT_EXISTS", "The object already exists.", nullptr},
    {0x8004241F, "VDS_E_PROVIDER_CACHE_CORRUPT", "The provider's cached view of the array is corrupt.",
     kRefreshCache},
    {0x80042427, "VDS_E_ACCESS_DENIED", "Access to the Virtual Disk Service is denied.", kRunAsAdmin},
    {0x8004242B, "VDS_E_IO_ERROR", "An I/O error occurred on the array.", kCheckArray},
    {0x80042431, "VDS_E_OBJECT_STATUS_FAILED", "A drive or other component involved has failed.",
     "Pick online, healthy drives; replace the failed drive."},
    {0x80042441, "VDS_E_BAD_PROVIDER_DATA", "The provider returned invalid data.", kRefreshCache},
    {0x80042442, "VDS_E_PROVIDER_FAILURE", "The array's provider failed to complete the operation.",
     kCheckArray},
    {0x80042448, "VDS_E_INTERNAL_ERROR", "The Virtual Disk Service hit an internal error.", kRetry},
    {0x8004244A, "VDS_E_PROVIDER_TYPE_NOT_SUPPORTED",
     "The operation is not supported for this provider type.", nullptr},
    {0x8004244E, "VDS_E_ASYNC_OBJECT_FAILURE", "The provider could not set up the asynchronous operation.",
     kRetry},
    {0x80042453, "VDS_E_OBJECT_OUT_OF_SYNC", "The view of this object is out of date.", kRefreshCache},
    {0x8004245F, "VDS_E_TIMEOUT", "The operation timed out.", kRetry},
    {0x80042463, "VDS_E_RETRY", "The operation failed but may succeed if retried.", kRetry},
    {0x80042514, "VDS_E_PROVIDER_EXITING", "The provider is shutting down.", kRetry},
};

}  // namespace

const std::vector<HResultEntry>& HResultTable() { return kTable; }

std::string FormatHResult(HResult hr) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "0x%08X", static_cast<unsigned>(static_cast<uint32_t>(hr)));
  return buf;
}

HResultDescription DescribeHResult(HResult hr) {
  const uint32_t bits = static_cast<uint32_t>(hr);
  for (const auto& e : kTable) {
    if (e.hresult == bits) return {e.code, e.message, e.action ? e.action : ""};
  }
  HResultDescription d;
  d.code = "HRESULT_" + FormatHResult(hr);
  if (Failed(hr)) {
    d.message =
        "The storage provider reported an error LUN Studio does not know (" + FormatHResult(hr) + ").";
    d.action = "Look the code up in the array vendor's documentation.";
  } else {
    d.message = "The storage provider reported success with an unusual status (" + FormatHResult(hr) + ").";
  }
  return d;
}

}  // namespace lun
