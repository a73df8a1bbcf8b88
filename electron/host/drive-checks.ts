// What the host refuses on a drive before anything is queued, in words that name what is in the way: a hot
// spare on a drive that holds LUNs (or is failed), clearing a hot spare that stands in for a failed drive, a
// replacement whose two references name one drive, and a replacement under a LUN that is changing.
import { HRESULT, invalidInput, LunStudioError } from '../contract/errors';
import type { Drive, Lun, Operation } from '../contract/model';
import { driveLabel, KIND_NOUN, targetLabel } from './operation-words';
import { lunList } from './lun-references';

const labelOf = (drive: Drive): string => driveLabel({ driveId: drive.id, name: drive.name });

/** setHotSpare on: the drive must hold no LUN and not be failed; off: not while it stands in for a drive. */
export function refuseHotSpareChange(drive: Drive, hotSpare: boolean, lunsOnIt: readonly Lun[]): void {
  if (hotSpare && lunsOnIt.length > 0) {
    throw new LunStudioError({
      code: 'VDS_E_DEVICE_IN_USE',
      hresult: HRESULT.VDS_E_DEVICE_IN_USE,
      message: `${capitalized(labelOf(drive))} is in use: it holds ${lunList(lunsOnIt)}. Only a drive with no LUN on it can be a hot spare; nothing was changed.`,
      action:
        'Pick a drive flagged Unassigned (`lun-studio drives SUBSYSTEM`), or delete the LUNs on this one first.',
      field: 'driveId',
    });
  }
  if (hotSpare && drive.status === 'failed') {
    throw new LunStudioError({
      code: 'VDS_E_OPERATION_DENIED',
      hresult: HRESULT.VDS_E_OPERATION_DENIED,
      message: `${capitalized(labelOf(drive))} has failed: a failed drive cannot stand in for another one. Nothing was changed.`,
      action: 'Pick a healthy drive flagged Unassigned (`lun-studio drives SUBSYSTEM`).',
      field: 'driveId',
    });
  }
  if (!hotSpare && drive.flags.includes('hotSpareInUse')) {
    const holds = lunsOnIt.length > 0 ? ` and holds ${lunList(lunsOnIt)}` : '';
    throw new LunStudioError({
      code: 'VDS_E_DEVICE_IN_USE',
      hresult: HRESULT.VDS_E_DEVICE_IN_USE,
      message: `${capitalized(labelOf(drive))} is a hot spare in use: it stands in for a failed drive${holds}, so it stays a hot spare. Nothing was changed.`,
      action: 'Leave it as it is; `lun-studio lun SUBSYSTEM LUN` shows which drives each LUN uses.',
      field: 'driveId',
    });
  }
}

/** The two references of a replacement resolved to one drive (an id and a name of the same drive). */
export function refuseSameDrive(drive: Drive, replacement: Drive): void {
  if (drive.id !== replacement.id) return;
  throw invalidInput(
    'replacementDriveId',
    `must be a different drive than the one it replaces (both name ${labelOf(drive)})`,
  );
}

/** A replacement moves every extent of the old drive: not while an operation runs or waits on one of its LUNs. */
export function refuseReplaceUnderBusyLun(old: Drive, busy: Operation | undefined): void {
  if (!busy) return;
  throw new LunStudioError({
    code: 'E_LUN_BUSY',
    hresult: HRESULT.VDS_E_DEVICE_IN_USE,
    message: `${KIND_NOUN[busy.kind]} (operation ${busy.id}) is ${busy.state} on ${targetLabel(busy)}, which has an extent on ${labelOf(old)}: a drive is not replaced under a LUN that is changing, so this replacement was not queued.`,
    action: 'Wait for it to end (`lun-studio operations`) or cancel it, then try again.',
  });
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
