// StorageService: the host every shell talks to (desktop IPC, browser WebSocket). Plain Node.
// It owns the opened provider, the inventory cache, the operation queue, the journal and the event
// fan-out. Requests reaching it are already validated (api-dispatcher.ts → contract/schemas.ts).
import type {
  ApiMethods,
  CreateLunsRequest,
  InventorySnapshot,
  SubsystemDrives,
  ListOperationsFilter,
  ProviderInfo,
} from '../contract/api';
import { HRESULT, LunStudioError } from '../contract/errors';
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
  OperationDriveTarget,
  OperationRequest,
  OperationTarget,
  ProviderName,
  RecoverLunRequest,
  ReplaceDriveRequest,
  SetHotSpareRequest,
  SetLunMaskRequest,
  ShrinkLunRequest,
  Subsystem,
} from '../contract/model';
import { openProvider } from '../../native/lib/index';
import type { OpenProviderOptions, StorageProvider } from '../../native/lib/types';
import { resolveCreateRequest } from '../../native/lib/validate';
import { type FullInventory, InventoryCache, summaryOf } from './inventory';
import { Journal, journalUnwritableError, type JournalReadBack } from './journal';
import { OperationQueue, type OperationUpdate } from './operations';
import { defaultJournalPath } from './paths';
import { ProgressFanout, type EventHandler } from './progress-fanout';
import { callerOf, type Caller } from './caller';
import { toErrorShape } from './error-shape';
import type { HostLog } from './log/host-log';
import { auditEntryFor, refusedEntry, simDriveEntry } from './log/audit';
import {
  driveTargetOf,
  lunsOnDrive,
  resolveDriveIds,
  resolveDriveRef,
  resolveLun,
  targetOf,
  type ResolvedLun,
} from './lun-references';
import { reconcileInterrupted } from './reconcile-interrupted';
import { refuseHotSpareChange, refuseReplaceUnderBusyLun, refuseSameDrive } from './drive-checks';
import { driveBusyError } from './operations';
import { resolveSubsystem } from '../../native/lib/resolve';

/** A request on an existing LUN, with its kind. */
type LunOperationRequest = Extract<
  OperationRequest,
  { kind: 'extendLun' | 'shrinkLun' | 'deleteLun' | 'setLunMask' | 'recoverLun' }
>;
/** A request on a drive, with its kind. */
type DriveOperationRequest = Extract<
  OperationRequest,
  { kind: 'identifyDrive' | 'setHotSpare' | 'replaceDrive' }
>;

/** simFailDrive / simRestoreDrive on a provider that has no simulated drives. */
function simOnlyError(provider: ProviderName): LunStudioError {
  return new LunStudioError({
    code: 'VDS_E_NOT_SUPPORTED',
    hresult: HRESULT.VDS_E_NOT_SUPPORTED,
    message: `Failing or restoring a drive on purpose is a simulator feature; the ${providerLabel(provider)} provider does not support it. Nothing was changed.`,
    action: 'Use --provider sim (the simulated array) for demos, training and tests.',
  });
}

export interface StorageServiceOptions {
  /** Default: 'vds' on Windows, 'sim' elsewhere. */
  provider?: ProviderName;
  simStatePath?: string;
  simTopologyPath?: string;
  pollIntervalMs?: number;
  /** Opens the provider; default: the native facade's openProvider. Tests inject fakes here. */
  openProvider?: (options: OpenProviderOptions) => Promise<StorageProvider>;
  /** Operations running at once. Default 4. */
  concurrency?: number;
  /** Journal file; default per-user data dir lun-studio/journal.ndjson; false = no journal. */
  journalPath?: string | false;
  /** Minimum time between two progress events of one operation. Default 100 ms (≤ 10/s). */
  progressIntervalMs?: number;
  cancelWaitMs?: number;
  now?: () => number;
  /** Diagnostics (journal problems, subscriber errors). Default: process.emitWarning. */
  warn?: (message: string) => void;
  /** Where every change to an array is audited (the owner passes its host log); none = no audit. */
  log?: HostLog;
  /** While the journal cannot be written: how often it is tried again. Default 2000 ms. */
  journalRetryMs?: number;
}

