// What the layout check compares, as X-macros: LAYOUT_SIZE(struct), LAYOUT_FIELD(struct, member),
// LAYOUT_VALUE(enumerator or #define); LAYOUT_SLOT(interface, method) and LAYOUT_IID(interface) only where
// the header declares interfaces (ours and widl's, not mingw-w64's vds.h). Generated once from the lists of
// the types and interfaces the product and the test VDS service use; edit by hand from now on.
#define LAYOUT_TYPES                                              \
  LAYOUT_SIZE(VDS_SERVICE_PROP)                                   \
  LAYOUT_FIELD(VDS_SERVICE_PROP, pwszVersion)                     \
  LAYOUT_FIELD(VDS_SERVICE_PROP, ulFlags)                         \
  LAYOUT_SIZE(VDS_PROVIDER_PROP)                                  \
  LAYOUT_FIELD(VDS_PROVIDER_PROP, id)                             \
  LAYOUT_FIELD(VDS_PROVIDER_PROP, pwszName)                       \
  LAYOUT_FIELD(VDS_PROVIDER_PROP, guidVersionId)                  \
  LAYOUT_FIELD(VDS_PROVIDER_PROP, pwszVersion)                    \
  LAYOUT_FIELD(VDS_PROVIDER_PROP, type)                           \
  LAYOUT_FIELD(VDS_PROVIDER_PROP, ulFlags)                        \
  LAYOUT_FIELD(VDS_PROVIDER_PROP, ulStripeSizeFlags)              \
  LAYOUT_FIELD(VDS_PROVIDER_PROP, sRebuildPriority)               \
  LAYOUT_SIZE(VDS_SUB_SYSTEM_PROP)                                \
  LAYOUT_FIELD(VDS_SUB_SYSTEM_PROP, id)                           \
  LAYOUT_FIELD(VDS_SUB_SYSTEM_PROP, pwszFriendlyName)             \
  LAYOUT_FIELD(VDS_SUB_SYSTEM_PROP, pwszIdentification)           \
  LAYOUT_FIELD(VDS_SUB_SYSTEM_PROP, ulFlags)                      \
  LAYOUT_FIELD(VDS_SUB_SYSTEM_PROP, ulStripeSizeFlags)            \
  LAYOUT_FIELD(VDS_SUB_SYSTEM_PROP, status)                       \
  LAYOUT_FIELD(VDS_SUB_SYSTEM_PROP, health)                       \
  LAYOUT_FIELD(VDS_SUB_SYSTEM_PROP, sNumberOfInternalBuses)       \
  LAYOUT_FIELD(VDS_SUB_SYSTEM_PROP, sMaxNumberOfSlotsEachBus)     \
  LAYOUT_FIELD(VDS_SUB_SYSTEM_PROP, sMaxNumberOfControllers)      \
  LAYOUT_FIELD(VDS_SUB_SYSTEM_PROP, sRebuildPriority)             \
  LAYOUT_SIZE(VDS_SUB_SYSTEM_PROP2)                               \
  LAYOUT_FIELD(VDS_SUB_SYSTEM_PROP2, id)                          \
  LAYOUT_FIELD(VDS_SUB_SYSTEM_PROP2, pwszFriendlyName)            \
  LAYOUT_FIELD(VDS_SUB_SYSTEM_PROP2, pwszIdentification)          \
  LAYOUT_FIELD(VDS_SUB_SYSTEM_PROP2, ulFlags)                     \
  LAYOUT_FIELD(VDS_SUB_SYSTEM_PROP2, ulStripeSizeFlags)           \
  LAYOUT_FIELD(VDS_SUB_SYSTEM_PROP2, ulSupportedRaidTypeFlags)    \
  LAYOUT_FIELD(VDS_SUB_SYSTEM_PROP2, status)                      \
  LAYOUT_FIELD(VDS_SUB_SYSTEM_PROP2, health)                      \
  LAYOUT_FIELD(VDS_SUB_SYSTEM_PROP2, sNumberOfInternalBuses)      \
  LAYOUT_FIELD(VDS_SUB_SYSTEM_PROP2, sMaxNumberOfSlotsEachBus)    \
  LAYOUT_FIELD(VDS_SUB_SYSTEM_PROP2, sMaxNumberOfControllers)     \
  LAYOUT_FIELD(VDS_SUB_SYSTEM_PROP2, sRebuildPriority)            \
  LAYOUT_FIELD(VDS_SUB_SYSTEM_PROP2, ulNumberOfEnclosures)        \
  LAYOUT_SIZE(VDS_DRIVE_PROP)                                     \
  LAYOUT_FIELD(VDS_DRIVE_PROP, id)                                \
  LAYOUT_FIELD(VDS_DRIVE_PROP, ullSize)                           \
  LAYOUT_FIELD(VDS_DRIVE_PROP, pwszFriendlyName)                  \
  LAYOUT_FIELD(VDS_DRIVE_PROP, pwszIdentification)                \
  LAYOUT_FIELD(VDS_DRIVE_PROP, ulFlags)                           \
  LAYOUT_FIELD(VDS_DRIVE_PROP, status)                            \
  LAYOUT_FIELD(VDS_DRIVE_PROP, health)                            \
  LAYOUT_FIELD(VDS_DRIVE_PROP, sInternalBusNumber)                \
  LAYOUT_FIELD(VDS_DRIVE_PROP, sSlotNumber)                       \
  LAYOUT_SIZE(VDS_DRIVE_EXTENT)                                   \
  LAYOUT_FIELD(VDS_DRIVE_EXTENT, id)                              \
  LAYOUT_FIELD(VDS_DRIVE_EXTENT, LunId)                           \
  LAYOUT_FIELD(VDS_DRIVE_EXTENT, ullSize)                         \
  LAYOUT_FIELD(VDS_DRIVE_EXTENT, bUsed)                           \
  LAYOUT_SIZE(VDS_LUN_PROP)                                       \
  LAYOUT_FIELD(VDS_LUN_PROP, id)                                  \
  LAYOUT_FIELD(VDS_LUN_PROP, ullSize)                             \
  LAYOUT_FIELD(VDS_LUN_PROP, pwszFriendlyName)                    \
  LAYOUT_FIELD(VDS_LUN_PROP, pwszIdentification)                  \
  LAYOUT_FIELD(VDS_LUN_PROP, pwszUnmaskingList)                   \
  LAYOUT_FIELD(VDS_LUN_PROP, ulFlags)                             \
  LAYOUT_FIELD(VDS_LUN_PROP, type)                                \
  LAYOUT_FIELD(VDS_LUN_PROP, status)                              \
  LAYOUT_FIELD(VDS_LUN_PROP, health)                              \
  LAYOUT_FIELD(VDS_LUN_PROP, TransitionState)                     \
  LAYOUT_FIELD(VDS_LUN_PROP, sRebuildPriority)                    \
  LAYOUT_SIZE(VDS_HINTS)                                          \
  LAYOUT_FIELD(VDS_HINTS, ullHintMask)                            \
  LAYOUT_FIELD(VDS_HINTS, ullExpectedMaximumSize)                 \
  LAYOUT_FIELD(VDS_HINTS, ulOptimalReadSize)                      \
  LAYOUT_FIELD(VDS_HINTS, ulOptimalReadAlignment)                 \
  LAYOUT_FIELD(VDS_HINTS, ulOptimalWriteSize)                     \
  LAYOUT_FIELD(VDS_HINTS, ulOptimalWriteAlignment)                \
  LAYOUT_FIELD(VDS_HINTS, ulMaximumDriveCount)                    \
  LAYOUT_FIELD(VDS_HINTS, ulStripeSize)                           \
  LAYOUT_FIELD(VDS_HINTS, bFastCrashRecoveryRequired)             \
  LAYOUT_FIELD(VDS_HINTS, bMostlyReads)                           \
  LAYOUT_FIELD(VDS_HINTS, bOptimizeForSequentialReads)            \
  LAYOUT_FIELD(VDS_HINTS, bOptimizeForSequentialWrites)           \
  LAYOUT_FIELD(VDS_HINTS, bRemapEnabled)                          \
  LAYOUT_FIELD(VDS_HINTS, bReadBackVerifyEnabled)                 \
  LAYOUT_FIELD(VDS_HINTS, bWriteThroughCachingEnabled)            \
  LAYOUT_FIELD(VDS_HINTS, bHardwareChecksumEnabled)               \
  LAYOUT_FIELD(VDS_HINTS, bIsYankable)                            \
  LAYOUT_FIELD(VDS_HINTS, sRebuildPriority)                       \
  LAYOUT_SIZE(VDS_HINTS2)                                         \
  LAYOUT_FIELD(VDS_HINTS2, ullHintMask)                           \
  LAYOUT_FIELD(VDS_HINTS2, ullExpectedMaximumSize)                \
  LAYOUT_FIELD(VDS_HINTS2, ulOptimalReadSize)                     \
  LAYOUT_FIELD(VDS_HINTS2, ulOptimalReadAlignment)                \
  LAYOUT_FIELD(VDS_HINTS2, ulOptimalWriteSize)                    \
  LAYOUT_FIELD(VDS_HINTS2, ulOptimalWriteAlignment)               \
  LAYOUT_FIELD(VDS_HINTS2, ulMaximumDriveCount)                   \
  LAYOUT_FIELD(VDS_HINTS2, ulStripeSize)                          \
  LAYOUT_FIELD(VDS_HINTS2, ulReserved1)                           \
  LAYOUT_FIELD(VDS_HINTS2, ulReserved2)                           \
  LAYOUT_FIELD(VDS_HINTS2, ulReserved3)                           \
  LAYOUT_FIELD(VDS_HINTS2, bFastCrashRecoveryRequired)            \
  LAYOUT_FIELD(VDS_HINTS2, bMostlyReads)                          \
  LAYOUT_FIELD(VDS_HINTS2, bOptimizeForSequentialReads)           \
  LAYOUT_FIELD(VDS_HINTS2, bOptimizeForSequentialWrites)          \
  LAYOUT_FIELD(VDS_HINTS2, bRemapEnabled)                         \
  LAYOUT_FIELD(VDS_HINTS2, bReadBackVerifyEnabled)                \
  LAYOUT_FIELD(VDS_HINTS2, bWriteThroughCachingEnabled)           \
  LAYOUT_FIELD(VDS_HINTS2, bHardwareChecksumEnabled)              \
  LAYOUT_FIELD(VDS_HINTS2, bIsYankable)                           \
  LAYOUT_FIELD(VDS_HINTS2, bAllocateHotSpare)                     \
  LAYOUT_FIELD(VDS_HINTS2, bUseMirroredCache)                     \
  LAYOUT_FIELD(VDS_HINTS2, bReadCachingEnabled)                   \
  LAYOUT_FIELD(VDS_HINTS2, bWriteCachingEnabled)                  \
  LAYOUT_FIELD(VDS_HINTS2, bMediaScanEnabled)                     \
  LAYOUT_FIELD(VDS_HINTS2, bConsistencyCheckEnabled)              \
  LAYOUT_FIELD(VDS_HINTS2, BusType)                               \
  LAYOUT_FIELD(VDS_HINTS2, bReserved1)                            \
  LAYOUT_FIELD(VDS_HINTS2, bReserved2)                            \
  LAYOUT_FIELD(VDS_HINTS2, bReserved3)                            \
  LAYOUT_FIELD(VDS_HINTS2, sRebuildPriority)                      \
  LAYOUT_SIZE(VDS_STORAGE_IDENTIFIER)                             \
  LAYOUT_FIELD(VDS_STORAGE_IDENTIFIER, m_CodeSet)                 \
  LAYOUT_FIELD(VDS_STORAGE_IDENTIFIER, m_Type)                    \
  LAYOUT_FIELD(VDS_STORAGE_IDENTIFIER, m_cbIdentifier)            \
  LAYOUT_FIELD(VDS_STORAGE_IDENTIFIER, m_rgbIdentifier)           \
  LAYOUT_SIZE(VDS_STORAGE_DEVICE_ID_DESCRIPTOR)                   \
  LAYOUT_FIELD(VDS_STORAGE_DEVICE_ID_DESCRIPTOR, m_version)       \
  LAYOUT_FIELD(VDS_STORAGE_DEVICE_ID_DESCRIPTOR, m_cIdentifiers)  \
  LAYOUT_FIELD(VDS_STORAGE_DEVICE_ID_DESCRIPTOR, m_rgIdentifiers) \
  LAYOUT_SIZE(VDS_ASYNC_OUTPUT)                                   \
  LAYOUT_FIELD(VDS_ASYNC_OUTPUT, type)                            \
  LAYOUT_FIELD(VDS_ASYNC_OUTPUT, cp.ullOffset)                    \
  LAYOUT_FIELD(VDS_ASYNC_OUTPUT, cp.volumeId)                     \
  LAYOUT_FIELD(VDS_ASYNC_OUTPUT, cv.pVolumeUnk)                   \
  LAYOUT_FIELD(VDS_ASYNC_OUTPUT, bvp.pVolumeUnk)                  \
  LAYOUT_FIELD(VDS_ASYNC_OUTPUT, cl.pLunUnk)                      \
  LAYOUT_FIELD(VDS_ASYNC_OUTPUT, ct.pTargetUnk)                   \
  LAYOUT_FIELD(VDS_ASYNC_OUTPUT, cpg.pPortalGroupUnk)

