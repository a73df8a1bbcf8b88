// Checks every request before the addon sees it. Each reject is invalidInput(field, rule) (E_INVALIDARG),
// or VDS_E_OBJECT_NOT_FOUND for a subsystem / drive that doesn't exist.
//
// Hints policy (VDS: a specific type takes no hints, an automagic type takes hints):
// - automagic types (auto, faultTolerant, nonFaultTolerant) accept every hint;
// - specific types accept only stripeSizeBytes, and only the striped ones (stripe, parity, raid10, raid6);
//   any other hint given with a specific type is rejected rather than silently ignored.
import { invalidInput } from '../../electron/contract/errors';
import {
  AUTOMAGIC_LUN_TYPES,
  BOOLEAN_HINT_NAMES,
  LUN_TYPES,
  type CreateLunRequest,
  type Drive,
  type LunHints,
  type LunType,
  type MaxLunSizeRequest,
  type Subsystem,
} from '../../electron/contract/model';
import type { RawCreateLunRequest, RawMaxSizeRequest } from './raw-addon';
import { requireReference, resolveDrive } from './resolve';
import { unmaskingListProblem } from '../../electron/contract/unmasking-list';

export const STRIPED_LUN_TYPES: readonly LunType[] = ['stripe', 'parity', 'raid10', 'raid6'];

const BOOLEAN_HINTS = BOOLEAN_HINT_NAMES;
const HINT_KEYS: readonly string[] = [
  ...BOOLEAN_HINTS,
  'stripeSizeBytes',
  'maximumDriveCount',
  'rebuildPriority',
];

/** A request whose fields have the right shape; subsystem and drives are still unresolved references. */
export interface CheckedRequest {
  subsystemRef: string;
  type: LunType;
  driveRefs: string[];
  hints: LunHints;
}
export interface CheckedCreateRequest extends CheckedRequest {
  sizeBytes: number;
  unmaskingList: string;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isAutomagic = (type: LunType): boolean => (AUTOMAGIC_LUN_TYPES as readonly LunType[]).includes(type);

export function checkType(value: unknown): LunType {
  if (typeof value !== 'string' || !(LUN_TYPES as readonly string[]).includes(value)) {
    throw invalidInput('type', `must be one of ${LUN_TYPES.join(', ')}`);
  }
  return value as LunType;
}

export function checkSizeBytes(value: unknown, field = 'sizeBytes'): number {
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw invalidInput(field, 'must be a number of bytes');
  if (!Number.isInteger(value)) throw invalidInput(field, 'must be a whole number of bytes');
  if (value <= 0) throw invalidInput(field, 'must be greater than 0 bytes');
  if (value > Number.MAX_SAFE_INTEGER)
    throw invalidInput(field, `must be at most ${Number.MAX_SAFE_INTEGER} bytes`);
  return value;
}

export function checkUnmaskingList(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value !== 'string') throw invalidInput('unmaskingList', 'must be a string');
  const problem = unmaskingListProblem(value);
  if (problem) throw invalidInput('unmaskingList', problem);
  return value;
}

function checkDriveRefs(value: unknown): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw invalidInput('driveIds', 'must be an array of drive ids');
  return value.map((ref, index) => requireReference(`driveIds[${index}]`, ref, 'drive'));
}

function checkInteger(field: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw invalidInput(field, `must be a whole number from ${min} to ${max}`);
  }
  return value;
}

