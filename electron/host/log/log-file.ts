// One log file and its size-based rotation: `name.log` → `name.log.1` … `name.log.<keep>` (the oldest is
// dropped). pino writes to a sonic-boom destination in sync mode: a host that crashes has written every
// line before it exits, and this tool logs a few lines per request, not per progress tick, so sync writes
// cost nothing noticeable. Several processes of one user append to the same file (O_APPEND keeps whole
// lines); the size is checked when the file is opened and then every `checkMs`, and the process that
// rotates reopens its destination (another one keeps writing into the renamed file until its own check).
// pino-roll was the alternative: it runs in a worker thread (pino.transport), which loses the last lines
// of a crashing process unless flushed, and does not survive electron-vite's bundling without extra setup.
import * as fs from 'node:fs';
import pino from 'pino';

export interface LogFileOptions {
  /** Rotate once the file reaches this size. Default 10 MiB. */
  maxBytes?: number;
  /** Rotated files kept. Default 5. */
  keep?: number;
  /** How often the size is checked while running. Default 60 s. */
  checkMs?: number;
}

export type Destination = ReturnType<typeof pino.destination>;

export function rotateIfLarge(file: string, maxBytes: number, keep: number): boolean {
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    return false;
  }
  if (size < maxBytes) return false;
  fs.rmSync(`${file}.${keep}`, { force: true });
  for (let index = keep - 1; index >= 1; index -= 1) {
    if (fs.existsSync(`${file}.${index}`)) fs.renameSync(`${file}.${index}`, `${file}.${index + 1}`);
  }
  fs.renameSync(file, `${file}.1`);
  return true;
}

export function openLogFile(
  file: string,
  options: LogFileOptions = {},
): { destination: Destination; stop(): void } {
  const maxBytes = options.maxBytes ?? 10 * 1024 * 1024;
  const keep = options.keep ?? 5;
  try {
    rotateIfLarge(file, maxBytes, keep);
  } catch {
    // Another process rotated it at the same moment: write on.
  }
  const destination = pino.destination({ dest: file, sync: true, mkdir: true, append: true, mode: 0o600 });
  const timer = setInterval(() => {
    try {
      if (rotateIfLarge(file, maxBytes, keep)) destination.reopen();
    } catch {
      // As above.
    }
  }, options.checkMs ?? 60_000);
  timer.unref();
  return { destination, stop: () => clearInterval(timer) };
}
