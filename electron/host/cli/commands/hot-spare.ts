// hot-spare SUBSYSTEM DRIVE on|off: make a drive a hot spare or a regular drive again (IVdsDrive SetFlags /
// ClearFlags VDS_DRF_HOTSPARE), an instant operation. The host refuses a drive in use, naming its LUNs (exit 1).
import type { CommandContext } from '../command-context';
import type { ExitCode } from '../cli-error';
import { humanize } from '../labels';
import { driveContext, driveWords } from './drive-operation';
import { runOperation } from './lun-operation';

export async function hotSpareCommand(
  ctx: CommandContext,
  subsystemText: string,
  driveText: string,
  hotSpare: boolean,
): Promise<ExitCode> {
  const { subsystem, drive } = await driveContext(ctx, subsystemText, driveText);
  const request = { subsystemId: subsystem.id, driveId: drive.id, hotSpare };
  return runOperation(ctx, {
    kind: 'setHotSpare',
    label: 'Drive',
    heading: `${hotSpare ? 'Making' : 'Unmaking'} ${driveWords(drive)} on ${subsystem.name} a hot spare`,
    start: (options) => ctx.provider.setHotSpare(request, options),
    doneFields: (after) => ({ drive: after }),
    doneLine: (after) =>
      `Drive "${after.name}" is ${hotSpare ? 'now a hot spare' : 'no longer a hot spare'} (flags: ${after.flags.map(humanize).join(', ') || 'none'})`,
  });
}
