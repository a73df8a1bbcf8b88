// The errors a would-be second owner gets: they name the owner and say what to do.
import { HRESULT, LunStudioError } from '../../contract/errors';
import type { LockHolder } from './lock-file';

const SHELL_NAMES: Record<string, string> = {
  desktop: 'the LUN Studio desktop app',
  browser: 'the LUN Studio browser shell (npm run serve)',
  cli: 'a lun-studio command',
};

export function describeHolder(holder: LockHolder): string {
  const who = SHELL_NAMES[holder.shell] ?? 'another LUN Studio process';
  const since = holder.startedAt ? `, since ${holder.startedAt}` : '';
  return `${who} (pid ${holder.pid}${since})`;
}

/** The state is owned by another live process that this one cannot go through. */
export function ownerBusyError(what: string, holder: LockHolder, action: string): LunStudioError {
  return new LunStudioError({
    code: 'E_OWNER_BUSY',
    hresult: HRESULT.E_ACCESSDENIED,
    message: `${what} is owned by ${describeHolder(holder)}; a second owner would overwrite its changes.`,
    action,
  });
}
