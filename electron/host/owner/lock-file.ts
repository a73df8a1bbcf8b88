// An exclusive lock held by one live process: the file exists while its holder runs and says who holds it
// (JSON: pid, shell, and whatever the holder wants others to read, e.g. its control endpoint). Created with
// O_EXCL, so of two processes racing for it exactly one wins. A lock whose pid is no longer alive (a crash,
// SIGKILL) is taken over: it is first renamed away (only one racer can rename it) and checked once more,
// so a lock taken by a third process in between is put back, never stolen.
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface LockHolder {
  pid: number;
  /** 'desktop' | 'browser' | 'cli' | … : shown to whoever is refused. */
  shell: string;
  startedAt: string;
  [key: string]: unknown;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function parseHolder(text: string): LockHolder | undefined {
  const trimmed = text.trim();
  // Locks written by earlier versions hold only the pid.
  if (/^\d+$/.test(trimmed)) return { pid: Number(trimmed), shell: 'unknown', startedAt: '' };
  try {
    const value = JSON.parse(trimmed) as LockHolder;
    return Number.isInteger(value?.pid) && value.pid > 0 ? value : undefined;
  } catch {
    return undefined;
  }
}

export function readHolder(lock: string): LockHolder | undefined {
  try {
    return parseHolder(fs.readFileSync(lock, 'utf8'));
  } catch {
    return undefined;
  }
}

/** The live holder of the lock, or undefined when it is free or stale. */
export function liveHolder(lock: string): LockHolder | undefined {
  const holder = readHolder(lock);
  return holder && (holder.pid === process.pid || isAlive(holder.pid)) ? holder : undefined;
}

export type LockResult = { release: () => void } | { busy: LockHolder };

/** Takes the lock for this process, else reports the live holder. `reentrant`: a lock this process already
 * holds counts as taken (its release is then a no-op); without it, this process is refused like any other. */
export function tryLock(lock: string, holder: LockHolder, options: { reentrant?: boolean } = {}): LockResult {
  fs.mkdirSync(path.dirname(lock), { recursive: true, mode: 0o700 });
  for (let attempt = 0; attempt < 5; attempt += 1) {
    try {
      fs.writeFileSync(lock, JSON.stringify(holder), { flag: 'wx', mode: 0o600 });
      return {
        release: () => {
          if (readHolder(lock)?.pid === process.pid) fs.rmSync(lock, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const current = readHolder(lock);
    if (current?.pid === process.pid && options.reentrant) return { release: () => undefined };
    if (current !== undefined && isAlive(current.pid)) return { busy: current };
    takeOverStale(lock, current);
  }
  const current = readHolder(lock);
  return { busy: current ?? { pid: 0, shell: 'unknown', startedAt: '' } };
}

function takeOverStale(lock: string, seen: LockHolder | undefined): void {
  const aside = `${lock}.${process.pid}.stale`;
  try {
    fs.renameSync(lock, aside);
  } catch {
    return; // someone else moved it first: try again
  }
  const moved = readHolder(aside);
  const stillStale = moved === undefined || (moved.pid === seen?.pid && !isAlive(moved.pid));
  if (!stillStale) {
    // A live process took the lock between our read and our rename: give it back.
    try {
      fs.linkSync(aside, lock);
    } catch {
      /* a fourth process holds it now; the live holder's file is lost either way */
    }
  }
  fs.rmSync(aside, { force: true });
}