/** A LUN that hosts still see is deleted only when the caller confirmed that too. */
function refuseUnmaskedDelete(request: DeleteLunRequest, lun: Lun): void {
  if (lun.unmaskingList === '' || request.confirmUnmasked) return;
  const hosts = lun.unmaskingList === '*' ? 'every host ("*")' : `${lun.unmaskingList.split(';').join(', ')}`;
  throw new LunStudioError({
    code: 'E_LUN_UNMASKED',
    hresult: HRESULT.VDS_E_DEVICE_IN_USE,
    message: `LUN "${lun.name}" (${lun.id}) is unmasked to ${hosts}: deleting it takes it away from them while they may use it. Nothing was deleted.`,
    action: 'Set confirmUnmasked to delete it anyway, or set its mask to "" (no host) first.',
    field: 'confirmUnmasked',
  });
}

function warnOf(options: StorageServiceOptions): (message: string) => void {
  return options.warn ?? ((message: string) => process.emitWarning(`LUN Studio: ${message}`));
}

export function defaultProviderName(platform: NodeJS.Platform = process.platform): ProviderName {
  return platform === 'win32' ? 'vds' : 'sim';
}

export function providerLabel(name: ProviderName): string {
  return name === 'vds' ? 'Virtual Disk Service' : 'Simulated array';
}

export class StorageService {
  readonly info: ProviderInfo;
  /** What the journal read back at start (empty when there is no journal). */
  readonly journalReadBack: JournalReadBack;
  private readonly inventory: InventoryCache;
  private readonly queue: OperationQueue;
  private readonly fanout: ProgressFanout;
  private closing: Promise<void> | undefined;
  private stopping = false;
  private readonly log: HostLog | undefined;
  /** Who asked for each operation still unfinished (for its audit line). */
  private readonly callers = new Map<string, Caller>();
  /** The latest state of operations whose journal line could not be written yet (oldest first). */
  private readonly unjournaled = new Map<string, Operation>();
  private journalRetry: ReturnType<typeof setInterval> | undefined;
  private readonly journalRetryMs: number;
  private readonly warn: (message: string) => void;

  private constructor(
    private readonly provider: StorageProvider,
    private readonly journal: Journal | undefined,
    readBack: JournalReadBack,
    options: StorageServiceOptions,
  ) {
    const warn = warnOf(options);
    this.log = options.log;
    this.warn = warn;
    this.journalRetryMs = options.journalRetryMs ?? 2000;
    this.info = { name: provider.name, label: providerLabel(provider.name) };
    if (provider.statePath) this.info.statePath = provider.statePath;
    if (options.log) this.info.logDir = options.log.dir;
    this.journalReadBack = readBack;
    const now = options.now ?? (() => Date.now());
    this.fanout = new ProgressFanout({
      intervalMs: options.progressIntervalMs,
      now,
      onSubscriberError: (error) => warn(`an event subscriber threw: ${(error as Error)?.message ?? error}`),
    });
    this.inventory = new InventoryCache(
      provider,
      this.info,
      (inventory, drivesChanged) =>
        this.fanout.publish({ type: 'inventoryChanged', inventory: summaryOf(inventory), drivesChanged }),
      () => new Date(now()),
    );
    this.queue = new OperationQueue({
      provider,
      concurrency: options.concurrency,
      cancelWaitMs: options.cancelWaitMs,
      now,
      // Nothing starts without its line in the journal: while the journal cannot be written, queued
      // operations wait (and new ones are refused).
      mayStart: () => this.info.journalProblem === undefined,
      onUpdate: (operation, update) => this.onOperationUpdate(operation, update, warn),
    });
    this.queue.restore(readBack.operations);
  }

