// Keeps the sim state file in step with the model: after an operation, write the model's snapshot if it
// differs from what the file holds. Writes run one at a time, each with the latest snapshot; the saves asked
// for while one runs collapse into the next.
import type { RawProvider } from './raw-addon';
import { serializeSimState, writeFileAtomic } from './sim-state-file';
import { HRESULT, LunStudioError } from '../../electron/contract/errors';

export class SimPersistence {
  private written: string;
  private chain: Promise<void> = Promise.resolve();
  private queued: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly raw: RawProvider,
    readonly file: string,
  ) {
    this.written = serializeSimState(raw.exportState());
  }

  /** Resolves once the file holds the model's state as of (at least) this call. Calls that arrive while a
   * save waits its turn share it (group commit): it takes its snapshot only when it starts. */
  persist(): Promise<void> {
    if (this.stopped) return this.chain;
    if (this.queued) return this.queued;
    const next = this.chain.then(() => {
      this.queued = undefined;
      return this.writeIfChanged(serializeSimState(this.raw.exportState()));
    });
    this.queued = next;
    this.chain = next.catch(() => undefined);
    return next;
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
      throw new LunStudioError({
        code: 'E_FAIL',
        hresult: HRESULT.E_FAIL,
        message: `The simulator state could not be saved to ${this.file}: ${(error as Error).message}`,
        action: 'Check that the folder exists, is writable and has free space.',
      });
    }
    this.written = text;
  }
}
