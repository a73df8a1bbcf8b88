// identify SUBSYSTEM DRIVE on|off: blink a drive's identify light (IVdsMaintenance BlinkLight), an instant
// operation like set-mask.
import type { CommandContext } from '../command-context';
import type { ExitCode } from '../cli-error';
import { driveContext, driveWords } from './drive-operation';
import { runOperation } from './lun-operation';

export async function identifyCommand(
  ctx: CommandContext,
  subsystemText: string,
  driveText: string,
  on: boolean,
): Promise<ExitCode> {
  const { subsystem, drive } = await driveContext(ctx, subsystemText, driveText);
  const request = { subsystemId: subsystem.id, driveId: drive.id, on };
  return runOperation(ctx, {
    kind: 'identifyDrive',
    label: 'Drive',
    heading: `Identify light of ${driveWords(drive)} on ${subsystem.name}: ${on ? 'on' : 'off'}`,
    start: (options) => ctx.provider.identifyDrive(request, options),
    doneFields: (after) => ({ drive: after }),
    doneLine: (after) =>
      `Identify light of drive "${after.name}" is ${after.identifying ? 'on: look for the blinking drive' : 'off'}`,
  });
}
