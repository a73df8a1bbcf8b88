import type { Drive } from '../../electron/contract/model';

const byName = new Intl.Collator(undefined, { numeric: true });

/** Where a drive sits: bus (enclosure) first, then slot, so multi-enclosure arrays keep their physical order;
 * drives that report the same place are ordered by name ("Bay 2" before "Bay 10"), then id. */
export function compareDriveLocation(a: Drive, b: Drive): number {
  return a.bus - b.bus || a.slot - b.slot || byName.compare(a.name, b.name) || a.id.localeCompare(b.id);
}

export function inLocationOrder(drives: readonly Drive[]): Drive[] {
  return [...drives].sort(compareDriveLocation);
}