#define LAYOUT_VALUES                                   \
  LAYOUT_VALUE(VDS_H_UNKNOWN)                           \
  LAYOUT_VALUE(VDS_H_HEALTHY)                           \
  LAYOUT_VALUE(VDS_H_REBUILDING)                        \
  LAYOUT_VALUE(VDS_H_STALE)                             \
  LAYOUT_VALUE(VDS_H_FAILING)                           \
  LAYOUT_VALUE(VDS_H_FAILING_REDUNDANCY)                \
  LAYOUT_VALUE(VDS_H_FAILED_REDUNDANCY)                 \
  LAYOUT_VALUE(VDS_H_FAILED_REDUNDANCY_FAILING)         \
  LAYOUT_VALUE(VDS_H_FAILED)                            \
  LAYOUT_VALUE(VDS_H_REPLACED)                          \
  LAYOUT_VALUE(VDS_H_PENDING_FAILURE)                   \
  LAYOUT_VALUE(VDS_H_DEGRADED)                          \
  LAYOUT_VALUE(VDS_SSS_UNKNOWN)                         \
  LAYOUT_VALUE(VDS_SSS_ONLINE)                          \
  LAYOUT_VALUE(VDS_SSS_NOT_READY)                       \
  LAYOUT_VALUE(VDS_SSS_OFFLINE)                         \
  LAYOUT_VALUE(VDS_SSS_FAILED)                          \
  LAYOUT_VALUE(VDS_SSS_PARTIALLY_MANAGED)               \
  LAYOUT_VALUE(VDS_DRS_UNKNOWN)                         \
  LAYOUT_VALUE(VDS_DRS_ONLINE)                          \
  LAYOUT_VALUE(VDS_DRS_NOT_READY)                       \
  LAYOUT_VALUE(VDS_DRS_OFFLINE)                         \
  LAYOUT_VALUE(VDS_DRS_FAILED)                          \
  LAYOUT_VALUE(VDS_DRS_REMOVED)                         \
  LAYOUT_VALUE(VDS_DRF_HOTSPARE)                        \
  LAYOUT_VALUE(VDS_DRF_ASSIGNED)                        \
  LAYOUT_VALUE(VDS_DRF_UNASSIGNED)                      \
  LAYOUT_VALUE(VDS_DRF_HOTSPARE_IN_USE)                 \
  LAYOUT_VALUE(VDS_DRF_HOTSPARE_STANDBY)                \
  LAYOUT_VALUE(VDS_LS_UNKNOWN)                          \
  LAYOUT_VALUE(VDS_LS_ONLINE)                           \
  LAYOUT_VALUE(VDS_LS_NOT_READY)                        \
  LAYOUT_VALUE(VDS_LS_OFFLINE)                          \
  LAYOUT_VALUE(VDS_LS_FAILED)                           \
  LAYOUT_VALUE(VDS_TS_UNKNOWN)                          \
  LAYOUT_VALUE(VDS_TS_STABLE)                           \
  LAYOUT_VALUE(VDS_TS_EXTENDING)                        \
  LAYOUT_VALUE(VDS_TS_SHRINKING)                        \
  LAYOUT_VALUE(VDS_TS_RECONFIGING)                      \
  LAYOUT_VALUE(VDS_TS_RESTRIPING)                       \
  LAYOUT_VALUE(VDS_LT_UNKNOWN)                          \
  LAYOUT_VALUE(VDS_LT_DEFAULT)                          \
  LAYOUT_VALUE(VDS_LT_FAULT_TOLERANT)                   \
  LAYOUT_VALUE(VDS_LT_NON_FAULT_TOLERANT)               \
  LAYOUT_VALUE(VDS_LT_SIMPLE)                           \
  LAYOUT_VALUE(VDS_LT_SPAN)                             \
  LAYOUT_VALUE(VDS_LT_STRIPE)                           \
  LAYOUT_VALUE(VDS_LT_MIRROR)                           \
  LAYOUT_VALUE(VDS_LT_PARITY)                           \
  LAYOUT_VALUE(VDS_LT_RAID2)                            \
  LAYOUT_VALUE(VDS_LT_RAID3)                            \
  LAYOUT_VALUE(VDS_LT_RAID4)                            \
  LAYOUT_VALUE(VDS_LT_RAID5)                            \
  LAYOUT_VALUE(VDS_LT_RAID6)                            \
  LAYOUT_VALUE(VDS_LT_RAID01)                           \
  LAYOUT_VALUE(VDS_LT_RAID03)                           \
  LAYOUT_VALUE(VDS_LT_RAID05)                           \
  LAYOUT_VALUE(VDS_LT_RAID10)                           \
  LAYOUT_VALUE(VDS_LT_RAID15)                           \
  LAYOUT_VALUE(VDS_LT_RAID30)                           \
  LAYOUT_VALUE(VDS_LT_RAID50)                           \
  LAYOUT_VALUE(VDS_LT_RAID51)                           \
  LAYOUT_VALUE(VDS_LT_RAID53)                           \
  LAYOUT_VALUE(VDS_LT_RAID60)                           \
  LAYOUT_VALUE(VDS_LT_RAID61)                           \
  LAYOUT_VALUE(VDS_SF_LUN_MASKING_CAPABLE)              \
  LAYOUT_VALUE(VDS_SF_LUN_PLEXING_CAPABLE)              \
  LAYOUT_VALUE(VDS_SF_LUN_REMAPPING_CAPABLE)            \
  LAYOUT_VALUE(VDS_SF_DRIVE_EXTENT_CAPABLE)             \
  LAYOUT_VALUE(VDS_SF_HARDWARE_CHECKSUM_CAPABLE)        \
  LAYOUT_VALUE(VDS_SF_RADIUS_CAPABLE)                   \
  LAYOUT_VALUE(VDS_SF_READ_BACK_VERIFY_CAPABLE)         \
  LAYOUT_VALUE(VDS_SF_WRITE_THROUGH_CACHING_CAPABLE)    \
  LAYOUT_VALUE(VDS_SF_SUPPORTS_FAULT_TOLERANT_LUNS)     \
  LAYOUT_VALUE(VDS_SF_SUPPORTS_NON_FAULT_TOLERANT_LUNS) \
  LAYOUT_VALUE(VDS_SF_SUPPORTS_SIMPLE_LUNS)             \
  LAYOUT_VALUE(VDS_SF_SUPPORTS_SPAN_LUNS)               \
  LAYOUT_VALUE(VDS_SF_SUPPORTS_STRIPE_LUNS)             \
  LAYOUT_VALUE(VDS_SF_SUPPORTS_MIRROR_LUNS)             \
  LAYOUT_VALUE(VDS_SF_SUPPORTS_PARITY_LUNS)             \
  LAYOUT_VALUE(VDS_SF_SUPPORTS_RAID2_LUNS)              \
  LAYOUT_VALUE(VDS_SF_SUPPORTS_RAID3_LUNS)              \
  LAYOUT_VALUE(VDS_SF_SUPPORTS_RAID4_LUNS)              \
  LAYOUT_VALUE(VDS_SF_SUPPORTS_RAID5_LUNS)              \
  LAYOUT_VALUE(VDS_SF_SUPPORTS_RAID6_LUNS)              \
  LAYOUT_VALUE(VDS_SF_SUPPORTS_RAID01_LUNS)             \
  LAYOUT_VALUE(VDS_SF_SUPPORTS_RAID03_LUNS)             \
  LAYOUT_VALUE(VDS_SF_SUPPORTS_RAID05_LUNS)             \
  LAYOUT_VALUE(VDS_SF_SUPPORTS_RAID10_LUNS)             \
  LAYOUT_VALUE(VDS_SF_SUPPORTS_RAID15_LUNS)             \
  LAYOUT_VALUE(VDS_SF_SUPPORTS_RAID30_LUNS)             \
  LAYOUT_VALUE(VDS_SF_SUPPORTS_RAID50_LUNS)             \
  LAYOUT_VALUE(VDS_SF_SUPPORTS_RAID51_LUNS)             \
  LAYOUT_VALUE(VDS_SF_SUPPORTS_RAID53_LUNS)             \
  LAYOUT_VALUE(VDS_SF_SUPPORTS_RAID60_LUNS)             \
  LAYOUT_VALUE(VDS_SF_SUPPORTS_RAID61_LUNS)             \
  LAYOUT_VALUE(VDS_ASYNCOUT_UNKNOWN)                    \
  LAYOUT_VALUE(VDS_ASYNCOUT_CREATEVOLUME)               \
  LAYOUT_VALUE(VDS_ASYNCOUT_BREAKVOLUMEPLEX)            \
  LAYOUT_VALUE(VDS_ASYNCOUT_CREATEPARTITION)            \
  LAYOUT_VALUE(VDS_ASYNCOUT_CREATEPORTALGROUP)          \
  LAYOUT_VALUE(VDS_ASYNCOUT_CREATELUN)                  \
  LAYOUT_VALUE(VDS_ASYNCOUT_ADDLUNPLEX)                 \
  LAYOUT_VALUE(VDS_ASYNCOUT_REMOVELUNPLEX)              \
  LAYOUT_VALUE(VDS_ASYNCOUT_EXTENDLUN)                  \
  LAYOUT_VALUE(VDS_ASYNCOUT_SHRINKLUN)                  \
  LAYOUT_VALUE(VDS_ASYNCOUT_RECOVERLUN)                 \
  LAYOUT_VALUE(VDS_ASYNCOUT_CREATETARGET)               \
  LAYOUT_VALUE(VDS_QUERY_SOFTWARE_PROVIDERS)            \
  LAYOUT_VALUE(VDS_QUERY_HARDWARE_PROVIDERS)            \
  LAYOUT_VALUE(VDS_PT_UNKNOWN)                          \
  LAYOUT_VALUE(VDS_PT_SOFTWARE)                         \
  LAYOUT_VALUE(VDS_PT_HARDWARE)                         \
  LAYOUT_VALUE(VDS_PT_VIRTUALDISK)                      \
  LAYOUT_VALUE(VDS_PT_MAX)                              \
  LAYOUT_VALUE(VDS_HINT_FASTCRASHRECOVERYREQUIRED)      \
  LAYOUT_VALUE(VDS_HINT_MOSTLYREADS)                    \
  LAYOUT_VALUE(VDS_HINT_OPTIMIZEFORSEQUENTIALREADS)     \
  LAYOUT_VALUE(VDS_HINT_OPTIMIZEFORSEQUENTIALWRITES)    \
  LAYOUT_VALUE(VDS_HINT_READBACKVERIFYENABLED)          \
  LAYOUT_VALUE(VDS_HINT_REMAPENABLED)                   \
  LAYOUT_VALUE(VDS_HINT_WRITETHROUGHCACHINGENABLED)     \
  LAYOUT_VALUE(VDS_HINT_HARDWARECHECKSUMENABLED)        \
  LAYOUT_VALUE(VDS_HINT_ISYANKABLE)                     \
  LAYOUT_VALUE(BlinkLight)                              \
  LAYOUT_VALUE(BeepAlarm)                               \
  LAYOUT_VALUE(SpinDown)                                \
  LAYOUT_VALUE(SpinUp)                                  \
  LAYOUT_VALUE(Ping)

