// GENERATED from native/src/hresult_table.cc by scripts/gen-hresults.js: do not edit (run `node scripts/gen-hresults.js`).
// The one HRESULT table: every code the product names, its HRESULT and its English message and action.

export interface HresultEntry {
  hresult: number;
  code: string;
  message: string;
  action?: string;
}

export const HRESULT_TABLE: readonly HresultEntry[] = [
  { hresult: 0x00000000, code: 'S_OK', message: 'The operation succeeded.' },
  { hresult: 0x00000001, code: 'S_FALSE', message: 'The operation succeeded with nothing to do.' },
  {
    hresult: 0x8000ffff,
    code: 'E_UNEXPECTED',
    message: 'The storage provider gave an answer that makes no sense (an errant provider).',
    action:
      'Refresh the view and check whether the object was created; report the provider to its vendor if this repeats.',
  },
  {
    hresult: 0x80004001,
    code: 'E_NOTIMPL',
    message: 'The storage provider does not implement this operation.',
  },
  {
    hresult: 0x80004002,
    code: 'E_NOINTERFACE',
    message: 'The storage provider does not offer the interface this operation needs.',
    action: "Update the array's VDS hardware provider.",
  },
  {
    hresult: 0x80004003,
    code: 'E_POINTER',
    message: 'An internal call passed an invalid pointer.',
    action: 'Wait a moment and try again.',
  },
  { hresult: 0x80004004, code: 'E_ABORT', message: 'The operation was aborted.' },
  {
    hresult: 0x80004005,
    code: 'E_FAIL',
    message: 'The operation failed for an unspecified reason.',
    action: "Check the array's own management console and event log, then try again.",
  },
  {
    hresult: 0x8000000a,
    code: 'E_PENDING',
    message: 'The data is not available yet.',
    action: 'Wait a moment and try again.',
  },
  {
    hresult: 0x80070005,
    code: 'E_ACCESSDENIED',
    message: 'Access is denied.',
    action: 'Run LUN Studio as an administrator (VDS needs Administrators or Backup Operators membership).',
  },
  {
    hresult: 0x80070006,
    code: 'E_HANDLE',
    message: 'An internal handle was invalid.',
    action: 'Wait a moment and try again.',
  },
  {
    hresult: 0x8007000e,
    code: 'E_OUTOFMEMORY',
    message: 'The system ran out of memory.',
    action: 'Close other programs and try again.',
  },
  {
    hresult: 0x80070057,
    code: 'E_INVALIDARG',
    message: 'A value in the request is not valid.',
    action: 'Correct the highlighted field.',
  },
  {
    hresult: 0x800700aa,
    code: 'HRESULT_FROM_WIN32(ERROR_BUSY)',
    message: 'The requested resource is in use.',
    action: 'Wait a moment and try again.',
  },
  {
    hresult: 0x800705b4,
    code: 'HRESULT_FROM_WIN32(ERROR_TIMEOUT)',
    message: 'The operation timed out.',
    action: 'Wait a moment and try again.',
  },
  {
    hresult: 0x80070422,
    code: 'HRESULT_FROM_WIN32(ERROR_SERVICE_DISABLED)',
    message: 'The Virtual Disk Service is disabled.',
    action: 'Set the Virtual Disk Service (vds) to Manual start in Services, then try again.',
  },
  {
    hresult: 0x800706ba,
    code: 'RPC_S_SERVER_UNAVAILABLE',
    message: 'The Virtual Disk Service cannot be reached.',
    action:
      'Make sure the Virtual Disk Service (vds) is not disabled and that a hardware provider is installed.',
  },
  {
    hresult: 0x80040154,
    code: 'REGDB_E_CLASSNOTREG',
    message: 'The Virtual Disk Service is not registered on this computer.',
    action:
      'Make sure the Virtual Disk Service (vds) is not disabled and that a hardware provider is installed.',
  },
  { hresult: 0x80040110, code: 'CLASS_E_NOAGGREGATION', message: 'The VDS loader refused the request.' },
  {
    hresult: 0x800401f0,
    code: 'CO_E_NOTINITIALIZED',
    message: 'COM was not initialized on the calling thread (an internal error).',
    action: 'Restart LUN Studio; report this if it repeats.',
  },
  {
    hresult: 0x80080005,
    code: 'CO_E_SERVER_EXEC_FAILURE',
    message: 'The Virtual Disk Service failed to start.',
    action:
      'Make sure the Virtual Disk Service (vds) is not disabled and that a hardware provider is installed.',
  },
  {
    hresult: 0x80010001,
    code: 'RPC_E_CALL_REJECTED',
    message: 'The Virtual Disk Service rejected the call.',
    action: 'Wait a moment and try again.',
  },
  {
    hresult: 0x80010002,
    code: 'RPC_E_CALL_CANCELED',
    message: 'The call to the Virtual Disk Service was canceled.',
    action: 'Wait a moment and try again.',
  },
  {
    hresult: 0x80010105,
    code: 'RPC_E_SERVERFAULT',
    message: 'The Virtual Disk Service crashed while handling the call.',
    action: 'Restart the Virtual Disk Service (vds) and try again.',
  },
  {
    hresult: 0x80010106,
    code: 'RPC_E_CHANGED_MODE',
    message: 'COM was initialized with another threading model (an internal error).',
    action: 'Restart LUN Studio; report this if it repeats.',
  },
  {
    hresult: 0x80010108,
    code: 'RPC_E_DISCONNECTED',
    message: 'The connection to the Virtual Disk Service was lost.',
    action: 'Reopen the provider (refresh) and try again.',
  },
  {
    hresult: 0x8001010e,
    code: 'RPC_E_WRONG_THREAD',
    message: 'A VDS object was used from the wrong thread (an internal error).',
    action: 'Restart LUN Studio; report this if it repeats.',
  },
  {
    hresult: 0x8001011f,
    code: 'RPC_E_TIMEOUT',
    message: 'The call to the Virtual Disk Service timed out.',
    action: 'Wait a moment and try again.',
  },
  {
    hresult: 0x80042400,
    code: 'VDS_E_NOT_SUPPORTED',
    message: 'The provider or array does not support this operation or option.',
    action: 'Choose another LUN type or option that the subsystem lists as supported.',
  },
  {
    hresult: 0x80042401,
    code: 'VDS_E_INITIALIZED_FAILED',
    message: 'The Virtual Disk Service failed to initialize.',
    action:
      'Make sure the Virtual Disk Service (vds) is not disabled and that a hardware provider is installed.',
  },
  {
    hresult: 0x80042402,
    code: 'VDS_E_INITIALIZE_NOT_CALLED',
    message: 'The Virtual Disk Service was used before it was ready.',
    action: 'Wait a moment and try again.',
  },
  { hresult: 0x80042403, code: 'VDS_E_ALREADY_REGISTERED', message: 'The object is already registered.' },
  {
    hresult: 0x80042404,
    code: 'VDS_E_ANOTHER_CALL_IN_PROGRESS',
    message: 'Another operation on this object is still in progress.',
    action: 'Wait for the running operation to finish, then try again.',
  },
  {
    hresult: 0x80042405,
    code: 'VDS_E_OBJECT_NOT_FOUND',
    message: 'The subsystem, drive or LUN was not found.',
    action: 'Refresh the view: the object may have been removed.',
  },
  { hresult: 0x80042409, code: 'VDS_E_OPERATION_PENDING', message: 'The operation is still in progress.' },
  {
    hresult: 0x8004240a,
    code: 'VDS_E_OPERATION_DENIED',
    message: 'The operation is not permitted on this object.',
  },
  {
    hresult: 0x8004240b,
    code: 'VDS_E_OBJECT_DELETED',
    message: 'The object no longer exists.',
    action: 'Refresh the view.',
  },
  {
    hresult: 0x8004240c,
    code: 'VDS_E_CANCEL_TOO_LATE',
    message: 'The operation is too far along to be canceled; it will complete.',
  },
  {
    hresult: 0x8004240d,
    code: 'VDS_E_OPERATION_CANCELED',
    message: 'The operation was canceled; nothing was created.',
  },
  {
    hresult: 0x8004240f,
    code: 'VDS_E_NOT_ENOUGH_SPACE',
    message: 'The chosen drives do not have enough free space for this size.',
    action: 'Choose a smaller size (see the largest possible size), other drives, or another LUN type.',
  },
  {
    hresult: 0x80042410,
    code: 'VDS_E_NOT_ENOUGH_DRIVE',
    message: 'There are not enough usable drives for this LUN type.',
    action: 'Select more drives, or choose a LUN type that needs fewer drives.',
  },
  { hresult: 0x80042411, code: 'VDS_E_BAD_COOKIE', message: 'The notification cookie was not found.' },
  { hresult: 0x80042413, code: 'VDS_E_DEVICE_IN_USE', message: 'The device is in use.' },
  {
    hresult: 0x80042415,
    code: 'VDS_E_INVALID_OPERATION',
    message: 'This operation is not valid for the object in its current state.',
  },
  {
    hresult: 0x80042419,
    code: 'VDS_E_UNRECOVERABLE_ERROR',
    message: 'The Virtual Disk Service hit an unrecoverable error.',
    action: 'Restart the Virtual Disk Service (vds).',
  },
  {
    hresult: 0x8004241c,
    code: 'VDS_E_PROVIDER_INITIALIZATION_FAILED',
    message: "The array's VDS hardware provider failed to start.",
    action:
      'Check that the array is reachable and its provider is installed correctly, then restart the Virtual Disk Service.',
  },
  { hresult: 0x8004241d, code: 'VDS_E_OBJECT_EXISTS', message: 'The object already exists.' },
  {
    hresult: 0x8004241f,
    code: 'VDS_E_PROVIDER_CACHE_CORRUPT',
    message: "The provider's cached view of the array is corrupt.",
    action:
      'Ask the provider to reenumerate the array (IVdsHwProvider::Reenumerate), then refresh, and try again.',
  },
  {
    hresult: 0x80042427,
    code: 'VDS_E_ACCESS_DENIED',
    message: 'Access to the Virtual Disk Service is denied.',
    action: 'Run LUN Studio as an administrator (VDS needs Administrators or Backup Operators membership).',
  },
  {
    hresult: 0x8004242b,
    code: 'VDS_E_IO_ERROR',
    message: 'An I/O error occurred on the array.',
    action: "Check the array's own management console and event log, then try again.",
  },
  {
    hresult: 0x80042431,
    code: 'VDS_E_OBJECT_STATUS_FAILED',
    message: 'A drive or other component involved has failed.',
    action: 'Pick online, healthy drives; replace the failed drive.',
  },
  {
    hresult: 0x80042441,
    code: 'VDS_E_BAD_PROVIDER_DATA',
    message: 'The provider returned invalid data.',
    action:
      'Ask the provider to reenumerate the array (IVdsHwProvider::Reenumerate), then refresh, and try again.',
  },
  {
    hresult: 0x80042442,
    code: 'VDS_E_PROVIDER_FAILURE',
    message: "The array's provider failed to complete the operation.",
    action: "Check the array's own management console and event log, then try again.",
  },
  {
    hresult: 0x80042448,
    code: 'VDS_E_INTERNAL_ERROR',
    message: 'The Virtual Disk Service hit an internal error.',
    action: 'Wait a moment and try again.',
  },
  {
    hresult: 0x8004244a,
    code: 'VDS_E_PROVIDER_TYPE_NOT_SUPPORTED',
    message: 'The operation is not supported for this provider type.',
  },
  {
    hresult: 0x8004244e,
    code: 'VDS_E_ASYNC_OBJECT_FAILURE',
    message: 'The provider could not set up the asynchronous operation.',
    action: 'Wait a moment and try again.',
  },
  {
    hresult: 0x80042453,
    code: 'VDS_E_OBJECT_OUT_OF_SYNC',
    message: 'The view of this object is out of date.',
    action:
      'Ask the provider to reenumerate the array (IVdsHwProvider::Reenumerate), then refresh, and try again.',
  },
  {
    hresult: 0x8004245f,
    code: 'VDS_E_TIMEOUT',
    message: 'The operation timed out.',
    action: 'Wait a moment and try again.',
  },
  {
    hresult: 0x80042463,
    code: 'VDS_E_RETRY',
    message: 'The operation failed but may succeed if retried.',
    action: 'Wait a moment and try again.',
  },
  {
    hresult: 0x80042514,
    code: 'VDS_E_PROVIDER_EXITING',
    message: 'The provider is shutting down.',
    action: 'Wait a moment and try again.',
  },
];

