// VDS declarations for mingw-w64, whose <vds.h> has no COM interfaces, CLSIDs, IIDs or vdserr.h (and clashes
// with <vdslun.h>). Written from the public [MS-VDS] specification and the Windows SDK metadata:
// - every interface lists ALL its methods in vtable order (slot = [MS-VDS] opnum; IUnknown takes 0-2),
//   never in the alphabetical order of the reference pages; test/windows/vtable_slots_test.cc checks each
//   slot;
// - structs and enums keep the SDK names and layouts (x64: natural alignment, BOOL = 4 bytes).
// Only what the backend and the test VDS service use is declared in full; other pointer types stay opaque.
#pragma once

#include <objbase.h>
#include <unknwn.h>
#include <windows.h>

#ifdef GetObject
#undef GetObject  // windows.h maps it to GetObjectW; IVdsService::GetObject is a method name here
#endif

typedef GUID VDS_OBJECT_ID;

// ---- enums (values from vds.h / [MS-VDS] 2.2) ----
typedef enum _VDS_HEALTH {
  VDS_H_UNKNOWN = 0,
  VDS_H_HEALTHY = 1,
  VDS_H_REBUILDING = 2,
  VDS_H_STALE = 3,
  VDS_H_FAILING = 4,
  VDS_H_FAILING_REDUNDANCY = 5,
  VDS_H_FAILED_REDUNDANCY = 6,
  VDS_H_FAILED_REDUNDANCY_FAILING = 7,
  VDS_H_FAILED = 8,
  VDS_H_REPLACED = 9,
  VDS_H_PENDING_FAILURE = 10,
  VDS_H_DEGRADED = 11
} VDS_HEALTH;

typedef enum _VDS_SUB_SYSTEM_STATUS {
  VDS_SSS_UNKNOWN = 0,
  VDS_SSS_ONLINE = 1,
  VDS_SSS_NOT_READY = 2,
  VDS_SSS_OFFLINE = 4,
  VDS_SSS_FAILED = 5,
  VDS_SSS_PARTIALLY_MANAGED = 9
} VDS_SUB_SYSTEM_STATUS;

typedef enum _VDS_DRIVE_STATUS {
  VDS_DRS_UNKNOWN = 0,
  VDS_DRS_ONLINE = 1,
  VDS_DRS_NOT_READY = 2,
  VDS_DRS_OFFLINE = 4,
  VDS_DRS_FAILED = 5,
  VDS_DRS_REMOVED = 8
} VDS_DRIVE_STATUS;

typedef enum _VDS_DRIVE_FLAG {
  VDS_DRF_HOTSPARE = 0x1,
  VDS_DRF_ASSIGNED = 0x2,
  VDS_DRF_UNASSIGNED = 0x4,
  VDS_DRF_HOTSPARE_IN_USE = 0x8,
  VDS_DRF_HOTSPARE_STANDBY = 0x10
} VDS_DRIVE_FLAG;

typedef enum _VDS_LUN_STATUS {
  VDS_LS_UNKNOWN = 0,
  VDS_LS_ONLINE = 1,
  VDS_LS_NOT_READY = 2,
  VDS_LS_OFFLINE = 4,
  VDS_LS_FAILED = 5
} VDS_LUN_STATUS;

typedef enum _VDS_TRANSITION_STATE {
  VDS_TS_UNKNOWN = 0,
  VDS_TS_STABLE = 1,
  VDS_TS_EXTENDING = 2,
  VDS_TS_SHRINKING = 3,
  VDS_TS_RECONFIGING = 4,
  VDS_TS_RESTRIPING = 5  // [MS-VDS] and the SDK; mingw-w64's vds.h says 8, which is wrong
} VDS_TRANSITION_STATE;

typedef enum _VDS_LUN_TYPE {
  VDS_LT_UNKNOWN = 0,
  VDS_LT_DEFAULT = 1,
  VDS_LT_FAULT_TOLERANT = 2,
  VDS_LT_NON_FAULT_TOLERANT = 3,
  VDS_LT_SIMPLE = 10,
  VDS_LT_SPAN = 11,
  VDS_LT_STRIPE = 12,
  VDS_LT_MIRROR = 13,
  VDS_LT_PARITY = 14,
  VDS_LT_RAID2 = 15,
  VDS_LT_RAID3 = 16,
  VDS_LT_RAID4 = 17,
  VDS_LT_RAID5 = 18,
  VDS_LT_RAID6 = 19,
  VDS_LT_RAID01 = 20,
  VDS_LT_RAID03 = 21,
  VDS_LT_RAID05 = 22,
  VDS_LT_RAID10 = 23,
  VDS_LT_RAID15 = 24,
  VDS_LT_RAID30 = 25,
  VDS_LT_RAID50 = 26,
  VDS_LT_RAID51 = 27,
  VDS_LT_RAID53 = 28,
  VDS_LT_RAID60 = 29,
  VDS_LT_RAID61 = 30
} VDS_LUN_TYPE;

