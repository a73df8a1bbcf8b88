import {
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Drive, LunDetails, LunExtent } from '../../../electron/contract/model';
import { StateIcon } from '../../components/StateIcon';
import { driveAttention } from '../../lib/attention';
import { formatBytes } from '../../lib/format';

const useStyles = makeStyles({
  table: { backgroundColor: tokens.colorNeutralBackground1 },
  withIcon: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  extents: { whiteSpace: 'normal' },
});

/** The drives a LUN uses, in its drive order, with its extents on each (offset and size) and their state. */
export function LunPlacement({ details, drives }: { details: LunDetails; drives: readonly Drive[] }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const size = (bytes: number) => formatBytes(bytes, i18n.language);
  const perDrive = new Map<string, LunExtent[]>();
  for (const e of details.extents) perDrive.set(e.driveId, [...(perDrive.get(e.driveId) ?? []), e]);
  const order = [...new Set([...details.driveIds.filter((id) => perDrive.has(id)), ...perDrive.keys()])];
  const failed = new Set(details.failedDriveIds);
  return (
    <Table size="small" className={styles.table} aria-label={t('maintenance.details.placement')}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t('maintenance.details.columns.drive')}</TableHeaderCell>
          <TableHeaderCell>{t('maintenance.details.columns.state')}</TableHeaderCell>
          <TableHeaderCell>{t('maintenance.details.columns.extents')}</TableHeaderCell>
          <TableHeaderCell>{t('maintenance.details.columns.total')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {order.map((id) => {
          const drive = drives.find((d) => d.id === id);
          const extents = perDrive.get(id) ?? [];
          const attention = drive ? driveAttention(drive) : 'offline';
          const hurts = failed.has(id);
          return (
            <TableRow
              key={id}
              data-testid="lun-placement-row"
              data-drive-id={id}
              data-hurts={hurts || undefined}
            >
              <TableCell>{drive?.name ?? id}</TableCell>
              <TableCell>
                <span className={styles.withIcon}>
                  {(attention || hurts) && <StateIcon kind={attention ?? 'failed'} decorative />}
                  {drive
                    ? `${t(`status.${drive.status}`)} · ${t(`health.${drive.health}`)}`
                    : t('maintenance.details.missing')}
                  {hurts && ` · ${t('maintenance.details.hurts')}`}
                </span>
              </TableCell>
              <TableCell className={styles.extents}>
                {extents
                  .map((e) =>
                    t('maintenance.details.extent', { offset: size(e.offsetBytes), size: size(e.sizeBytes) }),
                  )
                  .join('; ')}
              </TableCell>
              <TableCell>{size(extents.reduce((sum, e) => sum + e.sizeBytes, 0))}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
