// LunStudioApi: the one contract between the renderer and every shell (desktop IPC, browser WebSocket).
// One method map shared by both sides (after GitHub Desktop's ipc-shared.ts): the channel name is the key.
import type {
  ApiErrorShape,
  CreateLunRequest,
  DeleteLunRequest,
  Drive,
  DriveExtent,
  DriveRef,
  ExtendLunRequest,
  IdentifyDriveRequest,
  Lun,
  LunDetails,
  LunRef,
  MaxLunExtendRequest,
  MaxLunSizeRequest,
  Operation,
  OperationKind,
  OperationState,
  ProviderName,
  RecoverLunRequest,
  ReplaceDriveRequest,
  SetHotSpareRequest,
  SetLunMaskRequest,
  ShrinkLunRequest,
  Subsystem,
} from './model';

export interface ProviderInfo {
  name: ProviderName;
  /** Human label, e.g. "Simulated array" or "Virtual Disk Service". */
  label: string;
  /** sim: the state file in use. */
  statePath?: string;
  /** The owner's log folder (lun-studio.log, audit.log): shown so a user can find what to send support. */
  logDir?: string;
  /** Set while the operation journal cannot be written (E_JOURNAL_UNWRITABLE naming the path): new
   * operations are refused and the app shows a banner until it can. */
  journalProblem?: { path: string; error: ApiErrorShape };
}

export interface ProviderOption {
  name: ProviderName;
  label: string;
  /** Whether it can load on this system; `reason` says why not. */
  available: boolean;
  reason?: string;
}

export interface ProviderChoice {
  /** The provider in use now, and where its state lives. */
  current: ProviderInfo;
  /** What the user saved (used by the next start without --provider); absent until saved. */
  saved?: ProviderName;
  /** Set when this owner was started with an explicit --provider: that one stays in use until a restart,
   * a choice is only saved. */
  commandLine?: ProviderName;
  options: ProviderOption[];
}

/** What a shell needs to show the inventory at once: every subsystem, its LUNs and how many of its drives need
 * attention, but no drive list (a subsystem can have tens of thousands): `listDrives` gives one subsystem's. */
export interface InventorySnapshot {
  provider: ProviderInfo;
  subsystems: Subsystem[];
  /** Keyed by subsystem id. */
  luns: Record<string, Lun[]>;
  /** Keyed by subsystem id: its drives that are failed, offline, degraded, rebuilding or a hot spare in use
   * (contract/drive-attention.ts). */
  drivesNeedingAttention: Record<string, number>;
  refreshedAt: string;
}

/** One subsystem's drives, as of the inventory read at `refreshedAt`. */
export interface SubsystemDrives {
  subsystemId: string;
  drives: Drive[];
  refreshedAt: string;
}

export interface CreateLunsRequest {
  request: CreateLunRequest;
  /** Batch: N LUNs with the same settings (1–64). */
  count: number;
}

export interface ListOperationsFilter {
  kind?: OperationKind;
  state?: OperationState;
  /** At most this many, the first in the monitor's order (a first page: running and queued ones first, then
   * the newest finished). */
  limit?: number;
}

/** The methods that queue one operation on an existing LUN, by the kind they queue. */
export const LUN_OPERATION_METHODS = {
  extendLun: 'extendLun',
  shrinkLun: 'shrinkLun',
  setLunMask: 'setLunMask',
  deleteLun: 'deleteLun',
  recoverLun: 'recoverLun',
} as const satisfies Record<string, OperationKind>;

/** The methods that queue one operation on a drive, by the kind they queue. */
export const DRIVE_OPERATION_METHODS = {
  identifyDrive: 'identifyDrive',
  setHotSpare: 'setHotSpare',
  replaceDrive: 'replaceDrive',
} as const satisfies Record<string, OperationKind>;

