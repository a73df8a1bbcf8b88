// set-mask SUBSYSTEM LUN --unmask LIST: which hosts see a LUN (IVdsLun::SetMask), an instant operation.
import type { SetLunMaskRequest } from '../../../contract/model';
import type { CommandContext } from '../command-context';
import type { ExitCode } from '../cli-error';
import { unmaskingLabel } from '../labels';
import { lunContext, runLunOperation } from './lun-operation';

export async function setMaskCommand(
  ctx: CommandContext,
  subsystemText: string,
  lunText: string,
  asked: SetLunMaskRequest,
): Promise<ExitCode> {
  const { subsystem, lun } = await lunContext(ctx, subsystemText, lunText);
  const request: SetLunMaskRequest = { ...asked, subsystemId: subsystem.id, lunId: lun.id };
  return runLunOperation(ctx, {
    kind: 'setLunMask',
    heading: `Host access of LUN "${lun.name}" (${lun.id}) on ${subsystem.name}: ${unmaskingLabel(lun.unmaskingList)} → ${unmaskingLabel(request.unmaskingList)}`,
    start: (options) => ctx.provider.setLunMask(request, options),
    doneLine: (after) => `Host access of LUN "${after.name}" is now: ${unmaskingLabel(after.unmaskingList)}`,
  });
}