/** HRESULTs by symbolic code (codes that are identifiers: E_INVALIDARG, VDS_E_NOT_ENOUGH_SPACE, …; a
 * HRESULT_FROM_WIN32(ERROR_X) row by its Win32 name, ERROR_X). */
export const HRESULT = {
  S_OK: 0x00000000,
  S_FALSE: 0x00000001,
  E_UNEXPECTED: 0x8000ffff,
  E_NOTIMPL: 0x80004001,
  E_NOINTERFACE: 0x80004002,
  E_POINTER: 0x80004003,
  E_ABORT: 0x80004004,
  E_FAIL: 0x80004005,
  E_PENDING: 0x8000000a,
  E_ACCESSDENIED: 0x80070005,
  E_HANDLE: 0x80070006,
  E_OUTOFMEMORY: 0x8007000e,
  E_INVALIDARG: 0x80070057,
  ERROR_BUSY: 0x800700aa,
  ERROR_TIMEOUT: 0x800705b4,
  ERROR_SERVICE_DISABLED: 0x80070422,
  RPC_S_SERVER_UNAVAILABLE: 0x800706ba,
  REGDB_E_CLASSNOTREG: 0x80040154,
  CLASS_E_NOAGGREGATION: 0x80040110,
  CO_E_NOTINITIALIZED: 0x800401f0,
  CO_E_SERVER_EXEC_FAILURE: 0x80080005,
  RPC_E_CALL_REJECTED: 0x80010001,
  RPC_E_CALL_CANCELED: 0x80010002,
  RPC_E_SERVERFAULT: 0x80010105,
  RPC_E_CHANGED_MODE: 0x80010106,
  RPC_E_DISCONNECTED: 0x80010108,
  RPC_E_WRONG_THREAD: 0x8001010e,
  RPC_E_TIMEOUT: 0x8001011f,
  VDS_E_NOT_SUPPORTED: 0x80042400,
  VDS_E_INITIALIZED_FAILED: 0x80042401,
  VDS_E_INITIALIZE_NOT_CALLED: 0x80042402,
  VDS_E_ALREADY_REGISTERED: 0x80042403,
  VDS_E_ANOTHER_CALL_IN_PROGRESS: 0x80042404,
  VDS_E_OBJECT_NOT_FOUND: 0x80042405,
  VDS_E_OPERATION_PENDING: 0x80042409,
  VDS_E_OPERATION_DENIED: 0x8004240a,
  VDS_E_OBJECT_DELETED: 0x8004240b,
  VDS_E_CANCEL_TOO_LATE: 0x8004240c,
  VDS_E_OPERATION_CANCELED: 0x8004240d,
  VDS_E_NOT_ENOUGH_SPACE: 0x8004240f,
  VDS_E_NOT_ENOUGH_DRIVE: 0x80042410,
  VDS_E_BAD_COOKIE: 0x80042411,
  VDS_E_DEVICE_IN_USE: 0x80042413,
  VDS_E_INVALID_OPERATION: 0x80042415,
  VDS_E_UNRECOVERABLE_ERROR: 0x80042419,
  VDS_E_PROVIDER_INITIALIZATION_FAILED: 0x8004241c,
  VDS_E_OBJECT_EXISTS: 0x8004241d,
  VDS_E_PROVIDER_CACHE_CORRUPT: 0x8004241f,
  VDS_E_ACCESS_DENIED: 0x80042427,
  VDS_E_IO_ERROR: 0x8004242b,
  VDS_E_OBJECT_STATUS_FAILED: 0x80042431,
  VDS_E_BAD_PROVIDER_DATA: 0x80042441,
  VDS_E_PROVIDER_FAILURE: 0x80042442,
  VDS_E_INTERNAL_ERROR: 0x80042448,
  VDS_E_PROVIDER_TYPE_NOT_SUPPORTED: 0x8004244a,
  VDS_E_ASYNC_OBJECT_FAILURE: 0x8004244e,
  VDS_E_OBJECT_OUT_OF_SYNC: 0x80042453,
  VDS_E_TIMEOUT: 0x8004245f,
  VDS_E_RETRY: 0x80042463,
  VDS_E_PROVIDER_EXITING: 0x80042514,
} as const;

export type HresultCode = keyof typeof HRESULT;
