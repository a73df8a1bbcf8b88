// The operation registry and queue: every operation, of any kind, runs here (its runner: operation-runners.ts),
// at most `concurrency` at a time (the rest wait `queued`, first in first out), and at most one at a time
// per LUN and per drive (a second one on a LUN or drive with one queued or running is refused before it is
// queued; a replacement counts for both its drives). States: queued → running → succeeded | failed |
// canceled, or interrupted when the host stops while it runs. Progress (percent, rate, ETA) is kept on
// the operation; every change is reported through `onUpdate`, which the StorageService turns into
// journal lines (state changes) and events (everything).
import { randomUUID } from 'node:crypto';
import { HRESULT, LunStudioError } from '../contract/errors';
import type {
  Operation,
  OperationDriveTarget,
  OperationRequest,
  OperationState,
  OperationTarget,
} from '../contract/model';
import type { CreateLunProgress, StorageProvider } from '../../native/lib/types';
import { toErrorShape } from './error-shape';
import { isFinal } from './journal';
import { isAsyncKind, runnerFor } from './operation-runners';
import { driveLabel, KIND_NOUN, targetLabel } from './operation-words';
import { RateEstimator } from './rate-estimator';

export const S_OK = HRESULT.S_OK;
export const VDS_E_OPERATION_PENDING = HRESULT.VDS_E_OPERATION_PENDING;
export const VDS_E_CANCEL_TOO_LATE = HRESULT.VDS_E_CANCEL_TOO_LATE;
/** Default cap on queued operations (16 full batches): bounds memory, journal bursts and event fan-out. */
export const MAX_QUEUED = 1024;

/** What to queue: a kind with its request (references resolved), and the LUN it works on (LUN kinds) or the
 * drive (drive kinds). */
export type OperationSpec = OperationRequest & {
  subsystemId: string;
  target?: OperationTarget;
  driveTarget?: OperationDriveTarget;
};

/** queued: entered the registry · running: the provider started it · progress: percent/rate/ETA moved ·
 * finished: reached a final state. */
export type OperationUpdate = 'queued' | 'running' | 'progress' | 'finished';

export interface OperationQueueOptions {
  provider: StorageProvider;
  onUpdate: (operation: Operation, update: OperationUpdate) => void;
  /** How many operations run at once. Default 4. */
  concurrency?: number;
  /** How long cancelOperation waits for a running operation to settle. Default 10 s. */
  cancelWaitMs?: number;
  /** Finished operations kept in memory (newest). Default 1000. */
  historyLimit?: number;
  /** Operations waiting `queued` at most; a request that would go beyond is refused whole with
   * E_QUEUE_FULL. Default MAX_QUEUED. */
  maxQueued?: number;
  /** Asked before a queued operation starts; false holds the queue (call resume() when it may go on).
   * The StorageService holds it while the journal cannot be written. */
  mayStart?: () => boolean;
  now?: () => number;
}

interface Entry {
  op: Operation;
  abort?: AbortController;
  settled?: Promise<void>;
  rate?: RateEstimator;
}

export class OperationQueue {
  private readonly entries = new Map<string, Entry>();
  private readonly waiting: Entry[] = [];
  private running = 0;
  private accepting = true;
  private readonly concurrency: number;
  private readonly cancelWaitMs: number;
  private readonly historyLimit: number;
  private readonly maxQueued: number;
  private readonly now: () => number;

  constructor(private readonly options: OperationQueueOptions) {
    this.concurrency = Math.max(1, Math.floor(options.concurrency ?? 4));
    this.cancelWaitMs = options.cancelWaitMs ?? 10_000;
    this.historyLimit = options.historyLimit ?? 1000;
    this.maxQueued = Math.max(1, Math.floor(options.maxQueued ?? MAX_QUEUED));
    this.now = options.now ?? (() => Date.now());
  }

  /** Finished operations from an earlier run (the journal), oldest first. */
  restore(history: readonly Operation[]): void {
    for (const op of history) if (isFinal(op) && !this.entries.has(op.id)) this.entries.set(op.id, { op });
    this.trimHistory();
  }

