// The references of a request on an existing LUN, resolved against the inventory before anything is queued:
// the subsystem (id or case-insensitive unique name), the LUN (id, or a name unique in that subsystem) and
// the drives of an extend (id or name, each at most once, in order), the drive of a drive kind (id or name
// unique in the subsystem). Errors name the request field.
import type { FullInventory } from './inventory';
import { invalidInput } from '../contract/errors';
import { LUN_RULE_TEXT } from '../contract/lun-rules';
import type {
  Drive,
  DriveRef,
  Lun,
  LunRef,
  OperationDriveTarget,
  OperationTarget,
  Subsystem,
} from '../contract/model';
import { objectNotFound, resolveDrive, resolveSubsystem } from '../../native/lib/resolve';

export interface ResolvedLun {
  subsystem: Subsystem;
  lun: Lun;
}

export function resolveLun(inventory: FullInventory, ref: LunRef): ResolvedLun {
  const subsystem = resolveSubsystem(inventory.subsystems, ref.subsystemId);
  const luns = inventory.luns[subsystem.id] ?? [];
  const wanted = ref.lunId.trim().toLowerCase();
  const byId = luns.filter((lun) => lun.id.toLowerCase() === wanted);
  const matches = byId.length > 0 ? byId : luns.filter((lun) => lun.name.trim().toLowerCase() === wanted);
  if (matches.length === 1) return { subsystem, lun: matches[0]! };
  if (matches.length === 0) {
    throw objectNotFound(
      'lunId',
      `lunId: subsystem "${subsystem.name}" has no LUN with the id or name "${ref.lunId}".`,
    );
  }
  const ids = matches.map((lun) => lun.id).join(', ');
  throw invalidInput(
    'lunId',
    `the name "${ref.lunId}" matches ${matches.length} LUNs (${ids}); use the LUN id`,
  );
}

/** Drive references → drive ids of the subsystem, in order, none twice. */
export function resolveDriveIds(
  inventory: FullInventory,
  subsystem: Subsystem,
  refs: readonly string[],
): string[] {
  const drives = inventory.drives[subsystem.id] ?? [];
  const firstIndexById = new Map<string, number>();
  return refs.map((ref, index) => {
    const field = `driveIds[${index}]`;
    const drive = resolveDrive(drives, ref, field, subsystem);
    const earlier = firstIndexById.get(drive.id);
    if (earlier !== undefined) throw invalidInput(field, LUN_RULE_TEXT.duplicateDrive(drive.name, earlier));
    firstIndexById.set(drive.id, index);
    return drive.id;
  });
}

/** The LUN as it is when the operation is queued. */
export function targetOf(lun: Lun): OperationTarget {
  return { lunId: lun.id, name: lun.name, sizeBytes: lun.sizeBytes, unmaskingList: lun.unmaskingList };
}

export interface ResolvedDrive {
  subsystem: Subsystem;
  drive: Drive;
}

/** A drive reference (`field`: the request field that holds it) → the drive of the subsystem. */
export function resolveDriveRef(
  inventory: FullInventory,
  ref: DriveRef,
  field: 'driveId' | 'replacementDriveId' = 'driveId',
  reference: string = ref.driveId,
): ResolvedDrive {
  const subsystem = resolveSubsystem(inventory.subsystems, ref.subsystemId);
  const drives = inventory.drives[subsystem.id] ?? [];
  return { subsystem, drive: resolveDrive(drives, reference, field, subsystem) };
}

/** The LUNs of the subsystem with an extent on the drive (by the drives each LUN lists). */
export function lunsOnDrive(inventory: FullInventory, subsystemId: string, driveId: string): Lun[] {
  return (inventory.luns[subsystemId] ?? []).filter((lun) => lun.driveIds.includes(driveId));
}

/** The drive as it is when the operation is queued (and its replacement, for replaceDrive). */
export function driveTargetOf(drive: Drive, replacement?: Drive): OperationDriveTarget {
  const target: OperationDriveTarget = { driveId: drive.id, name: drive.name };
  if (replacement) {
    target.replacementDriveId = replacement.id;
    target.replacementName = replacement.name;
  }
  return target;
}

/** 'LUN "Data A" (lun-a), LUN "Data B" (lun-b)'. */
export function lunList(luns: readonly Lun[]): string {
  return luns.map((lun) => `LUN "${lun.name}" (${lun.id})`).join(', ');
}
