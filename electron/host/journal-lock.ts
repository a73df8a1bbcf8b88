// One process at a time owns a journal: `<journal>.lock` holds the owner's pid. Without it, a second
// LUN Studio (desktop + browser shell at once) would read the first one's running operations as
// cut off and mark them interrupted. A lock whose pid is no longer alive (a crash) is taken over.
import * as fs from 'node:fs';
import { HRESULT, LunStudioError } from '../contract/errors';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(lock: string): number | undefined {
  try {
    const pid = Number(fs.readFileSync(lock, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

export function journalBusyError(journal: string, pid: number): LunStudioError {
  return new LunStudioError({
    code: 'E_JOURNAL_BUSY',
    hresult: HRESULT.E_ACCESSDENIED,
    message: `The operation journal ${journal} is in use by another LUN Studio process (pid ${pid}).`,
    action: 'Close the other LUN Studio window or browser shell, or give this one its own journal path.',
  });
}

/** Takes the lock (or takes over a stale one); returns the release function. Re-entrant per process. */
export function lockJournal(journal: string): () => void {
  const lock = `${journal}.lock`;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      fs.writeFileSync(lock, String(process.pid), { flag: 'wx' });
      return () => {
        if (readOwner(lock) === process.pid) fs.rmSync(lock, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = readOwner(lock);
    if (owner === process.pid) return () => undefined;
    if (owner !== undefined && isAlive(owner)) throw journalBusyError(journal, owner);
    fs.rmSync(lock, { force: true }); // stale (owner gone) or unreadable: take it over
  }
  throw journalBusyError(journal, readOwner(lock) ?? 0);
}
