// operations [--kind K] [--state S]: the owner's history of operations (every kind), running and queued ones
// first, then the finished ones newest first — the monitor's order.
import type { ListOperationsFilter } from '../../../contract/api';
import type { Operation } from '../../../contract/model';
import { writeHeader, writeJson, writeLine, writeLines, type CommandContext } from '../command-context';
import { EXIT, type ExitCode } from '../cli-error';
import { humanize } from '../labels';
import { KIND_ACTION } from '../../operation-words';
import { formatSize } from '../size';
import { renderTable, type Column } from '../table';

function objectOf(op: Operation): string {
  if (op.target) return op.target.name || op.target.lunId;
  if (op.driveTarget) {
    const { name, driveId, replacementName, replacementDriveId } = op.driveTarget;
    const drive = `drive ${name || driveId}`;
    return replacementDriveId === undefined ? drive : `${drive} → ${replacementName || replacementDriveId}`;
  }
  if (op.result) return op.result.name;
  return op.kind === 'createLun' ? `new ${op.request.type} LUN` : '';
}

function outcomeOf(op: Operation): string {
  if (op.error) return op.error.code;
  if (op.state !== 'succeeded') return '';
  if (op.kind === 'identifyDrive') return op.request.on ? 'light on' : 'light off';
  if (op.kind === 'setHotSpare') return op.request.hotSpare ? 'hot spare' : 'not a hot spare';
  if (op.kind === 'replaceDrive') return `${op.lunsToRecover?.length ?? 0} LUN(s) to recover`;
  if (!op.result) return '';
  if (op.kind === 'recoverLun') return op.result.health;
  if (op.kind === 'deleteLun') return 'deleted';
  if (op.kind === 'setLunMask') return op.result.unmaskingList === '' ? 'no host' : op.result.unmaskingList;
  return formatSize(op.result.sizeBytes);
}

const COLUMNS: Column<Operation>[] = [
  { header: 'Kind', value: (op) => KIND_ACTION[op.kind] },
  { header: 'LUN / drive', value: objectOf },
  { header: 'State', value: (op) => humanize(op.state) },
  {
    header: 'Progress',
    align: 'right',
    value: (op) => (op.percent === null ? '' : `${Math.round(op.percent)} %`),
  },
  { header: 'Started', value: (op) => op.startedAt ?? '' },
  { header: 'Ended', value: (op) => op.endedAt ?? '' },
  { header: 'Result', value: outcomeOf },
  { header: 'ID', value: (op) => op.id },
];

export async function operationsCommand(
  ctx: CommandContext,
  filter: ListOperationsFilter,
): Promise<ExitCode> {
  const operations = await ctx.provider.listOperations(filter);
  if (ctx.json) {
    writeJson(ctx, operations);
    return EXIT.ok;
  }
  writeHeader(ctx);
  const which = [filter.kind && KIND_ACTION[filter.kind], filter.state].filter(Boolean).join(', ');
  writeLine(ctx, `Operations${which ? ` (${which})` : ''}: ${operations.length}`);
  writeLine(ctx);
  if (operations.length > 0) writeLines(ctx, renderTable(COLUMNS, operations));
  return EXIT.ok;
}

/** operations --clear-finished: the owner forgets every finished operation (its journal too, and every open
 * monitor drops them); queued and running ones stay. */
export async function clearFinishedCommand(ctx: CommandContext): Promise<ExitCode> {
  const { removed } = await ctx.provider.clearFinishedOperations();
  if (ctx.json) {
    writeJson(ctx, { removed });
    return EXIT.ok;
  }
  writeHeader(ctx);
  writeLine(
    ctx,
    removed === 1
      ? 'Cleared 1 finished operation; queued and running ones stay.'
      : `Cleared ${removed} finished operations; queued and running ones stay.`,
  );
  return EXIT.ok;
}