  /** Queues `count` operations with the same request (a batch: createLun only); starts as many as the limit
   * allows. `onCreated` learns each new id before anything about it is published. Refused whole with
   * E_LUN_BUSY when the target LUN has an operation queued or running. */
  enqueue(spec: OperationSpec, count = 1, onCreated?: (id: string) => void): Operation[] {
    if (!this.accepting) {
      throw new LunStudioError({
        code: 'E_SHUTTING_DOWN',
        hresult: HRESULT.E_UNEXPECTED,
        message: 'LUN Studio is shutting down and accepts no new operations.',
      });
    }
    if (this.waiting.length + count > this.maxQueued) {
      throw new LunStudioError({
        code: 'E_QUEUE_FULL',
        hresult: HRESULT.ERROR_BUSY,
        message: `The queue is full: at most ${this.maxQueued} operations can wait, ${this.waiting.length} already do, and this request adds ${count}.`,
        action: 'Wait for queued operations to start, or cancel some, then try again.',
      });
    }
    if (spec.target) {
      const busy = this.busyWith(spec.subsystemId, spec.target.lunId);
      if (busy) throw lunBusyError(busy);
    }
    if (spec.driveTarget) {
      for (const driveId of drivesOf(spec.driveTarget)) {
        const busy = this.busyWithDrive(spec.subsystemId, driveId);
        if (busy) throw driveBusyError(busy, driveId, spec.driveTarget);
      }
    }
    const batchId = count > 1 ? randomUUID() : undefined;
    const created: Operation[] = [];
    for (let i = 0; i < count; i += 1) {
      const op = {
        ...spec,
        id: randomUUID(),
        state: 'queued',
        percent: null,
        startedAt: null,
        endedAt: null,
        bytesPerSecond: null,
        etaSeconds: null,
      } as Operation;
      if (batchId) op.batchId = batchId;
      const entry: Entry = { op };
      this.entries.set(op.id, entry);
      this.waiting.push(entry);
      onCreated?.(op.id);
      this.emit(entry, 'queued');
      created.push({ ...op });
    }
    this.pump();
    return created.map((op) => ({ ...(this.entries.get(op.id)?.op ?? op) }));
  }

  /** The operation queued or running on that LUN, if any (a createLun is on no LUN until it made one). */
  busyWith(subsystemId: string, lunId: string): Operation | undefined {
    for (const { op } of this.entries.values()) {
      if (!isFinal(op) && op.target?.lunId === lunId && op.subsystemId === subsystemId) return { ...op };
    }
    return undefined;
  }

  /** The operation queued or running on that drive (as its drive or as the replacement), if any. */
  busyWithDrive(subsystemId: string, driveId: string): Operation | undefined {
    for (const { op } of this.entries.values()) {
      if (isFinal(op) || op.subsystemId !== subsystemId || !op.driveTarget) continue;
      if (drivesOf(op.driveTarget).includes(driveId)) return { ...op };
    }
    return undefined;
  }

  /** Running first (oldest start first), then queued (in order), then finished (newest first). */
  list(): Operation[] {
    const ops = [...this.entries.values()].map((entry) => ({ ...entry.op }));
    const rank = (op: Operation): number => (op.state === 'running' ? 0 : op.state === 'queued' ? 1 : 2);
    const queueOrder = new Map(this.waiting.map((entry, index) => [entry.op.id, index]));
    return ops.sort((a, b) => {
      const byRank = rank(a) - rank(b);
      if (byRank !== 0) return byRank;
      if (a.state === 'running') return (a.startedAt ?? '').localeCompare(b.startedAt ?? '');
      if (a.state === 'queued') return (queueOrder.get(a.id) ?? 0) - (queueOrder.get(b.id) ?? 0);
      return (b.endedAt ?? b.startedAt ?? '').localeCompare(a.endedAt ?? a.startedAt ?? '');
    });
  }

  /** Forgets the finished operations whose ids are given (running and queued ones are never touched);
   * returns the ids it forgot. */
  forgetFinished(ids: Iterable<string>): string[] {
    const forgotten: string[] = [];
    for (const id of ids) {
      const entry = this.entries.get(id);
      if (!entry || !isFinal(entry.op)) continue;
      this.entries.delete(id);
      forgotten.push(id);
    }
    return forgotten;
  }