  /** Opens the provider and the journal; operations the journal finds unfinished become `interrupted`
   * (and the inventory is read again, since they may have changed it). */
  static async open(options: StorageServiceOptions = {}): Promise<StorageService> {
    const open = options.openProvider ?? openProvider;
    const journalPath = options.journalPath === undefined ? defaultJournalPath() : options.journalPath;
    let journal: Journal | undefined;
    let readBack: JournalReadBack = {
      operations: [],
      interrupted: [],
      unwritten: [],
      corruptLines: 0,
      droppedTail: false,
    };
    if (journalPath !== false) {
      // A journal in use by another live process is refused (E_JOURNAL_BUSY names it): running without
      // one would lose this instance's history.
      ({ journal, readBack } = Journal.open(journalPath, {
        now: options.now && (() => new Date(options.now!())),
      }));
    }
    let provider: StorageProvider;
    try {
      const providerOptions: OpenProviderOptions = { provider: options.provider ?? defaultProviderName() };
      if (options.simStatePath !== undefined) providerOptions.simStatePath = options.simStatePath;
      if (options.simTopologyPath !== undefined) providerOptions.simTopologyPath = options.simTopologyPath;
      if (options.pollIntervalMs !== undefined) providerOptions.pollIntervalMs = options.pollIntervalMs;
      provider = await open(providerOptions);
    } catch (error) {
      journal?.close();
      throw error;
    }
    const reconciled = await reconcileInterrupted(provider, readBack, warnOf(options));
    const service = new StorageService(provider, journal, readBack, options);
    for (const op of readBack.unwritten) service.journalWrite(op);
    for (const op of reconciled) service.journalWrite(op);
    if (readBack.interrupted.length > 0) await service.inventory.refresh().catch(() => undefined);
    return service;
  }

  subscribe(handler: EventHandler): () => void {
    return this.fanout.subscribe(handler);
  }

  async getInventory(request: { refresh?: boolean } = {}): Promise<InventorySnapshot> {
    return summaryOf(await (request.refresh ? this.inventory.refresh() : this.inventory.get()));
  }

  /** The drives of one subsystem (id or unique name) as the latest inventory read has them. */
  async listDrives({ subsystemId }: { subsystemId: string }): Promise<SubsystemDrives> {
    return this.withInventory((inventory) => {
      const subsystem = resolveSubsystem(inventory.subsystems, subsystemId);
      return {
        subsystemId: subsystem.id,
        drives: inventory.drives[subsystem.id] ?? [],
        refreshedAt: inventory.refreshedAt,
      };
    });
  }

  async maxLunSize(request: MaxLunSizeRequest): Promise<{ maxBytes: number }> {
    return { maxBytes: await this.provider.maxLunSize(request) };
  }

  /** Queues `count` operations; the response lists them (queued or already running). Each one writes an
   * audit line when it ends; a request refused before it is queued writes one now. While the journal
   * cannot be written, new operations are refused (E_JOURNAL_UNWRITABLE). */
  async createLuns(
    { request, count }: CreateLunsRequest,
    caller: Caller = callerOf('cli'),
  ): Promise<{ operations: Operation[] }> {
    let operations: Operation[];
    try {
      this.requireJournal();
      const resolved = await this.resolveReferences(request);
      this.requireJournal();
      // Registered before enqueue: an operation may finish (and be audited) before enqueue returns.
      operations = this.queue.enqueue(
        { kind: 'createLun', request: resolved, subsystemId: resolved.subsystemId },
        count,
        (id) => this.callers.set(id, caller),
      );
    } catch (error) {
      this.log?.audit(
        refusedEntry(this.info.name, caller, { kind: 'createLun', request }, toErrorShape(error)),
      );
      throw error;
    }
    await this.takeBackIfJournalFailed(operations);
    return { operations };
  }

  /** The journal failed while these were queued: none of them has started (the queue is held); take them back
   * rather than run operations a restart would not know about. */
  private async takeBackIfJournalFailed(operations: readonly Operation[]): Promise<void> {
    const problem = this.info.journalProblem;
    if (!problem) return;
    for (const op of operations) await this.queue.cancel(op.id).catch(() => undefined);
    throw new LunStudioError(problem.error);
  }

