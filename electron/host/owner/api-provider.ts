// A StorageProvider whose every call goes through the owner's API (in-process or over the control
// endpoint): a lun-studio command keeps its provider-shaped code, and its operations (every kind) enter the
// owner's queue, journal and event stream — they show live in any monitor that is open on the same state.
import type {
  InventorySnapshot,
  ListOperationsFilter,
  LunStudioEvent,
  ProviderInfo,
} from '../../contract/api';
import { HRESULT, LunStudioError } from '../../contract/errors';
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
  ProviderName,
  RecoverLunRequest,
  ReplaceDriveRequest,
  SetHotSpareRequest,
  SetLunMaskRequest,
  ShrinkLunRequest,
  Subsystem,
} from '../../contract/model';
import type { CreateLunOptions, OperationOptions, StorageProvider } from '../../../native/lib/types';
import { isAsyncKind, operationBytes } from '../operation-runners';
import type { ApiChannel } from './control-client';

const FINAL_STATES: readonly string[] = ['succeeded', 'failed', 'canceled', 'interrupted'];

function noResult(operation: Operation): LunStudioError {
  return new LunStudioError({
    code: 'E_UNEXPECTED',
    hresult: HRESULT.E_UNEXPECTED,
    message: `Operation ${operation.id} ended ${operation.state} without a result.`,
  });
}

function driveOf(operation: Operation): Drive {
  if (!operation.resultDrive) throw noResult(operation);
  return operation.resultDrive;
}

function canceledError(): LunStudioError {
  return new LunStudioError({
    code: 'VDS_E_OPERATION_CANCELED',
    hresult: HRESULT.VDS_E_OPERATION_CANCELED,
    message: 'The operation was canceled; the provider rolled it back.',
  });
}

function interruptedError(operation: Operation): LunStudioError {
  return new LunStudioError({
    code: 'E_OPERATION_INTERRUPTED',
    hresult: HRESULT.E_UNEXPECTED,
    message: `Operation ${operation.id} was cut off when the LUN Studio process running it stopped.`,
    action: 'Check `lun-studio luns` before you retry.',
  });
}

/** What a lun-studio command sees: the provider, plus the owner's history, and an operation id for the
 * synchronous kinds too (through onStarted). */
export interface OwnerProvider extends StorageProvider {
  setLunMask(request: SetLunMaskRequest, options?: OperationOptions): Promise<Lun>;
  deleteLun(request: DeleteLunRequest, options?: OperationOptions): Promise<Lun>;
  identifyDrive(request: IdentifyDriveRequest, options?: OperationOptions): Promise<Drive>;
  setHotSpare(request: SetHotSpareRequest, options?: OperationOptions): Promise<Drive>;
  replaceDrive(
    request: ReplaceDriveRequest,
    options?: OperationOptions,
  ): Promise<{ drive: Drive; lunsToRecover: Lun[] }>;
  listOperations(filter?: ListOperationsFilter): Promise<Operation[]>;
  clearFinishedOperations(): Promise<{ removed: number }>;
}

export class ApiProvider implements OwnerProvider {
  private info: ProviderInfo = { name: 'sim', label: '' };
  private snapshot: Promise<InventorySnapshot> | undefined;

  private constructor(private readonly channel: ApiChannel) {}

  static async open(channel: ApiChannel): Promise<ApiProvider> {
    const provider = new ApiProvider(channel);
    provider.info = (await provider.inventory()).provider;
    return provider;
  }

  get name(): ProviderName {
    return this.info.name;
  }

  get statePath(): string | undefined {
    return this.info.statePath;
  }

  async listSubsystems(): Promise<Subsystem[]> {
    return (await this.inventory()).subsystems;
  }

  async listDrives(subsystemId: string): Promise<Drive[]> {
    return (await this.inventory()).drives[subsystemId] ?? this.notFound(subsystemId);
  }

  async listLuns(subsystemId: string): Promise<Lun[]> {
    return (await this.inventory()).luns[subsystemId] ?? this.notFound(subsystemId);
  }

  async maxLunSize(request: MaxLunSizeRequest): Promise<number> {
    return ((await this.call('maxLunSize', request)) as { maxBytes: number }).maxBytes;
  }

  /** Queues one creation with the owner and follows its events until it ends. */
  createLun(request: CreateLunRequest, options: CreateLunOptions = {}): Promise<Lun> {
    return this.followLun(
      async () =>
        ((await this.call('createLuns', { request, count: 1 })) as { operations: Operation[] })
          .operations[0]!,
      options,
    );
  }

  async maxLunExtendSize(request: MaxLunExtendRequest): Promise<number> {
    return ((await this.call('maxLunExtendSize', request)) as { maxBytes: number }).maxBytes;
  }

  extendLun(request: ExtendLunRequest, options: OperationOptions = {}): Promise<Lun> {
    return this.followLun(() => this.queueOne('extendLun', request), options);
  }

  shrinkLun(request: ShrinkLunRequest, options: OperationOptions = {}): Promise<Lun> {
    return this.followLun(() => this.queueOne('shrinkLun', request), options);
  }

  setLunMask(request: SetLunMaskRequest, options: OperationOptions = {}): Promise<Lun> {
    return this.followLun(() => this.queueOne('setLunMask', request), options);
  }

  deleteLun(request: DeleteLunRequest, options: OperationOptions = {}): Promise<Lun> {
    return this.followLun(() => this.queueOne('deleteLun', request), options);
  }

  recoverLun(request: RecoverLunRequest, options: OperationOptions = {}): Promise<Lun> {
    return this.followLun(() => this.queueOne('recoverLun', request), options);
  }

  async lunDetails(request: LunRef): Promise<LunDetails> {
    return (await this.call('lunDetails', request)) as LunDetails;
  }