  /** The ids of every finished operation. */
  finishedIds(): string[] {
    return [...this.entries.values()].filter((entry) => isFinal(entry.op)).map((entry) => entry.op.id);
  }

  /** Queued: canceled at once (S_OK). Running: asks the provider and reports its answer. Finished: says so. */
  async cancel(id: string): Promise<{ hresult: number; operation: Operation }> {
    const entry = this.entries.get(id);
    if (!entry) {
      throw new LunStudioError({
        code: 'VDS_E_OBJECT_NOT_FOUND',
        hresult: HRESULT.VDS_E_OBJECT_NOT_FOUND,
        message: `There is no operation with id ${id}.`,
        field: 'operationId',
      });
    }
    const { op } = entry;
    if (op.state === 'queued') {
      this.removeFromQueue(entry);
      this.finish(entry, 'canceled');
      return { hresult: S_OK, operation: { ...op } };
    }
    if (op.state === 'running') {
      entry.abort?.abort();
      await this.waitSettled(entry, this.cancelWaitMs);
      return { hresult: cancelAnswer(entry.op), operation: { ...entry.op } };
    }
    return { hresult: alreadyFinishedAnswer(op), operation: { ...op } };
  }

  /** Stops accepting; cancels queued operations; asks running ones to cancel and waits up to `graceMs`;
   * whatever still runs then is marked interrupted. */
  async shutdown(graceMs = 3000): Promise<void> {
    this.accepting = false;
    for (const entry of this.waiting.splice(0)) this.finish(entry, 'canceled');
    const running = [...this.entries.values()].filter((entry) => entry.op.state === 'running');
    for (const entry of running) entry.abort?.abort();
    await Promise.all(running.map((entry) => this.waitSettled(entry, graceMs)));
    for (const entry of running) {
      if (entry.op.state === 'running') this.finish(entry, 'interrupted');
    }
  }

  /** Starts what may start (after mayStart turned true again). */
  resume(): void {
    this.pump();
  }

  private pump(): void {
    while (
      this.accepting &&
      this.running < this.concurrency &&
      this.waiting.length > 0 &&
      (this.options.mayStart?.() ?? true)
    ) {
      const entry = this.waiting.shift()!;
      this.running += 1;
      entry.settled = this.run(entry).finally(() => {
        this.running -= 1;
        this.pump();
      });
    }
  }

  private async run(entry: Entry): Promise<void> {
    const { op } = entry;
    const runner = runnerFor(op);
    const provider = this.options.provider;
    entry.abort = new AbortController();
    const { signal } = entry.abort;
    op.state = 'running';
    op.startedAt = new Date(this.now()).toISOString();
    this.emit(entry, 'running');
    try {
      if (isAsyncKind(op.kind)) {
        const bytes = runner.bytesToWrite(op, provider);
        entry.rate = new RateEstimator((bytes instanceof Promise ? await bytes : bytes) ?? 0);
      }
      const outcome = await runner.run(op, provider, {
        signal,
        onProgress: (progress) => this.progress(entry, progress),
      });
      if (isFinal(op)) return; // already marked interrupted by shutdown
      if (outcome.result) op.result = outcome.result;
      if (outcome.resultDrive) op.resultDrive = outcome.resultDrive;
      if (outcome.lunsToRecover) op.lunsToRecover = outcome.lunsToRecover;
      op.percent = 100;
      op.etaSeconds = 0;
      this.finish(entry, 'succeeded');
    } catch (error) {
      if (isFinal(op)) return;
      const shape = toErrorShape(error);
      op.error = shape;
      this.finish(entry, shape.hresult === HRESULT.VDS_E_OPERATION_CANCELED ? 'canceled' : 'failed');
    }
  }

