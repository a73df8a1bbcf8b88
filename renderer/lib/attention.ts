import type { Drive, Lun, Subsystem } from '../../electron/contract/model';

/** Why a drive, LUN or subsystem stands out in the inventory (null: it needs nothing). */
export const ATTENTION_KINDS = ['failed', 'offline', 'degraded', 'rebuilding', 'hotSpareInUse'] as const;
export type Attention = (typeof ATTENTION_KINDS)[number];

export function driveAttention(d: Drive): Attention | null {
  if (d.status === 'failed' || d.health === 'failed') return 'failed';
  if (d.status === 'offline' || d.status === 'removed' || d.status === 'notReady') return 'offline';
  if (d.health === 'degraded' || d.health === 'failing') return 'degraded';
  if (d.health === 'rebuilding') return 'rebuilding';
  if (d.flags.includes('hotSpareInUse')) return 'hotSpareInUse';
  return null;
}

export function lunAttention(l: Lun): Attention | null {
  if (l.status === 'failed' || l.health === 'failed') return 'failed';
  if (l.status === 'offline' || l.status === 'notReady') return 'offline';
  if (l.health === 'degraded' || l.health === 'failing') return 'degraded';
  if (l.health === 'rebuilding') return 'rebuilding';
  return null;
}

export function subsystemAttention(s: Subsystem): Attention | null {
  if (s.status === 'failed' || s.health === 'failed') return 'failed';
  if (s.status === 'offline' || s.status === 'notReady') return 'offline';
  if (s.health === 'degraded' || s.health === 'failing' || s.status === 'partiallyManaged') return 'degraded';
  if (s.health === 'rebuilding') return 'rebuilding';
  return null;
}

/** A drive that takes a LUN's redundancy away: failed, offline, removed, not ready, or gone from the list. */
export function isHurtingDrive(d: Drive | undefined): boolean {
  if (!d) return true;
  const a = driveAttention(d);
  return a === 'failed' || a === 'offline';
}

/** The drives that hurt a LUN, in the LUN's drive order (none for a LUN that needs nothing). */
export function drivesHurting(lun: Lun, drivesById: ReadonlyMap<string, Drive>): string[] {
  if (lunAttention(lun) === null) return [];
  return lun.driveIds.filter((id) => isHurtingDrive(drivesById.get(id)));
}

export interface AttentionCounts {
  drives: number;
  luns: number;
}

export function attentionCounts(drives: readonly Drive[], luns: readonly Lun[]): AttentionCounts {
  let d = 0;
  for (const drive of drives) if (driveAttention(drive) !== null) d++;
  let l = 0;
  for (const lun of luns) if (lunAttention(lun) !== null) l++;
  return { drives: d, luns: l };
}

export function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((x) => [x.id, x]));
}
