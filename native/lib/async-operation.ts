// One async provider operation (createLun, extendLun, shrinkLun): start it, relay progress, cancel on abort,
// save the sim state once it succeeded (undoing the change when that save fails), re-read the LUN.
// After an abort the outcome is what the provider reports: VDS_E_CANCEL_TOO_LATE (or an operation that
// finished anyway) resolves with the LUN; an accepted cancel rejects VDS_E_OPERATION_CANCELED.
import { HRESULT, LunStudioError } from '../../electron/contract/errors';
import type { Lun } from '../../electron/contract/model';
import { errorFromHresult, toLunStudioError, type HresultDescriber } from './hresults';
import { ProgressReporter } from './progress-reporter';
import type { ProgressRoutes } from './progress-routes';
import type { RawOperation, RawProgressTarget, RawProvider } from './raw-addon';
import type { OperationOptions } from './types';

const S_OK = 0;

export interface OperationContext {
  raw: RawProvider;
  describe: HresultDescriber;
  /** Saves the provider's state if an operation changed it (sim); resolves when written. `rollback` runs
   * if that save fails, before any later save. */
  persist: (rollback?: () => void) => Promise<void>;
  /** The addon's batched progress (undefined for a test double: reports then come as objects). */
  routes?: ProgressRoutes;
}

/** What differs between the async kinds. */
export interface AsyncOperationSpec {
  /** "LUN creation", "extend", "shrink": used in messages. */
  noun: string;
  /** "created", "extended", "shrunk": used in messages. */
  reported: string;
  subsystemId: string;
  start: (onProgress: RawProgressTarget) => Promise<RawOperation>;
  /** Undoes the committed change in the model (sim) when its state cannot be saved, and says so. */
  undo: (lun: Lun) => { rollback: () => void; said: string };
  /** The message of an accepted cancel (default: the HRESULT table's). */
  canceledMessage?: string;
}

/** Callbacks belong to the caller: one that throws must not break the operation (or the poller). */
function callSafely<A extends unknown[]>(callback: ((...args: A) => void) | undefined, ...args: A): void {
  if (!callback) return;
  try {
    callback(...args);
  } catch (error) {
    process.emitWarning(
      `LUN Studio: an operation callback threw: ${(error as Error)?.message ?? String(error)}`,
    );
  }
}

export function canceledError(describe: HresultDescriber, message?: string): LunStudioError {
  return errorFromHresult(describe, HRESULT.VDS_E_OPERATION_CANCELED, message);
}

/** The LUN as the subsystem lists it now (the facade's last word on size, drives and mask). */
export async function rereadLun(
  ctx: OperationContext,
  lunId: string,
  subsystemId: string,
  what: string,
): Promise<Lun> {
  const lun = (await ctx.raw.listLuns(subsystemId)).find((candidate) => candidate.id === lunId);
  if (!lun) {
    throw errorFromHresult(
      ctx.describe,
      HRESULT.E_UNEXPECTED,
      `The provider reported LUN ${lunId} as ${what}, but it is not in the subsystem's LUN list.`,
    );
  }
  return lun;
}

/** Saves the change (sim); when that fails, undoes it and fails with the save's error plus what was undone. */
export async function persistOrUndo(
  ctx: OperationContext,
  undo: { rollback: () => void; said: string },
): Promise<void> {
  try {
    await ctx.persist(undo.rollback);
  } catch (error) {
    const cause = toLunStudioError(error, ctx.describe);
    throw new LunStudioError({ ...cause.toJSON(), message: `${cause.message} ${undo.said}` });
  }
}

export async function runAsyncOperation(
  ctx: OperationContext,
  spec: AsyncOperationSpec,
  options: OperationOptions = {},
): Promise<Lun> {
  const { signal, onStarted, onProgress } = options;
  if (signal?.aborted) throw canceledError(ctx.describe, `Canceled before the ${spec.noun} started.`);

  const reporter = new ProgressReporter((progress) => callSafely(onProgress, progress));
  const { routes } = ctx;
  const route = routes?.add((hresult, percent, bytesDone) =>
    reporter.pushStatus(hresult, percent, bytesDone),
  );
  // `done` settles after the operation's last report was dispatched: its route can go then.
  const unroute = (): void => {
    if (route !== undefined) routes?.delete(route);
  };
  let operation: RawOperation;
  try {
    operation = await spec.start(route ?? ((raw) => reporter.push(raw)));
  } catch (error) {
    unroute();
    reporter.finish();
    throw toLunStudioError(error, ctx.describe);
  }
  callSafely(onStarted, operation.id);
  reporter.start();

  let cancelAnswer: Promise<number | undefined> | undefined;
  const cancel = (): void => {
    cancelAnswer ??= operation.cancel().then(
      (hresult) => hresult >>> 0,
      () => undefined,
    );
  };
  if (signal?.aborted) cancel();
  else signal?.addEventListener('abort', cancel, { once: true });

  let done: Lun;
  try {
    done = await operation.done;
  } catch (error) {
    unroute();
    reporter.finish();
    signal?.removeEventListener('abort', cancel);
    // A failed operation can still change state (e.g. a drive failed mid-way); the operation's own error is
    // what the caller gets even if that save fails too (the next save writes the drive's state).
    await ctx.persist().catch(() => undefined);
    const failure = toLunStudioError(error, ctx.describe);
    const answer = cancelAnswer ? await cancelAnswer : undefined;
    const accepted = answer === S_OK || answer === HRESULT.VDS_E_OPERATION_CANCELED;
    if (accepted && failure.hresult !== HRESULT.VDS_E_OPERATION_CANCELED) {
      throw canceledError(ctx.describe, spec.canceledMessage);
    }
    throw failure;
  }
  try {
    unroute();
    reporter.finish();
    // Saved before it is reported: when the save fails, the change is undone in the model (before any later
    // save reads it) and the operation fails with the save's error.
    await persistOrUndo(ctx, spec.undo(done));
    return await rereadLun(ctx, done.id, spec.subsystemId, spec.reported);
  } finally {
    signal?.removeEventListener('abort', cancel);
  }
}
