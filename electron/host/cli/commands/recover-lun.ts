// recover-lun SUBSYSTEM LUN: rebuild a LUN that lost redundancy (IVdsLun::Recover) after its failed drive was
// replaced, with live progress like extend-lun.
import type { LunDetails } from '../../../contract/model';
import type { CommandContext } from '../command-context';
import type { ExitCode } from '../cli-error';
import { humanize } from '../labels';
import { lunContext, runLunOperation } from './lun-operation';

/** For the bar's rate only: what one drive of the LUN holds (a rebuild rewrites the extents of the drive
 * that replaced a failed one; only the provider knows exactly which). */
function perDriveBytes(details: LunDetails): number {
  const byDrive = new Map<string, number>();
  for (const extent of details.extents)
    byDrive.set(extent.driveId, (byDrive.get(extent.driveId) ?? 0) + extent.sizeBytes);
  return Math.max(0, ...byDrive.values());
}

export async function recoverLunCommand(
  ctx: CommandContext,
  subsystemText: string,
  lunText: string,
): Promise<ExitCode> {
  const { subsystem, lun } = await lunContext(ctx, subsystemText, lunText);
  const request = { subsystemId: subsystem.id, lunId: lun.id };
  const details = await ctx.provider.lunDetails(request);
  return runLunOperation(ctx, {
    kind: 'recoverLun',
    heading: `Recovering LUN "${lun.name}" (${lun.id}) on ${subsystem.name} (${humanize(lun.health).toLowerCase()})`,
    totalBytes: perDriveBytes(details),
    start: (options) => ctx.provider.recoverLun(request, options),
    doneLine: (after, took) =>
      `LUN "${after.name}" recovered: ${humanize(after.status).toLowerCase()}, ${humanize(after.health).toLowerCase()} in ${took}`,
  });
}
