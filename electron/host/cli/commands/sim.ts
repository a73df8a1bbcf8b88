// sim fail-drive|restore-drive SUBSYSTEM DRIVE: break a simulated drive on purpose, or bring it back (demos,
// training, tests). Not an operation. Refused with exit 2 on the vds provider, whose drives are real.
import { HRESULT } from '../../../contract/errors';
import type { Drive } from '../../../contract/model';
import { writeHeader, writeJson, writeLine, type CommandContext } from '../command-context';
import { CliInputError, EXIT, type ExitCode } from '../cli-error';
import { humanize } from '../labels';
import { driveContext, driveWords } from './drive-operation';

export type SimAction = 'fail-drive' | 'restore-drive';

export function notOnVds(action: SimAction): CliInputError {
  return new CliInputError(
    {
      code: 'VDS_E_NOT_SUPPORTED',
      hresult: HRESULT.VDS_E_NOT_SUPPORTED,
      message: `sim ${action} works only on the simulated array (--provider sim); the Virtual Disk Service's drives are real. Nothing was changed.`,
      action: 'Run it with --provider sim (and --sim-state FILE for a state of its own).',
    },
    false,
  );
}

export async function simCommand(
  ctx: CommandContext,
  action: SimAction,
  subsystemText: string,
  driveText: string,
): Promise<ExitCode> {
  if (ctx.provider.name !== 'sim') throw notOnVds(action);
  const { subsystem, drive } = await driveContext(ctx, subsystemText, driveText);
  const failed = action === 'fail-drive';
  let after: Drive;
  try {
    after = await ctx.provider.simSetDriveFailed({ subsystemId: subsystem.id, driveId: drive.id }, failed);
  } catch (error) {
    if ((error as { code?: string }).code === 'VDS_E_NOT_SUPPORTED') throw notOnVds(action);
    throw error;
  }
  if (ctx.json) {
    writeJson(ctx, after);
    return EXIT.ok;
  }
  writeHeader(ctx);
  const hurt = (await ctx.provider.listLuns(subsystem.id)).filter((lun) => lun.driveIds.includes(drive.id));
  const luns =
    hurt.length === 0
      ? 'no LUN uses it'
      : hurt.map((lun) => `LUN "${lun.name}" is ${humanize(lun.health).toLowerCase()}`).join(', ');
  writeLine(
    ctx,
    `Simulated ${failed ? 'failure of' : 'return of'} ${driveWords(drive)}: it is ${humanize(after.status).toLowerCase()}; ${luns}`,
  );
  return EXIT.ok;
}