typedef enum _VDS_SUB_SYSTEM_FLAG {
  VDS_SF_LUN_MASKING_CAPABLE = 0x1,
  VDS_SF_LUN_PLEXING_CAPABLE = 0x2,
  VDS_SF_LUN_REMAPPING_CAPABLE = 0x4,
  VDS_SF_DRIVE_EXTENT_CAPABLE = 0x8,
  VDS_SF_HARDWARE_CHECKSUM_CAPABLE = 0x10,
  VDS_SF_RADIUS_CAPABLE = 0x20,
  VDS_SF_READ_BACK_VERIFY_CAPABLE = 0x40,
  VDS_SF_WRITE_THROUGH_CACHING_CAPABLE = 0x80,
  VDS_SF_SUPPORTS_FAULT_TOLERANT_LUNS = 0x200,
  VDS_SF_SUPPORTS_NON_FAULT_TOLERANT_LUNS = 0x400,
  VDS_SF_SUPPORTS_SIMPLE_LUNS = 0x800,
  VDS_SF_SUPPORTS_SPAN_LUNS = 0x1000,
  VDS_SF_SUPPORTS_STRIPE_LUNS = 0x2000,
  VDS_SF_SUPPORTS_MIRROR_LUNS = 0x4000,
  VDS_SF_SUPPORTS_PARITY_LUNS = 0x8000
} VDS_SUB_SYSTEM_FLAG;

// VDS_SUB_SYSTEM_PROP2.ulSupportedRaidTypeFlags.
typedef enum _VDS_SUB_SYSTEM_SUPPORTED_RAID_TYPE_FLAG {
  VDS_SF_SUPPORTS_RAID2_LUNS = 0x1,
  VDS_SF_SUPPORTS_RAID3_LUNS = 0x2,
  VDS_SF_SUPPORTS_RAID4_LUNS = 0x4,
  VDS_SF_SUPPORTS_RAID5_LUNS = 0x8,
  VDS_SF_SUPPORTS_RAID6_LUNS = 0x10,
  VDS_SF_SUPPORTS_RAID01_LUNS = 0x20,
  VDS_SF_SUPPORTS_RAID03_LUNS = 0x40,
  VDS_SF_SUPPORTS_RAID05_LUNS = 0x80,
  VDS_SF_SUPPORTS_RAID10_LUNS = 0x100,
  VDS_SF_SUPPORTS_RAID15_LUNS = 0x200,
  VDS_SF_SUPPORTS_RAID30_LUNS = 0x400,
  VDS_SF_SUPPORTS_RAID50_LUNS = 0x800,
  VDS_SF_SUPPORTS_RAID51_LUNS = 0x1000,
  VDS_SF_SUPPORTS_RAID53_LUNS = 0x2000,
  VDS_SF_SUPPORTS_RAID60_LUNS = 0x4000,
  VDS_SF_SUPPORTS_RAID61_LUNS = 0x8000
} VDS_SUB_SYSTEM_SUPPORTED_RAID_TYPE_FLAG;

typedef enum _VDS_ASYNC_OUTPUT_TYPE {
  VDS_ASYNCOUT_UNKNOWN = 0,
  VDS_ASYNCOUT_CREATEVOLUME = 1,
  VDS_ASYNCOUT_BREAKVOLUMEPLEX = 5,
  VDS_ASYNCOUT_CREATEPARTITION = 10,
  VDS_ASYNCOUT_CREATELUN = 50,
  VDS_ASYNCOUT_ADDLUNPLEX = 52,
  VDS_ASYNCOUT_REMOVELUNPLEX = 53,
  VDS_ASYNCOUT_EXTENDLUN = 54,
  VDS_ASYNCOUT_SHRINKLUN = 55,
  VDS_ASYNCOUT_RECOVERLUN = 56,
  VDS_ASYNCOUT_CREATETARGET = 62,
  VDS_ASYNCOUT_CREATEPORTALGROUP = 63
} VDS_ASYNC_OUTPUT_TYPE;

typedef enum _VDS_QUERY_PROVIDER_FLAG {
  VDS_QUERY_SOFTWARE_PROVIDERS = 0x1,
  VDS_QUERY_HARDWARE_PROVIDERS = 0x2
} VDS_QUERY_PROVIDER_FLAG;

