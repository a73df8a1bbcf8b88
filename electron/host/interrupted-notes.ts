// What a start can say about an operation on an existing LUN that the last run left unfinished: how the LUN
// is now in the array (read at this start) against how it was when the operation was queued, and what to check
// before trying again. (Interrupted creations are reconciled in storage-service.ts.)
import type { Drive, Lun, Operation } from '../contract/model';
import { formatSize } from './cli/size';
import { KIND_NOUN, targetLabel } from './operation-words';

const list = (unmasking: string): string => (unmasking === '' ? '"" (no host)' : `"${unmasking}"`);

/** @param now the LUN as the array reports it now; null = not in the array; undefined = could not be read. */
export function interruptedNote(op: Operation, now: Lun | null | undefined): string {
  const what = `LUN Studio stopped while ${KIND_NOUN[op.kind]} of ${targetLabel(op)} ran`;
  if (now === undefined) {
    return `${what}, and at the next start the array could not be read: check the LUN (\`lun-studio luns\`) before you try again.`;
  }
  if (op.kind === 'deleteLun') {
    return now === null
      ? `${what}; at the next start the LUN is no longer in the array: it was deleted.`
      : `${what}; at the next start the LUN is still in the array: it was not deleted, you may delete it again.`;
  }
  if (now === null) {
    return `${what}; at the next start the LUN is no longer in the array: check the subsystem (\`lun-studio luns\`).`;
  }
  if (op.kind === 'recoverLun') {
    if (now.health === 'healthy') {
      return `${what}; at the next start the LUN is healthy: the rebuild had finished.`;
    }
    return `${what}; at the next start the LUN is ${now.status}, health ${now.health}: its rebuild did not finish. Recover it again (\`lun-studio recover-lun\`).`;
  }
  if (op.kind === 'setLunMask') {
    const asked = op.request.unmaskingList;
    const state =
      now.unmaskingList === asked
        ? 'the new list is in place'
        : `it is ${list(now.unmaskingList)}, not the ${list(asked)} asked for`;
    return `${what}; at the next start ${state}: check who sees the LUN before you try again.`;
  }
  const before = op.target?.sizeBytes;
  const sizes =
    before === undefined
      ? `it has ${formatSize(now.sizeBytes)}`
      : now.sizeBytes === before
        ? `it still has its old size, ${formatSize(before)}: nothing changed`
        : `it has ${formatSize(now.sizeBytes)} (${formatSize(before)} when the ${op.kind === 'extendLun' ? 'extend' : 'shrink'} was queued)`;
  return `${what}; at the next start ${sizes}. Check its size (\`lun-studio luns\`) before you try again.`;
}

/** An interrupted drive kind: how the drive is now (`now`: the drives of its subsystem as the array reports
 * them; undefined = could not be read) against what was asked. */
export function interruptedDriveNote(op: Operation, now: readonly Drive[] | undefined): string {
  const what = `LUN Studio stopped while ${KIND_NOUN[op.kind]} of ${targetLabel(op)} ran`;
  const check = 'check the drive (`lun-studio drives`) before you try again.';
  if (now === undefined) return `${what}, and at the next start the array could not be read: ${check}`;
  const drive = now.find((candidate) => candidate.id === op.driveTarget?.driveId);
  if (!drive) return `${what}; at the next start the drive is no longer in the array: ${check}`;
  if (op.kind === 'identifyDrive') {
    const on = drive.identifying === true;
    const is = `at the next start its identify light is ${on ? 'on' : 'off'}`;
    return on === op.request.on
      ? `${what}; ${is}, as asked.`
      : `${what}; ${is}: nothing changed, you may try again.`;
  }
  if (op.kind === 'setHotSpare') {
    const spare = drive.flags.includes('hotSpare');
    const is = `at the next start it is ${spare ? '' : 'not '}a hot spare`;
    return spare === op.request.hotSpare
      ? `${what}; ${is}, as asked.`
      : `${what}; ${is}: nothing changed, you may try again.`;
  }
  if (op.kind === 'replaceDrive') {
    const replacement = now.find((candidate) => candidate.id === op.request.replacementDriveId);
    const moved = replacement !== undefined && replacement.freeBytes < replacement.sizeBytes;
    return moved
      ? `${what}; at the next start the replacement holds extents: the replacement was made. Recover the LUNs it took over (\`lun-studio recover-lun\`).`
      : `${what}; at the next start the replacement holds no extents: nothing was replaced, you may replace the drive again.`;
  }
  return `${what}; ${check}`;
}