/** Request and response of every method; a request of `void` takes no argument. */
export interface ApiMethods {
  getInventory: { request: { refresh?: boolean }; response: InventorySnapshot };
  /** One subsystem's drives (by its id or unique name), from the same inventory read as getInventory's. */
  listDrives: { request: { subsystemId: string }; response: SubsystemDrives };
  maxLunSize: { request: MaxLunSizeRequest; response: { maxBytes: number } };
  createLuns: { request: CreateLunsRequest; response: { operations: Operation[] } };
  cancelOperation: { request: { operationId: string }; response: { hresult: number; operation: Operation } };
  /** The history, in the monitor's order (running, queued, then finished newest first); optionally one kind
   * and/or one state. */
  listOperations: { request: ListOperationsFilter | void; response: Operation[] };
  maxLunExtendSize: { request: MaxLunExtendRequest; response: { maxBytes: number } };
  /** Each queues one operation on an existing LUN; refused (E_LUN_BUSY, naming it) while another one is
   * queued or running on that LUN. */
  extendLun: { request: ExtendLunRequest; response: { operation: Operation } };
  shrinkLun: { request: ShrinkLunRequest; response: { operation: Operation } };
  setLunMask: { request: SetLunMaskRequest; response: { operation: Operation } };
  deleteLun: { request: DeleteLunRequest; response: { operation: Operation } };
  /** Async with progress (IVdsLun::Recover); the LUN returns to healthy when it ends. */
  recoverLun: { request: RecoverLunRequest; response: { operation: Operation } };
  /** The LUN with its extents, the drives that hurt it and its identification data. */
  lunDetails: { request: LunRef; response: LunDetails };
  /** Every drive's extents in a subsystem (free space included), for the capacity map. */
  listExtents: { request: { subsystemId: string }; response: { extents: DriveExtent[] } };
  /** Each queues one (synchronous) operation on a drive; the same journal, events and monitor as LUN kinds. */
  identifyDrive: { request: IdentifyDriveRequest; response: { operation: Operation } };
  setHotSpare: { request: SetHotSpareRequest; response: { operation: Operation } };
  replaceDrive: { request: ReplaceDriveRequest; response: { operation: Operation } };
  /** Simulator only: fail a drive on purpose / bring it back (VDS_E_NOT_SUPPORTED on vds). Not an operation:
   * nothing is journaled; every shell gets an inventoryChanged. */
  simFailDrive: { request: DriveRef; response: { drive: Drive } };
  simRestoreDrive: { request: DriveRef; response: { drive: Drive } };
  /** Desktop: show the progress monitor window. Browser: resolves (the renderer shows its view). */
  openMonitor: { request: void; response: void };
  /** The provider in use, the user's saved choice and what can load here. */
  getProviderChoice: { request: void; response: ProviderChoice };
  /** Saves the choice and switches the owner to it. Refused (E_OPERATIONS_RUNNING) while any operation is
   * queued or running, and (E_PROVIDER_UNAVAILABLE) for a provider that cannot load here. */
  chooseProvider: { request: { provider: ProviderName }; response: ProviderChoice };
  /** Forgets every finished operation (succeeded, failed, canceled, interrupted) in the history and the
   * journal, durably; queued and running ones stay. Every subscriber gets `operationsCleared`. Refused
   * (E_JOURNAL_UNWRITABLE) while the journal cannot be written. */
  clearFinishedOperations: { request: void; response: { removed: number } };
}
export type ApiMethodName = keyof ApiMethods;
export const API_METHOD_NAMES = [
  'getInventory',
  'listDrives',
  'maxLunSize',
  'createLuns',
  'cancelOperation',
  'listOperations',
  'maxLunExtendSize',
  'extendLun',
  'shrinkLun',
  'setLunMask',
  'deleteLun',
  'recoverLun',
  'lunDetails',
  'listExtents',
  'identifyDrive',
  'setHotSpare',
  'replaceDrive',
  'simFailDrive',
  'simRestoreDrive',
  'openMonitor',
  'getProviderChoice',
  'chooseProvider',
  'clearFinishedOperations',
] as const satisfies readonly ApiMethodName[];

/** Pushed to every subscriber. Operation events carry the whole, latest operation. */
export type LunStudioEvent =
  | { type: 'operationStarted'; operation: Operation }
  /** Every operation whose state or percent/rate/ETA changed since the last batch, each once with its
   * latest value (≤ 10 batches per second); an operation's operationFinished comes after its last batch. */
  | { type: 'operationsProgress'; operations: Operation[] }
  | { type: 'operationFinished'; operation: Operation }
  /** After every inventory read; `drivesChanged` names the subsystems whose drive list is not the one the
   * previous read gave (new subsystems included): a shell holding their drives reads them again. */
  | { type: 'inventoryChanged'; inventory: InventorySnapshot; drivesChanged: string[] }
  /** Finished operations were forgotten (clearFinishedOperations): drop them from any list. */
  | { type: 'operationsCleared'; operationIds: string[] };

/** What crosses IPC / WebSocket for a call: errors travel as data (Electron drops custom Error fields). */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorShape };

type MethodSignature<K extends ApiMethodName> = ApiMethods[K]['request'] extends void
  ? () => Promise<ApiMethods[K]['response']>
  : (request: ApiMethods[K]['request']) => Promise<ApiMethods[K]['response']>;

/** What the renderer uses (window.lunStudio on desktop, the WebSocket client in the browser).
 * Methods reject with an Error carrying code, hresult, message (LunStudioError). */
export type LunStudioApi = { [K in ApiMethodName]: MethodSignature<K> } & {
  subscribe(handler: (event: LunStudioEvent) => void): () => void;
};

/** Electron IPC channel names. */
export const IPC_INVOKE_PREFIX = 'lun-studio:';
export const IPC_EVENT_CHANNEL = 'lun-studio:event';
export const IPC_SUBSCRIBE_CHANNEL = 'lun-studio:subscribe';
