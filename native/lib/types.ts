import type {
  CreateLunRequest,
  Drive,
  Lun,
  MaxLunSizeRequest,
  ProviderName,
  Subsystem,
} from '../../electron/contract/model';

export interface OpenProviderOptions {
  provider: ProviderName;
  /** sim: where state persists (default: per-user config dir lun-studio/sim-state.json; env LUN_STUDIO_SIM_STATE). */
  simStatePath?: string;
  /** sim: topology used when the state file does not exist (env LUN_STUDIO_SIM_TOPOLOGY, else assets/sim/default-topology.json). */
  simTopologyPath?: string;
  /** How often the poller reads each running operation's status. Default 250 ms. */
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

export interface CreateLunOptions {
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

/** One opened provider. All methods reject with LunStudioError (code, hresult, message). */
export interface StorageProvider {
  readonly name: ProviderName;
  /** sim: the state file in use; vds: undefined. */
  readonly statePath?: string;
  listSubsystems(): Promise<Subsystem[]>;
  listDrives(subsystem: string): Promise<Drive[]>;
  listLuns(subsystem: string): Promise<Lun[]>;
  maxLunSize(request: MaxLunSizeRequest): Promise<number>;
  /** Resolves to the new LUN, re-read from the provider after creation. */
  createLun(request: CreateLunRequest, options?: CreateLunOptions): Promise<Lun>;
  /** sim: the LUNs in the array that the given host operations created (by the operation id the simulator
   * keeps with each LUN), keyed by operation id. Absent where the array keeps no such tag (VDS). */
  createdLuns?(operationIds: readonly string[]): Promise<Map<string, Lun>>;
  /** Waits for nothing: running operations are canceled; the poller stops. */
  close(): Promise<void>;
}
