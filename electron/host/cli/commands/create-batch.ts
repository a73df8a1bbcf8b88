// create-lun's run: the batch policy every shell shares. All N creations go to the owner in one request (one
// batch, one batchId, like the wizard's); the owner runs them as its queue allows (4 at a time, the rest
// queued in order) and a failing one stops none of the others. Ctrl-C cancels every one not ended yet.
// Output: NDJSON events per operation (--json); otherwise a line per LUN as it ends, on a terminal under one
// progress line for the batch (one LUN alone: its own progress bar, as for every operation).
import type { CreateLunRequest, Lun } from '../../../contract/model';
import { writeLine, type CommandContext } from '../command-context';
import { EXIT, exitCodeFor, formatErrorLines, toErrorShape, type ExitCode } from '../cli-error';
import { ABANDONED, InterruptWatcher } from '../interrupts';
import { formatDuration } from '../progress-bar';
import { formatSize } from '../size';
import { BatchProgress } from './batch-progress';
import { OperationView, type LiveBar } from './operation-view';

const CANCELED_CODE = 'VDS_E_OPERATION_CANCELED';
const TTY_REFRESH_MS = 1000;

type Ending = { kind: 'done'; lun: Lun } | { kind: 'failed'; error: unknown } | { kind: 'canceled' };

export interface BatchRun {
  exitCode: ExitCode;
  /** The LUNs created, in the batch's order. */
  created: Lun[];
}

/** Exit 0 when every LUN was created (also after a cancel that came too late), 130 when any was canceled,
 * else the exit code of the first (in the batch's order) that failed. */
export async function runCreateBatch(
  ctx: CommandContext,
  request: CreateLunRequest,
  count: number,
): Promise<BatchRun> {
  const single = count === 1;
  const live: LiveBar = {};
  const startedAt = ctx.now();
  const drawBatch = ctx.io.isTTY && !ctx.json && !single;
  const batch = new BatchProgress(ctx.io.stdout, {
    isTTY: drawBatch,
    count,
    startedAtMs: startedAt,
  });
  const interrupts = new InterruptWatcher(ctx.io, () => {
    live.bar?.breakLine();
    batch.breakLine();
  });
  const views = Array.from(
    { length: count },
    (_, index) =>
      new OperationView(ctx, 'createLun', single ? 'LUN' : `LUN ${index + 1}/${count}`, index, live),
  );
  const ids: string[] = [];
  const runningSince: number[] = [];
  const endings: (Ending | undefined)[] = Array.from({ length: count }, () => undefined);
  let abandoned = false;
  let refused: unknown;
  const say = (stream: 'stdout' | 'stderr', text: string): void =>
    batch.printAbove(ctx.io[stream], text, ctx.now());

  const end = (index: number, outcome: PromiseSettledResult<Lun>): void => {
    if (abandoned) return;
    const view = views[index]!;
    view.stop();
    const ending = endingOf(outcome, interrupts.interrupted);
    endings[index] = ending;
    batch.set(index, ending.kind, ctx.now());
    if (ending.kind === 'done') {
      view.emit({ event: 'done', lun: ending.lun });
      if (!ctx.json) {
        const took = formatDuration((ctx.now() - (runningSince[index] ?? startedAt)) / 1000);
        const { lun } = ending;
        say(
          'stdout',
          `${view.label} created: ${lun.name} (${lun.type}, ${formatSize(lun.sizeBytes)}) in ${took}`,
        );
      }
      if (interrupts.interrupted)
        say('stderr', `The cancel came too late: LUN "${ending.lun.name}" was created.`);
    } else if (ending.kind === 'canceled') {
      view.emit({ event: 'canceled' });
      say(
        'stderr',
        runningSince[index] === undefined
          ? `Canceled: ${view.label} was not started.`
          : `Canceled: ${view.label} was rolled back by the provider.`,
      );
    } else {
      view.emitError(toErrorShape(ending.error));
      const lines = formatErrorLines(ending.error);
      if (!single) lines[0] = lines[0]!.replace(/^error: /, `error: ${view.label}: `);
      for (const line of lines) say('stderr', line);
    }
  };

  const refresh = drawBatch ? setInterval(() => batch.refresh(ctx.now()), TTY_REFRESH_MS) : undefined;
  refresh?.unref?.();
  try {
    const creation = ctx.provider.createLunBatch(request, count, {
      signal: interrupts.signal,
      member: (index) => ({
        onQueued: (operationId, state) => {
          ids[index] = operationId;
          if (state === 'queued') views[index]!.queued(operationId);
        },
        onRunning: () => {
          runningSince[index] = ctx.now();
          batch.set(index, 'running', ctx.now());
          views[index]!.started(ids[index]!, single ? request.sizeBytes : undefined);
        },
        onProgress: (progress) => {
          batch.progress(index, progress.percent, ctx.now());
          views[index]!.progress(progress);
        },
        onSettled: (outcome) => end(index, outcome),
      }),
    });
    const outcome = await Promise.race([creation, interrupts.abandoned]).catch((error: unknown) => {
      refused = error;
      return undefined;
    });
    if (outcome === undefined) {
      batch.clear();
      return { exitCode: reportRefusal(ctx, views, refused), created: [] };
    }
    if (outcome === ABANDONED) {
      abandoned = true;
      for (const [index, view] of views.entries()) {
        if (endings[index] !== undefined) continue;
        view.stop();
        view.emit({ event: 'canceled', confirmed: false });
      }
      batch.clear();
      return { exitCode: EXIT.canceled, created: createdOf(endings) };
    }
    batch.clear();
    if (!single) reportSummary(ctx, endings);
    return { exitCode: exitCodeOf(endings), created: createdOf(endings) };
  } finally {
    if (refresh) clearInterval(refresh);
    for (const view of views) view.stop();
    interrupts.dispose();
  }
}

