import type { Drive, Lun } from '../../../contract/model';
import { writeHeader, writeJson, writeLine, writeLines, type CommandContext } from '../command-context';
import { EXIT, type ExitCode } from '../cli-error';
import { humanize, unmaskingLabel } from '../labels';
import { resolveSubsystem } from '../resolve';
import { formatSize } from '../size';
import { renderTable, type Column } from '../table';

export function lunColumns(drives: readonly Drive[]): Column<Lun>[] {
  const driveName = (id: string): string => drives.find((drive) => drive.id === id)?.name ?? id;
  return [
    { header: 'Name', value: (l) => l.name },
    { header: 'Type', value: (l) => l.type },
    { header: 'Size', align: 'right', value: (l) => formatSize(l.sizeBytes) },
    { header: 'Status', value: (l) => humanize(l.status) },
    { header: 'Health', value: (l) => humanize(l.health) },
    { header: 'Unmasking', value: (l) => unmaskingLabel(l.unmaskingList) },
    { header: 'Drives', value: (l) => l.driveIds.map(driveName).join(', ') },
    { header: 'ID', value: (l) => l.id },
  ];
}

export async function listLunsCommand(ctx: CommandContext, subsystemText: string): Promise<ExitCode> {
  const subsystem = await resolveSubsystem(ctx.provider, subsystemText);
  const luns = await ctx.provider.listLuns(subsystem.id);
  if (ctx.json) {
    writeJson(ctx, luns);
  } else {
    const drives = await ctx.provider.listDrives(subsystem.id);
    writeHeader(ctx);
    writeLine(ctx, `LUNs of ${subsystem.name}`);
    writeLine(ctx);
    writeLines(ctx, renderTable(lunColumns(drives), luns));
  }
  return EXIT.ok;
}
