// One process at a time owns a journal: `<journal>.lock` names the owner. Without it, a second LUN Studio
// would read the first one's running operations as cut off and mark them interrupted.
import { HRESULT, LunStudioError } from '../contract/errors';
import { describeHolder } from './owner/owner-errors';
import { tryLock, type LockHolder } from './owner/lock-file';

export function journalBusyError(journal: string, holder: LockHolder): LunStudioError {
  return new LunStudioError({
    code: 'E_JOURNAL_BUSY',
    hresult: HRESULT.E_ACCESSDENIED,
    message: `The operation journal ${journal} is in use by ${describeHolder(holder)}.`,
    action: 'Use that LUN Studio (the command line goes through it by itself), or stop it first.',
  });
}

/** Takes the lock (or takes over a stale one); returns the release function. Re-entrant per process. */
export function lockJournal(journal: string, shell = 'unknown'): () => void {
  const result = tryLock(
    `${journal}.lock`,
    { pid: process.pid, shell, startedAt: new Date().toISOString() },
    { reentrant: true },
  );
  if ('busy' in result) throw journalBusyError(journal, result.busy);
  return result.release;
}
