// shrink-lun SUBSYSTEM LUN (--by SIZE | --to SIZE) --yes: makes a LUN smaller; the data past the new end is lost,
// so without --yes it only says what would be lost (exit 2) and changes nothing.
import type { ShrinkLunRequest } from '../../../contract/model';
import type { CommandContext } from '../command-context';
import { CliInputError, type ExitCode } from '../cli-error';
import { HRESULT } from '../../../contract/errors';
import { formatSize } from '../size';
import { lunContext, runLunOperation } from './lun-operation';

export async function shrinkLunCommand(
  ctx: CommandContext,
  subsystemText: string,
  lunText: string,
  asked: ShrinkLunRequest,
  confirmed: boolean,
): Promise<ExitCode> {
  const { subsystem, lun } = await lunContext(ctx, subsystemText, lunText);
  const request: ShrinkLunRequest = { ...asked, subsystemId: subsystem.id, lunId: lun.id };
  const removes = request.bytesToRemove ?? lun.sizeBytes - (request.newSizeBytes ?? lun.sizeBytes);
  const newSize = lun.sizeBytes - removes;
  const what = `LUN ${lun.id} ("${lun.name}")`;
  if (!confirmed) {
    const loss =
      removes > 0 && newSize > 0
        ? `shrinking ${what} from ${formatSize(lun.sizeBytes)} to ${formatSize(newSize)} discards its last ${formatSize(removes)}: shrink the file system on it first; add --yes to go ahead`
        : `${what} has ${formatSize(lun.sizeBytes)}, so this would not leave a smaller LUN; nothing was changed (shrink-lun needs --yes to go ahead)`;
    throw new CliInputError(
      { code: 'E_INVALIDARG', hresult: HRESULT.E_INVALIDARG, message: loss, field: '--yes' },
      false,
    );
  }
  return runLunOperation(ctx, {
    kind: 'shrinkLun',
    heading: `Shrinking ${what} on ${subsystem.name} from ${formatSize(lun.sizeBytes)} to ${formatSize(newSize)}`,
    totalBytes: Math.max(0, removes),
    start: (options) => ctx.provider.shrinkLun(request, options),
    doneLine: (after, took) =>
      `LUN "${after.name}" shrunk: ${formatSize(lun.sizeBytes)} → ${formatSize(after.sizeBytes)} (${after.sizeBytes} bytes) in ${took}`,
  });
}
