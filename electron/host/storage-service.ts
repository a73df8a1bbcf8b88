// StorageService: the host every shell talks to (desktop IPC, browser WebSocket). Plain Node.
// It owns the opened provider, the inventory cache, the operation queue, the journal and the event
// fan-out. Requests reaching it are already validated (api-dispatcher.ts → contract/schemas.ts).
import type {
  ApiMethods,
  CreateLunsRequest,
  InventorySnapshot,
  LunStudioEvent,
  ProviderInfo,
} from '../contract/api';
import { LunStudioError } from '../contract/errors';
import type { CreateLunRequest, MaxLunSizeRequest, Operation, ProviderName } from '../contract/model';
import { openProvider } from '../../native/lib/index';
import type { OpenProviderOptions, StorageProvider } from '../../native/lib/types';
import { resolveCreateRequest } from '../../native/lib/validate';
import { InventoryCache } from './inventory';
import { Journal, type JournalReadBack } from './journal';
import { OperationQueue, type OperationUpdate } from './operations';
import { defaultJournalPath } from './paths';
import { ProgressFanout, type EventHandler } from './progress-fanout';
import { callerOf, type Caller } from './caller';
import { toErrorShape } from './error-shape';
import type { HostLog } from './log/host-log';
import { auditEntryFor, refusedEntry } from './log/audit';

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
}

function warnOf(options: StorageServiceOptions): (message: string) => void {
  return options.warn ?? ((message: string) => process.emitWarning(`LUN Studio: ${message}`));
}

export function defaultProviderName(platform: NodeJS.Platform = process.platform): ProviderName {
  return platform === 'win32' ? 'vds' : 'sim';
}

function providerLabel(name: ProviderName): string {
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

  private constructor(
    private readonly provider: StorageProvider,
    private readonly journal: Journal | undefined,
    readBack: JournalReadBack,
    options: StorageServiceOptions,
  ) {
    const warn = warnOf(options);
    this.log = options.log;
    this.info = { name: provider.name, label: providerLabel(provider.name) };
    if (provider.statePath) this.info.statePath = provider.statePath;
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
      (inventory) => this.fanout.publish({ type: 'inventoryChanged', inventory }),
      () => new Date(now()),
    );
    this.queue = new OperationQueue({
      provider,
      concurrency: options.concurrency,
      cancelWaitMs: options.cancelWaitMs,
      now,
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
    let readBack: JournalReadBack = { operations: [], interrupted: [], corruptLines: 0, droppedTail: false };
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
    const service = new StorageService(provider, journal, readBack, options);
    if (readBack.interrupted.length > 0) await service.inventory.refresh().catch(() => undefined);
    return service;
  }

  subscribe(handler: EventHandler): () => void {
    return this.fanout.subscribe(handler);
  }

  async getInventory(request: { refresh?: boolean } = {}): Promise<InventorySnapshot> {
    return request.refresh ? this.inventory.refresh() : this.inventory.get();
  }

  async maxLunSize(request: MaxLunSizeRequest): Promise<{ maxBytes: number }> {
    return { maxBytes: await this.provider.maxLunSize(request) };
  }

  /** Queues `count` operations; the response lists them (queued or already running). Each one writes an
   * audit line when it ends; a request refused before it is queued writes one now. */
  async createLuns(
    { request, count }: CreateLunsRequest,
    caller: Caller = callerOf('cli'),
  ): Promise<{ operations: Operation[] }> {
    let operations: Operation[];
    try {
      const resolved = await this.resolveReferences(request);
      // Registered before enqueue: an operation may finish (and be audited) before enqueue returns.
      operations = this.queue.enqueue(resolved, count, (id) => this.callers.set(id, caller));
    } catch (error) {
      this.log?.audit(refusedEntry(this.info.name, caller, request, toErrorShape(error)));
      throw error;
    }
    return { operations };
  }

  cancelOperation({
    operationId,
  }: {
    operationId: string;
  }): Promise<ApiMethods['cancelOperation']['response']> {
    return this.queue.cancel(operationId);
  }

  listOperations(): Operation[] {
    return this.queue.list();
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
        this.journal?.close();
      }
    })();
    return this.closing;
  }

  /** Subsystem and drives by id or unique name → ids, checked against the inventory (read again once when
   * something is not found), so a bad reference is refused now rather than when the operation runs. */
  private async resolveReferences(request: CreateLunRequest): Promise<CreateLunRequest> {
    const resolve = (inventory: InventorySnapshot): CreateLunRequest =>
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
    if (update !== 'progress' && this.journal) {
      try {
        this.journal.record(operation);
      } catch (error) {
        warn(`could not write the journal ${this.journal.path}: ${(error as Error).message}`);
      }
    }
    const event: LunStudioEvent =
      update === 'queued'
        ? { type: 'operationStarted', operation }
        : update === 'finished'
          ? { type: 'operationFinished', operation }
          : { type: 'operationProgress', operation };
    this.fanout.publish(event);
    if (update === 'finished') this.audit(operation);
    if (update === 'finished' && !this.stopping) {
      this.inventory.refresh().catch((error: unknown) => {
        warn(`could not refresh the inventory: ${(error as Error)?.message ?? error}`);
      });
    }
  }
}
