// File-system errors (Node's errno codes) as the HRESULTs Windows would report for them, so an error that
// crosses a boundary carries the real cause: a full disk is ERROR_DISK_FULL, a read-only one
// ERROR_WRITE_PROTECT, a refused permission E_ACCESSDENIED.
import { HRESULT } from '../../electron/contract/errors';

/** HRESULT_FROM_WIN32(ERROR_DISK_FULL). */
export const HRESULT_DISK_FULL = 0x80070070;
/** HRESULT_FROM_WIN32(ERROR_WRITE_PROTECT). */
export const HRESULT_WRITE_PROTECT = 0x80070013;

/** The HRESULT of a failed fs call (E_FAIL when the cause has no better match). */
export function fsErrorHresult(error: unknown): number {
  switch ((error as NodeJS.ErrnoException | undefined)?.code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return HRESULT_DISK_FULL;
    case 'EROFS':
      return HRESULT_WRITE_PROTECT;
    case 'EACCES':
    case 'EPERM':
      return HRESULT.E_ACCESSDENIED;
    default:
      return HRESULT.E_FAIL;
  }
}

/** "ENOSPC: no space left on device" without Node's syscall and path suffix (the caller names the path). */
export function fsErrorText(error: unknown): string {
  const e = error as NodeJS.ErrnoException | undefined;
  const message = e?.message ?? String(error);
  const plain = message.replace(/,\s*\w+\s+'[^']*'(\s*->\s*'[^']*')?$/, '');
  return plain;
}
