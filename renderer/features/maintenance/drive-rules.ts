import type { Drive, DriveExtent, Lun } from '../../../electron/contract/model';
import { driveAttention } from '../../lib/attention';

export const isHotSpare = (d: Drive): boolean => d.flags.includes('hotSpare');

/** A drive that failed, went away or is failing: worth replacing. */
export function canBeReplaced(d: Drive): boolean {
  const a = driveAttention(d);
  return a === 'failed' || a === 'offline' || a === 'degraded';
}

/** The bytes the drive's LUNs hold on it: from the extents when known, else size minus free. */
export function usedBytesOn(drive: Drive, extents: readonly DriveExtent[] | null): number {
  if (extents) {
    let used = 0;
    for (const e of extents) if (e.driveId === drive.id && e.lunId !== null) used += e.sizeBytes;
    return used;
  }
  return Math.max(0, drive.sizeBytes - drive.freeBytes);
}

export type ReplacementProblem = 'notHealthy' | 'inUse' | 'tooSmall';

/** Why a drive cannot replace another (null: it can): online and healthy, unassigned and empty or a standby
 * hot spare, and at least as large as what it takes over. */
export function replacementProblem(candidate: Drive, neededBytes: number): ReplacementProblem | null {
  if (candidate.status !== 'online' || candidate.health !== 'healthy') return 'notHealthy';
  const standbySpare =
    candidate.flags.includes('hotSpareStandby') ||
    (isHotSpare(candidate) && !candidate.flags.includes('hotSpareInUse'));
  const emptyUnassigned =
    candidate.flags.includes('unassigned') && candidate.freeBytes === candidate.sizeBytes;
  if (!standbySpare && !emptyUnassigned) return 'inUse';
  if (candidate.sizeBytes < neededBytes) return 'tooSmall';
  return null;
}

/** The LUNs with an extent on the drive, in the inventory's order. */
export function lunsOnDrive(driveId: string, luns: readonly Lun[]): Lun[] {
  return luns.filter((l) => l.driveIds.includes(driveId));
}
