// create-lun: one or --count N LUNs, one after the other, with NDJSON events or a progress bar.
// The batch rule (shared with the wizard, lun-rules.ts batchFit): a batch is only started when all of it fits in
// the free space; it is refused (exit 2) naming how many of N fit.
import { HRESULT, LunStudioError } from '../../../contract/errors';
import type { CreateLunRequest, Lun } from '../../../contract/model';
import type { CommandOption } from '../args';
import { writeHeader, writeLine, writeLines, type CommandContext } from '../command-context';
import { batchFit, driveUnusableReason, isAutomagic } from '../../../contract/lun-rules';
import { EXIT, exitCodeFor, formatErrorLines, inputError, toErrorShape, type ExitCode } from '../cli-error';
import { parseCount, parseSizeArgument, parseUnmaskList, type SizeArgument } from '../inputs';
import { ABANDONED, InterruptWatcher } from '../interrupts';
import { formatDuration } from '../progress-bar';
import { formatSize } from '../size';
import { renderTable } from '../table';
import { OperationView, type LiveBar } from './operation-view';
import { lunColumns } from './luns';
import { buildSizingRequest, checkSizingOptions, type SizingRequest } from './sizing-request';

const CANCELED_CODE = 'VDS_E_OPERATION_CANCELED';

export interface CreateLunInputs {
  size: SizeArgument;
  count: number;
  unmaskingList?: string;
}

/** Every create-lun value that needs no provider: checked before the provider is opened. */
export function checkCreateLunOptions(options: Partial<Record<CommandOption, string>>): CreateLunInputs {
  checkSizingOptions(options);
  const inputs: CreateLunInputs = {
    size: parseSizeArgument(options.size ?? ''),
    count: options.count === undefined ? 1 : parseCount(options.count),
  };
  if (options.unmask !== undefined) inputs.unmaskingList = parseUnmaskList(options.unmask);
  return inputs;
}

type Outcome =
  | { kind: 'done'; lun: Lun; canceledTooLate: boolean }
  | { kind: 'failed'; exitCode: ExitCode }
  | { kind: 'canceled' };

export async function createLunCommand(
  ctx: CommandContext,
  subsystemText: string,
  options: Partial<Record<CommandOption, string>>,
): Promise<ExitCode> {
  const inputs = checkCreateLunOptions(options);
  const sizing = await buildSizingRequest(ctx.provider, subsystemText, options);
  await checkBatchFits(ctx, sizing, inputs);
  const live: LiveBar = {};
  const interrupts = new InterruptWatcher(ctx.io, () => live.bar?.breakLine());
  try {
    if (!ctx.json) {
      writeHeader(ctx);
      const size = inputs.size.max ? 'the largest possible size' : formatSize(inputs.size.bytes);
      const what =
        inputs.count > 1 ? `${inputs.count} ${sizing.request.type} LUNs` : `a ${sizing.request.type} LUN`;
      writeLine(ctx, `Creating ${what} of ${size} on ${sizing.subsystem.name}`);
    }
    const created: Lun[] = [];
    for (let index = 0; index < inputs.count; index += 1) {
      if (interrupts.interrupted) return reportNotStarted(ctx, inputs.count - index);
      const outcome = await createOne(ctx, sizing, inputs, index, interrupts, live);
      if (outcome.kind === 'failed') return outcome.exitCode;
      if (outcome.kind === 'canceled') {
        reportNotStarted(ctx, inputs.count - index - 1);
        return EXIT.canceled;
      }
      created.push(outcome.lun);
      if (outcome.canceledTooLate) {
        ctx.io.stderr.write(`The cancel came too late: LUN "${outcome.lun.name}" was created.\n`);
      }
    }
    if (!ctx.json) {
      writeLine(ctx);
      const drives = await ctx.provider.listDrives(sizing.subsystem.id);
      writeLines(ctx, renderTable(lunColumns(drives), created));
    }
    return EXIT.ok;
  } finally {
    interrupts.dispose();
  }
}

