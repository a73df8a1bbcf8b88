// The LUN-type rules and their texts, in one place: which types take drives and how many, where a stripe size and
// the other hints apply, the capacity a type gets from its drives, which drives are usable. Read by the request
// schemas (schemas.ts: the host dispatcher, the native facade and the CLI validate with them) and by the wizard.
// Pure (no Node imports): the renderer imports it too.
import { AUTOMAGIC_LUN_TYPES, type Drive, type LunType, type SpecificLunType, type Subsystem } from './model';

/** The most LUNs one createLuns request (the wizard's count, the CLI's --count) can ask for. */
export const MAX_BATCH_COUNT = 64;

/** The most drives one LUN can name (driveIds) or be limited to (hints.maximumDriveCount): one limit for both. */
export const MAX_DRIVES_PER_LUN = 256;

/** Specific types whose data is striped: the ones a stripe size applies to (besides the automagic types). */
export const STRIPED_LUN_TYPES = [
  'stripe',
  'parity',
  'raid10',
  'raid6',
] as const satisfies readonly SpecificLunType[];

/**
 * Drive-count rules (VDS): simple exactly 1; stripe, mirror ≥ 2; parity ≥ 3; raid10 even ≥ 4; raid6 ≥ 4.
 * For the automagic types, `min` is how many usable drives the provider needs to pick from (they take no drives).
 */
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

/** auto, faultTolerant, nonFaultTolerant: the provider picks type and drives from the hints. */
export function isAutomagic(type: LunType): boolean {
  return (AUTOMAGIC_LUN_TYPES as readonly LunType[]).includes(type);
}

