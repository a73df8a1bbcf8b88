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
import type { Lun } from '../../../electron/contract/model';
import { useEnumLabels } from '../../components/use-enum-label';
import { formatBytes } from '../../lib/format';

const useStyles = makeStyles({
  table: { backgroundColor: tokens.colorNeutralBackground1 },
  wrap: { whiteSpace: 'normal', wordBreak: 'break-word' },
  empty: { color: tokens.colorNeutralForeground2 },
});

export function useUnmaskingLabel() {
  const { t } = useTranslation();
  return (list: string) =>
    list === '*' ? t('unmasking.allHosts') : list === '' ? t('unmasking.none') : list.split(';').join(', ');
}

export function LunsTable({ luns }: { luns: readonly Lun[] }) {
  const { t, i18n } = useTranslation();
  const labels = useEnumLabels();
  const unmasking = useUnmaskingLabel();
  const styles = useStyles();
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
        </TableRow>
      </TableHeader>
      <TableBody>
        {luns.map((lun) => (
          <TableRow key={lun.id} data-testid="lun-row">
            <TableCell className={styles.wrap}>{lun.name}</TableCell>
            <TableCell>{labels.lunType(lun.type)}</TableCell>
            <TableCell>{formatBytes(lun.sizeBytes, i18n.language)}</TableCell>
            <TableCell>{labels.status(lun.status)}</TableCell>
            <TableCell>{labels.health(lun.health)}</TableCell>
            <TableCell className={styles.wrap}>{unmasking(lun.unmaskingList)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
