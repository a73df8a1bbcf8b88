import type { Drive } from './model';

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

export function countDrivesNeedingAttention(drives: readonly Drive[]): number {
  let n = 0;
  for (const drive of drives) if (driveAttention(drive) !== null) n++;
  return n;
}