  private progress(entry: Entry, progress: CreateLunProgress): void {
    const { op } = entry;
    if (op.state !== 'running' || !isAsyncKind(op.kind)) return; // synchronous kinds: null until done
    const percent =
      progress.percent === null || !Number.isFinite(progress.percent)
        ? null
        : Math.min(100, Math.max(0, progress.percent));
    const sample = { atMs: this.now(), percent, bytesDone: progress.bytesDone };
    const estimate = entry.rate ? entry.rate.add(sample) : { bytesPerSecond: null, etaSeconds: null };
    if (
      percent === op.percent &&
      estimate.bytesPerSecond === op.bytesPerSecond &&
      estimate.etaSeconds === op.etaSeconds
    ) {
      return;
    }
    op.percent = percent;
    op.bytesPerSecond = estimate.bytesPerSecond;
    op.etaSeconds = estimate.etaSeconds;
    this.emit(entry, 'progress');
  }

  private finish(entry: Entry, state: OperationState): void {
    const { op } = entry;
    op.state = state;
    op.endedAt = new Date(this.now()).toISOString();
    if (state !== 'succeeded') op.etaSeconds = null;
    entry.abort = undefined;
    entry.rate = undefined;
    this.emit(entry, 'finished');
    this.trimHistory();
  }

  private removeFromQueue(entry: Entry): void {
    const index = this.waiting.indexOf(entry);
    if (index >= 0) this.waiting.splice(index, 1);
  }

  private async waitSettled(entry: Entry, ms: number): Promise<void> {
    if (!entry.settled) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      entry.settled,
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, ms);
      }),
    ]);
    clearTimeout(timer);
  }

  private emit(entry: Entry, update: OperationUpdate): void {
    this.options.onUpdate({ ...entry.op }, update);
  }

  private trimHistory(): void {
    const finished = [...this.entries.values()].filter((entry) => isFinal(entry.op));
    const excess = finished.length - this.historyLimit;
    if (excess <= 0) return;
    finished
      .sort((a, b) => (a.op.endedAt ?? '').localeCompare(b.op.endedAt ?? ''))
      .slice(0, excess)
      .forEach((entry) => this.entries.delete(entry.op.id));
  }
}

/** A second operation on a LUN that has one queued or running, named. */
export function lunBusyError(busy: Operation): LunStudioError {
  const what = `${KIND_NOUN[busy.kind]} (operation ${busy.id}) is ${busy.state} on ${targetLabel(busy)}`;
  return new LunStudioError({
    code: 'E_LUN_BUSY',
    hresult: HRESULT.VDS_E_DEVICE_IN_USE,
    message: `${what}: one operation at a time per LUN, so this one was not queued.`,
    action: 'Wait for it to end (`lun-studio operations`) or cancel it, then try again.',
  });
}

/** The drives a drive operation holds: its drive and, for a replacement, the drive that replaces it. */
function drivesOf(target: OperationDriveTarget): string[] {
  return target.replacementDriveId === undefined
    ? [target.driveId]
    : [target.driveId, target.replacementDriveId];
}

/** A second operation on a drive that has one queued or running, named. */
export function driveBusyError(
  busy: Operation,
  driveId: string,
  asked: OperationDriveTarget,
): LunStudioError {
  const name = driveId === asked.driveId ? asked.name : (asked.replacementName ?? driveId);
  const what = `${KIND_NOUN[busy.kind]} (operation ${busy.id}) is ${busy.state} on ${targetLabel(busy)}`;
  return new LunStudioError({
    code: 'E_DRIVE_BUSY',
    hresult: HRESULT.VDS_E_DEVICE_IN_USE,
    message: `${what}: one operation at a time per drive, so this one on ${driveLabel({ driveId, name })} was not queued.`,
    action: 'Wait for it to end (`lun-studio operations`), then try again.',
  });
}

/** The answer to a cancel that reached a running operation, once it settled (or not). */
function cancelAnswer(op: Operation): number {
  if (op.state === 'canceled') return S_OK;
  if (op.state === 'running') return VDS_E_OPERATION_PENDING;
  if (op.state === 'failed' && op.error) return op.error.hresult;
  return VDS_E_CANCEL_TOO_LATE;
}

/** The answer to a cancel of an operation that had already finished. */
function alreadyFinishedAnswer(op: Operation): number {
  return op.state === 'canceled' ? HRESULT.VDS_E_OPERATION_CANCELED : VDS_E_CANCEL_TOO_LATE;
}