// VDS_LUN_INFORMATION and what it holds: mingw-w64 declares these in <vdslun.h> (its <vds.h> lacks the LUN
// information and has other names for some identifier values), so they are compared with that header.
#define LAYOUT_LUN_INFORMATION                            \
  LAYOUT_SIZE(VDS_INTERCONNECT)                           \
  LAYOUT_FIELD(VDS_INTERCONNECT, m_addressType)           \
  LAYOUT_FIELD(VDS_INTERCONNECT, m_cbPort)                \
  LAYOUT_FIELD(VDS_INTERCONNECT, m_pbPort)                \
  LAYOUT_FIELD(VDS_INTERCONNECT, m_cbAddress)             \
  LAYOUT_FIELD(VDS_INTERCONNECT, m_pbAddress)             \
  LAYOUT_SIZE(VDS_LUN_INFORMATION)                        \
  LAYOUT_FIELD(VDS_LUN_INFORMATION, m_version)            \
  LAYOUT_FIELD(VDS_LUN_INFORMATION, m_DeviceType)         \
  LAYOUT_FIELD(VDS_LUN_INFORMATION, m_DeviceTypeModifier) \
  LAYOUT_FIELD(VDS_LUN_INFORMATION, m_bCommandQueueing)   \
  LAYOUT_FIELD(VDS_LUN_INFORMATION, m_BusType)            \
  LAYOUT_FIELD(VDS_LUN_INFORMATION, m_szVendorId)         \
  LAYOUT_FIELD(VDS_LUN_INFORMATION, m_szProductId)        \
  LAYOUT_FIELD(VDS_LUN_INFORMATION, m_szProductRevision)  \
  LAYOUT_FIELD(VDS_LUN_INFORMATION, m_szSerialNumber)     \
  LAYOUT_FIELD(VDS_LUN_INFORMATION, m_diskSignature)      \
  LAYOUT_FIELD(VDS_LUN_INFORMATION, m_deviceIdDescriptor) \
  LAYOUT_FIELD(VDS_LUN_INFORMATION, m_cInterconnects)     \
  LAYOUT_FIELD(VDS_LUN_INFORMATION, m_rgInterconnects)    \
  LAYOUT_VALUE(VER_VDS_LUN_INFORMATION)                   \
  LAYOUT_VALUE(VDSStorageIdCodeSetReserved)               \
  LAYOUT_VALUE(VDSStorageIdCodeSetBinary)                 \
  LAYOUT_VALUE(VDSStorageIdCodeSetAscii)                  \
  LAYOUT_VALUE(VDSStorageIdCodeSetUtf8)                   \
  LAYOUT_VALUE(VDSStorageIdTypeVendorSpecific)            \
  LAYOUT_VALUE(VDSStorageIdTypeVendorId)                  \
  LAYOUT_VALUE(VDSStorageIdTypeEUI64)                     \
  LAYOUT_VALUE(VDSStorageIdTypeFCPHName)                  \
  LAYOUT_VALUE(VDSStorageIdTypePortRelative)              \
  LAYOUT_VALUE(VDSStorageIdTypeTargetPortGroup)           \
  LAYOUT_VALUE(VDSStorageIdTypeLogicalUnitGroup)          \
  LAYOUT_VALUE(VDSStorageIdTypeMD5LogicalUnitIdentifier)  \
  LAYOUT_VALUE(VDSStorageIdTypeScsiNameString)            \
  LAYOUT_VALUE(VDS_IA_UNKNOWN)                            \
  LAYOUT_VALUE(VDS_IA_FCFS)                               \
  LAYOUT_VALUE(VDS_IA_FCPH)                               \
  LAYOUT_VALUE(VDS_IA_FCPH3)                              \
  LAYOUT_VALUE(VDS_IA_MAC)                                \
  LAYOUT_VALUE(VDS_IA_SCSI)

