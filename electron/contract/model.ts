// The VDS-shaped object model shared by the addon facade, the host, every shell and the renderer.
// Sizes are bytes as plain numbers (exact up to 2^53 bytes = 8 PiB).

export const SPECIFIC_LUN_TYPES = [
  'simple',
  'span',
  'stripe',
  'mirror',
  'parity',
  'raid10',
  'raid6',
] as const;
export const AUTOMAGIC_LUN_TYPES = ['auto', 'faultTolerant', 'nonFaultTolerant'] as const;
export const LUN_TYPES = [...SPECIFIC_LUN_TYPES, ...AUTOMAGIC_LUN_TYPES] as const;

export type SpecificLunType = (typeof SPECIFIC_LUN_TYPES)[number];
export type AutomagicLunType = (typeof AUTOMAGIC_LUN_TYPES)[number];
export type LunType = (typeof LUN_TYPES)[number];

export const SUBSYSTEM_STATUSES = [
  'online',
  'notReady',
  'offline',
  'failed',
  'partiallyManaged',
  'unknown',
] as const;
export type SubsystemStatus = (typeof SUBSYSTEM_STATUSES)[number];

export const DRIVE_STATUSES = ['online', 'notReady', 'offline', 'failed', 'removed', 'unknown'] as const;
export type DriveStatus = (typeof DRIVE_STATUSES)[number];

export const LUN_STATUSES = ['online', 'notReady', 'offline', 'failed', 'unknown'] as const;
export type LunStatus = (typeof LUN_STATUSES)[number];

export const HEALTHS = ['unknown', 'healthy', 'rebuilding', 'degraded', 'failing', 'failed'] as const;
export type Health = (typeof HEALTHS)[number];

export const DRIVE_FLAGS = [
  'hotSpare',
  'assigned',
  'unassigned',
  'hotSpareInUse',
  'hotSpareStandby',
] as const;
export type DriveFlag = (typeof DRIVE_FLAGS)[number];

export const PROVIDER_NAMES = ['sim', 'vds'] as const;
export type ProviderName = (typeof PROVIDER_NAMES)[number];

export interface Subsystem {
  id: string;
  name: string;
  identification: string;
  status: SubsystemStatus;
  health: Health;
  supportedTypes: LunType[];
  /** Supported stripe sizes in bytes, ascending. */
  stripeSizes: number[];
  maskingCapable: boolean;
  driveCount: number;
  lunCount: number;
  capacityBytes: number;
  freeBytes: number;
}

export interface Drive {
  id: string;
  subsystemId: string;
  name: string;
  identification: string;
  sizeBytes: number;
  freeBytes: number;
  bus: number;
  slot: number;
  status: DriveStatus;
  health: Health;
  flags: DriveFlag[];
  /** True while LUN Studio has the drive's identify light blinking (IVdsMaintenance BlinkLight); absent = off. */
  identifying?: boolean;
}

export interface Lun {
  id: string;
  subsystemId: string;
  name: string;
  identification: string;
  type: SpecificLunType;
  sizeBytes: number;
  status: LunStatus;
  health: Health;
  /** VDS unmasking list: "*" (all hosts), "" (none) or ";"-separated initiator names. */
  unmaskingList: string;
  driveIds: string[];
  stripeSizeBytes?: number;
}

/** VDS_HINTS, the subset the product sets. */
export interface LunHints {
  stripeSizeBytes?: number;
  maximumDriveCount?: number;
  fastCrashRecoveryRequired?: boolean;
  mostlyReads?: boolean;
  optimizeForSequentialReads?: boolean;
  optimizeForSequentialWrites?: boolean;
  readBackVerifyEnabled?: boolean;
  writeThroughCachingEnabled?: boolean;
  hardwareChecksumEnabled?: boolean;
  isYankable?: boolean;
  rebuildPriority?: number;
}

/** The on/off hints, in the order the UI offers them. */
export const BOOLEAN_HINT_NAMES = [
  'fastCrashRecoveryRequired',
  'mostlyReads',
  'optimizeForSequentialReads',
  'optimizeForSequentialWrites',
  'readBackVerifyEnabled',
  'writeThroughCachingEnabled',
  'hardwareChecksumEnabled',
  'isYankable',
] as const satisfies readonly (keyof LunHints)[];
export type BooleanHintName = (typeof BOOLEAN_HINT_NAMES)[number];

export interface MaxLunSizeRequest {
  subsystemId: string;
  type: LunType;
  /** Drives in order; empty or absent = the provider picks. */
  driveIds?: string[];
  hints?: LunHints;
}

export interface CreateLunRequest extends MaxLunSizeRequest {
  sizeBytes: number;
  unmaskingList?: string;
}