typedef enum _VDS_PROVIDER_TYPE {
  VDS_PT_UNKNOWN = 0,
  VDS_PT_SOFTWARE = 1,
  VDS_PT_HARDWARE = 2,
  VDS_PT_VIRTUALDISK = 3,
  VDS_PT_MAX = 4
} VDS_PROVIDER_TYPE;

typedef enum _VDS_STORAGE_BUS_TYPE { VDSBusTypeUnknown = 0 } VDS_STORAGE_BUS_TYPE;
typedef enum _VDS_OBJECT_TYPE { VDS_OT_UNKNOWN = 0 } VDS_OBJECT_TYPE;

// IVdsMaintenance's operations ([MS-VDS] 2.2.1.2.x); "identify this drive" is BlinkLight.
typedef enum _VDS_MAINTENANCE_OPERATION {
  BlinkLight = 1,
  BeepAlarm = 2,
  SpinDown = 3,
  SpinUp = 4,
  Ping = 5
} VDS_MAINTENANCE_OPERATION;

// The parts of a LUN's device identification (SCSI VPD page 0x83) that VDS_STORAGE_IDENTIFIER carries.
typedef enum _VDS_STORAGE_IDENTIFIER_CODE_SET {
  VDSStorageIdCodeSetReserved = 0,
  VDSStorageIdCodeSetBinary = 1,
  VDSStorageIdCodeSetAscii = 2,
  VDSStorageIdCodeSetUtf8 = 3
} VDS_STORAGE_IDENTIFIER_CODE_SET;

typedef enum _VDS_STORAGE_IDENTIFIER_TYPE {
  VDSStorageIdTypeVendorSpecific = 0,
  VDSStorageIdTypeVendorId = 1,
  VDSStorageIdTypeEUI64 = 2,
  VDSStorageIdTypeFCPHName = 3,
  VDSStorageIdTypePortRelative = 4,
  VDSStorageIdTypeTargetPortGroup = 5,
  VDSStorageIdTypeLogicalUnitGroup = 6,
  VDSStorageIdTypeMD5LogicalUnitIdentifier = 7,
  VDSStorageIdTypeScsiNameString = 8
} VDS_STORAGE_IDENTIFIER_TYPE;

typedef enum _VDS_INTERCONNECT_ADDRESS_TYPE {
  VDS_IA_UNKNOWN = 0,
  VDS_IA_FCFS = 1,
  VDS_IA_FCPH = 2,
  VDS_IA_FCPH3 = 3,
  VDS_IA_MAC = 4,
  VDS_IA_SCSI = 5
} VDS_INTERCONNECT_ADDRESS_TYPE;

// VDS_HINTS.ullHintMask bits.
#define VDS_HINT_FASTCRASHRECOVERYREQUIRED 0x0000000000000001ULL
#define VDS_HINT_MOSTLYREADS 0x0000000000000002ULL
#define VDS_HINT_OPTIMIZEFORSEQUENTIALREADS 0x0000000000000004ULL
#define VDS_HINT_OPTIMIZEFORSEQUENTIALWRITES 0x0000000000000008ULL
#define VDS_HINT_READBACKVERIFYENABLED 0x0000000000000010ULL
#define VDS_HINT_REMAPENABLED 0x0000000000000020ULL
#define VDS_HINT_WRITETHROUGHCACHINGENABLED 0x0000000000000040ULL
#define VDS_HINT_HARDWARECHECKSUMENABLED 0x0000000000000080ULL
#define VDS_HINT_ISYANKABLE 0x0000000000000100ULL

// ---- structs ----
typedef struct _VDS_SERVICE_PROP {
  LPWSTR pwszVersion;
  ULONG ulFlags;
} VDS_SERVICE_PROP;

typedef struct _VDS_PROVIDER_PROP {
  VDS_OBJECT_ID id;
  LPWSTR pwszName;
  GUID guidVersionId;
  LPWSTR pwszVersion;
  VDS_PROVIDER_TYPE type;
  ULONG ulFlags;
  ULONG ulStripeSizeFlags;
  SHORT sRebuildPriority;
} VDS_PROVIDER_PROP;

typedef struct _VDS_SUB_SYSTEM_PROP {
  VDS_OBJECT_ID id;
  LPWSTR pwszFriendlyName;
  LPWSTR pwszIdentification;
  ULONG ulFlags;
  ULONG ulStripeSizeFlags;
  VDS_SUB_SYSTEM_STATUS status;
  VDS_HEALTH health;
  SHORT sNumberOfInternalBuses;
  SHORT sMaxNumberOfSlotsEachBus;
  SHORT sMaxNumberOfControllers;
  SHORT sRebuildPriority;
} VDS_SUB_SYSTEM_PROP;