  /** IVdsLun::QueryMaxLunExtendSize for a LUN by id or unique name (drives by id or name, in order). */
  async maxLunExtendSize(request: MaxLunExtendRequest): Promise<{ maxBytes: number }> {
    const resolved = await this.resolveOnLun(request, ({ subsystem, lun }, inventory) => {
      const out: MaxLunExtendRequest = { subsystemId: subsystem.id, lunId: lun.id };
      if (request.driveIds !== undefined)
        out.driveIds = resolveDriveIds(inventory, subsystem, request.driveIds);
      return out;
    });
    return { maxBytes: await this.provider.maxLunExtendSize(resolved.request) };
  }

  extendLun(request: ExtendLunRequest, caller: Caller = callerOf('cli')): Promise<{ operation: Operation }> {
    return this.queueOnLun({ kind: 'extendLun', request }, caller);
  }

  shrinkLun(request: ShrinkLunRequest, caller: Caller = callerOf('cli')): Promise<{ operation: Operation }> {
    return this.queueOnLun({ kind: 'shrinkLun', request }, caller);
  }

  setLunMask(
    request: SetLunMaskRequest,
    caller: Caller = callerOf('cli'),
  ): Promise<{ operation: Operation }> {
    return this.queueOnLun({ kind: 'setLunMask', request }, caller);
  }

  /** Refused while the LUN is unmasked to any host, unless confirmUnmasked. */
  deleteLun(request: DeleteLunRequest, caller: Caller = callerOf('cli')): Promise<{ operation: Operation }> {
    return this.queueOnLun({ kind: 'deleteLun', request }, caller);
  }

  /** IVdsLun::Recover: async like extend; refused while another operation is on the LUN. */
  recoverLun(
    request: RecoverLunRequest,
    caller: Caller = callerOf('cli'),
  ): Promise<{ operation: Operation }> {
    return this.queueOnLun({ kind: 'recoverLun', request }, caller);
  }

  identifyDrive(
    request: IdentifyDriveRequest,
    caller: Caller = callerOf('cli'),
  ): Promise<{ operation: Operation }> {
    return this.queueOnDrive({ kind: 'identifyDrive', request }, caller);
  }

  /** Refused before it is queued for a drive that holds LUNs (naming them) or has failed, and (off) for a
   * hot spare that stands in for a failed drive. */
  setHotSpare(
    request: SetHotSpareRequest,
    caller: Caller = callerOf('cli'),
  ): Promise<{ operation: Operation }> {
    return this.queueOnDrive({ kind: 'setHotSpare', request }, caller);
  }

  /** Refused while an operation is queued or running on a LUN with an extent on the old drive. */
  replaceDrive(
    request: ReplaceDriveRequest,
    caller: Caller = callerOf('cli'),
  ): Promise<{ operation: Operation }> {
    return this.queueOnDrive({ kind: 'replaceDrive', request }, caller);
  }

  /** The LUN with its extents, failed drives and identification data (not an operation). */
  async lunDetails(ref: LunRef): Promise<LunDetails> {
    const { subsystem, lun } = await this.resolveOnLun(ref, () => undefined);
    return this.provider.lunDetails({ subsystemId: subsystem.id, lunId: lun.id });
  }

  /** Every drive's extents of a subsystem (id or unique name), free space included. */
  async listExtents({ subsystemId }: { subsystemId: string }): Promise<{ extents: DriveExtent[] }> {
    const subsystem = await this.withInventory((inventory) =>
      resolveSubsystem(inventory.subsystems, subsystemId),
    );
    return { extents: await this.provider.listExtents(subsystem.id) };
  }

  simFailDrive(ref: DriveRef, caller: Caller = callerOf('cli')): Promise<{ drive: Drive }> {
    return this.simSetDriveFailed(ref, true, caller);
  }

  simRestoreDrive(ref: DriveRef, caller: Caller = callerOf('cli')): Promise<{ drive: Drive }> {
    return this.simSetDriveFailed(ref, false, caller);
  }

