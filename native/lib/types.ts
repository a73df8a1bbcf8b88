import type {
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
  ProviderName,
  RecoverLunRequest,
  ReplaceDriveRequest,
  SetHotSpareRequest,
  SetLunMaskRequest,
  ShrinkLunRequest,
  Subsystem,
} from '../../electron/contract/model';

export interface OpenProviderOptions {
  provider: ProviderName;
  /** sim: where state persists (default: per-user config dir lun-studio/sim-state.json; env LUN_STUDIO_SIM_STATE). */
  simStatePath?: string;
  /** sim: topology used when the state file does not exist (env LUN_STUDIO_SIM_TOPOLOGY, else assets/sim/default-topology.json). */
  simTopologyPath?: string;
  /** How often the poller reads each running operation's status while few run (default 100 ms); with many
   * running, rounds stretch to keep within 1,000 status reads per second (pollIntervalInUseMs). */
  pollIntervalMs?: number;
  /** vds: how long to wait for the service to become ready before giving up. Default 60,000 ms. */
  vdsReadyTimeoutMs?: number;
}

export interface CreateLunProgress {
  /** 0–100, or null while the provider cannot estimate. */
  percent: number | null;
  /** Bytes the operation has initialised so far, when the provider knows (sim does). */
  bytesDone?: number;
}

/** Options of every async operation (createLun, extendLun, shrinkLun). */
export interface OperationOptions {
  /** Called once the provider accepted the request and the operation exists. */
  onStarted?: (operationId: string) => void;
  /** Called on every change the poller sees (never twice with the same value). */
  onProgress?: (progress: CreateLunProgress) => void;
  /** Aborting asks the provider to cancel; the promise then rejects with VDS_E_OPERATION_CANCELED
   * (or resolves if the provider answered VDS_E_CANCEL_TOO_LATE and the LUN was created). */
  signal?: AbortSignal;
  /** The host's operation id. The simulator records it with the LUN it creates (in its state file), so that
   * a restart after a kill can tell which operation a LUN belongs to (see createdLuns). */
  operationId?: string;
}

export type CreateLunOptions = OperationOptions;

/** One opened provider. All methods reject with LunStudioError (code, hresult, message). */
export interface StorageProvider {
  readonly name: ProviderName;
  /** sim: the state file in use; vds: undefined. */
  readonly statePath?: string;
  listSubsystems(): Promise<Subsystem[]>;
  listDrives(subsystem: string): Promise<Drive[]>;
  /** Every subsystem's drives in one call, keyed by subsystem id in listSubsystems order. What every shell's
   * inventory reads: one provider call, no subsystem lookups. */
  listAllDrives(): Promise<Record<string, Drive[]>>;
  listLuns(subsystem: string): Promise<Lun[]>;
  maxLunSize(request: MaxLunSizeRequest): Promise<number>;
  /** Resolves to the new LUN, re-read from the provider after creation. */
  createLun(request: CreateLunRequest, options?: CreateLunOptions): Promise<Lun>;
  /** sim: the LUNs in the array that the given host operations created (by the operation id the simulator
   * keeps with each LUN), keyed by operation id. Absent where the array keeps no such tag (VDS). */
  /** IVdsLun::QueryMaxLunExtendSize: the most bytes extendLun can add on these drives (0 = none). */
  maxLunExtendSize(request: MaxLunExtendRequest): Promise<number>;
  /** newSizeBytes / useMaximum are turned into bytes to add when it starts (useMaximum with nothing to add, or
   * a newSizeBytes not above the current size, is refused). Resolves to the LUN re-read after Wait. An accepted
   * cancel rolls the extend back (the LUN keeps its old size) and rejects VDS_E_OPERATION_CANCELED. */
  extendLun(request: ExtendLunRequest, options?: OperationOptions): Promise<Lun>;
  /** Resolves to the LUN re-read after Wait. A shrink past the provider's minimum is refused, saying it. */
  shrinkLun(request: ShrinkLunRequest, options?: OperationOptions): Promise<Lun>;
  /** Synchronous (IVdsLun::SetMask); resolves to the LUN re-read. */
  setLunMask(request: SetLunMaskRequest): Promise<Lun>;
  /** Synchronous (IVdsLun::Delete); resolves to the LUN as it was just before. The facade does not check
   * confirmUnmasked (the host does, where it knows who asked). */
  deleteLun(request: DeleteLunRequest): Promise<Lun>;
  /** IVdsLun::Recover (async, Wait output VDS_ASYNCOUT_RECOVERLUN); resolves to the LUN re-read after Wait. */
  recoverLun(request: RecoverLunRequest, options?: OperationOptions): Promise<Lun>;
  /** The LUN with its extents (IVdsDrive::QueryExtents of its drives), the drives that hurt it and
   * IVdsLun::GetIdentificationData (left out where the provider answers VDS_E_NOT_SUPPORTED). */
  lunDetails(request: LunRef): Promise<LunDetails>;
  /** Every drive's extents of a subsystem, free space included, drives in bus/slot order. */
  listExtents(subsystem: string): Promise<DriveExtent[]>;
  /** IVdsMaintenance Start/StopMaintenance(BlinkLight); resolves to the drive re-read (identifying set/cleared). */
  identifyDrive(request: IdentifyDriveRequest): Promise<Drive>;
  /** IVdsDrive SetFlags/ClearFlags(VDS_DRF_HOTSPARE); refused for a drive that holds extents, saying which LUNs. */
  setHotSpare(request: SetHotSpareRequest): Promise<Drive>;
  /** IVdsSubSystem::ReplaceDrive; resolves to the replacement drive and the LUNs that now need recoverLun. */
  replaceDrive(request: ReplaceDriveRequest): Promise<{ drive: Drive; lunsToRecover: Lun[] }>;
  /** Simulator only: fail a drive / bring it back; VDS_E_NOT_SUPPORTED on vds. */
  simSetDriveFailed(request: DriveRef, failed: boolean): Promise<Drive>;
  createdLuns?(operationIds: readonly string[]): Promise<Map<string, Lun>>;
  /** Waits for nothing: running operations are canceled; the poller stops. */
  close(): Promise<void>;
}