typedef struct _VDS_SUB_SYSTEM_PROP2 {
  VDS_OBJECT_ID id;
  LPWSTR pwszFriendlyName;
  LPWSTR pwszIdentification;
  ULONG ulFlags;
  ULONG ulStripeSizeFlags;
  ULONG ulSupportedRaidTypeFlags;
  VDS_SUB_SYSTEM_STATUS status;
  VDS_HEALTH health;
  SHORT sNumberOfInternalBuses;
  SHORT sMaxNumberOfSlotsEachBus;
  SHORT sMaxNumberOfControllers;
  SHORT sRebuildPriority;
  ULONG ulNumberOfEnclosures;
} VDS_SUB_SYSTEM_PROP2;

typedef struct _VDS_DRIVE_PROP {
  VDS_OBJECT_ID id;
  ULONGLONG ullSize;
  LPWSTR pwszFriendlyName;
  LPWSTR pwszIdentification;
  ULONG ulFlags;
  VDS_DRIVE_STATUS status;
  VDS_HEALTH health;
  SHORT sInternalBusNumber;
  SHORT sSlotNumber;
} VDS_DRIVE_PROP;

typedef struct _VDS_DRIVE_EXTENT {
  VDS_OBJECT_ID id;
  VDS_OBJECT_ID LunId;
  ULONGLONG ullSize;
  BOOL bUsed;
} VDS_DRIVE_EXTENT;

typedef struct _VDS_LUN_PROP {
  VDS_OBJECT_ID id;
  ULONGLONG ullSize;
  LPWSTR pwszFriendlyName;
  LPWSTR pwszIdentification;
  LPWSTR pwszUnmaskingList;
  ULONG ulFlags;
  VDS_LUN_TYPE type;
  VDS_LUN_STATUS status;
  VDS_HEALTH health;
  VDS_TRANSITION_STATE TransitionState;
  SHORT sRebuildPriority;
} VDS_LUN_PROP;

typedef struct _VDS_HINTS {
  ULONGLONG ullHintMask;
  ULONGLONG ullExpectedMaximumSize;
  ULONG ulOptimalReadSize;
  ULONG ulOptimalReadAlignment;
  ULONG ulOptimalWriteSize;
  ULONG ulOptimalWriteAlignment;
  ULONG ulMaximumDriveCount;
  ULONG ulStripeSize;
  BOOL bFastCrashRecoveryRequired;
  BOOL bMostlyReads;
  BOOL bOptimizeForSequentialReads;
  BOOL bOptimizeForSequentialWrites;
  BOOL bRemapEnabled;
  BOOL bReadBackVerifyEnabled;
  BOOL bWriteThroughCachingEnabled;
  BOOL bHardwareChecksumEnabled;
  BOOL bIsYankable;
  SHORT sRebuildPriority;
} VDS_HINTS;

typedef struct _VDS_HINTS2 {
  ULONGLONG ullHintMask;
  ULONGLONG ullExpectedMaximumSize;
  ULONG ulOptimalReadSize;
  ULONG ulOptimalReadAlignment;
  ULONG ulOptimalWriteSize;
  ULONG ulOptimalWriteAlignment;
  ULONG ulMaximumDriveCount;
  ULONG ulStripeSize;
  ULONG ulReserved1;
  ULONG ulReserved2;
  ULONG ulReserved3;
  BOOL bFastCrashRecoveryRequired;
  BOOL bMostlyReads;
  BOOL bOptimizeForSequentialReads;
  BOOL bOptimizeForSequentialWrites;
  BOOL bRemapEnabled;
  BOOL bReadBackVerifyEnabled;
  BOOL bWriteThroughCachingEnabled;
  BOOL bHardwareChecksumEnabled;
  BOOL bIsYankable;
  BOOL bAllocateHotSpare;
  BOOL bUseMirroredCache;
  BOOL bReadCachingEnabled;
  BOOL bWriteCachingEnabled;
  BOOL bMediaScanEnabled;
  BOOL bConsistencyCheckEnabled;
  VDS_STORAGE_BUS_TYPE BusType;
  BOOL bReserved1;
  BOOL bReserved2;
  BOOL bReserved3;
  SHORT sRebuildPriority;
} VDS_HINTS2;

// IVdsLun::GetIdentificationData's output. The provider allocates every string and array (CoTaskMemAlloc);
// the caller frees each one, the arrays after their elements' buffers (cotaskmem.h, FreeLunInformation).
typedef struct _VDS_STORAGE_IDENTIFIER {
  VDS_STORAGE_IDENTIFIER_CODE_SET m_CodeSet;
  VDS_STORAGE_IDENTIFIER_TYPE m_Type;
  ULONG m_cbIdentifier;
  BYTE* m_rgbIdentifier;
} VDS_STORAGE_IDENTIFIER;

