import type { CommandOption } from '../args';
import { writeHeader, writeJson, writeLine, type CommandContext } from '../command-context';
import { EXIT, type ExitCode } from '../cli-error';
import { formatSize } from '../size';
import { buildSizingRequest } from './sizing-request';

export async function maxSizeCommand(
  ctx: CommandContext,
  subsystemText: string,
  options: Partial<Record<CommandOption, string>>,
): Promise<ExitCode> {
  const { subsystem, drives, request } = await buildSizingRequest(ctx.provider, subsystemText, options);
  const maxBytes = await ctx.provider.maxLunSize(request);
  if (ctx.json) {
    writeJson(ctx, { maxBytes });
    return EXIT.ok;
  }
  writeHeader(ctx);
  const on =
    drives.length > 0
      ? `drives ${drives.map((drive) => drive.name).join(', ')}`
      : 'drives the provider picks';
  writeLine(ctx, `Largest ${request.type} LUN on ${subsystem.name} (${on}):`);
  writeLine(ctx, `  ${formatSize(maxBytes)} (${maxBytes} bytes)`);
  return EXIT.ok;
}
