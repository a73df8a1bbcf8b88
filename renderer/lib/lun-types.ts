import type { Drive, LunType, Subsystem } from '../../electron/contract/model';

/** Drive-count rules (VDS): simple exactly 1; stripe, mirror ≥ 2; parity ≥ 3; raid10 even ≥ 4; raid6 ≥ 4. */
export interface DriveCountRule {
  min: number;
  max?: number;
  even?: boolean;
}

export const DRIVE_COUNT_RULES: Record<LunType, DriveCountRule> = {
  simple: { min: 1, max: 1 },
  span: { min: 1 },
  stripe: { min: 2 },
  mirror: { min: 2 },
  parity: { min: 3 },
  raid10: { min: 4, even: true },
  raid6: { min: 4 },
  auto: { min: 1 },
  faultTolerant: { min: 2 },
  nonFaultTolerant: { min: 1 },
};

const AUTOMAGIC: readonly LunType[] = ['auto', 'faultTolerant', 'nonFaultTolerant'];
const STRIPED: readonly LunType[] = ['stripe', 'parity', 'raid10', 'raid6', ...AUTOMAGIC];

export function isAutomagic(type: LunType): boolean {
  return AUTOMAGIC.includes(type);
}

/** Whether a stripe size applies (automagic types pass it to the provider as a hint). */
export function isStriped(type: LunType): boolean {
  return STRIPED.includes(type);
}

export type DriveCountProblem =
  { kind: 'tooFew'; min: number } | { kind: 'tooMany'; max: number } | { kind: 'odd' };

export function checkDriveCount(type: LunType, count: number): DriveCountProblem | null {
  const rule = DRIVE_COUNT_RULES[type];
  if (count < rule.min) return { kind: 'tooFew', min: rule.min };
  if (rule.max !== undefined && count > rule.max) return { kind: 'tooMany', max: rule.max };
  if (rule.even && count % 2 !== 0) return { kind: 'odd' };
  return null;
}

/** Usable capacity of the given drives' free space for a type (before allocation-unit rounding). */
export function estimateCapacity(type: LunType, freeBytes: number[]): number {
  const n = freeBytes.length;
  if (n === 0) return 0;
  const min = Math.min(...freeBytes);
  const sum = freeBytes.reduce((a, b) => a + b, 0);
  switch (type) {
    case 'simple':
      return freeBytes[0] ?? 0;
    case 'span':
      return sum;
    case 'stripe':
      return min * n;
    case 'mirror':
      return min;
    case 'parity':
      return min * (n - 1);
    case 'raid10':
      return min * Math.floor(n / 2);
    case 'raid6':
      return min * Math.max(0, n - 2);
    default:
      return sum;
  }
}

export type DriveUnusableReason = 'failed' | 'offline' | 'hotSpare' | 'noFreeSpace';

/** Why a drive can't take part in a new LUN, or null if it can. */
export function driveUnusableReason(drive: Drive): DriveUnusableReason | null {
  if (drive.status === 'failed' || drive.health === 'failed' || drive.health === 'failing') return 'failed';
  if (drive.status !== 'online') return 'offline';
  if (drive.flags.includes('hotSpare')) return 'hotSpare';
  if (drive.freeBytes <= 0) return 'noFreeSpace';
  return null;
}

export type TypeUnavailableReason =
  { kind: 'notSupported' } | { kind: 'notEnoughDrives'; min: number; usable: number };

export function typeUnavailableReason(
  type: LunType,
  subsystem: Subsystem,
  drives: readonly Drive[],
): TypeUnavailableReason | null {
  if (!subsystem.supportedTypes.includes(type)) return { kind: 'notSupported' };
  const usable = drives.filter((d) => driveUnusableReason(d) === null).length;
  const min = DRIVE_COUNT_RULES[type].min;
  if (usable < min) return { kind: 'notEnoughDrives', min, usable };
  return null;
}
