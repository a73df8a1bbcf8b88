// A StorageProvider whose every call goes through the owner's API (in-process or over the control
// endpoint): a lun-studio command keeps its provider-shaped code, and its operations (every kind) enter the
// owner's queue, journal and event stream — they show live in any monitor that is open on the same state.
import type {
  InventorySnapshot,
  SubsystemDrives,
  ListOperationsFilter,
  LunStudioEvent,
  ProviderInfo,
} from '../../contract/api';
import { HRESULT, LunStudioError } from '../../contract/errors';
import { eventOperations } from '../../contract/event-operations';
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
  OperationState,
  ProviderName,
  RecoverLunRequest,
  ReplaceDriveRequest,
  SetHotSpareRequest,
  SetLunMaskRequest,
  ShrinkLunRequest,
  Subsystem,
} from '../../contract/model';
import type {
  CreateLunOptions,
  CreateLunProgress,
  OperationOptions,
  StorageProvider,
} from '../../../native/lib/types';
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

function lunOf(operation: Operation): Lun {
  if (!operation.result) throw noResult(operation);
  return operation.result;
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
  createLunBatch(
    request: CreateLunRequest,
    count: number,
    options?: CreateBatchOptions,
  ): Promise<PromiseSettledResult<Lun>[]>;
}

/** What a caller hears about one operation it follows. */
export interface MemberHooks<T = Lun> {
  /** The owner queued it under this id; `state` as its answer said (running when it started at once). */
  onQueued?: (operationId: string, state: OperationState) => void;
  /** The owner started it (once; also for one that ended at once). */
  onRunning?: () => void;
  onProgress?: (progress: CreateLunProgress) => void;
  /** It ended: the LUN, or the error (VDS_E_OPERATION_CANCELED when canceled). */
  onSettled?: (outcome: PromiseSettledResult<T>) => void;
}

export interface CreateBatchOptions {
  /** Aborting cancels every operation of the batch that has not ended (queued ones never start). */
  signal?: AbortSignal;
  /** The hooks of the batch's operation at `index` (0-based, the owner's queue order). */
  member?: (index: number) => MemberHooks;
}