  /** Not an operation (nothing is journaled), but audited like every change; every shell learns the new
   * state through the inventoryChanged that follows before this resolves. */
  private async simSetDriveFailed(ref: DriveRef, failed: boolean, caller: Caller): Promise<{ drive: Drive }> {
    let drive: Drive;
    try {
      if (this.provider.name !== 'sim') throw simOnlyError(this.provider.name);
      const resolved = await this.withInventory((inventory) => resolveDriveRef(inventory, ref));
      drive = await this.provider.simSetDriveFailed(
        { subsystemId: resolved.subsystem.id, driveId: resolved.drive.id },
        failed,
      );
    } catch (error) {
      this.log?.audit(simDriveEntry(this.info.name, caller, failed, ref, { error: toErrorShape(error) }));
      throw error;
    }
    this.log?.audit(simDriveEntry(this.info.name, caller, failed, ref, { drive }));
    await this.inventory.refresh().catch((error: unknown) => {
      this.warn(`could not refresh the inventory: ${(error as Error)?.message ?? error}`);
    });
    return { drive };
  }

  /** Resolves the drive (and a replacement's drive), checks what the kind needs, then queues one operation,
   * refused (E_DRIVE_BUSY, naming it) while another one is queued or running on either drive. A refusal
   * writes its audit line now; the operation writes one when it ends. */
  private async queueOnDrive(
    asked: DriveOperationRequest,
    caller: Caller,
  ): Promise<{ operation: Operation }> {
    let driveTarget: OperationDriveTarget | undefined;
    let operations: Operation[];
    try {
      this.requireJournal();
      const { subsystem, drive, replacement, inventory } = await this.withInventory((inventory) => {
        const found = resolveDriveRef(inventory, asked.request);
        const other =
          asked.kind === 'replaceDrive'
            ? resolveDriveRef(
                inventory,
                asked.request,
                'replacementDriveId',
                asked.request.replacementDriveId,
              ).drive
            : undefined;
        return { ...found, replacement: other, inventory };
      });
      driveTarget = driveTargetOf(drive, replacement);
      const request = { ...asked.request, subsystemId: subsystem.id, driveId: drive.id };
      if (asked.kind === 'setHotSpare') {
        refuseHotSpareChange(drive, asked.request.hotSpare, lunsOnDrive(inventory, subsystem.id, drive.id));
      }
      if (asked.kind === 'replaceDrive' && replacement) {
        refuseSameDrive(drive, replacement);
        (request as ReplaceDriveRequest).replacementDriveId = replacement.id;
        const busy = lunsOnDrive(inventory, subsystem.id, drive.id)
          .map((lun) => this.queue.busyWith(subsystem.id, lun.id))
          .find((op) => op !== undefined);
        refuseReplaceUnderBusyLun(drive, busy);
      }
      this.requireJournal();
      const spec = { kind: asked.kind, request, subsystemId: subsystem.id, driveTarget };
      operations = this.queue.enqueue(spec as Parameters<OperationQueue['enqueue']>[0], 1, (id) =>
        this.callers.set(id, caller),
      );
    } catch (error) {
      this.log?.audit(
        refusedEntry(this.info.name, caller, asked, toErrorShape(error), undefined, driveTarget),
      );
      throw error;
    }
    await this.takeBackIfJournalFailed(operations);
    return { operation: operations[0]! };
  }

  /** Runs `resolve` against the latest inventory, and once more on a fresh one when something is not found
   * (it may have been made just now). */
  private async withInventory<R>(resolve: (inventory: FullInventory) => R): Promise<R> {
    try {
      return resolve(await this.inventory.latest());
    } catch (error) {
      if ((error as LunStudioError).code !== 'VDS_E_OBJECT_NOT_FOUND') throw error;
      return resolve(await this.inventory.refresh());
    }
  }

