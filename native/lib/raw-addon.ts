// The shape of the compiled addon (native/build/Release/lun_studio.node) as JS sees it.
// This file is the contract between the C++ side (native/src) and the TypeScript facade (native/lib).
// The facade validates every argument before calling in; the addon validates again (wrong JS types
// reject with E_INVALIDARG, never crash).
import type {
  Drive,
  DriveExtent,
  LunHints,
  LunIdentificationData,
  Lun,
  LunType,
  Subsystem,
} from '../../electron/contract/model';

/** One row of the single HRESULT table (native/src/hresult_table.cc). */
export interface RawHresultEntry {
  hresult: number; // unsigned 32-bit
  code: string; // e.g. VDS_E_NOT_ENOUGH_SPACE
  message: string; // plain language
  action?: string; // what the user can do
}

/** A rejection from the addon: a JS Error carrying these fields. */
export interface RawAddonError extends Error {
  code: string;
  hresult: number;
  action?: string;
  field?: string;
}

// ---- Simulator state: the JSON file format (topology = the same without ids / luns). ----
export type SimFaultKind =
  | 'errantNullAsync'
  | 'wrongOutputType'
  | 'nullLun'
  | 'failAt'
  | 'queryStatusFails'
  | 'waitFails'
  | 'hang'
  | 'cancelTooLate'
  | 'driveFailsAt';

export interface SimFault {
  kind: SimFaultKind;
  /** failAt / driveFailsAt: the percent at which it happens. */
  percent?: number;
  /** failAt / queryStatusFails / waitFails: the HRESULT reported (unsigned number). */
  hresult?: number;
  /** driveFailsAt: the drive (id or name) that fails. */
  drive?: string;
}

export interface SimExtent {
  driveId: string;
  offsetBytes: number;
  lengthBytes: number;
}

export interface SimLun {
  id: string;
  name: string;
  type: Exclude<LunType, 'auto' | 'faultTolerant' | 'nonFaultTolerant'>;
  sizeBytes: number;
  stripeSizeBytes: number;
  unmaskingList: string;
  /** Every extent on every drive, in allocation order; drive order of the LUN = first appearance. */
  extents: SimExtent[];
  /** The host operation that created it (absent in files from before operation tags). */
  operationId?: string;
  /** Drives whose copy of this LUN's data is stale (hurt by a failure, or replaced) until a recovery; absent =
   * none (and in files from before drive repairs). */
  staleDriveIds?: string[];
  /** An automatic hot-spare takeover the array is rebuilding: wall-clock start, bytes at the init rate. */
  rebuild?: SimRebuild;
}

export interface SimRebuild {
  driveIds: string[];
  startedAtMs: number;
  bytes: number;
}

export interface SimDrive {
  id: string;
  name: string;
  sizeBytes: number;
  bus: number;
  slot: number;
  status: Drive['status'];
  health: Drive['health'];
  hotSpare: boolean;
  /** The identify light blinks; absent = off. */
  identifying?: boolean;
}

export interface SimSubsystem {
  id: string;
  name: string;
  supportedTypes: LunType[];
  stripeSizes: number[];
  initRateBytesPerSec: number;
  maskingCapable: boolean;
  /** A standby hot spare takes over a failed drive of a redundant LUN at once (absent = false). */
  automaticHotSpare?: boolean;
  status: Subsystem['status'];
  health: Subsystem['health'];
  drives: SimDrive[];
  faults: SimFault[];
  luns: SimLun[];
}

export interface SimState {
  version: 1;
  subsystems: SimSubsystem[];
}

// ---- Requests as the addon takes them (already validated by the facade). ----
export interface RawMaxSizeRequest {
  subsystemId: string;
  type: LunType;
  driveIds: string[];
  hints: LunHints;
}

export interface RawCreateLunRequest extends RawMaxSizeRequest {
  sizeBytes: number;
  unmaskingList: string;
  /** The host's operation id: the simulator keeps it with the LUN it creates (VDS ignores it). */
  operationId?: string;
}

/** IVdsLun::Extend as the addon takes it: bytes to add, drives in order (empty = the provider picks). */
export interface RawExtendLunRequest {
  lunId: string;
  bytesToAdd: number;
  driveIds: string[];
  /** The host's operation id (VDS and the simulator ignore it for an extend or shrink: the LUN keeps the id of
   * the operation that created it). */
  operationId?: string;
}

/** IVdsLun::Shrink as the addon takes it. */
export interface RawShrinkLunRequest {
  lunId: string;
  bytesToRemove: number;
  operationId?: string;
}

/** IVdsLun::Recover as the addon takes it. */
export interface RawRecoverLunRequest {
  lunId: string;
  operationId?: string;
}

/** Pushed by the poller thread (through the environment's one ThreadSafeFunction, once per poll round) whenever
 * the status changed, to an operation started with a function. */
export interface RawProgress {
  /** VDS_E_OPERATION_PENDING while running; the final HRESULT once done. */
  hresult: number;
  /** As the provider said it; null when it said something outside 0–100 (unknown, e.g. 0xFFFFFFFF). */
  percent: number | null;
  bytesDone: number;
}

/** Where an async call's progress goes: a function (an object per report) or a route number, whose reports
 * reach the environment's listener (setProgressListener) as [route, hresult, percent, bytesDone] in one
 * Float64Array per poll round (percent as the provider said it: outside 0–100 = unknown). */
export type RawProgressTarget = ((progress: RawProgress) => void) | number;

export interface RawOperation {
  readonly id: string;
  /** Settles after IVdsAsync::Wait-equivalent with the seed's checks; resolves to the LUN re-read from the provider. */
  readonly done: Promise<Lun>;
  /** IVdsAsync::Cancel: resolves to the provider's HRESULT (S_OK, CANCEL_TOO_LATE, OPERATION_CANCELED, NOT_SUPPORTED). */
  cancel(): Promise<number>;
}

