import {
  Button,
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
import type { Lun } from '../../../electron/contract/model';
import { useEnumLabels } from '../../components/use-enum-label';
import { formatBytes } from '../../lib/format';
import { useLunLabel } from '../../lib/lun-label';
import { useApp } from '../../store/store-context';
import { ActiveOperationBadge } from '../lun-actions/ActiveOperationBadge';
import { LunActionsMenu } from '../lun-actions/LunActionsMenu';
import { useUnmaskingLabel } from './unmasking-label';

const useStyles = makeStyles({
  table: { backgroundColor: tokens.colorNeutralBackground1 },
  wrap: { whiteSpace: 'normal', wordBreak: 'break-word' },
  empty: { color: tokens.colorNeutralForeground2 },
  selected: { backgroundColor: tokens.colorNeutralBackground1Selected },
  name: { minWidth: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start', fontWeight: 'inherit' },
  status: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalXS },
});

/** The subsystem's LUNs: selecting a row (its name) opens its details; each row has its actions menu. */
export function LunsTable({ luns }: { luns: readonly Lun[] }) {
  const { t, i18n } = useTranslation();
  const labels = useEnumLabels();
  const unmasking = useUnmaskingLabel();
  const lunLabel = useLunLabel();
  const styles = useStyles();
  const selected = useApp((s) => s.selectedLun);
  const select = useApp((s) => s.selectLun);
  if (luns.length === 0) return <p className={styles.empty}>{t('inventory.luns.empty')}</p>;
  return (
    <Table aria-label={t('inventory.luns.title')} className={styles.table} size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t('inventory.luns.columns.name')}</TableHeaderCell>
          <TableHeaderCell>{t('inventory.luns.columns.type')}</TableHeaderCell>
          <TableHeaderCell>{t('inventory.luns.columns.size')}</TableHeaderCell>
          <TableHeaderCell>{t('inventory.luns.columns.status')}</TableHeaderCell>
          <TableHeaderCell>{t('inventory.luns.columns.health')}</TableHeaderCell>
          <TableHeaderCell>{t('inventory.luns.columns.unmasking')}</TableHeaderCell>
          <TableHeaderCell>{t('inventory.luns.columns.actions')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {luns.map((lun) => {
          const isSelected = selected?.lunId === lun.id;
          const name = lun.name || lun.id;
          return (
            <TableRow
              key={lun.id}
              data-testid="lun-row"
              data-lun-id={lun.id}
              aria-selected={isSelected}
              className={isSelected ? styles.selected : undefined}
              onClick={() => select({ subsystemId: lun.subsystemId, lunId: lun.id })}
            >
              <TableCell className={styles.wrap}>
                <Button
                  appearance="transparent"
                  className={styles.name}
                  aria-pressed={isSelected}
                  aria-label={t('lunDetails.showNamed', { lun: lunLabel(name) })}
                  data-testid="lun-select"
                >
                  {name}
                </Button>
              </TableCell>
              <TableCell>{labels.lunType(lun.type)}</TableCell>
              <TableCell>{formatBytes(lun.sizeBytes, i18n.language)}</TableCell>
              <TableCell>
                <span className={styles.status}>
                  {labels.status(lun.status)}
                  <ActiveOperationBadge lunId={lun.id} />
                </span>
              </TableCell>
              <TableCell>{labels.health(lun.health)}</TableCell>
              <TableCell className={styles.wrap}>{unmasking(lun.unmaskingList)}</TableCell>
              <TableCell onClick={(e) => e.stopPropagation()}>
                <LunActionsMenu lun={lun} />
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
