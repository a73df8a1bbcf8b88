import type { Drive } from '../../../electron/contract/model';

export const DRIVE_COLUMNS = [
  'name',
  'status',
  'health',
  'sizeBytes',
  'freeBytes',
  'bus',
  'slot',
  'flags',
] as const;
export type DriveColumn = (typeof DRIVE_COLUMNS)[number];
export type SortDirection = 'ascending' | 'descending';

function compare(a: Drive, b: Drive, column: DriveColumn): number {
  switch (column) {
    case 'sizeBytes':
    case 'freeBytes':
    case 'bus':
    case 'slot':
      return a[column] - b[column];
    case 'flags':
      return a.flags.join(',').localeCompare(b.flags.join(','));
    default:
      return a[column].localeCompare(b[column], undefined, { numeric: true });
  }
}

export function sortDrives(drives: readonly Drive[], column: DriveColumn, direction: SortDirection): Drive[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return [...drives].sort((a, b) => sign * compare(a, b, column) || a.id.localeCompare(b.id));
}

/** Case-insensitive match on what the row shows as text (name, identification, status, health, flags, bus/slot). */
export function filterDrives(
  drives: readonly Drive[],
  filter: string,
  labels: (d: Drive) => string,
): Drive[] {
  const needle = filter.trim().toLowerCase();
  if (!needle) return [...drives];
  return drives.filter((d) => labels(d).toLowerCase().includes(needle));
}