typedef struct _VDS_STORAGE_DEVICE_ID_DESCRIPTOR {
  ULONG m_version;
  ULONG m_cIdentifiers;
  VDS_STORAGE_IDENTIFIER* m_rgIdentifiers;
} VDS_STORAGE_DEVICE_ID_DESCRIPTOR;

typedef struct _VDS_INTERCONNECT {
  VDS_INTERCONNECT_ADDRESS_TYPE m_addressType;
  ULONG m_cbPort;
  BYTE* m_pbPort;
  ULONG m_cbAddress;
  BYTE* m_pbAddress;
} VDS_INTERCONNECT;

typedef struct _VDS_LUN_INFORMATION {
  ULONG m_version;  // VER_VDS_LUN_INFORMATION
  BYTE m_DeviceType;
  BYTE m_DeviceTypeModifier;
  BOOL m_bCommandQueueing;
  VDS_STORAGE_BUS_TYPE m_BusType;
  char* m_szVendorId;  // ANSI, as in the SCSI inquiry data
  char* m_szProductId;
  char* m_szProductRevision;
  char* m_szSerialNumber;
  GUID m_diskSignature;
  VDS_STORAGE_DEVICE_ID_DESCRIPTOR m_deviceIdDescriptor;
  ULONG m_cInterconnects;
  VDS_INTERCONNECT* m_rgInterconnects;
} VDS_LUN_INFORMATION;
#define VER_VDS_LUN_INFORMATION 1

// VDS_ASYNC_OUTPUT: `type` selects the union member; CreateLun fills `cl`.
typedef struct _VDS_ASYNC_OUTPUT {
  VDS_ASYNC_OUTPUT_TYPE type;
  union {
    struct {
      ULONGLONG ullOffset;
      VDS_OBJECT_ID volumeId;
    } cp;
    struct {
      IUnknown* pVolumeUnk;
    } cv;
    struct {
      IUnknown* pVolumeUnk;
    } bvp;
    struct {
      IUnknown* pLunUnk;
    } cl;
    struct {
      IUnknown* pTargetUnk;
    } ct;
    struct {
      IUnknown* pPortalGroupUnk;
    } cpg;
  };
} VDS_ASYNC_OUTPUT;

// Sizes on x64 as the SDK metadata gives them.
static_assert(sizeof(void*) != 8 || sizeof(VDS_HINTS) == 80, "VDS_HINTS layout");
static_assert(sizeof(void*) != 8 || sizeof(VDS_HINTS2) == 136, "VDS_HINTS2 layout");
static_assert(sizeof(void*) != 8 || sizeof(VDS_ASYNC_OUTPUT) == 32, "VDS_ASYNC_OUTPUT layout");
static_assert(sizeof(void*) != 8 || sizeof(VDS_STORAGE_IDENTIFIER) == 24, "VDS_STORAGE_IDENTIFIER layout");
static_assert(sizeof(void*) != 8 || sizeof(VDS_LUN_INFORMATION) == 96, "VDS_LUN_INFORMATION layout");

// Opaque to this product.
struct _VDS_DRIVE_LETTER_PROP;
struct _VDS_FILE_SYSTEM_TYPE_PROP;
struct IVdsAdviseSink;

// ---- interfaces: methods in vtable order ----
struct IEnumVdsObject;
struct IVdsAsync;
struct IVdsDrive;
struct IVdsLun;
struct IVdsProvider;
struct IVdsService;
struct IVdsSubSystem;

struct IVdsServiceLoader : public IUnknown {
  virtual HRESULT STDMETHODCALLTYPE LoadService(LPWSTR pwszMachineName, IVdsService** ppService) = 0;  // 3
};

