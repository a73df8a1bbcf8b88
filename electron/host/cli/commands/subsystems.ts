import type { Subsystem } from '../../../contract/model';
import { writeHeader, writeJson, writeLines, type CommandContext } from '../command-context';
import { EXIT, type ExitCode } from '../cli-error';
import { humanize } from '../labels';
import { formatSize } from '../size';
import { renderTable, type Column } from '../table';

export const SUBSYSTEM_COLUMNS: readonly Column<Subsystem>[] = [
  { header: 'Name', value: (s) => s.name },
  { header: 'Status', value: (s) => humanize(s.status) },
  { header: 'Health', value: (s) => humanize(s.health) },
  { header: 'Types', value: (s) => s.supportedTypes.join(',') },
  { header: 'Capacity', align: 'right', value: (s) => formatSize(s.capacityBytes) },
  { header: 'Free', align: 'right', value: (s) => formatSize(s.freeBytes) },
  { header: 'Drives', align: 'right', value: (s) => String(s.driveCount) },
  { header: 'LUNs', align: 'right', value: (s) => String(s.lunCount) },
  { header: 'ID', value: (s) => s.id },
];

export async function listSubsystemsCommand(ctx: CommandContext): Promise<ExitCode> {
  const subsystems = await ctx.provider.listSubsystems();
  if (ctx.json) {
    writeJson(ctx, subsystems);
  } else {
    writeHeader(ctx);
    writeLines(ctx, renderTable(SUBSYSTEM_COLUMNS, subsystems));
  }
  return EXIT.ok;
}
