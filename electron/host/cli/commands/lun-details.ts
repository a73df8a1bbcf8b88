// lun SUBSYSTEM LUN: one LUN's details — its fields, the drives it uses with the extents on each, the drives
// that hurt it and its identification data (VDS_LUN_INFORMATION). --json prints the LunDetails object.
import type { Drive, LunDetails } from '../../../contract/model';
import { writeHeader, writeJson, writeLine, writeLines, type CommandContext } from '../command-context';
import { EXIT, type ExitCode } from '../cli-error';
import { humanize, unmaskingLabel } from '../labels';
import { lunContext } from './lun-operation';
import { formatSize } from '../size';
import { renderTable, type Column } from '../table';

type ExtentRow = LunDetails['extents'][number] & { drive: Drive | undefined; failed: boolean };

const EXTENT_COLUMNS: readonly Column<ExtentRow>[] = [
  { header: 'Drive', value: (e) => e.drive?.name ?? e.driveId },
  { header: 'Status', value: (e) => (e.drive ? humanize(e.drive.status) : 'Missing') },
  { header: 'Offset', align: 'right', value: (e) => String(e.offsetBytes) },
  { header: 'Size', align: 'right', value: (e) => formatSize(e.sizeBytes) },
  { header: 'Bytes', align: 'right', value: (e) => String(e.sizeBytes) },
  { header: 'Drive ID', value: (e) => e.driveId },
];

const IDENTIFIER_COLUMNS: readonly Column<
  NonNullable<LunDetails['identificationData']>['identifiers'][number]
>[] = [
  { header: 'Type', value: (i) => i.type },
  { header: 'Code set', value: (i) => i.codeSet },
  { header: 'Association', value: (i) => i.association },
  { header: 'Value', value: (i) => i.value },
];

function fieldLines(details: LunDetails, driveName: (id: string) => string): string[] {
  const rows: [string, string][] = [
    ['Type', details.type],
    ['Size', `${formatSize(details.sizeBytes)} (${details.sizeBytes} bytes)`],
  ];
  if (details.stripeSizeBytes !== undefined) rows.push(['Stripe size', formatSize(details.stripeSizeBytes)]);
  rows.push(
    ['Status', humanize(details.status)],
    ['Health', humanize(details.health)],
    ['Unmasking', unmaskingLabel(details.unmaskingList)],
    ['Identification', details.identification],
    ['Drives', details.driveIds.map(driveName).join(', ')],
  );
  if (details.failedDriveIds.length > 0) {
    rows.push(['Hurt by', details.failedDriveIds.map((id) => `${driveName(id)} (${id})`).join(', ')]);
  }
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`);
}

function identificationLines(data: LunDetails['identificationData']): string[] {
  if (!data) return ['  (the provider gives none)'];
  const facts = [
    data.vendorId && `Vendor ${data.vendorId}`,
    data.productId && `product ${data.productId}`,
    data.productRevision && `revision ${data.productRevision}`,
    data.serialNumber && `serial ${data.serialNumber}`,
  ].filter(Boolean);
  return [
    ...(facts.length > 0 ? [`  ${facts.join(', ')}`] : []),
    ...renderTable(IDENTIFIER_COLUMNS, data.identifiers),
  ];
}

export async function lunDetailsCommand(
  ctx: CommandContext,
  subsystemText: string,
  lunText: string,
): Promise<ExitCode> {
  const { subsystem, lun } = await lunContext(ctx, subsystemText, lunText);
  const details = await ctx.provider.lunDetails({ subsystemId: subsystem.id, lunId: lun.id });
  if (ctx.json) {
    writeJson(ctx, details);
    return EXIT.ok;
  }
  const drives = await ctx.provider.listDrives(subsystem.id);
  const driveOf = (id: string): Drive | undefined => drives.find((drive) => drive.id === id);
  const driveName = (id: string): string => driveOf(id)?.name ?? id;
  writeHeader(ctx);
  writeLine(ctx, `LUN "${details.name}" (${details.id}) on ${subsystem.name}`);
  writeLines(ctx, fieldLines(details, driveName));
  writeLine(ctx);
  writeLine(ctx, 'Extents');
  const rows = details.extents.map((extent) => ({
    ...extent,
    drive: driveOf(extent.driveId),
    failed: details.failedDriveIds.includes(extent.driveId),
  }));
  writeLines(ctx, renderTable(EXTENT_COLUMNS, rows));
  writeLine(ctx);
  writeLine(ctx, 'Identification data');
  writeLines(ctx, identificationLines(details.identificationData));
  return EXIT.ok;
}