struct IVdsService : public IUnknown {
  virtual HRESULT STDMETHODCALLTYPE IsServiceReady() = 0;                                      // 3
  virtual HRESULT STDMETHODCALLTYPE WaitForServiceReady() = 0;                                 // 4
  virtual HRESULT STDMETHODCALLTYPE GetProperties(VDS_SERVICE_PROP* pServiceProp) = 0;         // 5
  virtual HRESULT STDMETHODCALLTYPE QueryProviders(DWORD masks, IEnumVdsObject** ppEnum) = 0;  // 6
  virtual HRESULT STDMETHODCALLTYPE QueryMaskedDisks(IEnumVdsObject** ppEnum) = 0;             // 7
  virtual HRESULT STDMETHODCALLTYPE QueryUnallocatedDisks(IEnumVdsObject** ppEnum) = 0;        // 8
  virtual HRESULT STDMETHODCALLTYPE GetObject(VDS_OBJECT_ID ObjectId, VDS_OBJECT_TYPE type,
                                              IUnknown** ppObjectUnk) = 0;  // 9
  virtual HRESULT STDMETHODCALLTYPE
  QueryDriveLetters(WCHAR wcFirstLetter, DWORD count,
                    _VDS_DRIVE_LETTER_PROP* pDriveLetterPropArray) = 0;  // 10
  virtual HRESULT STDMETHODCALLTYPE QueryFileSystemTypes(_VDS_FILE_SYSTEM_TYPE_PROP** ppFileSystemTypeProps,
                                                         LONG* plNumberOfFileSystems) = 0;  // 11
  virtual HRESULT STDMETHODCALLTYPE Reenumerate() = 0;                                      // 12
  virtual HRESULT STDMETHODCALLTYPE Refresh() = 0;                                          // 13
  virtual HRESULT STDMETHODCALLTYPE CleanupObsoleteMountPoints() = 0;                       // 14
  virtual HRESULT STDMETHODCALLTYPE Advise(IVdsAdviseSink* pSink, DWORD* pdwCookie) = 0;    // 15
  virtual HRESULT STDMETHODCALLTYPE Unadvise(DWORD dwCookie) = 0;                           // 16
  virtual HRESULT STDMETHODCALLTYPE Reboot() = 0;                                           // 17
  virtual HRESULT STDMETHODCALLTYPE SetFlags(ULONG ulFlags) = 0;                            // 18
  virtual HRESULT STDMETHODCALLTYPE ClearFlags(ULONG ulFlags) = 0;                          // 19
};

struct IEnumVdsObject : public IUnknown {
  virtual HRESULT STDMETHODCALLTYPE Next(ULONG celt, IUnknown** ppObjectArray, ULONG* pcFetched) = 0;  // 3
  virtual HRESULT STDMETHODCALLTYPE Skip(ULONG celt) = 0;                                              // 4
  virtual HRESULT STDMETHODCALLTYPE Reset() = 0;                                                       // 5
  virtual HRESULT STDMETHODCALLTYPE Clone(IEnumVdsObject** ppEnum) = 0;                                // 6
};

struct IVdsProvider : public IUnknown {
  virtual HRESULT STDMETHODCALLTYPE GetProperties(VDS_PROVIDER_PROP* pProviderProp) = 0;  // 3
};

struct IVdsHwProvider : public IUnknown {
  virtual HRESULT STDMETHODCALLTYPE QuerySubSystems(IEnumVdsObject** ppEnum) = 0;  // 3
  virtual HRESULT STDMETHODCALLTYPE Reenumerate() = 0;                             // 4
  virtual HRESULT STDMETHODCALLTYPE Refresh() = 0;                                 // 5
};

struct IVdsAsync : public IUnknown {
  virtual HRESULT STDMETHODCALLTYPE Cancel() = 0;                                                     // 3
  virtual HRESULT STDMETHODCALLTYPE Wait(HRESULT* pHrResult, VDS_ASYNC_OUTPUT* pAsyncOut) = 0;        // 4
  virtual HRESULT STDMETHODCALLTYPE QueryStatus(HRESULT* pHrResult, ULONG* pulPercentCompleted) = 0;  // 5
};

struct IVdsSubSystem : public IUnknown {
  virtual HRESULT STDMETHODCALLTYPE GetProperties(VDS_SUB_SYSTEM_PROP* pSubSystemProp) = 0;  // 3
  virtual HRESULT STDMETHODCALLTYPE GetProvider(IVdsProvider** ppProvider) = 0;              // 4
  virtual HRESULT STDMETHODCALLTYPE QueryControllers(IEnumVdsObject** ppEnum) = 0;           // 5
  virtual HRESULT STDMETHODCALLTYPE QueryLuns(IEnumVdsObject** ppEnum) = 0;                  // 6
  virtual HRESULT STDMETHODCALLTYPE QueryDrives(IEnumVdsObject** ppEnum) = 0;                // 7
  virtual HRESULT STDMETHODCALLTYPE GetDrive(SHORT sBusNumber, SHORT sSlotNumber,
                                             IVdsDrive** ppDrive) = 0;  // 8
  virtual HRESULT STDMETHODCALLTYPE Reenumerate() = 0;                  // 9
  virtual HRESULT STDMETHODCALLTYPE SetControllerStatus(VDS_OBJECT_ID* pOnlineControllerIdArray,
                                                        LONG lNumberOfOnlineControllers,
                                                        VDS_OBJECT_ID* pOfflineControllerIdArray,
                                                        LONG lNumberOfOfflineControllers) = 0;  // 10
  virtual HRESULT STDMETHODCALLTYPE CreateLun(VDS_LUN_TYPE type, ULONGLONG ullSizeInBytes,
                                              VDS_OBJECT_ID* pDriveIdArray, LONG lNumberOfDrives,
                                              LPWSTR pwszUnmaskingList, VDS_HINTS* pHints,
                                              IVdsAsync** ppAsync) = 0;  // 11
  virtual HRESULT STDMETHODCALLTYPE ReplaceDrive(VDS_OBJECT_ID DriveToBeReplaced,
                                                 VDS_OBJECT_ID ReplacementDrive) = 0;  // 12
  virtual HRESULT STDMETHODCALLTYPE SetStatus(VDS_SUB_SYSTEM_STATUS status) = 0;       // 13
  virtual HRESULT STDMETHODCALLTYPE QueryMaxLunCreateSize(VDS_LUN_TYPE type, VDS_OBJECT_ID* pDriveIdArray,
                                                          LONG lNumberOfDrives, VDS_HINTS* pHints,
                                                          ULONGLONG* pullMaxLunSize) = 0;  // 14
};

