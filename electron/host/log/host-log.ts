// The host's log, in every shell (desktop main, `serve`, `lun-studio`): structured JSON lines (pino) in the
// per-user log folder (userPaths().logDir): `lun-studio.log` for what happened, `audit.log` for who changed
// what on an array (audit.ts). One per process, opened by the entry point; the owner writes the audit lines.
// pino: small, fast, JSON lines a support engineer can grep or feed to any log tool; it redacts by path.
// Secrets never reach a line: nothing logs the browser token or the control secret, and fields named like
// them are censored all the same.
import * as path from 'node:path';
import pino, { type Logger } from 'pino';
import { userPaths, type Env } from '../../contract/user-paths';
import type { ShellName } from '../caller';
import { formatHresult } from '../../contract/model';
import { openLogFile, type LogFileOptions } from './log-file';

export const LOG_FILE = 'lun-studio.log';
export const AUDIT_FILE = 'audit.log';

export interface AuditEntry {
  user: string;
  shell: ShellName;
  provider: string;
  subsystem: string;
  /** The object changed: the LUN (id and name) once known, else what was asked for. */
  object: string;
  /** The request as validated (sizes in bytes). */
  request: unknown;
  /** succeeded | failed | canceled | interrupted | refused */
  outcome: string;
  /** 0 on success. */
  hresult: number;
  action: string;
  operationId?: string;
  code?: string;
  message?: string;
}

export interface HostLog {
  readonly dir: string;
  readonly file: string;
  readonly auditFile: string;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, error?: unknown, fields?: Record<string, unknown>): void;
  fatal(message: string, error?: unknown, fields?: Record<string, unknown>): void;
  audit(entry: AuditEntry): void;
  close(): void;
}

const REDACT = {
  paths: ['token', 'secret', '*.token', '*.secret', 'headers', '*.headers', 'cookie', 'authorization'],
  censor: '[redacted]',
};

function errorFields(error: unknown): Record<string, unknown> {
  if (error === undefined) return {};
  const e = error as { message?: unknown; code?: unknown; hresult?: unknown; stack?: unknown };
  const fields: Record<string, unknown> = {
    error: typeof e?.message === 'string' ? e.message : String(error),
  };
  if (typeof e?.code === 'string') fields.code = e.code;
  if (typeof e?.hresult === 'number') fields.hresult = formatHresult(e.hresult);
  if (typeof e?.stack === 'string') fields.stack = e.stack;
  return fields;
}

function loggerFor(file: string, shell: ShellName, options: LogFileOptions) {
  const { destination, stop } = openLogFile(file, options);
  const logger: Logger = pino(
    {
      // `shell` in a line is the caller's (audit); the process's own shell is `processShell`.
      base: { pid: process.pid, processShell: shell },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: REDACT,
    },
    destination,
  );
  return { logger, stop };
}

let current: HostLog | undefined;

/** Opens this process's log (once per folder; later calls for the same folder return the same one). */
export function openHostLog(
  options: { shell: ShellName; env?: Env; dir?: string } & LogFileOptions,
): HostLog {
  const dir = options.dir ?? userPaths(options.env).logDir;
  if (current?.dir === dir) return current;
  current?.close();
  const file = path.join(dir, LOG_FILE);
  const auditFile = path.join(dir, AUDIT_FILE);
  const main = loggerFor(file, options.shell, options);
  const audit = loggerFor(auditFile, options.shell, options);
  const log: HostLog = {
    dir,
    file,
    auditFile,
    info: (message, fields = {}) => main.logger.info(fields, message),
    warn: (message, fields = {}) => main.logger.warn(fields, message),
    error: (message, error, fields = {}) => main.logger.error({ ...fields, ...errorFields(error) }, message),
    fatal: (message, error, fields = {}) => main.logger.fatal({ ...fields, ...errorFields(error) }, message),
    audit: (entry) => {
      const line = { ...entry, hresult: formatHresult(entry.hresult) };
      audit.logger.info(line, 'audit');
      main.logger.info({ operationId: entry.operationId, outcome: entry.outcome }, `audit: ${entry.action}`);
    },
    close: () => {
      main.stop();
      audit.stop();
      if (current === log) current = undefined;
    },
  };
  current = log;
  return log;
}

/** The log this process opened, if any. */
export function currentHostLog(): HostLog | undefined {
  return current;
}