  /** Resolves the references, checks what the kind needs (delete: who still sees the LUN), then queues one
   * operation, refused (E_LUN_BUSY, naming it) while another one is queued or running on that LUN. A
   * refusal writes its audit line now; the operation writes one when it ends. */
  private async queueOnLun(asked: LunOperationRequest, caller: Caller): Promise<{ operation: Operation }> {
    let target: OperationTarget | undefined;
    let operations: Operation[];
    try {
      this.requireJournal();
      const resolved = await this.resolveOnLun(asked.request, ({ subsystem, lun }, inventory) => {
        target = targetOf(lun);
        const request = { ...asked.request, subsystemId: subsystem.id, lunId: lun.id };
        if (asked.kind === 'extendLun' && asked.request.driveIds !== undefined)
          (request as ExtendLunRequest).driveIds = resolveDriveIds(
            inventory,
            subsystem,
            asked.request.driveIds,
          );
        return request;
      });
      if (asked.kind === 'deleteLun') refuseUnmaskedDelete(asked.request, resolved.lun);
      this.refuseWhileDriveReplaced(resolved.subsystem, resolved.lun);
      this.requireJournal();
      const spec = {
        kind: asked.kind,
        request: resolved.request,
        subsystemId: resolved.subsystem.id,
        target,
      };
      operations = this.queue.enqueue(spec as Parameters<OperationQueue['enqueue']>[0], 1, (id) =>
        this.callers.set(id, caller),
      );
    } catch (error) {
      this.log?.audit(refusedEntry(this.info.name, caller, asked, toErrorShape(error), target));
      throw error;
    }
    await this.takeBackIfJournalFailed(operations);
    return { operation: operations[0]! };
  }

  /** A LUN whose drive is being replaced waits for that replacement to end (it moves the LUN's extents). */
  private refuseWhileDriveReplaced(subsystem: Subsystem, lun: Lun): void {
    for (const driveId of lun.driveIds) {
      const busy = this.queue.busyWithDrive(subsystem.id, driveId);
      if (busy?.kind === 'replaceDrive' && busy.driveTarget) {
        const name = busy.driveTarget.driveId === driveId ? busy.driveTarget.name : driveId;
        throw driveBusyError(busy, driveId, { driveId, name });
      }
    }
  }

  /** The subsystem and LUN of a request, against the latest inventory (read again once when something is not
   * found: it may have been made just now), and the request built from them. */
  private async resolveOnLun<R>(
    ref: { subsystemId: string; lunId: string },
    build: (found: ResolvedLun, inventory: FullInventory) => R,
  ): Promise<ResolvedLun & { request: R }> {
    return this.withInventory((inventory) => {
      const found = resolveLun(inventory, ref);
      return { ...found, request: build(found, inventory) };
    });
  }

  /** Refuses new work while the journal cannot be written (tries it once more first). */
  private requireJournal(): void {
    if (!this.info.journalProblem) return;
    this.flushJournal();
    const problem = this.info.journalProblem as { error: ApiErrorShape } | undefined;
    if (problem) throw new LunStudioError(problem.error);
  }

  /** Writes an operation's state to the journal; when that fails, keeps it to write later, marks the journal
   * unwritable (banner, queue held, new work refused) and tries again every journalRetryMs. */
  private journalWrite(op: Operation): void {
    if (!this.journal) return;
    if (this.info.journalProblem) {
      this.unjournaled.delete(op.id); // keeps the map in order of last change
      this.unjournaled.set(op.id, op);
      return;
    }
    try {
      this.journal.record(op);
    } catch (error) {
      this.unjournaled.set(op.id, op);
      this.setJournalProblem(journalUnwritableError(this.journal.path, error));
    }
  }

  private setJournalProblem(error: LunStudioError): void {
    const first = this.info.journalProblem === undefined;
    this.info.journalProblem = { path: this.journal!.path, error: error.toJSON() };
    if (!first) return;
    this.warn(error.message);
    this.journalRetry = setInterval(() => this.flushJournal(), this.journalRetryMs);
    this.journalRetry.unref?.();
    this.inventory.refresh().catch(() => undefined); // the renderer learns it with the inventory
  }