/** The shared batch rule: refuse a batch of a specific type that does not fit whole (before anything starts). */
async function checkBatchFits(
  ctx: CommandContext,
  sizing: SizingRequest,
  inputs: CreateLunInputs,
): Promise<void> {
  const { type, driveIds } = sizing.request;
  if (inputs.count < 2 || inputs.size.max || isAutomagic(type)) return;
  const drives = await ctx.provider.listDrives(sizing.subsystem.id);
  const manual = driveIds !== undefined && driveIds.length > 0;
  const pool = manual
    ? driveIds.map((id) => drives.find((d) => d.id === id)).filter((d) => d !== undefined)
    : drives.filter((d) => driveUnusableReason(d) === null);
  const free = pool.map((d) => d.freeBytes);
  const fit = batchFit(type, inputs.size.bytes, inputs.count, free, manual);
  if (fit >= inputs.count) return;
  const total = free.reduce((a, b) => a + b, 0);
  throw inputError(
    '--count',
    `only ${fit} of ${inputs.count} ${type} LUNs of ${formatSize(inputs.size.bytes)} fit in the free space ` +
      `(${formatSize(total)} free on the usable drives); nothing was started`,
  );
}

function reportNotStarted(ctx: CommandContext, remaining: number): ExitCode {
  if (remaining > 0) ctx.io.stderr.write(`Canceled: ${remaining} more LUN(s) were not started.\n`);
  return EXIT.canceled;
}

async function createOne(
  ctx: CommandContext,
  sizing: SizingRequest,
  inputs: CreateLunInputs,
  index: number,
  interrupts: InterruptWatcher,
  live: LiveBar,
): Promise<Outcome> {
  const view = new OperationView(
    ctx,
    'createLun',
    inputs.count > 1 ? `LUN ${index + 1}/${inputs.count}` : 'LUN',
    index,
    live,
  );
  try {
    const sizeBytes = await sizeFor(ctx, sizing, inputs.size);
    if (interrupts.interrupted) {
      view.emit({ event: 'canceled' });
      ctx.io.stderr.write(`Canceled: ${view.label} was not started.\n`);
      return { kind: 'canceled' };
    }
    const request: CreateLunRequest = { ...sizing.request, sizeBytes };
    if (inputs.unmaskingList !== undefined) request.unmaskingList = inputs.unmaskingList;

    const startedAt = ctx.now();
    const creation = ctx.provider.createLun(request, {
      signal: interrupts.signal,
      onStarted: (operationId) => view.started(operationId, sizeBytes),
      onProgress: (progress) => view.progress(progress),
    });
    const lun = await Promise.race([creation, interrupts.abandoned]);
    view.stop();
    if (lun === ABANDONED) {
      view.emit({ event: 'canceled', confirmed: false });
      return { kind: 'canceled' };
    }
    view.emit({ event: 'done', lun });
    if (!ctx.json) {
      const took = formatDuration((ctx.now() - startedAt) / 1000);
      writeLine(
        ctx,
        `${view.label} created: ${lun.name} (${lun.type}, ${formatSize(lun.sizeBytes)}) in ${took}`,
      );
    }
    return { kind: 'done', lun, canceledTooLate: interrupts.interrupted };
  } catch (error) {
    view.stop();
    const shape = toErrorShape(error);
    if (shape.code === CANCELED_CODE && interrupts.interrupted) {
      view.emit({ event: 'canceled' });
      ctx.io.stderr.write(`Canceled: ${view.label} was rolled back by the provider.\n`);
      return { kind: 'canceled' };
    }
    view.emitError(shape);
    for (const line of formatErrorLines(error)) ctx.io.stderr.write(`${line}\n`);
    const remaining = inputs.count - index - 1;
    if (remaining > 0) {
      ctx.io.stderr.write(`Stopped after ${view.label} failed: ${remaining} more LUN(s) were not started.\n`);
    }
    return { kind: 'failed', exitCode: exitCodeFor(error) };
  }
}

/** --size max asks the provider for the largest size first (again for each LUN of a batch). */
async function sizeFor(ctx: CommandContext, sizing: SizingRequest, size: SizeArgument): Promise<number> {
  if (!size.max) return size.bytes;
  const maxBytes = await ctx.provider.maxLunSize(sizing.request);
  if (maxBytes <= 0) {
    throw new LunStudioError({
      code: 'VDS_E_NOT_ENOUGH_SPACE',
      hresult: HRESULT.VDS_E_NOT_ENOUGH_SPACE,
      message: `There is no free space left for a ${sizing.request.type} LUN on "${sizing.subsystem.name}".`,
    });
  }
  return maxBytes;
}
