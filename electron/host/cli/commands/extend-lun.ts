// extend-lun SUBSYSTEM LUN (--by SIZE | --to SIZE | --to max) [--drives ID,…]: grows a LUN, with live progress.
import type { ExtendLunRequest } from '../../../contract/model';
import type { CommandContext } from '../command-context';
import type { ExitCode } from '../cli-error';
import { formatSize } from '../size';
import { lunContext, runLunOperation } from './lun-operation';

export async function extendLunCommand(
  ctx: CommandContext,
  subsystemText: string,
  lunText: string,
  asked: ExtendLunRequest,
): Promise<ExitCode> {
  const { subsystem, lun } = await lunContext(ctx, subsystemText, lunText);
  const request: ExtendLunRequest = { ...asked, subsystemId: subsystem.id, lunId: lun.id };
  let adds = request.bytesToAdd ?? (request.newSizeBytes ?? lun.sizeBytes) - lun.sizeBytes;
  let how =
    request.bytesToAdd !== undefined ? `by ${formatSize(adds)}` : `to ${formatSize(lun.sizeBytes + adds)}`;
  if (request.useMaximum) {
    // For the bar and the heading only: the provider takes the maximum again when the extend starts.
    const { driveIds } = request;
    adds = await ctx.provider.maxLunExtendSize({
      subsystemId: subsystem.id,
      lunId: lun.id,
      ...(driveIds ? { driveIds } : {}),
    });
    how = `to the maximum (${formatSize(lun.sizeBytes + adds)})`;
  }
  const on = request.driveIds ? ` on drives ${request.driveIds.join(', ')}` : '';
  return runLunOperation(ctx, {
    kind: 'extendLun',
    heading: `Extending LUN "${lun.name}" (${lun.id}) on ${subsystem.name} from ${formatSize(lun.sizeBytes)} ${how}${on}`,
    totalBytes: Math.max(0, adds),
    start: (options) => ctx.provider.extendLun(request, options),
    doneLine: (after, took) =>
      `LUN "${after.name}" extended: ${formatSize(lun.sizeBytes)} → ${formatSize(after.sizeBytes)} (${after.sizeBytes} bytes) in ${took}`,
  });
}
