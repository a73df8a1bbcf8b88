import type { Drive } from '../../../contract/model';
import { writeHeader, writeJson, writeLine, writeLines, type CommandContext } from '../command-context';
import { EXIT, type ExitCode } from '../cli-error';
import { humanize } from '../labels';
import { resolveSubsystem } from '../resolve';
import { formatSize } from '../size';
import { renderTable, type Column } from '../table';

/** DiskRAID's `list drives` columns (Flags also says when the identify light blinks), then the id to use with
 * --drives. */
export const DRIVE_COLUMNS: readonly Column<Drive & { index: number }>[] = [
  { header: 'Drive ###', value: (d) => `Drive ${d.index}` },
  { header: 'Name', value: (d) => d.name },
  { header: 'Status', value: (d) => humanize(d.status) },
  { header: 'Health', value: (d) => humanize(d.health) },
  { header: 'Size', align: 'right', value: (d) => formatSize(d.sizeBytes) },
  { header: 'Free', align: 'right', value: (d) => formatSize(d.freeBytes) },
  { header: 'Bus', align: 'right', value: (d) => String(d.bus) },
  { header: 'Slot', align: 'right', value: (d) => String(d.slot) },
  {
    header: 'Flags',
    value: (d) => [...d.flags.map(humanize), ...(d.identifying ? ['Identifying'] : [])].join(', '),
  },
  { header: 'ID', value: (d) => d.id },
];

export async function listDrivesCommand(ctx: CommandContext, subsystemText: string): Promise<ExitCode> {
  const subsystem = await resolveSubsystem(ctx.provider, subsystemText);
  const drives = await ctx.provider.listDrives(subsystem.id);
  if (ctx.json) {
    writeJson(ctx, drives);
  } else {
    writeHeader(ctx);
    writeLine(ctx, `Drives of ${subsystem.name}`);
    writeLine(ctx);
    writeLines(
      ctx,
      renderTable(
        DRIVE_COLUMNS,
        drives.map((drive, index) => ({ ...drive, index })),
      ),
    );
  }
  return EXIT.ok;
}
