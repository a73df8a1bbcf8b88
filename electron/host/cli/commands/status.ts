// status: who owns this user's state, where it listens, and where the journal and the state live.
import { userPaths } from '../../../contract/user-paths';
import { resolveSimStatePath } from '../../../../native/lib/sim-state-file';
import { writeJson, writeLines, type CommandContext } from '../command-context';
import { EXIT, type ExitCode } from '../cli-error';
import { describeHolder } from '../../owner/owner-errors';
import { findOwner } from '../../owner/owner';

export function statusCommand(ctx: Omit<CommandContext, 'provider'>): ExitCode {
  const paths = userPaths(ctx.io.env);
  const owner = findOwner(paths);
  const statePath = owner ? owner.statePath : resolveSimStatePath(undefined, ctx.io.env);
  const journalPath = owner ? owner.journalPath : paths.journal;
  if (ctx.json) {
    writeJson(ctx, {
      owner: owner ?? null,
      endpoint: paths.controlEndpoint,
      statePath: statePath ?? null,
      journalPath,
      ownerLock: paths.ownerLock,
    });
    return EXIT.ok;
  }
  writeLines(ctx, [
    `Owner:     ${owner ? describeHolder(owner) : 'none — the next command owns the state while it runs'}`,
    `Provider:  ${owner ? owner.provider : '(chosen by the next owner)'}`,
    `Endpoint:  ${paths.controlEndpoint}${owner ? '' : ' (not listening)'}`,
    `State:     ${statePath ?? '(VDS: the arrays themselves)'}`,
    `Journal:   ${journalPath === false ? '(none)' : journalPath}`,
    `Lock:      ${paths.ownerLock}`,
  ]);
  return EXIT.ok;
}