export const OPERATION_STATES = [
  'queued',
  'running',
  'succeeded',
  'failed',
  'canceled',
  'interrupted',
] as const;
export type OperationState = (typeof OPERATION_STATES)[number];
export const FINAL_OPERATION_STATES: readonly OperationState[] = [
  'succeeded',
  'failed',
  'canceled',
  'interrupted',
];

export interface ApiErrorShape {
  /** Symbolic name, e.g. VDS_E_NOT_ENOUGH_SPACE, E_INVALIDARG. */
  code: string;
  /** The HRESULT as an unsigned 32-bit number (print with formatHresult). */
  hresult: number;
  message: string;
  /** What the user can do about it. */
  action?: string;
  /** For invalid input: the request field at fault, e.g. "sizeBytes" or "driveIds[2]". */
  field?: string;
}

/** What an operation does. Async kinds stream progress (percent, rate, ETA) and may be canceled; the others are
 * one synchronous provider call and appear as instant entries with their result. */
export const OPERATION_KINDS = [
  'createLun',
  'extendLun',
  'shrinkLun',
  'deleteLun',
  'setLunMask',
  'recoverLun',
  'identifyDrive',
  'setHotSpare',
  'replaceDrive',
] as const;
export type OperationKind = (typeof OPERATION_KINDS)[number];
export const ASYNC_OPERATION_KINDS = [
  'createLun',
  'extendLun',
  'shrinkLun',
  'recoverLun',
] as const satisfies readonly OperationKind[];
/** The kinds that work on one existing LUN (one at a time per LUN). */
export const LUN_OPERATION_KINDS = [
  'extendLun',
  'shrinkLun',
  'deleteLun',
  'setLunMask',
  'recoverLun',
] as const satisfies readonly OperationKind[];
/** The kinds that work on one drive (replaceDrive: the failed drive, with its replacement in the request). */
export const DRIVE_OPERATION_KINDS = [
  'identifyDrive',
  'setHotSpare',
  'replaceDrive',
] as const satisfies readonly OperationKind[];

/** An existing LUN: the subsystem (id or unique name) and the LUN (id, or a name unique in that subsystem). */
export interface LunRef {
  subsystemId: string;
  lunId: string;
}

/** IVdsLun::QueryMaxLunExtendSize: the most bytes an extend on these drives (in order; none = the provider
 * picks) can add. */
export interface MaxLunExtendRequest extends LunRef {
  driveIds?: string[];
}

/** IVdsLun::Extend. Exactly one of bytesToAdd, newSizeBytes (the total after the extend) and useMaximum (add
 * what QueryMaxLunExtendSize allows at the time the operation starts). The provider may round up. */
export interface ExtendLunRequest extends MaxLunExtendRequest {
  bytesToAdd?: number;
  newSizeBytes?: number;
  useMaximum?: true;
}

/** IVdsLun::Shrink. Exactly one of bytesToRemove and newSizeBytes. Data past the new end is lost. */
export interface ShrinkLunRequest extends LunRef {
  bytesToRemove?: number;
  newSizeBytes?: number;
}

/** IVdsLun::SetMask: the same list syntax as creation ("*", "" or ";"-separated initiators). */
export interface SetLunMaskRequest extends LunRef {
  unmaskingList: string;
}

/** IVdsLun::Delete. A LUN unmasked to any host is refused unless confirmUnmasked is true. */
export interface DeleteLunRequest extends LunRef {
  confirmUnmasked?: boolean;
}

/** IVdsLun::Recover: rebuild a LUN that lost redundancy (after ReplaceDrive, or a failed drive came back). */
export type RecoverLunRequest = LunRef;

/** An existing drive: the subsystem (id or unique name) and the drive (id, or a name unique in that subsystem). */
export interface DriveRef {
  subsystemId: string;
  driveId: string;
}

/** IVdsMaintenance StartMaintenance / StopMaintenance (BlinkLight): the drive's identify light on or off. */
export interface IdentifyDriveRequest extends DriveRef {
  on: boolean;
}

/** IVdsDrive SetFlags / ClearFlags (VDS_DRF_HOTSPARE). Making a drive that holds extents a hot spare is refused. */
export interface SetHotSpareRequest extends DriveRef {
  hotSpare: boolean;
}

/** IVdsSubSystem::ReplaceDrive: `driveId` is the drive to replace (usually failed), `replacementDriveId` an
 * unassigned drive or a standby hot spare at least as large as the extents it takes over. The LUNs that lose
 * redundancy stay degraded until recoverLun. */
export interface ReplaceDriveRequest extends DriveRef {
  replacementDriveId: string;
}

/** Simulator only (demos, training, tests): break a drive on purpose, or bring it back. */
export interface SimDriveFailureRequest extends DriveRef {
  failed: boolean;
}

