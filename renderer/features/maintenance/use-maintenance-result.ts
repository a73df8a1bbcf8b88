import { useTranslation } from 'react-i18next';
import type { Operation } from '../../../electron/contract/model';
import { useLunLabel } from '../../lib/lun-label';
import { driveName, targetName } from '../operations/use-operation-title';

/** What a succeeded recovery or drive change did, in one sentence (null for the other kinds). */
export function useMaintenanceResult() {
  const { t } = useTranslation();
  const lunLabel = useLunLabel();
  return (op: Operation): string | null => {
    switch (op.kind) {
      case 'recoverLun':
        return t('maintenance.done.recovered', { name: lunLabel(op.result?.name || targetName(op)) });
      case 'identifyDrive':
        return t(op.request.on ? 'maintenance.done.identifyOn' : 'maintenance.done.identifyOff', {
          drive: driveName(op),
        });
      case 'setHotSpare':
        return t(op.request.hotSpare ? 'maintenance.done.hotSpareOn' : 'maintenance.done.hotSpareOff', {
          drive: driveName(op),
        });
      case 'replaceDrive':
        return t('maintenance.done.replaced', {
          drive: driveName(op),
          replacement:
            op.resultDrive?.name || op.driveTarget?.replacementName || op.request.replacementDriveId,
        });
      default:
        return null;
    }
  };
}
