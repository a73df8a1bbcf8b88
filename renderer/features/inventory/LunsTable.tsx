import {
  Button,
  makeStyles,
  mergeClasses,
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
import { byId, drivesHurting, lunAttention } from '../../lib/attention';
import { useAttentionRowStyles } from '../../components/attention-styles';
import { StateIcon } from '../../components/StateIcon';
import { selectDrives, selectDrivesLoaded } from '../../store/inventory-slice';
import { useMemo } from 'react';

const useStyles = makeStyles({
  table: { backgroundColor: tokens.colorNeutralBackground1 },
  wrap: { whiteSpace: 'normal', wordBreak: 'break-word' },
  empty: { color: tokens.colorNeutralForeground2 },
  selected: { backgroundColor: tokens.colorNeutralBackground1Selected },
  name: { minWidth: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start', fontWeight: 'inherit' },
  status: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  hurtBy: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
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
  const attentionStyles = useAttentionRowStyles();
  const drives = useApp((s) => selectDrives(s, luns[0]?.subsystemId ?? null));
  // Until they are read, no drive counts as hurting (an unknown drive would).
  const drivesLoaded = useApp((s) => selectDrivesLoaded(s, luns[0]?.subsystemId ?? null));
  const drivesById = useMemo(() => byId(drives), [drives]);
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
          const attention = lunAttention(lun);
          const hurting = drivesLoaded
            ? drivesHurting(lun, drivesById).map((id) => drivesById.get(id)?.name ?? id)
            : [];
          return (
            <TableRow
              key={lun.id}
              data-testid="lun-row"
              data-lun-id={lun.id}
              aria-selected={isSelected}
              data-attention={attention ?? undefined}
              className={mergeClasses(
                isSelected && styles.selected,
                attention ? attentionStyles[attention] : undefined,
              )}
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
                  {(lun.status === 'failed' || lun.status === 'offline') && attention && (
                    <StateIcon kind={attention} decorative />
                  )}
                  {labels.status(lun.status)}
                  <ActiveOperationBadge lunId={lun.id} />
                </span>
              </TableCell>
              <TableCell>
                <span className={styles.status}>
                  {attention && <StateIcon kind={attention} />}
                  {labels.health(lun.health)}
                </span>
                {hurting.length > 0 && (
                  <span className={styles.hurtBy} data-testid="lun-hurt-by">
                    {t('maintenance.attention.hurtBy', { count: hurting.length, drives: hurting.join(', ') })}
                  </span>
                )}
              </TableCell>
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