/** The owner refused the request before queuing anything (e.g. its journal cannot be written): every LUN
 * of it ends with that error, none was started. */
function reportRefusal(ctx: CommandContext, views: readonly OperationView[], error: unknown): ExitCode {
  const shape = toErrorShape(error);
  for (const view of views) {
    view.stop();
    view.emitError(shape);
  }
  for (const line of formatErrorLines(error)) ctx.io.stderr.write(`${line}\n`);
  if (views.length > 1)
    ctx.io.stderr.write(`Nothing was started: the owner refused all ${views.length} LUNs.\n`);
  return exitCodeFor(error);
}

function endingOf(outcome: PromiseSettledResult<Lun>, interrupted: boolean): Ending {
  if (outcome.status === 'fulfilled') return { kind: 'done', lun: outcome.value };
  if (interrupted && toErrorShape(outcome.reason).code === CANCELED_CODE) return { kind: 'canceled' };
  return { kind: 'failed', error: outcome.reason };
}

function createdOf(endings: readonly (Ending | undefined)[]): Lun[] {
  return endings.flatMap((ending) => (ending?.kind === 'done' ? [ending.lun] : []));
}

function exitCodeOf(endings: readonly (Ending | undefined)[]): ExitCode {
  if (endings.some((ending) => ending?.kind === 'canceled')) return EXIT.canceled;
  const failed = endings.find((ending) => ending?.kind === 'failed');
  return failed?.kind === 'failed' ? exitCodeFor(failed.error) : EXIT.ok;
}

/** "12 of 12 LUNs created" (stdout), or "9 of 12 LUNs created, 2 failed, 1 canceled" (stderr). */
function reportSummary(ctx: CommandContext, endings: readonly (Ending | undefined)[]): void {
  const tally = (kind: Ending['kind']): number => endings.filter((ending) => ending?.kind === kind).length;
  const [done, failed, canceled] = [tally('done'), tally('failed'), tally('canceled')];
  let line = `${done} of ${endings.length} LUNs created`;
  if (failed > 0) line += `, ${failed} failed`;
  if (canceled > 0) line += `, ${canceled} canceled`;
  if (done === endings.length) {
    if (!ctx.json) writeLine(ctx, line);
  } else ctx.io.stderr.write(`${line}.\n`);
}
