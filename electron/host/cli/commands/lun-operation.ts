// One operation on an existing LUN or a drive, followed to its end: NDJSON events with its kind (or a progress
// bar for the async kinds), Ctrl-C cancels it through the facade's AbortSignal like create-lun. The part
// extend-lun, shrink-lun, set-mask, delete-lun, recover-lun, identify, hot-spare and replace-drive share.
import type { Lun, OperationKind, Subsystem } from '../../../contract/model';
import type { OperationOptions } from '../../../../native/lib/types';
import { writeHeader, writeLine, type CommandContext } from '../command-context';
import { EXIT, exitCodeFor, formatErrorLines, toErrorShape, type ExitCode } from '../cli-error';
import { ABANDONED, InterruptWatcher } from '../interrupts';
import { formatDuration } from '../progress-bar';
import { resolveLun, resolveSubsystem } from '../resolve';
import { OperationView, type LiveBar } from './operation-view';

const CANCELED_CODE = 'VDS_E_OPERATION_CANCELED';

export interface LunContext {
  subsystem: Subsystem;
  lun: Lun;
}

/** The subsystem and the LUN as they are now (for the messages; the host resolves the request itself). */
export async function lunContext(
  ctx: CommandContext,
  subsystemText: string,
  lunText: string,
): Promise<LunContext> {
  const subsystem = await resolveSubsystem(ctx.provider, subsystemText);
  return { subsystem, lun: await resolveLun(ctx.provider, subsystem, lunText) };
}

export interface OperationRun<T> {
  kind: OperationKind;
  /** What the human output says while it runs ("Extending LUN "Data" (lun-1) by 1 GiB"). */
  heading: string;
  /** The bytes it writes (the bar's rate); undefined: a synchronous kind (no bar). */
  totalBytes?: number;
  /** The bar's label. Default "LUN". */
  label?: string;
  start(options: OperationOptions): Promise<T>;
  /** The fields of the NDJSON "done" event besides event, kind, operationId and index. */
  doneFields(result: T): Record<string, unknown>;
  /** The human line(s) once it succeeded. */
  doneLine(result: T, took: string): string;
}

export type LunOperationRun = Omit<OperationRun<Lun>, 'doneFields'>;

/** A LUN kind: its "done" event carries the LUN. */
export function runLunOperation(ctx: CommandContext, run: LunOperationRun): Promise<ExitCode> {
  return runOperation(ctx, { ...run, doneFields: (lun) => ({ lun }) });
}

/** Runs it; exit 0 when it succeeded (also after a cancel that came too late), 130 when canceled, else the
 * error's exit code. */
export async function runOperation<T>(ctx: CommandContext, run: OperationRun<T>): Promise<ExitCode> {
  const live: LiveBar = {};
  const interrupts = new InterruptWatcher(ctx.io, () => live.bar?.breakLine());
  const view = new OperationView(ctx, run.kind, run.label ?? 'LUN', 0, live);
  if (!ctx.json) {
    writeHeader(ctx);
    writeLine(ctx, run.heading);
  }
  try {
    const startedAt = ctx.now();
    const operation = run.start({
      signal: interrupts.signal,
      onStarted: (operationId) => view.started(operationId, run.totalBytes),
      onProgress: (progress) => view.progress(progress),
    });
    const result = await Promise.race([operation, interrupts.abandoned]);
    view.stop();
    if (result === ABANDONED) {
      view.emit({ event: 'canceled', confirmed: false });
      return EXIT.canceled;
    }
    view.emit({ event: 'done', ...run.doneFields(result) });
    if (!ctx.json) writeLine(ctx, run.doneLine(result, formatDuration((ctx.now() - startedAt) / 1000)));
    if (interrupts.interrupted)
      ctx.io.stderr.write('The cancel came too late: the operation had finished.\n');
    return EXIT.ok;
  } catch (error) {
    view.stop();
    const shape = toErrorShape(error);
    if (shape.code === CANCELED_CODE && interrupts.interrupted) {
      view.emit({ event: 'canceled' });
      ctx.io.stderr.write('Canceled: the provider rolled the operation back; the LUN is as it was.\n');
      return EXIT.canceled;
    }
    view.emitError(shape);
    for (const line of formatErrorLines(error)) ctx.io.stderr.write(`${line}\n`);
    return exitCodeFor(error);
  } finally {
    interrupts.dispose();
  }
}
