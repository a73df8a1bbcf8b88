// The facade's request checks, thin over the contract's schemas (electron/contract/schemas.ts: the one source
// of every request rule, the same the host dispatcher and the CLI use). Each reject is invalidInput(field, rule)
// (E_INVALIDARG), or VDS_E_OBJECT_NOT_FOUND for a subsystem / drive that doesn't exist. What is left here needs
// the subsystem: drive references resolved to drives, each at most once, and the stripe sizes it offers.
import { invalidInput, LunStudioError } from '../../electron/contract/errors';
import { LUN_RULE_TEXT } from '../../electron/contract/lun-rules';
import type {
  CreateLunRequest,
  Drive,
  LunHints,
  LunType,
  MaxLunSizeRequest,
  Subsystem,
} from '../../electron/contract/model';
import { checkWith, createLunRequestSchema, maxLunSizeRequestSchema } from '../../electron/contract/schemas';
import type { RawCreateLunRequest, RawMaxSizeRequest } from './raw-addon';
import { resolveDrive, resolveSubsystem } from './resolve';

export { STRIPED_LUN_TYPES } from '../../electron/contract/lun-rules';

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

/** A request that is not an object at all is reported as "request" (the facade's argument). */
export function requireObject(request: unknown): void {
  if (typeof request !== 'object' || request === null || Array.isArray(request))
    throw invalidInput('request', 'must be an object');
}

/** The hints the caller set (a key given as undefined is no hint). */
function definedHints(hints: LunHints | undefined): LunHints {
  return Object.fromEntries(Object.entries(hints ?? {}).filter(([, value]) => value !== undefined));
}

/** Shape checks that need no inventory (done first, so bad input never costs a provider call). */
export function checkMaxSizeRequest(request: MaxLunSizeRequest | unknown): CheckedRequest {
  requireObject(request);
  const value = checkWith(maxLunSizeRequestSchema, request);
  return {
    subsystemRef: value.subsystemId,
    type: value.type,
    driveRefs: value.driveIds ?? [],
    hints: definedHints(value.hints),
  };
}

export function checkCreateLunRequest(request: CreateLunRequest | unknown): CheckedCreateRequest {
  requireObject(request);
  const value = checkWith(createLunRequestSchema, request);
  return {
    subsystemRef: value.subsystemId,
    type: value.type,
    driveRefs: value.driveIds ?? [],
    hints: definedHints(value.hints),
    sizeBytes: value.sizeBytes,
    unmaskingList: value.unmaskingList ?? '',
  };
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MiB` : `${bytes / 1024} KiB`;
}

/** Drive references (id or unique name) → drive ids in the same order, each drive at most once. */
export function resolveDriveRefs(
  refs: readonly string[],
  subsystem: Subsystem,
  drives: readonly Drive[],
): string[] {
  const firstIndexById = new Map<string, number>();
  return refs.map((ref, index) => {
    const field = `driveIds[${index}]`;
    const drive = resolveDrive(drives, ref, field, subsystem);
    const earlier = firstIndexById.get(drive.id);
    if (earlier !== undefined) {
      throw invalidInput(field, LUN_RULE_TEXT.duplicateDrive(drive.name, earlier));
    }
    firstIndexById.set(drive.id, index);
    return drive.id;
  });
}

/** Rules that depend on the subsystem: drives that exist (resolved to ids, no repeats), stripe sizes it offers. */
export function resolveAgainstSubsystem(
  checked: CheckedRequest,
  subsystem: Subsystem,
  drives: readonly Drive[],
): RawMaxSizeRequest {
  const driveIds = resolveDriveRefs(checked.driveRefs, subsystem, drives);
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

/**
 * A checked createLun request resolved against an inventory, before anything is queued: the subsystem and drives
 * named by id or case-insensitive unique name become ids, each drive at most once, the stripe size one the
 * subsystem offers. Errors name the field under `root` (the host passes "request." for createLuns).
 */
export function resolveCreateRequest(
  request: CreateLunRequest,
  subsystems: readonly Subsystem[],
  drivesOf: (subsystemId: string) => readonly Drive[],
  root = '',
): CreateLunRequest {
  try {
    const checked = checkCreateLunRequest(request);
    const subsystem = resolveSubsystem(subsystems, checked.subsystemRef);
    const raw = resolveCreateAgainstSubsystem(checked, subsystem, drivesOf(subsystem.id));
    const resolved: CreateLunRequest = { ...request, subsystemId: raw.subsystemId };
    if (request.driveIds !== undefined) resolved.driveIds = raw.driveIds;
    return resolved;
  } catch (error) {
    if (!(error instanceof LunStudioError) || error.field === undefined || root === '') throw error;
    const shape = error.toJSON();
    const field = `${root}${error.field}`;
    const message = shape.message.startsWith(`${error.field}: `) ? `${root}${shape.message}` : shape.message;
    throw new LunStudioError({ ...shape, field, message });
  }
}
