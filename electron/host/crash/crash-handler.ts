// uncaughtException / unhandledRejection in any LUN Studio process (desktop main, `serve`, `lun-studio`):
// the error is logged (with its stack), the user is told (a dialog on the desktop, stderr in the browser
// shell and the CLI) where the log is, every owner closes (the journal marks what ran as interrupted), and
// the process exits 1. A second fatal error while closing exits at once.
import { formatHresult } from '../../contract/model';
import { currentHostLog, type HostLog } from '../log/host-log';
import { closeAllForFatal } from './closers';

export interface CrashHandlerOptions {
  /** Default: the log this process opened by the time of the error. */
  log?: HostLog;
  /** Shows the message to the user. */
  tell(title: string, message: string): void;
  exit(code: number): void;
  /** How long the owners may take to close. Default 5 s. */
  closeMs?: number;
}

export interface ProcessEvents {
  on(event: 'uncaughtException', listener: (error: Error) => void): unknown;
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
  off(event: 'uncaughtException', listener: (error: Error) => void): unknown;
  off(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
}

export function describeFatal(error: unknown): string {
  const e = error as { message?: unknown; code?: unknown; hresult?: unknown };
  const message = typeof e?.message === 'string' ? e.message : String(error);
  const code = typeof e?.code === 'string' ? e.code : 'E_UNEXPECTED';
  const hresult = typeof e?.hresult === 'number' ? e.hresult : 0x8000ffff;
  return `${message} (${code} ${formatHresult(hresult)})`;
}

/** The fatal path itself: log, tell, close the owners, exit 1. Runs once. */
export function fatalHandler(options: CrashHandlerOptions): (error: unknown, origin: string) => void {
  let handling = false;
  return (error, origin) => {
    if (handling) {
      options.exit(1);
      return;
    }
    handling = true;
    const log = options.log ?? currentHostLog();
    try {
      log?.fatal(`fatal: ${origin}`, error);
    } catch {
      // Logging must not stop the rest.
    }
    const where = log ? `\n\nThe log is in ${log.dir}.` : '';
    try {
      options.tell(
        'LUN Studio stopped after an unexpected error',
        `${describeFatal(error)}\n\nOperations that were running are marked interrupted; check the LUNs before retrying.${where}`,
      );
    } catch {
      // As above.
    }
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, options.closeMs ?? 5000).unref());
    void Promise.race([closeAllForFatal(), timeout]).finally(() => options.exit(1));
  };
}

/** Installs the handler on the process; `fatal` takes the same path for an error caught elsewhere (the
 * desktop's IPC handlers). */
export function installCrashHandler(
  target: ProcessEvents,
  options: CrashHandlerOptions,
): { fatal: (error: unknown, origin: string) => void; uninstall: () => void } {
  const fatal = fatalHandler(options);
  const onException = (error: Error): void => fatal(error, 'uncaughtException');
  const onRejection = (reason: unknown): void => fatal(reason, 'unhandledRejection');
  target.on('uncaughtException', onException);
  target.on('unhandledRejection', onRejection);
  return {
    fatal,
    uninstall: () => {
      target.off('uncaughtException', onException);
      target.off('unhandledRejection', onRejection);
    },
  };
}

/** serve and lun-studio: the message goes to stderr. */
export function installStderrCrashHandler(log?: HostLog): () => void {
  return installCrashHandler(process, {
    log,
    tell: (title, message) => process.stderr.write(`error: ${title}: ${message}\n`),
    exit: (code) => process.exit(code),
  }).uninstall;
}
