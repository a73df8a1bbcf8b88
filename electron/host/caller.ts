// Who asked for a change: the shell the request came through and the OS user running it. Carried from each
// entry point (desktop IPC, browser WebSocket, the control endpoint for lun-studio commands) to the
// StorageService, which writes it into the audit trail (log/audit.ts).
import * as os from 'node:os';

export const SHELL_NAMES = ['desktop', 'browser', 'cli'] as const;
export type ShellName = (typeof SHELL_NAMES)[number];

export interface Caller {
  shell: ShellName;
  /** The OS account name (os.userInfo()). */
  user: string;
}

/** The header a lun-studio command sends in the control endpoint's handshake to say which shell it is. */
export const SHELL_HEADER = 'x-lun-studio-shell';

export function osUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return process.env.USER || process.env.USERNAME || 'unknown';
  }
}

export function callerOf(shell: ShellName): Caller {
  return { shell, user: osUser() };
}

export function isShellName(value: unknown): value is ShellName {
  return typeof value === 'string' && (SHELL_NAMES as readonly string[]).includes(value);
}
