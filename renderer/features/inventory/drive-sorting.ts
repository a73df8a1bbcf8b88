import type { Drive } from '../../../electron/contract/model';
import { compareDriveLocation } from '../../lib/drive-location';

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
      return a[column] - b[column];
    case 'bus':
      return a.bus - b.bus || a.slot - b.slot;
    case 'slot':
      return a.slot - b.slot || a.bus - b.bus;
    case 'flags':
      return a.flags.join(',').localeCompare(b.flags.join(','));
    default:
      return a[column].localeCompare(b[column], undefined, { numeric: true });
  }
}

export function sortDrives(drives: readonly Drive[], column: DriveColumn, direction: SortDirection): Drive[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return [...drives].sort((a, b) => sign * compare(a, b, column) || compareDriveLocation(a, b));
}

/** Each drive's row text (name, identification, status, health, flags, bus/slot), lower-cased, for filtering:
 * built once per list and language, not per keystroke. */
export function searchTexts(drives: readonly Drive[], rowText: (d: Drive) => string): string[] {
  return drives.map((d) => rowText(d).toLowerCase());
}

/** Case-insensitive match on what the row shows as text; `texts[i]` is `drives[i]`'s from searchTexts. */
export function filterDrives(
  drives: readonly Drive[],
  filter: string,
  texts: readonly string[],
): readonly Drive[] {
  const needle = filter.trim().toLowerCase();
  if (!needle) return drives;
  return drives.filter((_, i) => texts[i]!.includes(needle));
}