/** Whether a stripe size applies (automagic types pass it to the provider as a hint). */
export function isStriped(type: LunType): boolean {
  return isAutomagic(type) || (STRIPED_LUN_TYPES as readonly LunType[]).includes(type);
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

const article = (type: LunType): string => (/^[aeiou]/.test(type) ? 'an' : 'a');

/** The texts of the rules above, as requests report them (after "field: "). */
export const LUN_RULE_TEXT = {
  automagicTakesNoDrives: (type: LunType, given: number) =>
    `${article(type)} ${type} LUN takes no drives: the provider picks them (${given} given; limit how many with hints.maximumDriveCount)`,
  tooManyDrives: (type: LunType, max: number, given: number) =>
    `${article(type)} ${type} LUN uses at most ${max} drive${max === 1 ? '' : 's'} (${given} given)`,
  evenDrives: (type: LunType, given: number) =>
    `${article(type)} ${type} LUN needs an even number of drives (${given} given)`,
  duplicateDrive: (ref: string, earlierIndex: number) =>
    `drive "${ref}" is listed more than once (also driveIds[${earlierIndex}]); list each drive at most once`,
  stripeSizeNotApplicable: (type: LunType) =>
    `applies only to striped types (${STRIPED_LUN_TYPES.join(', ')}) and the automagic types, not to ${type}`,
  hintNotApplicable: (type: LunType) =>
    `applies only to the automagic types (${AUTOMAGIC_LUN_TYPES.join(', ')}); ${article(type)} ${type} LUN takes only hints.stripeSizeBytes`,
} as const;

export interface LunRuleProblem {
  /** Path inside the request: ['driveIds'] or ['hints', name]. */
  path: [string] | [string, string];
  rule: string;
}

/**
 * The rules a request's type puts on its drives and hints (drives given = that many; none = the provider picks):
 * automagic types take no drives; a simple LUN at most one; raid10 an even number; a stripe size only for striped
 * and automagic types; the other hints only for automagic types. Too few drives is the provider's answer
 * (VDS_E_NOT_ENOUGH_DRIVE, as VDS reports it), not a malformed request.
 */
export function lunTypeProblem(
  type: LunType,
  driveCount: number,
  hintNames: readonly string[],
): LunRuleProblem | null {
  if (driveCount > 0) {
    if (isAutomagic(type))
      return { path: ['driveIds'], rule: LUN_RULE_TEXT.automagicTakesNoDrives(type, driveCount) };
    const rule = DRIVE_COUNT_RULES[type];
    if (rule.max !== undefined && driveCount > rule.max)
      return { path: ['driveIds'], rule: LUN_RULE_TEXT.tooManyDrives(type, rule.max, driveCount) };
    if (rule.even && driveCount % 2 !== 0)
      return { path: ['driveIds'], rule: LUN_RULE_TEXT.evenDrives(type, driveCount) };
  }
  for (const name of hintNames) {
    if (name === 'stripeSizeBytes') {
      if (!isStriped(type))
        return { path: ['hints', name], rule: LUN_RULE_TEXT.stripeSizeNotApplicable(type) };
    } else if (!isAutomagic(type)) {
      return { path: ['hints', name], rule: LUN_RULE_TEXT.hintNotApplicable(type) };
    }
  }
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

/** How many drives a type uses when the provider picks them (the fewest it allows); null = every usable one. */
const AUTO_DRIVE_COUNT: Partial<Record<LunType, number>> = {
  simple: 1,
  mirror: 2,
  parity: 3,
  raid10: 4,
  raid6: 4,
  faultTolerant: 2,
};

/** The bytes one LUN of `sizeBytes` takes from each of `n` drives (span: filled in order, see below). */
function extentPerDrive(type: LunType, sizeBytes: number, n: number): number {
  switch (type) {
    case 'stripe':
      return sizeBytes / n;
    case 'mirror':
    case 'faultTolerant':
      return sizeBytes;
    case 'parity':
      return sizeBytes / (n - 1);
    case 'raid10':
      return sizeBytes / Math.floor(n / 2);
    case 'raid6':
      return sizeBytes / (n - 2);
    default:
      return sizeBytes;
  }
}

/**
 * The batch rule (UI and CLI): how many of `count` LUNs of `sizeBytes` fit in the drives' free space, taken one
 * after the other. `manual` = the LUNs use exactly these drives, in this order; otherwise the provider picks
 * among them (estimated as the fewest drives the type allows, those with the most free space; span and the
 * other automatic types use them all). A batch is only started when all of it fits.
 */
export function batchFit(
  type: LunType,
  sizeBytes: number,
  count: number,
  freeBytes: readonly number[],
  manual: boolean,
): number {
  const free = [...freeBytes];
  if (sizeBytes <= 0 || free.length === 0) return 0;
  let fit = 0;
  for (; fit < count; fit += 1) {
    let chosen: number[];
    if (manual) chosen = free.map((_, i) => i);
    else {
      const order = free.map((_, i) => i).sort((a, b) => free[b]! - free[a]!);
      const k = AUTO_DRIVE_COUNT[type];
      chosen = k === undefined ? order : order.slice(0, k);
      if (k !== undefined && chosen.length < k) break;
    }
    const effectiveType: LunType = manual ? type : type === 'faultTolerant' ? 'mirror' : type;
    const capacityType: LunType = ['auto', 'nonFaultTolerant'].includes(effectiveType)
      ? 'span'
      : effectiveType;
    if (
      estimateCapacity(
        capacityType,
        chosen.map((i) => free[i]!),
      ) < sizeBytes
    )
      break;
    if (capacityType === 'span') {
      let left = sizeBytes;
      for (const i of chosen) {
        const take = Math.min(left, free[i]!);
        free[i] = free[i]! - take;
        left -= take;
        if (left <= 0) break;
      }
    } else if (capacityType === 'simple') {
      free[chosen[0]!] = free[chosen[0]!]! - sizeBytes;
    } else {
      const extent = extentPerDrive(capacityType, sizeBytes, chosen.length);
      for (const i of chosen) free[i] = free[i]! - extent;
    }
  }
  return fit;
}
