// Keeps the sim state file in step with the model: after an operation, write the model's snapshot if it
// differs from what the file holds. Writes run one at a time, each with the latest snapshot; the saves asked
// for while one runs collapse into the next.
// A save that fails runs the rollbacks its callers gave (each undoes its own change in the model: a new LUN
// taken back out, a changed or deleted LUN put back as it was) before the next save takes its snapshot: a
// change whose save failed is never written by a later save.
import type { RawProvider } from './raw-addon';
import { fsErrorHresult, fsErrorText } from './fs-errors';
import { serializeSimState, writeFileAtomic } from './sim-state-file';
import { LunStudioError } from '../../electron/contract/errors';

interface PendingSave {
  promise: Promise<void>;
  rollbacks: (() => void)[];
}

/** The simulator state could not be written: the real cause's HRESULT, the path and the cause. */
export function stateSaveError(file: string, error: unknown): LunStudioError {
  return new LunStudioError({
    code: 'E_STATE_UNWRITABLE',
    hresult: fsErrorHresult(error),
    message: `The simulator state could not be saved to ${file}: ${fsErrorText(error)}.`,
    action: 'Free space on that disk or make the folder writable, then try again.',
  });
}

export class SimPersistence {
  private written: string;
  private chain: Promise<void> = Promise.resolve();
  private queued: PendingSave | undefined;
  private stopped = false;

  constructor(
    private readonly raw: RawProvider,
    readonly file: string,
  ) {
    this.written = serializeSimState(raw.exportState());
  }

  /** Resolves once the file holds the model's state as of (at least) this call. Calls that arrive while a
   * save waits its turn share it (group commit): it takes its snapshot only when it starts.
   * `rollback` runs when that save fails, before any later save reads the model. */
  persist(rollback?: () => void): Promise<void> {
    if (this.stopped) return this.chain;
    if (!this.queued) {
      const save: PendingSave = { promise: Promise.resolve(), rollbacks: [] };
      save.promise = this.chain.then(async () => {
        this.queued = undefined;
        try {
          await this.writeIfChanged(serializeSimState(this.raw.exportState()));
        } catch (error) {
          for (const undo of save.rollbacks) {
            try {
              undo();
            } catch {
              // already gone: nothing to take back
            }
          }
          throw error;
        }
      });
      this.queued = save;
      this.chain = save.promise.catch(() => undefined);
    }
    if (rollback) this.queued.rollbacks.push(rollback);
    return this.queued.promise;
  }

  /** Final save around raw.close(): the snapshot after close catches operations that committed meanwhile. */
  async closeWith(closeRaw: () => void): Promise<void> {
    this.stopped = true;
    const exportNow = (): string | undefined => {
      try {
        return serializeSimState(this.raw.exportState());
      } catch {
        return undefined;
      }
    };
    const before = exportNow();
    closeRaw();
    const final = exportNow() ?? before;
    await this.chain;
    if (final !== undefined) await this.writeIfChanged(final);
  }

  private async writeIfChanged(text: string): Promise<void> {
    if (text === this.written) return;
    try {
      await writeFileAtomic(this.file, text);
    } catch (error) {
      if (!(error as { renamed?: boolean }).renamed) throw stateSaveError(this.file, error);
      // The new file is in place (only the folder's fsync failed): it holds this state, so it counts as saved.
      process.emitWarning(
        `LUN Studio: ${this.file} was written but its folder could not be synced: ${fsErrorText(error)}`,
      );
    }
    this.written = text;
  }
}
