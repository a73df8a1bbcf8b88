import { useTranslation } from 'react-i18next';
import type { Operation } from '../../../electron/contract/model';
import { useEnumLabels } from '../../components/use-enum-label';
import { formatBytes } from '../../lib/format';
import { useLunLabel } from '../../lib/lun-label';
import { useUnmaskingLabel } from '../inventory/unmasking-label';

/** The LUN an operation on an existing LUN works on, as the user knows it (its name, else its id). */
export function targetName(op: Operation): string {
  if (op.kind === 'createLun') return op.result?.name ?? '';
  if (op.kind === 'identifyDrive' || op.kind === 'setHotSpare' || op.kind === 'replaceDrive')
    return driveName(op);
  return op.target?.name || op.result?.name || op.target?.lunId || op.request.lunId;
}

/** The drive a drive kind works on, as the user knows it (its name, else its id). */
export function driveName(op: Operation): string {
  if (op.kind !== 'identifyDrive' && op.kind !== 'setHotSpare' && op.kind !== 'replaceDrive') return '';
  return op.driveTarget?.name || op.driveTarget?.driveId || op.request.driveId;
}

/** Each kind's own label ("Extend LUN") and one-line description ("Extend LUN Data by 1 GiB on Array A"). */
export function useOperationTitle() {
  const { t, i18n } = useTranslation();
  const labels = useEnumLabels();
  const unmasking = useUnmaskingLabel();
  const lunLabel = useLunLabel();
  const size = (bytes: number) => formatBytes(bytes, i18n.language);

  const kindLabel = (op: Operation) => t(`operationKind.${op.kind}`);

  const title = (op: Operation, subsystem: string): string => {
    const lun = lunLabel(targetName(op));
    const drive = driveName(op);
    switch (op.kind) {
      case 'createLun':
        return t('monitor.titles.createLun', {
          type: labels.lunType(op.request.type),
          size: size(op.request.sizeBytes),
          subsystem,
        });
      case 'extendLun': {
        const r = op.request;
        if (r.bytesToAdd !== undefined)
          return t('monitor.titles.extendBy', { lun, amount: size(r.bytesToAdd), subsystem });
        if (r.newSizeBytes !== undefined)
          return t('monitor.titles.extendTo', { lun, size: size(r.newSizeBytes), subsystem });
        return t('monitor.titles.extendMax', { lun, subsystem });
      }
      case 'shrinkLun': {
        const r = op.request;
        return r.bytesToRemove !== undefined
          ? t('monitor.titles.shrinkBy', { lun, amount: size(r.bytesToRemove), subsystem })
          : t('monitor.titles.shrinkTo', { lun, size: size(r.newSizeBytes ?? 0), subsystem });
      }
      case 'setLunMask':
        return t('monitor.titles.setLunMask', {
          lun,
          access: unmasking(op.request.unmaskingList),
          subsystem,
        });
      case 'deleteLun':
        return t('monitor.titles.deleteLun', { lun, subsystem });
      case 'recoverLun':
        return t('maintenance.titles.recoverLun', { lun, subsystem });
      case 'identifyDrive':
        return t(op.request.on ? 'maintenance.titles.identifyOn' : 'maintenance.titles.identifyOff', {
          drive,
          subsystem,
        });
      case 'setHotSpare':
        return t(op.request.hotSpare ? 'maintenance.titles.hotSpareOn' : 'maintenance.titles.hotSpareOff', {
          drive,
          subsystem,
        });
      case 'replaceDrive':
        return t('maintenance.titles.replaceDrive', {
          drive,
          replacement: op.driveTarget?.replacementName || op.request.replacementDriveId,
          subsystem,
        });
    }
  };

  return { kindLabel, title };
}