struct IVdsSubSystem2 : public IUnknown {
  virtual HRESULT STDMETHODCALLTYPE GetProperties2(VDS_SUB_SYSTEM_PROP2* pSubSystemProp2) = 0;  // 3
  virtual HRESULT STDMETHODCALLTYPE GetDrive2(SHORT sBusNumber, SHORT sSlotNumber, ULONG ulEnclosureNumber,
                                              IVdsDrive** ppDrive) = 0;  // 4
  virtual HRESULT STDMETHODCALLTYPE CreateLun2(VDS_LUN_TYPE type, ULONGLONG ullSizeInBytes,
                                               VDS_OBJECT_ID* pDriveIdArray, LONG lNumberOfDrives,
                                               LPWSTR pwszUnmaskingList, VDS_HINTS2* pHints2,
                                               IVdsAsync** ppAsync) = 0;  // 5
  virtual HRESULT STDMETHODCALLTYPE QueryMaxLunCreateSize2(VDS_LUN_TYPE type, VDS_OBJECT_ID* pDriveIdArray,
                                                           LONG lNumberOfDrives, VDS_HINTS2* pHints2,
                                                           ULONGLONG* pullMaxLunSize) = 0;  // 6
};

struct IVdsDrive : public IUnknown {
  virtual HRESULT STDMETHODCALLTYPE GetProperties(VDS_DRIVE_PROP* pDriveProp) = 0;  // 3
  virtual HRESULT STDMETHODCALLTYPE GetSubSystem(IVdsSubSystem** ppSubSystem) = 0;  // 4
  virtual HRESULT STDMETHODCALLTYPE QueryExtents(VDS_DRIVE_EXTENT** ppExtentArray,
                                                 LONG* plNumberOfExtents) = 0;  // 5
  virtual HRESULT STDMETHODCALLTYPE SetFlags(ULONG ulFlags) = 0;                // 6
  virtual HRESULT STDMETHODCALLTYPE ClearFlags(ULONG ulFlags) = 0;              // 7
  virtual HRESULT STDMETHODCALLTYPE SetStatus(VDS_DRIVE_STATUS status) = 0;     // 8
};

struct IVdsLun : public IUnknown {
  virtual HRESULT STDMETHODCALLTYPE GetProperties(VDS_LUN_PROP* pLunProp) = 0;                 // 3
  virtual HRESULT STDMETHODCALLTYPE GetSubSystem(IVdsSubSystem** ppSubSystem) = 0;             // 4
  virtual HRESULT STDMETHODCALLTYPE GetIdentificationData(VDS_LUN_INFORMATION* pLunInfo) = 0;  // 5
  virtual HRESULT STDMETHODCALLTYPE QueryActiveControllers(IEnumVdsObject** ppEnum) = 0;       // 6
  virtual HRESULT STDMETHODCALLTYPE Extend(ULONGLONG ullNumberOfBytesToAdd, VDS_OBJECT_ID* pDriveIdArray,
                                           LONG lNumberOfDrives, IVdsAsync** ppAsync) = 0;                // 7
  virtual HRESULT STDMETHODCALLTYPE Shrink(ULONGLONG ullNumberOfBytesToRemove, IVdsAsync** ppAsync) = 0;  // 8
  virtual HRESULT STDMETHODCALLTYPE QueryPlexes(IEnumVdsObject** ppEnum) = 0;                             // 9
  virtual HRESULT STDMETHODCALLTYPE AddPlex(VDS_OBJECT_ID lunId, IVdsAsync** ppAsync) = 0;      // 10
  virtual HRESULT STDMETHODCALLTYPE RemovePlex(VDS_OBJECT_ID plexId, IVdsAsync** ppAsync) = 0;  // 11
  virtual HRESULT STDMETHODCALLTYPE Recover(IVdsAsync** ppAsync) = 0;                           // 12
  virtual HRESULT STDMETHODCALLTYPE SetMask(LPWSTR pwszUnmaskingList) = 0;                      // 13
  virtual HRESULT STDMETHODCALLTYPE Delete() = 0;                                               // 14
  virtual HRESULT STDMETHODCALLTYPE AssociateControllers(VDS_OBJECT_ID* pActiveControllerIdArray,
                                                         LONG lNumberOfActiveControllers,
                                                         VDS_OBJECT_ID* pInactiveControllerIdArray,
                                                         LONG lNumberOfInactiveControllers) = 0;  // 15
  virtual HRESULT STDMETHODCALLTYPE QueryHints(VDS_HINTS* pHints) = 0;                            // 16
  virtual HRESULT STDMETHODCALLTYPE ApplyHints(VDS_HINTS* pHints) = 0;                            // 17
  virtual HRESULT STDMETHODCALLTYPE SetStatus(VDS_LUN_STATUS status) = 0;                         // 18
  virtual HRESULT STDMETHODCALLTYPE QueryMaxLunExtendSize(VDS_OBJECT_ID* pDriveIdArray, LONG lNumberOfDrives,
                                                          ULONGLONG* pullMaxBytesToBeAdded) = 0;  // 19
};

