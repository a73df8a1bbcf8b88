// What a run of the command line talks to. bin/lun-studio.js wires it to the process; tests pass fakes.
import type { OpenProviderOptions, StorageProvider } from '../../../native/lib/types';

export interface TextOutput {
  write(text: string): void;
}

export interface CliIo {
  stdout: TextOutput;
  stderr: TextOutput;
  /** stdout is a terminal: draw the progress bar in place. */
  isTTY: boolean;
  env: Readonly<Record<string, string | undefined>>;
  platform: NodeJS.Platform;
  cwd: string;
  /** Registers a Ctrl-C (SIGINT) handler for the duration of a run; returns the unsubscribe function. */
  onInterrupt(handler: () => void): () => void;
  /** Opens the storage provider (the native/lib facade by default). */
  openProvider?: (options: OpenProviderOptions) => Promise<StorageProvider>;
  now?: () => number;
}

export type OpenProvider = (options: OpenProviderOptions) => Promise<StorageProvider>;
