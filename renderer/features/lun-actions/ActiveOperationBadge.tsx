import { Badge, makeStyles } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { isAsyncKind, selectActiveOperationOnLun } from '../../store/operations-slice';
import { useApp } from '../../store/store-context';

const useStyles = makeStyles({
  // As wide as its words wherever it sits: a column flex box (the details panel) would stretch it otherwise.
  badge: { width: 'fit-content', maxWidth: '100%' },
});

/** "Extend LUN · 42 %" while an operation is queued or running on the LUN; nothing otherwise. */
export function ActiveOperationBadge({ lunId }: { lunId: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const op = useApp((s) => selectActiveOperationOnLun(s, lunId));
  if (!op) return null;
  const percent =
    isAsyncKind(op.kind) && op.state === 'running' && op.percent !== null
      ? ` · ${Math.round(op.percent)} %`
      : '';
  return (
    <Badge appearance="tint" color="brand" className={styles.badge} data-testid="lun-busy">
      {t(`operationKind.${op.kind}`)}
      {percent}
    </Badge>
  );
}
