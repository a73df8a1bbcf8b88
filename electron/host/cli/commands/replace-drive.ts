// replace-drive SUBSYSTEM OLD NEW --yes: move every extent of a (failed) drive to an unassigned drive or a
// standby hot spare (IVdsSubSystem::ReplaceDrive), an instant operation; the LUNs it hurt then need
// recover-lun. Without --yes it only says what would happen (exit 2) and changes nothing.
import { HRESULT } from '../../../contract/errors';
import type { Drive, Lun } from '../../../contract/model';
import type { CommandContext } from '../command-context';
import { CliInputError, inputError, type ExitCode } from '../cli-error';
import { resolveDrive } from '../resolve';
import { driveContext, driveWords } from './drive-operation';
import { runOperation } from './lun-operation';

const lunWords = (luns: readonly Lun[]): string =>
  luns.map((lun) => `LUN "${lun.name}" (${lun.id})`).join(', ');

export async function replaceDriveCommand(
  ctx: CommandContext,
  subsystemText: string,
  oldText: string,
  newText: string,
  confirmed: boolean,
): Promise<ExitCode> {
  const { subsystem, drive: old } = await driveContext(ctx, subsystemText, oldText, 'OLD');
  const replacement: Drive = await resolveDrive(ctx.provider, subsystem, newText, 'NEW');
  if (replacement.id === old.id) {
    throw inputError('NEW', `must be a different drive than OLD (both name ${driveWords(old)})`);
  }
  const hurt = (await ctx.provider.listLuns(subsystem.id)).filter((lun) => lun.driveIds.includes(old.id));
  const what = `replacing ${driveWords(old)} with ${driveWords(replacement)}`;
  if (!confirmed) {
    const moves =
      hurt.length === 0
        ? 'moves nothing (no LUN has an extent on it)'
        : `moves the extents of ${lunWords(hurt)} to it; they stay degraded until \`lun-studio recover-lun\` rebuilds them`;
    throw new CliInputError(
      {
        code: 'E_INVALIDARG',
        hresult: HRESULT.E_INVALIDARG,
        message: `${what} ${moves}: add --yes to go ahead`,
        field: '--yes',
      },
      false,
    );
  }
  const request = { subsystemId: subsystem.id, driveId: old.id, replacementDriveId: replacement.id };
  return runOperation(ctx, {
    kind: 'replaceDrive',
    label: 'Drive',
    heading: `${what.charAt(0).toUpperCase()}${what.slice(1)} on ${subsystem.name}`,
    start: (options) => ctx.provider.replaceDrive(request, options),
    doneFields: ({ drive, lunsToRecover }) => ({ drive, lunsToRecover }),
    doneLine: ({ drive, lunsToRecover }) => {
      const next =
        lunsToRecover.length === 0
          ? 'no LUN needs recovering'
          : `to recover: ${lunsToRecover
              .map((lun) => `lun-studio recover-lun ${subsystem.id} ${lun.id}   # "${lun.name}"`)
              .join('\n  ')}`;
      const sep = lunsToRecover.length === 0 ? '; ' : '\n  ';
      return `Drive "${old.name}" replaced by "${drive.name}"${sep}${next}`;
    },
  });
}