  /** Writes what is waiting; once everything is in, the journal counts as writable again. */
  private flushJournal(): void {
    if (!this.journal || !this.info.journalProblem) return;
    for (const [id, op] of this.unjournaled) {
      try {
        this.journal.record(op);
      } catch (error) {
        this.info.journalProblem = {
          path: this.journal.path,
          error: journalUnwritableError(this.journal.path, error).toJSON(),
        };
        return;
      }
      this.unjournaled.delete(id);
    }
    delete this.info.journalProblem;
    clearInterval(this.journalRetry);
    this.journalRetry = undefined;
    this.warn(`the operation journal ${this.journal.path} can be written again`);
    if (!this.stopping) {
      this.inventory.refresh().catch(() => undefined);
      this.queue.resume();
    }
  }

  cancelOperation({
    operationId,
  }: {
    operationId: string;
  }): Promise<ApiMethods['cancelOperation']['response']> {
    return this.queue.cancel(operationId);
  }

  /** The history in the monitor's order, optionally of one kind and/or in one state, optionally only the
   * first `limit` of it. */
  listOperations(filter: ListOperationsFilter = {}): Operation[] {
    const matching = this.queue
      .list()
      .filter(
        (op) =>
          (filter.kind === undefined || op.kind === filter.kind) &&
          (filter.state === undefined || op.state === filter.state),
      );
    return filter.limit === undefined ? matching : matching.slice(0, filter.limit);
  }

  /** Forgets every finished operation: first in the journal (rewritten atomically, so a restart does not
   * bring them back), then in the history; queued and running ones stay. Every subscriber (each shell's
   * monitor) gets `operationsCleared` with the ids. Refused while the journal cannot be written. */
  clearFinishedOperations(): { removed: number } {
    this.requireJournal();
    const finished = this.queue.finishedIds();
    if (this.journal) {
      try {
        this.journal.forgetFinished();
      } catch (error) {
        throw journalUnwritableError(this.journal.path, error);
      }
    }
    const operationIds = this.queue.forgetFinished(finished);
    if (operationIds.length > 0) this.fanout.publish({ type: 'operationsCleared', operationIds });
    return { removed: operationIds.length };
  }

  /** Stops accepting work, cancels what runs (waiting up to `graceMs`), marks the rest interrupted in the
   * journal, then closes the provider and the journal. Idempotent. */
  close(graceMs = 3000): Promise<void> {
    this.stopping = true;
    this.closing ??= (async () => {
      await this.queue.shutdown(graceMs);
      this.fanout.dispose();
      try {
        await this.provider.close();
      } finally {
        this.flushJournal();
        clearInterval(this.journalRetry);
        this.journal?.close();
      }
    })();
    return this.closing;
  }

  /** Subsystem and drives by id or unique name → ids, checked against the inventory (read again once when
   * something is not found), so a bad reference is refused now rather than when the operation runs. */
  private async resolveReferences(request: CreateLunRequest): Promise<CreateLunRequest> {
    const resolve = (inventory: FullInventory): CreateLunRequest =>
      resolveCreateRequest(request, inventory.subsystems, (id) => inventory.drives[id] ?? [], 'request.');
    try {
      return resolve(await this.inventory.get());
    } catch (error) {
      if ((error as LunStudioError).code !== 'VDS_E_OBJECT_NOT_FOUND') throw error;
      return resolve(await this.inventory.refresh());
    }
  }

  private audit(operation: Operation): void {
    const caller = this.callers.get(operation.id);
    this.callers.delete(operation.id);
    // Restored from the journal (interrupted before this start): audited by the run that queued it.
    if (!caller) return;
    this.log?.audit(auditEntryFor(this.info.name, caller, operation));
  }

  private onOperationUpdate(
    operation: Operation,
    update: OperationUpdate,
    warn: (message: string) => void,
  ): void {
    if (update !== 'progress') this.journalWrite(operation);
    if (update === 'queued') this.fanout.publish({ type: 'operationStarted', operation });
    else if (update === 'finished') this.fanout.publish({ type: 'operationFinished', operation });
    else this.fanout.progress(operation); // running, or percent/rate/ETA: the next operationsProgress
    if (update === 'finished') this.audit(operation);
    if (update === 'finished' && !this.stopping) {
      this.inventory.refresh().catch((error: unknown) => {
        warn(`could not refresh the inventory: ${(error as Error)?.message ?? error}`);
      });
    }
  }
}