// Exposed by drives (and subsystems, controllers, LUNs) whose provider can do maintenance: QI from IVdsDrive.
struct IVdsMaintenance : public IUnknown {
  virtual HRESULT STDMETHODCALLTYPE StartMaintenance(VDS_MAINTENANCE_OPERATION operation) = 0;  // 3
  virtual HRESULT STDMETHODCALLTYPE StopMaintenance(VDS_MAINTENANCE_OPERATION operation) = 0;   // 4
  virtual HRESULT STDMETHODCALLTYPE PulseMaintenance(VDS_MAINTENANCE_OPERATION operation,
                                                     ULONG ulCount) = 0;  // 5
};

// IIDs ([MS-VDS] 1.9 / SDK metadata), reachable through __uuidof() as with the SDK's MIDL headers.
__CRT_UUID_DECL(IVdsServiceLoader, 0xe0393303, 0x90d4, 0x4a97, 0xab, 0x71, 0xe9, 0xb6, 0x71, 0xee, 0x27, 0x29)
__CRT_UUID_DECL(IVdsService, 0x0818a8ef, 0x9ba9, 0x40d8, 0xa6, 0xf9, 0xe2, 0x28, 0x33, 0xcc, 0x77, 0x1e)
__CRT_UUID_DECL(IEnumVdsObject, 0x118610b7, 0x8d94, 0x4030, 0xb5, 0xb8, 0x50, 0x08, 0x89, 0x78, 0x8e, 0x4e)
__CRT_UUID_DECL(IVdsProvider, 0x10c5e575, 0x7984, 0x4e81, 0xa5, 0x6b, 0x43, 0x1f, 0x5f, 0x92, 0xae, 0x42)
__CRT_UUID_DECL(IVdsHwProvider, 0xd99bdaae, 0xb13a, 0x4178, 0x9f, 0xdb, 0xe2, 0x7f, 0x16, 0xb4, 0x60, 0x3e)
__CRT_UUID_DECL(IVdsAsync, 0xd5d23b6d, 0x5a55, 0x4492, 0x98, 0x89, 0x39, 0x7a, 0x3c, 0x2d, 0x2d, 0xbc)
__CRT_UUID_DECL(IVdsSubSystem, 0x6fcee2d3, 0x6d90, 0x4f91, 0x80, 0xe2, 0xa5, 0xc7, 0xca, 0xac, 0xa9, 0xd8)
__CRT_UUID_DECL(IVdsSubSystem2, 0xbe666735, 0x7800, 0x4a77, 0x9d, 0x9c, 0x40, 0xf8, 0x5b, 0x87, 0xe2, 0x92)
__CRT_UUID_DECL(IVdsDrive, 0xff24efa4, 0xaade, 0x4b6b, 0x89, 0x8b, 0xea, 0xa6, 0xa2, 0x08, 0x87, 0xc7)
__CRT_UUID_DECL(IVdsLun, 0x3540a9c7, 0xe60f, 0x4111, 0xa8, 0x40, 0x8b, 0xba, 0x6c, 0x2c, 0x83, 0xd8)
__CRT_UUID_DECL(IVdsMaintenance, 0xdaebeef3, 0x8523, 0x47ed, 0xa2, 0xb9, 0x05, 0xce, 0xcc, 0xe2, 0xa1, 0xae)
