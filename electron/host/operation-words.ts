// Each operation kind in words, for messages (busy refusals, journal notes) and the audit trail.
import type { Operation, OperationKind } from '../contract/model';

/** The audit trail's action. */
export const KIND_ACTION: Readonly<Record<OperationKind, string>> = {
  createLun: 'create LUN',
  extendLun: 'extend LUN',
  shrinkLun: 'shrink LUN',
  deleteLun: 'delete LUN',
  setLunMask: 'set LUN mask',
};

/** "an extend", as in "an extend (operation …) is running on LUN …". */
export const KIND_NOUN: Readonly<Record<OperationKind, string>> = {
  createLun: 'a creation',
  extendLun: 'an extend',
  shrinkLun: 'a shrink',
  deleteLun: 'a delete',
  setLunMask: 'a host access change',
};

/** 'LUN "Data 1" (lun-id)' for an operation on an existing LUN. */
export function targetLabel(op: Pick<Operation, 'target'>): string {
  return op.target ? `LUN "${op.target.name}" (${op.target.lunId})` : 'a new LUN';
}
