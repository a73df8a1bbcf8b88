// The monitor's export: one flat record per operation with the journal's values (ids, sizes in bytes, ISO
// times, the HRESULT in hex), as CSV (RFC 4180: quoted where needed, CRLF) or NDJSON (one object a line).
import { formatHresult, type Operation } from '../../../electron/contract/model';
import { operationLunId } from '../../store/operations-slice';
import { operationLunName } from './operation-filter';

export const EXPORT_FIELDS = [
  'id',
  'kind',
  'state',
  'subsystemId',
  'lunId',
  'lunName',
  'sizeBytes',
  'bytesToAdd',
  'bytesToRemove',
  'newSizeBytes',
  'sizeBeforeBytes',
  'sizeAfterBytes',
  'percent',
  'startedAt',
  'endedAt',
  'errorCode',
  'hresult',
  'message',
] as const;
export type ExportField = (typeof EXPORT_FIELDS)[number];
export type ExportRecord = Record<ExportField, string | number | null>;

function requested(op: Operation, field: 'sizeBytes' | 'bytesToAdd' | 'bytesToRemove' | 'newSizeBytes') {
  const value = (op.request as Partial<Record<typeof field, number>>)[field];
  return typeof value === 'number' ? value : null;
}

export function exportRecord(op: Operation): ExportRecord {
  return {
    id: op.id,
    kind: op.kind,
    state: op.state,
    subsystemId: op.subsystemId,
    lunId: operationLunId(op) ?? null,
    lunName: operationLunName(op) || null,
    sizeBytes: op.kind === 'createLun' ? op.request.sizeBytes : null,
    bytesToAdd: requested(op, 'bytesToAdd'),
    bytesToRemove: requested(op, 'bytesToRemove'),
    newSizeBytes: requested(op, 'newSizeBytes'),
    sizeBeforeBytes: op.target?.sizeBytes ?? null,
    sizeAfterBytes: op.result?.sizeBytes ?? null,
    percent: op.percent,
    startedAt: op.startedAt,
    endedAt: op.endedAt,
    errorCode: op.error?.code ?? null,
    hresult: op.error ? formatHresult(op.error.hresult) : null,
    message: op.error?.message ?? null,
  };
}

function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(operations: readonly Operation[]): string {
  const rows = [EXPORT_FIELDS.join(',')];
  for (const op of operations) {
    const record = exportRecord(op);
    rows.push(EXPORT_FIELDS.map((field) => csvCell(record[field])).join(','));
  }
  return rows.join('\r\n') + '\r\n';
}

export function toNdjson(operations: readonly Operation[]): string {
  return operations.map((op) => JSON.stringify(exportRecord(op)) + '\n').join('');
}

/** lun-studio-operations-20261202-135501.csv (local time). */
export function exportFileName(extension: 'csv' | 'ndjson', at: Date = new Date()): string {
  const two = (n: number) => String(n).padStart(2, '0');
  const stamp =
    `${at.getFullYear()}${two(at.getMonth() + 1)}${two(at.getDate())}-` +
    `${two(at.getHours())}${two(at.getMinutes())}${two(at.getSeconds())}`;
  return `lun-studio-operations-${stamp}.${extension}`;
}

/** Hands the text to the browser (or the desktop shell's save dialog) as a file download. */
export function downloadText(fileName: string, mimeType: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
