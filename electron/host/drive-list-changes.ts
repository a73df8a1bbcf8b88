// Which subsystems' drive lists changed between two inventory reads: what the inventoryChanged event names so
// a shell re-reads only those (a subsystem can have tens of thousands of drives).
import type { Drive } from '../contract/model';

// Every field of Drive: adding one to the model without listing it here does not compile.
const SCALAR_FIELDS = {
  id: true,
  subsystemId: true,
  name: true,
  identification: true,
  sizeBytes: true,
  freeBytes: true,
  bus: true,
  slot: true,
  status: true,
  health: true,
  identifying: true,
} as const satisfies Record<Exclude<keyof Drive, 'flags'>, true>;
const SCALARS = Object.keys(SCALAR_FIELDS) as (keyof typeof SCALAR_FIELDS)[];

function sameDrive(a: Drive, b: Drive): boolean {
  for (const field of SCALARS) if (a[field] !== b[field]) return false;
  return a.flags.length === b.flags.length && a.flags.every((flag, i) => flag === b.flags[i]);
}

function sameList(a: readonly Drive[], b: readonly Drive[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameDrive(a[i]!, b[i]!)) return false;
  return true;
}

/** The subsystem ids of `next` whose list is new or differs (field by field, in order) from `previous`'s;
 * every one of them when there was no previous read. */
export function changedDriveLists(
  previous: Readonly<Record<string, readonly Drive[]>> | undefined,
  next: Readonly<Record<string, readonly Drive[]>>,
): string[] {
  return Object.keys(next).filter((id) => {
    const before = previous?.[id];
    return before === undefined || !sameList(before, next[id]!);
  });
}

/** What the next comparison is made against: a copy, since a provider may hand out (and later change) the
 * objects it keeps. */
export function copyDriveLists(lists: Readonly<Record<string, readonly Drive[]>>): Record<string, Drive[]> {
  const copy: Record<string, Drive[]> = {};
  for (const [id, drives] of Object.entries(lists))
    copy[id] = drives.map((d) => ({ ...d, flags: [...d.flags] }));
  return copy;
}
