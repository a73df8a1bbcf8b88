import type { Drive, Lun, Subsystem } from '../../electron/contract/model';
import { type Attention, driveAttention } from '../../electron/contract/drive-attention';

export { ATTENTION_KINDS, type Attention, driveAttention } from '../../electron/contract/drive-attention';

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

/** A subsystem's card: `drives` is the host's count (the inventory has no drive lists), LUNs are counted here. */
export function attentionCounts(drives: number, luns: readonly Lun[]): AttentionCounts {
  let l = 0;
  for (const lun of luns) if (lunAttention(lun) !== null) l++;
  return { drives, luns: l };
}

export function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((x) => [x.id, x]));
}
