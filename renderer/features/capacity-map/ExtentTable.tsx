import { makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useLunLabel } from '../../lib/lun-label';
import { formatBytes } from '../../lib/format';
import type { MapModel } from './map-model';

const useStyles = makeStyles({
  scroller: { maxHeight: '480px', overflowY: 'auto', border: `1px solid ${tokens.colorNeutralStroke2}` },
  table: {
    borderCollapse: 'collapse',
    width: '100%',
    backgroundColor: tokens.colorNeutralBackground1,
    fontSize: tokens.fontSizeBase200,
    '& th, & td': {
      textAlign: 'start',
      padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
      borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    },
    '& thead th': { position: 'sticky', top: 0, backgroundColor: tokens.colorNeutralBackground1 },
  },
  caption: { textAlign: 'start', padding: tokens.spacingHorizontalS, captionSide: 'top' },
});

/** The capacity map's data as a plain table: every extent of every drive, in bus, slot and offset order. */
export function ExtentTable({ model }: { model: MapModel }) {
  const { t, i18n } = useTranslation();
  const lunLabel = useLunLabel();
  const styles = useStyles();
  const size = (bytes: number) => formatBytes(bytes, i18n.language);
  return (
    <div className={styles.scroller} tabIndex={0} role="region" aria-label={t('capacityMap.tableLabel')}>
      <table className={styles.table} data-testid="capacity-table">
        <caption className={styles.caption}>{t('capacityMap.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('capacityMap.columns.drive')}</th>
            <th scope="col">{t('capacityMap.columns.busSlot')}</th>
            <th scope="col">{t('capacityMap.columns.driveStatus')}</th>
            <th scope="col">{t('capacityMap.columns.holds')}</th>
            <th scope="col">{t('capacityMap.columns.offset')}</th>
            <th scope="col">{t('capacityMap.columns.size')}</th>
          </tr>
        </thead>
        <tbody>
          {model.rows.flatMap((row) =>
            row.extents.map((e) => {
              const lun = e.lunId === null ? undefined : model.lunsById.get(e.lunId);
              return (
                <tr
                  key={`${row.drive.id}:${e.offsetBytes}`}
                  data-testid="capacity-table-row"
                  data-drive-id={row.drive.id}
                  data-lun-id={e.lunId ?? undefined}
                >
                  <th scope="row">{row.drive.name || row.drive.id}</th>
                  <td>{t('capacityMap.busSlot', { bus: row.drive.bus, slot: row.drive.slot })}</td>
                  <td>
                    {t(`status.${row.drive.status}`)} · {t(`health.${row.drive.health}`)}
                  </td>
                  <td>
                    {e.lunId === null
                      ? t('capacityMap.freeShort')
                      : t('capacityMap.lunShort', { name: lunLabel(lun ? lun.name || lun.id : e.lunId) })}
                  </td>
                  <td>{size(e.offsetBytes)}</td>
                  <td>{size(e.sizeBytes)}</td>
                </tr>
              );
            }),
          )}
        </tbody>
      </table>
    </div>
  );
}