export class ApiProvider implements OwnerProvider {
  private info: ProviderInfo = { name: 'sim', label: '' };
  private snapshot: Promise<InventorySnapshot> | undefined;
  /** Each subsystem's drives once asked for (the snapshot has none), forgotten with the snapshot. */
  private drives = new Map<string, Promise<Drive[]>>();

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
    if (!(await this.inventory()).subsystems.some((s) => s.id === subsystemId)) this.notFound(subsystemId);
    let drives = this.drives.get(subsystemId);
    if (!drives) {
      const asked = this.call('listDrives', { subsystemId }).then(
        (answer) => (answer as SubsystemDrives).drives,
      );
      asked.catch(() => {
        if (this.drives.get(subsystemId) === asked) this.drives.delete(subsystemId);
      });
      this.drives.set(subsystemId, asked);
      drives = asked;
    }
    return drives;
  }

  /** From the owner's inventory (getInventory), like listDrives. */
  async listAllDrives(): Promise<Record<string, Drive[]>> {
    const { subsystems } = await this.inventory();
    const lists = await Promise.all(subsystems.map((s) => this.listDrives(s.id)));
    return Object.fromEntries(subsystems.map((s, i) => [s.id, lists[i]!]));
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

  /** Queues `count` creations with the owner in one request (one batch: they share a batchId, run as the
   * owner's queue allows, and one failing stops none of the others) and follows each one until all ended. */
  createLunBatch(
    request: CreateLunRequest,
    count: number,
    options: CreateBatchOptions = {},
  ): Promise<PromiseSettledResult<Lun>[]> {
    return this.followAll(
      async () =>
        ((await this.call('createLuns', { request, count })) as { operations: Operation[] }).operations,
      (index) => options.member?.(index) ?? {},
      options.signal,
      lunOf,
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
    this.forgetInventory();
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
    return lunOf(await this.follow(queue, options));
  }

  /** Queues one operation with the owner (`queue`) and follows its events until it ends: progress of async
   * kinds to onProgress, an abort of the signal to cancelOperation; resolves to the operation once it
   * succeeded, rejects with its error (canceled, interrupted, failed) otherwise. */
  private async follow(queue: () => Promise<Operation>, options: OperationOptions): Promise<Operation> {
    const hooks: MemberHooks<Operation> = {};
    const { onStarted } = options;
    if (onStarted) hooks.onQueued = (operationId) => onStarted(operationId);
    if (options.onProgress) hooks.onProgress = options.onProgress;
    const [outcome] = await this.followAll(
      async () => [await queue()],
      () => hooks,
      options.signal,
      (operation) => operation,
    );
    if (outcome!.status === 'rejected') throw outcome!.reason;
    return outcome!.value;
  }

  /** Queues operations with the owner (`queue`, one answer listing them all) and follows each one's events
   * until every one has ended; an abort of the signal cancels every one not finished yet (the queued ones
   * first, so that none of them starts meanwhile). Resolves to each one's outcome (`resultOf` its succeeded
   * operation), in the answer's order. */
  private async followAll<T>(
    queue: () => Promise<Operation[]>,
    hooksFor: (index: number) => MemberHooks<T>,
    signal: AbortSignal | undefined,
    resultOf: (operation: Operation) => T,
  ): Promise<PromiseSettledResult<T>[]> {
    let members: Map<string, MemberFollower<T>> | undefined;
    const early: Operation[] = [];
    const unsubscribe = this.channel.subscribe((event: LunStudioEvent) => {
      for (const operation of eventOperations(event)) {
        if (members === undefined) early.push(operation);
        else members.get(operation.id)?.see(operation);
      }
    });
    try {
      const operations = await queue();
      const followers = operations.map((op, index) => new MemberFollower<T>(op.id, hooksFor(index)));
      members = new Map(followers.map((f) => [f.id, f]));
      followers.forEach((follower, index) =>
        follower.hooks.onQueued?.(follower.id, operations[index]!.state),
      );
      // Events sent while the request was being handled come before its answer, the newest view.
      for (const seen of [...early, ...operations]) members.get(seen.id)?.see(seen);
      const onAbort = (): void => {
        const open = followers.filter((f) => !f.ended).reverse();
        const queuedFirst = [...open.filter((f) => !f.running), ...open.filter((f) => f.running)];
        for (const follower of queuedFirst)
          this.call('cancelOperation', { operationId: follower.id }).catch(() => undefined);
      };
      if (signal?.aborted) onAbort();
      else signal?.addEventListener('abort', onAbort, { once: true });
      const lost = this.channel.lost.then((error) => new LunStudioError(error));
      const outcomes = await Promise.all(
        followers.map(async (follower): Promise<PromiseSettledResult<T>> => {
          const ended = await Promise.race([follower.finished, lost]);
          const outcome = this.settledOf(ended, resultOf);
          follower.hooks.onSettled?.(outcome);
          return outcome;
        }),
      );
      signal?.removeEventListener('abort', onAbort);
      this.forgetInventory(); // the array changed (or may have): read it again next time
      return outcomes;
    } finally {
      unsubscribe();
    }
  }

  private settledOf<T>(
    ended: Operation | LunStudioError,
    resultOf: (operation: Operation) => T,
  ): PromiseSettledResult<T> {
    if (ended instanceof LunStudioError) return { status: 'rejected', reason: ended };
    try {
      return { status: 'fulfilled', value: resultOf(this.outcomeOf(ended)) };
    } catch (reason) {
      return { status: 'rejected', reason };
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

  private forgetInventory(): void {
    this.snapshot = undefined;
    this.drives.clear();
  }

  private inventory(): Promise<InventorySnapshot> {
    this.snapshot ??= this.call('getInventory', { refresh: true }) as Promise<InventorySnapshot>;
    const current = this.snapshot;
    current.catch(() => {
      if (this.snapshot === current) this.forgetInventory();
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

/** One followed operation: turns the owner's views of it into the hooks, once each. */
class MemberFollower<T> {
  running = false;
  ended = false;
  readonly finished: Promise<Operation>;
  private settle: (operation: Operation) => void = () => undefined;
  private lastPercent: number | null = null; // the queue says null until the provider first reports

  constructor(
    readonly id: string,
    readonly hooks: MemberHooks<T>,
  ) {
    this.finished = new Promise<Operation>((resolve) => (this.settle = resolve));
  }

  see(operation: Operation): void {
    if (this.ended) return;
    if (!this.running && (operation.state === 'running' || operation.startedAt !== null)) {
      this.running = true;
      this.hooks.onRunning?.();
    }
    if (
      operation.state === 'running' &&
      isAsyncKind(operation.kind) &&
      operation.percent !== this.lastPercent
    ) {
      this.lastPercent = operation.percent;
      const progress: CreateLunProgress = { percent: operation.percent };
      const total = operationBytes(operation);
      if (operation.percent !== null && total !== undefined)
        progress.bytesDone = Math.round((operation.percent / 100) * total);
      this.hooks.onProgress?.(progress);
    }
    if (FINAL_STATES.includes(operation.state)) {
      this.ended = true;
      this.settle(operation);
    }
  }
}