function checkHints(value: unknown, type: LunType): LunHints {
  if (value === undefined) return {};
  if (!isPlainObject(value)) throw invalidInput('hints', 'must be an object');
  const hints: LunHints = {};
  for (const [key, hint] of Object.entries(value)) {
    if (hint === undefined) continue;
    const field = `hints.${key}`;
    if (!HINT_KEYS.includes(key))
      throw invalidInput(field, `is not a known hint (known: ${HINT_KEYS.join(', ')})`);
    if (key === 'stripeSizeBytes') {
      if (!isAutomagic(type) && !STRIPED_LUN_TYPES.includes(type)) {
        throw invalidInput(
          field,
          `applies only to striped types (${STRIPED_LUN_TYPES.join(', ')}), not to ${type}`,
        );
      }
      hints.stripeSizeBytes = checkInteger(field, hint, 1, 2 ** 31);
      continue;
    }
    if (!isAutomagic(type)) {
      throw invalidInput(
        field,
        `applies only to the automagic types (${AUTOMAGIC_LUN_TYPES.join(', ')}); a ${type} LUN takes only hints.stripeSizeBytes`,
      );
    }
    if (key === 'rebuildPriority') hints.rebuildPriority = checkInteger(field, hint, 0, 15);
    else if (key === 'maximumDriveCount') hints.maximumDriveCount = checkInteger(field, hint, 1, 1024);
    else if (typeof hint !== 'boolean') throw invalidInput(field, 'must be true or false');
    else hints[key as (typeof BOOLEAN_HINTS)[number]] = hint;
  }
  return hints;
}

function requireObject(request: unknown): Record<string, unknown> {
  if (!isPlainObject(request)) throw invalidInput('request', 'must be an object');
  return request;
}

/** Shape checks that need no inventory (done first, so bad input never costs a provider call). */
export function checkMaxSizeRequest(request: MaxLunSizeRequest | unknown): CheckedRequest {
  const fields = requireObject(request);
  const subsystemRef = requireReference('subsystemId', fields.subsystemId, 'subsystem');
  const type = checkType(fields.type);
  return {
    subsystemRef,
    type,
    driveRefs: checkDriveRefs(fields.driveIds),
    hints: checkHints(fields.hints, type),
  };
}

export function checkCreateLunRequest(request: CreateLunRequest | unknown): CheckedCreateRequest {
  const checked = checkMaxSizeRequest(request);
  const fields = request as Record<string, unknown>;
  return {
    ...checked,
    sizeBytes: checkSizeBytes(fields.sizeBytes),
    unmaskingList: checkUnmaskingList(fields.unmaskingList),
  };
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MiB` : `${bytes / 1024} KiB`;
}

/** Rules that depend on the subsystem: drives that exist (resolved to ids, no repeats), stripe sizes it offers. */
export function resolveAgainstSubsystem(
  checked: CheckedRequest,
  subsystem: Subsystem,
  drives: readonly Drive[],
): RawMaxSizeRequest {
  const firstIndexById = new Map<string, number>();
  const driveIds = checked.driveRefs.map((ref, index) => {
    const field = `driveIds[${index}]`;
    const drive = resolveDrive(drives, ref, field, subsystem);
    const earlier = firstIndexById.get(drive.id);
    if (earlier !== undefined) {
      throw invalidInput(
        field,
        `drive "${drive.name}" is listed twice (also driveIds[${earlier}]); each drive at most once`,
      );
    }
    firstIndexById.set(drive.id, index);
    return drive.id;
  });
  if (checked.type === 'simple' && driveIds.length > 1) {
    throw invalidInput('driveIds', `a simple LUN uses exactly one drive (${driveIds.length} given)`);
  }
  if (checked.type === 'raid10' && driveIds.length % 2 !== 0) {
    throw invalidInput('driveIds', `a raid10 LUN needs an even number of drives (${driveIds.length} given)`);
  }
  const stripe = checked.hints.stripeSizeBytes;
  if (stripe !== undefined && !subsystem.stripeSizes.includes(stripe)) {
    const offered = subsystem.stripeSizes.map(formatBytes).join(', ');
    throw invalidInput(
      'hints.stripeSizeBytes',
      `must be one of the stripe sizes "${subsystem.name}" supports: ${offered} (${subsystem.stripeSizes.join(', ')} bytes)`,
    );
  }
  return { subsystemId: subsystem.id, type: checked.type, driveIds, hints: checked.hints };
}

export function resolveCreateAgainstSubsystem(
  checked: CheckedCreateRequest,
  subsystem: Subsystem,
  drives: readonly Drive[],
): RawCreateLunRequest {
  return {
    ...resolveAgainstSubsystem(checked, subsystem, drives),
    sizeBytes: checked.sizeBytes,
    unmaskingList: checked.unmaskingList,
  };
}