/** Each kind with its request. */
export type OperationRequest =
  | { kind: 'createLun'; request: CreateLunRequest }
  | { kind: 'extendLun'; request: ExtendLunRequest }
  | { kind: 'shrinkLun'; request: ShrinkLunRequest }
  | { kind: 'deleteLun'; request: DeleteLunRequest }
  | { kind: 'setLunMask'; request: SetLunMaskRequest }
  | { kind: 'recoverLun'; request: RecoverLunRequest }
  | { kind: 'identifyDrive'; request: IdentifyDriveRequest }
  | { kind: 'setHotSpare'; request: SetHotSpareRequest }
  | { kind: 'replaceDrive'; request: ReplaceDriveRequest };

/** The LUN an operation on an existing LUN works on, as it was when the operation was queued. */
export interface OperationTarget {
  lunId: string;
  name: string;
  sizeBytes: number;
  unmaskingList: string;
}

/** The drive a drive kind works on, as it was when the operation was queued (replaceDrive: and its
 * replacement). */
export interface OperationDriveTarget {
  driveId: string;
  name: string;
  replacementDriveId?: string;
  replacementName?: string;
}

export interface OperationFields {
  id: string;
  subsystemId: string;
  /** Set for operations created as one of a batch. */
  batchId?: string;
  /** Every kind but createLun: the LUN it works on (references already resolved to ids in `request`). */
  target?: OperationTarget;
  /** Drive kinds: the drive it works on (references already resolved to ids in `request`). */
  driveTarget?: OperationDriveTarget;
  state: OperationState;
  /** 0–100, or null while the provider cannot estimate (always null for synchronous kinds until done). */
  percent: number | null;
  startedAt: string | null;
  endedAt: string | null;
  bytesPerSecond: number | null;
  etaSeconds: number | null;
  /** The LUN after the operation, re-read from the provider (deleteLun: as it was just before). */
  result?: Lun;
  /** Drive kinds: the drive after the operation, re-read (replaceDrive: the replacement). */
  resultDrive?: Drive;
  /** replaceDrive: the LUNs that now need recoverLun, re-read after the replacement. */
  lunsToRecover?: Lun[];
  error?: ApiErrorShape;
  /** What LUN Studio found out about it afterwards, e.g. a LUN in the array that an interrupted creation
   * had made (it is then shown succeeded). */
  note?: string;
}

export type Operation = OperationFields & OperationRequest;

/** One extent on a drive, in the drive's own order (IVdsDrive::QueryExtents; offsets are the running sum of the
 * sizes before it). `lunId` null = free space. */
export interface DriveExtent {
  driveId: string;
  lunId: string | null;
  offsetBytes: number;
  sizeBytes: number;
}

/** A LUN's extent on one drive. */
export interface LunExtent {
  driveId: string;
  offsetBytes: number;
  sizeBytes: number;
}

/** VDS_STORAGE_IDENTIFIER_TYPE, by name ('naa' is VDS's StorageIdTypeFCPHName, the SCSI NAA designator). */
export const STORAGE_IDENTIFIER_TYPES = [
  'vendorSpecific',
  'vendorId',
  'eui64',
  'naa',
  'portRelative',
  'targetPortGroup',
  'logicalUnitGroup',
  'md5',
  'scsiName',
] as const;
export type StorageIdentifierType = (typeof STORAGE_IDENTIFIER_TYPES)[number];

/** One VDS_STORAGE_IDENTIFIER of the device identification page. Binary values as lower-case hex, text values
 * as text. */
export interface StorageIdentifier {
  type: StorageIdentifierType;
  codeSet: 'binary' | 'ascii' | 'utf8' | 'unknown';
  association: 'device' | 'port' | 'target' | 'unknown';
  value: string;
}

/** IVdsLun::GetIdentificationData (VDS_LUN_INFORMATION), as far as the provider fills it. */
export interface LunIdentificationData {
  vendorId?: string;
  productId?: string;
  productRevision?: string;
  serialNumber?: string;
  identifiers: StorageIdentifier[];
}

/** The LUN details panel and `lun-studio lun`: the LUN with where it lives and what hurts it. */
export interface LunDetails extends Lun {
  /** Every extent of the LUN, grouped by drive in the LUN's drive order, by offset within a drive. */
  extents: LunExtent[];
  /** The drives it uses that are failed, offline, removed or missing (a degraded or failed LUN names them). */
  failedDriveIds: string[];
  /** Absent where the provider gives none (VDS_E_NOT_SUPPORTED). */
  identificationData?: LunIdentificationData;
}

export function formatHresult(hresult: number): string {
  return '0x' + (hresult >>> 0).toString(16).toUpperCase().padStart(8, '0');
}
