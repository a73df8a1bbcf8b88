import { SPECIFIC_LUN_TYPES, type Subsystem } from '../../../contract/model';
import { writeHeader, writeJson, writeLines, type CommandContext } from '../command-context';
import { EXIT, type ExitCode } from '../cli-error';
import { humanize } from '../labels';
import { formatSize } from '../size';
import { renderTable, type Column } from '../table';

export const SUBSYSTEM_COLUMNS: readonly Column<Subsystem>[] = [
  { header: 'Name', value: (s) => s.name },
  { header: 'Status', value: (s) => humanize(s.status) },
  { header: 'Health', value: (s) => humanize(s.health) },
  // The automagic types (auto, faultTolerant…) are in --json; the table keeps to the layouts.
  { header: 'Types', value: (s) => specificTypes(s).join(',') },
  { header: 'Capacity', align: 'right', value: (s) => formatSize(s.capacityBytes) },
  { header: 'Free', align: 'right', value: (s) => formatSize(s.freeBytes) },
  { header: 'Drives', align: 'right', value: (s) => String(s.driveCount) },
  { header: 'LUNs', align: 'right', value: (s) => String(s.lunCount) },
  { header: 'ID', value: (s) => s.id },
];

function specificTypes(subsystem: Subsystem): string[] {
  return subsystem.supportedTypes.filter((type) => (SPECIFIC_LUN_TYPES as readonly string[]).includes(type));
}

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
