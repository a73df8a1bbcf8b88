// create-lun: one or --count N LUNs, as one batch through the owner (create-batch.ts: the batch policy every
// shell shares), with NDJSON events or progress output.
// The batch rule (shared with the wizard, lun-rules.ts batchFit): a batch is only started when all of it fits in
// the free space; it is refused (exit 2) naming how many of N fit.
import { HRESULT, LunStudioError } from '../../../contract/errors';
import type { CreateLunRequest } from '../../../contract/model';
import type { CommandOption } from '../args';
import { writeHeader, writeLine, writeLines, type CommandContext } from '../command-context';
import { batchFit, driveUnusableReason, isAutomagic } from '../../../contract/lun-rules';
import { inputError, type ExitCode } from '../cli-error';
import { parseCount, parseSizeArgument, parseUnmaskList, type SizeArgument } from '../inputs';
import { formatSize } from '../size';
import { renderTable } from '../table';
import { runCreateBatch } from './create-batch';
import { lunColumns } from './luns';
import { buildSizingRequest, checkSizingOptions, type SizingRequest } from './sizing-request';

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

export async function createLunCommand(
  ctx: CommandContext,
  subsystemText: string,
  options: Partial<Record<CommandOption, string>>,
): Promise<ExitCode> {
  const inputs = checkCreateLunOptions(options);
  const sizing = await buildSizingRequest(ctx.provider, subsystemText, options);
  const sizeBytes = await sizeFor(ctx, sizing, inputs.size);
  await checkBatchFits(ctx, sizing, inputs, sizeBytes);
  const request: CreateLunRequest = { ...sizing.request, sizeBytes };
  if (inputs.unmaskingList !== undefined) request.unmaskingList = inputs.unmaskingList;
  if (!ctx.json) {
    writeHeader(ctx);
    const size = inputs.size.max
      ? `${formatSize(sizeBytes)} (the largest possible size${inputs.count > 1 ? ' for one LUN' : ''})`
      : formatSize(sizeBytes);
    const what = inputs.count > 1 ? `${inputs.count} ${request.type} LUNs` : `a ${request.type} LUN`;
    writeLine(ctx, `Creating ${what} of ${size} on ${sizing.subsystem.name}`);
  }
  const run = await runCreateBatch(ctx, request, inputs.count);
  if (!ctx.json && run.created.length > 0) {
    writeLine(ctx);
    const drives = await ctx.provider.listDrives(sizing.subsystem.id);
    writeLines(ctx, renderTable(lunColumns(drives), run.created));
  }
  return run.exitCode;
}

/** The shared batch rule: refuse a batch of a specific type that does not fit whole (before anything starts).
 * With --size max the size is the largest one LUN can have now, so N of it must fit as well. */
async function checkBatchFits(
  ctx: CommandContext,
  sizing: SizingRequest,
  inputs: CreateLunInputs,
  sizeBytes: number,
): Promise<void> {
  const { type, driveIds } = sizing.request;
  if (inputs.count < 2 || isAutomagic(type)) return;
  const drives = await ctx.provider.listDrives(sizing.subsystem.id);
  const manual = driveIds !== undefined && driveIds.length > 0;
  const pool = manual
    ? driveIds.map((id) => drives.find((d) => d.id === id)).filter((d) => d !== undefined)
    : drives.filter((d) => driveUnusableReason(d) === null);
  const free = pool.map((d) => d.freeBytes);
  const fit = batchFit(type, sizeBytes, inputs.count, free, manual);
  if (fit >= inputs.count) return;
  const total = free.reduce((a, b) => a + b, 0);
  const size = inputs.size.max
    ? `${formatSize(sizeBytes)} (the largest possible size for one LUN)`
    : formatSize(sizeBytes);
  throw inputError(
    '--count',
    `only ${fit} of ${inputs.count} ${type} LUNs of ${size} fit in the free space ` +
      `(${formatSize(total)} free on the usable drives); nothing was started` +
      (inputs.size.max ? '; give --size a size that all of them can have' : ''),
  );
}

/** --size max asks the provider for the largest size for one LUN, once (a batch: N LUNs of that size). */
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
