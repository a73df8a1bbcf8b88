import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { DriveExtent } from '../../../electron/contract/model';
import { formatBytes } from '../../lib/format';
import { lunLabel } from '../../lib/lun-label';
import type { MapModel, MapRow } from './map-model';

/** What an extent is, in words: "LUN Data 1 (Mirror), 10 GiB on Bay 00" (its accessible name and hover text).
 * Stable while the model and the language stay (the map's rows are memoised on it). */
export function useExtentLabel(model: MapModel) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return useCallback(
    (row: MapRow, e: DriveExtent): string => {
      const size = formatBytes(e.sizeBytes, language);
      const drive = row.drive.name || row.drive.id;
      if (e.lunId === null) return t('capacityMap.free', { size, drive });
      const lun = model.lunsById.get(e.lunId);
      const failed = row.attention === 'failed' || row.attention === 'offline';
      return t(failed ? 'capacityMap.lunOnFailed' : 'capacityMap.lun', {
        name: lunLabel(lun ? lun.name || lun.id : e.lunId, (n) => t('lunLabel.named', { name: n })),
        type: lun ? t(`lunType.${lun.type}`) : '?',
        size,
        drive,
        status: t(`status.${row.drive.status}`),
      });
    },
    [model, t, language],
  );
}
