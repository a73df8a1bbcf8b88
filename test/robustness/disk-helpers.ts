// A small tmpfs for the full-disk and read-only suites (mount needs root or CAP_SYS_ADMIN; where it is not
// allowed the suites skip and print why), and a filler that takes every free byte of it.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface Tmpfs {
  dir: string;
  /** Takes every free byte (a file of zeros written until ENOSPC). */
  fill(): void;
  /** Removes the filler. */
  free(): void;
  /** Remounts read-only / read-write. */
  readOnly(on: boolean): void;
  unmount(): void;
}

function run(command: string, args: string[]): string | undefined {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.error) return result.error.message;
  if (result.status !== 0) return (result.stderr || result.stdout || `exit ${result.status}`).trim();
  return undefined;
}

/** Mounts a tmpfs of `size` (e.g. "1m") on a new temp folder; returns why not when mount is not allowed. */
export function mountTmpfs(size: string): Tmpfs | { skip: string } {
  if (process.platform !== 'linux') return { skip: `tmpfs needs Linux (this is ${process.platform})` };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lun-tmpfs-'));
  const failed = run('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0700`, 'tmpfs', dir]);
  if (failed) {
    fs.rmSync(dir, { recursive: true, force: true });
    return { skip: `mount -t tmpfs is not allowed here: ${failed}` };
  }
  const filler = path.join(dir, 'filler.bin');
  return {
    dir,
    fill: () => {
      const fd = fs.openSync(filler, 'a');
      const chunk = Buffer.alloc(4096);
      try {
        for (;;) fs.writeSync(fd, chunk);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
      } finally {
        fs.closeSync(fd);
      }
      // A tmpfs can leave a partly free page: take single bytes until it is really full.
      const tail = fs.openSync(filler, 'a');
      try {
        for (;;) fs.writeSync(tail, Buffer.alloc(1));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
      } finally {
        fs.closeSync(tail);
      }
    },
    free: () => fs.rmSync(filler, { force: true }),
    readOnly: (on) => {
      const failedRemount = run('mount', ['-o', `remount,${on ? 'ro' : 'rw'}`, dir]);
      if (failedRemount) throw new Error(`remount ${on ? 'ro' : 'rw'} ${dir}: ${failedRemount}`);
    },
    unmount: () => {
      run('umount', ['-l', dir]);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