#define LAYOUT_INTERFACES                              \
  LAYOUT_IID(IVdsServiceLoader)                        \
  LAYOUT_SLOT(IVdsServiceLoader, LoadService)          \
  LAYOUT_IID(IVdsService)                              \
  LAYOUT_SLOT(IVdsService, IsServiceReady)             \
  LAYOUT_SLOT(IVdsService, WaitForServiceReady)        \
  LAYOUT_SLOT(IVdsService, GetProperties)              \
  LAYOUT_SLOT(IVdsService, QueryProviders)             \
  LAYOUT_SLOT(IVdsService, QueryMaskedDisks)           \
  LAYOUT_SLOT(IVdsService, QueryUnallocatedDisks)      \
  LAYOUT_SLOT(IVdsService, GetObject)                  \
  LAYOUT_SLOT(IVdsService, QueryDriveLetters)          \
  LAYOUT_SLOT(IVdsService, QueryFileSystemTypes)       \
  LAYOUT_SLOT(IVdsService, Reenumerate)                \
  LAYOUT_SLOT(IVdsService, Refresh)                    \
  LAYOUT_SLOT(IVdsService, CleanupObsoleteMountPoints) \
  LAYOUT_SLOT(IVdsService, Advise)                     \
  LAYOUT_SLOT(IVdsService, Unadvise)                   \
  LAYOUT_SLOT(IVdsService, Reboot)                     \
  LAYOUT_SLOT(IVdsService, SetFlags)                   \
  LAYOUT_SLOT(IVdsService, ClearFlags)                 \
  LAYOUT_IID(IEnumVdsObject)                           \
  LAYOUT_SLOT(IEnumVdsObject, Next)                    \
  LAYOUT_SLOT(IEnumVdsObject, Skip)                    \
  LAYOUT_SLOT(IEnumVdsObject, Reset)                   \
  LAYOUT_SLOT(IEnumVdsObject, Clone)                   \
  LAYOUT_IID(IVdsProvider)                             \
  LAYOUT_SLOT(IVdsProvider, GetProperties)             \
  LAYOUT_IID(IVdsHwProvider)                           \
  LAYOUT_SLOT(IVdsHwProvider, QuerySubSystems)         \
  LAYOUT_SLOT(IVdsHwProvider, Reenumerate)             \
  LAYOUT_SLOT(IVdsHwProvider, Refresh)                 \
  LAYOUT_IID(IVdsAsync)                                \
  LAYOUT_SLOT(IVdsAsync, Cancel)                       \
  LAYOUT_SLOT(IVdsAsync, Wait)                         \
  LAYOUT_SLOT(IVdsAsync, QueryStatus)                  \
  LAYOUT_IID(IVdsSubSystem)                            \
  LAYOUT_SLOT(IVdsSubSystem, GetProperties)            \
  LAYOUT_SLOT(IVdsSubSystem, GetProvider)              \
  LAYOUT_SLOT(IVdsSubSystem, QueryControllers)         \
  LAYOUT_SLOT(IVdsSubSystem, QueryLuns)                \
  LAYOUT_SLOT(IVdsSubSystem, QueryDrives)              \
  LAYOUT_SLOT(IVdsSubSystem, GetDrive)                 \
  LAYOUT_SLOT(IVdsSubSystem, Reenumerate)              \
  LAYOUT_SLOT(IVdsSubSystem, SetControllerStatus)      \
  LAYOUT_SLOT(IVdsSubSystem, CreateLun)                \
  LAYOUT_SLOT(IVdsSubSystem, ReplaceDrive)             \
  LAYOUT_SLOT(IVdsSubSystem, SetStatus)                \
  LAYOUT_SLOT(IVdsSubSystem, QueryMaxLunCreateSize)    \
  LAYOUT_IID(IVdsSubSystem2)                           \
  LAYOUT_SLOT(IVdsSubSystem2, GetProperties2)          \
  LAYOUT_SLOT(IVdsSubSystem2, GetDrive2)               \
  LAYOUT_SLOT(IVdsSubSystem2, CreateLun2)              \
  LAYOUT_SLOT(IVdsSubSystem2, QueryMaxLunCreateSize2)  \
  LAYOUT_IID(IVdsDrive)                                \
  LAYOUT_SLOT(IVdsDrive, GetProperties)                \
  LAYOUT_SLOT(IVdsDrive, GetSubSystem)                 \
  LAYOUT_SLOT(IVdsDrive, QueryExtents)                 \
  LAYOUT_SLOT(IVdsDrive, SetFlags)                     \
  LAYOUT_SLOT(IVdsDrive, ClearFlags)                   \
  LAYOUT_SLOT(IVdsDrive, SetStatus)                    \
  LAYOUT_IID(IVdsLun)                                  \
  LAYOUT_SLOT(IVdsLun, GetProperties)                  \
  LAYOUT_SLOT(IVdsLun, GetSubSystem)                   \
  LAYOUT_SLOT(IVdsLun, GetIdentificationData)          \
  LAYOUT_SLOT(IVdsLun, QueryActiveControllers)         \
  LAYOUT_SLOT(IVdsLun, Extend)                         \
  LAYOUT_SLOT(IVdsLun, Shrink)                         \
  LAYOUT_SLOT(IVdsLun, QueryPlexes)                    \
  LAYOUT_SLOT(IVdsLun, AddPlex)                        \
  LAYOUT_SLOT(IVdsLun, RemovePlex)                     \
  LAYOUT_SLOT(IVdsLun, Recover)                        \
  LAYOUT_SLOT(IVdsLun, SetMask)                        \
  LAYOUT_SLOT(IVdsLun, Delete)                         \
  LAYOUT_SLOT(IVdsLun, AssociateControllers)           \
  LAYOUT_SLOT(IVdsLun, QueryHints)                     \
  LAYOUT_SLOT(IVdsLun, ApplyHints)                     \
  LAYOUT_SLOT(IVdsLun, SetStatus)                      \
  LAYOUT_SLOT(IVdsLun, QueryMaxLunExtendSize)          \
  LAYOUT_IID(IVdsMaintenance)                          \
  LAYOUT_SLOT(IVdsMaintenance, StartMaintenance)       \
  LAYOUT_SLOT(IVdsMaintenance, StopMaintenance)        \
  LAYOUT_SLOT(IVdsMaintenance, PulseMaintenance)