  async listExtents(subsystemId: string): Promise<DriveExtent[]> {
    return ((await this.call('listExtents', { subsystemId })) as { extents: DriveExtent[] }).extents;
  }

  async identifyDrive(request: IdentifyDriveRequest, options: OperationOptions = {}): Promise<Drive> {
    return driveOf(await this.follow(() => this.queueOne('identifyDrive', request), options));
  }

  async setHotSpare(request: SetHotSpareRequest, options: OperationOptions = {}): Promise<Drive> {
    return driveOf(await this.follow(() => this.queueOne('setHotSpare', request), options));
  }

  async replaceDrive(
    request: ReplaceDriveRequest,
    options: OperationOptions = {},
  ): Promise<{ drive: Drive; lunsToRecover: Lun[] }> {
    const operation = await this.follow(() => this.queueOne('replaceDrive', request), options);
    return { drive: driveOf(operation), lunsToRecover: operation.lunsToRecover ?? [] };
  }

  /** Not an operation: the owner answers with the drive after it (and every shell gets an inventoryChanged). */
  async simSetDriveFailed(request: DriveRef, failed: boolean): Promise<Drive> {
    const method = failed ? 'simFailDrive' : 'simRestoreDrive';
    const { drive } = (await this.call(method, request)) as { drive: Drive };
    this.snapshot = undefined;
    return drive;
  }

  /** The owner's history (newest finished last in its order: running, queued, then finished newest first). */
  async listOperations(filter: ListOperationsFilter = {}): Promise<Operation[]> {
    return (await this.call('listOperations', filter)) as Operation[];
  }

  /** Forgets the owner's finished operations (its journal too); queued and running ones stay. */
  async clearFinishedOperations(): Promise<{ removed: number }> {
    return (await this.call('clearFinishedOperations', undefined)) as { removed: number };
  }

  private async queueOne(method: string, request: unknown): Promise<Operation> {
    return ((await this.call(method, request)) as { operation: Operation }).operation;
  }

  private async followLun(queue: () => Promise<Operation>, options: OperationOptions): Promise<Lun> {
    const operation = await this.follow(queue, options);
    if (!operation.result) throw noResult(operation);
    return operation.result;
  }

  /** Queues one operation with the owner (`queue`) and follows its events until it ends: progress of async
   * kinds to onProgress, an abort of the signal to cancelOperation; resolves to the operation once it
   * succeeded, rejects with its error (canceled, interrupted, failed) otherwise. */
  private async follow(queue: () => Promise<Operation>, options: OperationOptions): Promise<Operation> {
    let id: string | undefined;
    const early: Operation[] = [];
    let settle: (operation: Operation) => void = () => undefined;
    const finished = new Promise<Operation>((resolve) => (settle = resolve));
    let lastPercent: number | null = null; // the queue says null until the provider first reports
    const follow = (operation: Operation): void => {
      if (operation.state === 'running' && isAsyncKind(operation.kind) && operation.percent !== lastPercent) {
        lastPercent = operation.percent;
        const progress: { percent: number | null; bytesDone?: number } = { percent: operation.percent };
        const total = operationBytes(operation);
        if (operation.percent !== null && total !== undefined)
          progress.bytesDone = Math.round((operation.percent / 100) * total);
        options.onProgress?.(progress);
      }
      if (FINAL_STATES.includes(operation.state)) settle(operation);
    };
    const unsubscribe = this.channel.subscribe((event: LunStudioEvent) => {
      if (!('operation' in event)) return;
      if (id === undefined) early.push(event.operation);
      else if (event.operation.id === id) follow(event.operation);
    });
    try {
      const operation = await queue();
      id = operation.id;
      options.onStarted?.(id);
      // Events sent while the request was being handled come before its answer, the newest view.
      for (const seen of [...early.filter((o) => o.id === id), operation]) follow(seen);
      const onAbort = (): void => {
        this.call('cancelOperation', { operationId: id }).catch(() => undefined);
      };
      if (options.signal?.aborted) onAbort();
      else options.signal?.addEventListener('abort', onAbort, { once: true });
      const outcome = await Promise.race([finished, this.channel.lost.then((e) => e)]);
      options.signal?.removeEventListener('abort', onAbort);
      if (!('state' in outcome)) throw new LunStudioError(outcome);
      this.snapshot = undefined; // the array changed (or may have): read it again next time
      return this.outcomeOf(outcome);
    } finally {
      unsubscribe();
    }
  }

  close(): Promise<void> {
    return this.channel.close();
  }

  private outcomeOf(operation: Operation): Operation {
    if (operation.state === 'succeeded') return operation;
    if (operation.state === 'canceled') throw canceledError();
    if (operation.state === 'interrupted') throw interruptedError(operation);
    throw operation.error ? new LunStudioError(operation.error) : noResult(operation);
  }

  private inventory(): Promise<InventorySnapshot> {
    this.snapshot ??= this.call('getInventory', { refresh: true }) as Promise<InventorySnapshot>;
    const current = this.snapshot;
    current.catch(() => {
      if (this.snapshot === current) this.snapshot = undefined;
    });
    return current;
  }

  private async call(method: string, payload: unknown): Promise<unknown> {
    const result = await this.channel.dispatch(method, payload);
    if (!result.ok) throw new LunStudioError(result.error as ApiErrorShape);
    return result.value;
  }

  private notFound(subsystemId: string): never {
    throw new LunStudioError({
      code: 'VDS_E_OBJECT_NOT_FOUND',
      hresult: HRESULT.VDS_E_OBJECT_NOT_FOUND,
      message: `There is no subsystem with id ${subsystemId}.`,
      action: 'Run `lun-studio subsystems` to see the ids.',
    });
  }
}
