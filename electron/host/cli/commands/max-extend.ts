// max-extend SUBSYSTEM LUN [--drives ID,…]: how much a LUN can grow (IVdsLun::QueryMaxLunExtendSize).
import type { MaxLunExtendRequest } from '../../../contract/model';
import { writeHeader, writeJson, writeLine, type CommandContext } from '../command-context';
import { EXIT, type ExitCode } from '../cli-error';
import { formatSize } from '../size';
import { lunContext } from './lun-operation';

export async function maxExtendCommand(
  ctx: CommandContext,
  subsystemText: string,
  lunText: string,
  asked: MaxLunExtendRequest,
): Promise<ExitCode> {
  const { subsystem, lun } = await lunContext(ctx, subsystemText, lunText);
  const maxBytes = await ctx.provider.maxLunExtendSize({
    ...asked,
    subsystemId: subsystem.id,
    lunId: lun.id,
  });
  if (ctx.json) {
    writeJson(ctx, { maxBytes });
    return EXIT.ok;
  }
  writeHeader(ctx);
  const on = asked.driveIds ? `drives ${asked.driveIds.join(', ')}` : 'drives the provider picks';
  writeLine(
    ctx,
    `LUN "${lun.name}" (${lun.id}, ${formatSize(lun.sizeBytes)}) on ${subsystem.name} can grow by (${on}):`,
  );
  writeLine(ctx, `  ${formatSize(maxBytes)} (${maxBytes} bytes), to ${formatSize(lun.sizeBytes + maxBytes)}`);
  return EXIT.ok;
}
