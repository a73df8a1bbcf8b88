// The part identify, hot-spare and replace-drive share: the subsystem and drive as they are now (for the
// messages; the host resolves the request itself) and the drive's words.
import type { Drive, Subsystem } from '../../../contract/model';
import type { CommandContext } from '../command-context';
import { resolveDrive, resolveSubsystem } from '../resolve';

export interface DriveContext {
  subsystem: Subsystem;
  drive: Drive;
}

export async function driveContext(
  ctx: CommandContext,
  subsystemText: string,
  driveText: string,
  argument = 'DRIVE',
): Promise<DriveContext> {
  const subsystem = await resolveSubsystem(ctx.provider, subsystemText);
  return { subsystem, drive: await resolveDrive(ctx.provider, subsystem, driveText, argument) };
}

/** 'drive "Bay 02" (drive-2)'. */
export function driveWords(drive: Drive): string {
  return `drive "${drive.name}" (${drive.id})`;
}
