// One createLun: start the operation, relay progress, cancel on abort, re-read the LUN when done.
// After an abort the outcome is what the provider reports: VDS_E_CANCEL_TOO_LATE (or a LUN that finished
// anyway) resolves with the LUN; an accepted cancel rejects VDS_E_OPERATION_CANCELED.
import { HRESULT, LunStudioError } from '../../electron/contract/errors';
import type { Lun } from '../../electron/contract/model';
import { errorFromHresult, toLunStudioError, type HresultDescriber } from './hresults';
import { ProgressReporter } from './progress-reporter';
import type { RawCreateLunRequest, RawOperation, RawProvider } from './raw-addon';
import type { CreateLunOptions } from './types';

const S_OK = 0;

export interface CreateLunContext {
  raw: RawProvider;
  describe: HresultDescriber;
  /** Saves the provider's state if an operation changed it (sim); resolves when written. `rollback` runs
   * if that save fails, before any later save. */
  persist: (rollback?: () => void) => Promise<void>;
}

/** Callbacks belong to the caller: one that throws must not break the operation (or the poller). */
function callSafely<A extends unknown[]>(callback: ((...args: A) => void) | undefined, ...args: A): void {
  if (!callback) return;
  try {
    callback(...args);
  } catch (error) {
    process.emitWarning(
      `LUN Studio: a createLun callback threw: ${(error as Error)?.message ?? String(error)}`,
    );
  }
}

export function canceledError(describe: HresultDescriber, message?: string): LunStudioError {
  return errorFromHresult(describe, HRESULT.VDS_E_OPERATION_CANCELED, message);
}

async function rereadLun(ctx: CreateLunContext, created: Lun, subsystemId: string): Promise<Lun> {
  const luns = await ctx.raw.listLuns(subsystemId);
  const lun = luns.find((candidate) => candidate.id === created.id);
  if (!lun) {
    throw errorFromHresult(
      ctx.describe,
      HRESULT.E_UNEXPECTED,
      `The provider reported LUN ${created.id} as created, but it is not in the subsystem's LUN list.`,
    );
  }
  return lun;
}

export async function runCreateLun(
  ctx: CreateLunContext,
  request: RawCreateLunRequest,
  options: CreateLunOptions = {},
): Promise<Lun> {
  const { signal, onStarted, onProgress } = options;
  if (signal?.aborted) throw canceledError(ctx.describe, 'Canceled before the LUN creation started.');

  const reporter = new ProgressReporter((progress) => callSafely(onProgress, progress));
  let operation: RawOperation;
  try {
    operation = await ctx.raw.createLun(request, (raw) => reporter.push(raw));
  } catch (error) {
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

  let created: Lun;
  try {
    created = await operation.done;
  } catch (error) {
    reporter.finish();
    signal?.removeEventListener('abort', cancel);
    // A failed operation can still change state (e.g. a drive failed mid-way); the operation's own error is
    // what the caller gets even if that save fails too (the next save writes the drive's state).
    await ctx.persist().catch(() => undefined);
    const failure = toLunStudioError(error, ctx.describe);
    const answer = cancelAnswer ? await cancelAnswer : undefined;
    const accepted = answer === S_OK || answer === HRESULT.VDS_E_OPERATION_CANCELED;
    if (accepted && failure.hresult !== HRESULT.VDS_E_OPERATION_CANCELED) throw canceledError(ctx.describe);
    throw failure;
  }
  try {
    reporter.finish();
    // Saved before it is reported: when the save fails, the LUN is taken back out of the model (before any
    // later save reads it) and the creation fails with the save's error.
    const lunId = created.id;
    try {
      await ctx.persist(() => ctx.raw.removeLun(lunId));
    } catch (error) {
      const cause = toLunStudioError(error, ctx.describe);
      throw new LunStudioError({
        ...cause.toJSON(),
        message: `${cause.message} The new LUN was taken out again: nothing was created.`,
      });
    }
    return await rereadLun(ctx, created, request.subsystemId);
  } finally {
    signal?.removeEventListener('abort', cancel);
  }
}
