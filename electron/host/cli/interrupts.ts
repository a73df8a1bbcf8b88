// Ctrl-C during an operation: the first asks the provider to cancel (through the facade's AbortSignal) and
// waits for its answer; the second says it is still waiting; the third stops waiting.
import type { CliIo } from './cli-io';

export const ABANDONED = Symbol('abandoned');

export class InterruptWatcher {
  private readonly controller = new AbortController();
  private presses = 0;
  private resolveAbandoned: (value: typeof ABANDONED) => void = () => undefined;
  /** Settles when the user pressed Ctrl-C a third time: stop waiting for the provider. */
  readonly abandoned = new Promise<typeof ABANDONED>((resolve) => {
    this.resolveAbandoned = resolve;
  });
  private readonly unsubscribe: () => void;

  /** @param beforeNotice called before each message, e.g. to move off a progress bar drawn in place. */
  constructor(
    private readonly io: CliIo,
    private readonly beforeNotice: () => void = () => undefined,
  ) {
    this.unsubscribe = io.onInterrupt(() => this.onInterrupt());
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get interrupted(): boolean {
    return this.presses > 0;
  }

  dispose(): void {
    this.unsubscribe();
  }

  private onInterrupt(): void {
    this.presses += 1;
    this.beforeNotice();
    if (this.presses === 1) {
      this.io.stderr.write('Canceling: asked the provider to stop; waiting for its answer…\n');
      this.controller.abort();
    } else if (this.presses === 2) {
      this.io.stderr.write(
        'Still waiting for the provider to answer the cancel request. ' +
          'Press Ctrl-C again to stop waiting (the operation may then keep running on the array).\n',
      );
    } else {
      this.io.stderr.write('Stopped waiting for the provider.\n');
      this.resolveAbandoned(ABANDONED);
    }
  }
}
