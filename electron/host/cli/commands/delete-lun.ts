// delete-lun SUBSYSTEM LUN --yes [--even-if-unmasked]: deletes a LUN and its data. Without --yes it only says what
// would be lost (exit 2); a LUN that hosts still see also needs --even-if-unmasked (the host's rule).
import { HRESULT, LunStudioError } from '../../../contract/errors';
import type { DeleteLunRequest } from '../../../contract/model';
import type { CommandContext } from '../command-context';
import { CliInputError, toErrorShape, type ExitCode } from '../cli-error';
import { unmaskingLabel } from '../labels';
import { formatSize } from '../size';
import { lunContext, runLunOperation } from './lun-operation';

export async function deleteLunCommand(
  ctx: CommandContext,
  subsystemText: string,
  lunText: string,
  asked: DeleteLunRequest,
  confirmed: boolean,
): Promise<ExitCode> {
  const { subsystem, lun } = await lunContext(ctx, subsystemText, lunText);
  const request: DeleteLunRequest = { ...asked, subsystemId: subsystem.id, lunId: lun.id };
  const what = `LUN ${lun.id} ("${lun.name}")`;
  if (!confirmed) {
    const seen =
      lun.unmaskingList === ''
        ? ''
        : ` and takes it away from the hosts that see it (${unmaskingLabel(lun.unmaskingList)}; that also needs --even-if-unmasked)`;
    const message = `deleting ${what} destroys all ${formatSize(lun.sizeBytes)} of data on it${seen}: add --yes to go ahead`;
    throw new CliInputError(
      { code: 'E_INVALIDARG', hresult: HRESULT.E_INVALIDARG, message, field: '--yes' },
      false,
    );
  }
  return runLunOperation(ctx, {
    kind: 'deleteLun',
    heading: `Deleting ${what} (${formatSize(lun.sizeBytes)}) on ${subsystem.name}`,
    start: (options) =>
      ctx.provider.deleteLun(request, options).catch((error: unknown) => Promise.reject(inCliWords(error))),
    doneLine: (before) =>
      `LUN "${before.name}" deleted: ${formatSize(before.sizeBytes)} free again on its drives`,
  });
}

/** The host's refusal of an unmasked LUN, with the flag that confirms it. */
function inCliWords(error: unknown): unknown {
  const shape = toErrorShape(error);
  if (shape.code !== 'E_LUN_UNMASKED') return error;
  return new LunStudioError({
    ...shape,
    field: '--even-if-unmasked',
    action:
      'Add --even-if-unmasked to delete it anyway, or first run `lun-studio set-mask SUBSYSTEM LUN --unmask ""`.',
  });
}
