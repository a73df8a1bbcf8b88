// Each operation kind in words, for messages (busy refusals, journal notes) and the audit trail.
import type { Operation, OperationKind } from '../contract/model';

/** The audit trail's action. */
export const KIND_ACTION: Readonly<Record<OperationKind, string>> = {
  createLun: 'create LUN',
  extendLun: 'extend LUN',
  shrinkLun: 'shrink LUN',
  deleteLun: 'delete LUN',
  setLunMask: 'set LUN mask',
  recoverLun: 'recover LUN',
  identifyDrive: 'identify drive',
  setHotSpare: 'set hot spare',
  replaceDrive: 'replace drive',
};

/** "an extend", as in "an extend (operation …) is running on LUN …". */
export const KIND_NOUN: Readonly<Record<OperationKind, string>> = {
  createLun: 'a creation',
  extendLun: 'an extend',
  shrinkLun: 'a shrink',
  deleteLun: 'a delete',
  setLunMask: 'a host access change',
  recoverLun: 'a recovery',
  identifyDrive: 'an identify light change',
  setHotSpare: 'a hot spare change',
  replaceDrive: 'a drive replacement',
};

/** 'drive "Bay 02" (drive-2)'. */
export function driveLabel(drive: { driveId: string; name: string }): string {
  return `drive "${drive.name}" (${drive.driveId})`;
}

/** 'LUN "Data 1" (lun-id)' for an operation on an existing LUN, 'drive "Bay 02" (drive-2)' for one on a drive
 * (replaceDrive: 'drive "Bay 02" (drive-2) and its replacement drive "Bay 05" (drive-5)'). */
export function targetLabel(op: Pick<Operation, 'target' | 'driveTarget'>): string {
  if (op.target) return `LUN "${op.target.name}" (${op.target.lunId})`;
  const drive = op.driveTarget;
  if (!drive) return 'a new LUN';
  const main = driveLabel(drive);
  if (drive.replacementDriveId === undefined) return main;
  const replacement = driveLabel({
    driveId: drive.replacementDriveId,
    name: drive.replacementName ?? drive.replacementDriveId,
  });
  return `${main} and its replacement ${replacement}`;
}