export interface RawProvider {
  readonly name: 'sim' | 'vds';
  listSubsystems(): Promise<Subsystem[]>;
  listDrives(subsystemId: string): Promise<Drive[]>;
  /** Every subsystem's drives in one call, keyed by subsystem id in listSubsystems order (each subsystem's
   * drives as listDrives gives them; one that vanished while it was read is left out). */
  listAllDrives(): Promise<Record<string, Drive[]>>;
  listLuns(subsystemId: string): Promise<Lun[]>;
  maxLunSize(request: RawMaxSizeRequest): Promise<number>;
  /** Rejects if the provider refused the request before an operation existed (NULL async → E_UNEXPECTED, …). */
  createLun(request: RawCreateLunRequest, onProgress: RawProgressTarget): Promise<RawOperation>;
  /** IVdsLun::QueryMaxLunExtendSize for a LUN by id. */
  maxLunExtendSize(lunId: string, driveIds: string[]): Promise<number>;
  /** IVdsLun::Extend / Shrink: the operation's `done` resolves to the LUN re-read after Wait (output type
   * checked: VDS_ASYNCOUT_EXTENDLUN 54 / SHRINKLUN 55; S_OK with a NULL async rejects E_UNEXPECTED). */
  extendLun(request: RawExtendLunRequest, onProgress: RawProgressTarget): Promise<RawOperation>;
  shrinkLun(request: RawShrinkLunRequest, onProgress: RawProgressTarget): Promise<RawOperation>;
  /** IVdsLun::SetMask; resolves to the LUN re-read. */
  setLunMask(lunId: string, unmaskingList: string): Promise<Lun>;
  /** IVdsLun::Delete; resolves once the LUN is gone. */
  deleteLun(lunId: string): Promise<void>;
  /** IVdsLun::Recover: `done` resolves to the LUN re-read after Wait (output type checked: RECOVERLUN 56). */
  recoverLun(request: RawRecoverLunRequest, onProgress: RawProgressTarget): Promise<RawOperation>;
  /** Every drive's extents of the subsystem, free ones included (lunId null), drives in bus/slot order. */
  listExtents(subsystemId: string): Promise<DriveExtent[]>;
  /** IVdsLun::GetIdentificationData; rejects VDS_E_NOT_SUPPORTED where the provider gives none. */
  lunIdentification(lunId: string): Promise<LunIdentificationData>;
  /** IVdsMaintenance BlinkLight on/off. */
  setDriveIdentify(driveId: string, on: boolean): Promise<void>;
  /** IVdsDrive SetFlags/ClearFlags(VDS_DRF_HOTSPARE). */
  setDriveHotSpare(driveId: string, hotSpare: boolean): Promise<void>;
  /** IVdsSubSystem::ReplaceDrive; resolves to the ids of the LUNs that now need a recovery. */
  replaceDrive(driveId: string, replacementDriveId: string): Promise<string[]>;
  /** Simulator fail-drive / restore-drive (VDS_E_NOT_SUPPORTED on vds). */
  setDriveFailed(driveId: string, failed: boolean): Promise<void>;
  /** sim only, synchronous: puts a drive's own fields back as `drive` describes them (the rollback of a drive
   * change whose state file could not be saved). */
  restoreDrive(subsystemId: string, drive: SimDrive): void;
  /** sim only, synchronous: puts a LUN back exactly as `lun` describes it (replacing the LUN with that id, or
   * adding it if it was deleted): the rollback of a change whose state file could not be saved. */
  restoreLun(subsystemId: string, lun: SimLun): void;
  /** sim only: a consistent snapshot of the whole model (committed LUNs only; running ones are not in it). */
  exportState(): SimState;
  /** sim only, synchronous: takes a committed LUN out again (rollback of a creation whose state could not be
   * saved). Throws VDS_E_OBJECT_NOT_FOUND when there is no such LUN. */
  removeLun(lunId: string): void;
  /** Cancels what still runs and releases the provider; the poller idles once nothing runs. */
  close(): void;
}

export interface RawAddon {
  hresultTable(): RawHresultEntry[];
  /** sim: config = SimState. vds: config = {} or { readyTimeoutMs } (how long to wait for the service to
   * become ready, 1–3,600,000 ms, default 60,000; Windows only; elsewhere rejects VDS_E_NOT_SUPPORTED). */
  openProvider(
    name: 'sim' | 'vds',
    config: SimState | { readyTimeoutMs?: number },
    pollIntervalMs: number,
  ): Promise<RawProvider>;
  /** The listener of routed progress in this environment (one per addon instance; a later call replaces it). */
  setProgressListener?(listener: (batch: Float64Array) => void): void;
  /** For tests and the bench: the process-wide poller and progress hub counters since load. */
  pollerStats(): RawPollerStats;
}

export interface RawPollerStats {
  /** Times the poller thread woke up to poll (rounds and first polls of new operations). */
  wakeups: number;
  /** Operations watched now. */
  watched: number;
  /** Full rounds (every watched operation queried once). */
  rounds?: number;
  /** The round interval in use (ms; 0 while nothing is watched): max(pollIntervalMs, watched × 1 ms). */
  intervalMs?: number;
  /** QueryStatus calls made by the poller. */
  queries?: number;
  /** Changed statuses handed to a hub. */
  changes?: number;
  /** Hub flushes (at most one per round). */
  flushes?: number;
  /** ThreadSafeFunction calls run on a JS thread: one per round (and per settle that came alone). */
  hubCalls?: number;
  /** Reports dispatched in them. */
  hubReports?: number;
  /** Operations settled in them. */
  hubSettles?: number;
}
