import { Badge, Button, makeStyles, ProgressBar, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { ApiErrorShape, Operation } from '../../../electron/contract/model';
import { ErrorDetails } from '../../components/ErrorDetails';
import { useEnumLabels } from '../../components/use-enum-label';
import { formatBytes, formatDuration } from '../../lib/format';
import { elapsedSeconds, isActive, isAsyncKind, isCancelable } from '../../store/operations-slice';
import { useOperationTitle } from '../operations/use-operation-title';

/** The heading over an ended operation's error: a cancel the user asked for is not a failure, and a canceled
 * extend or shrink left its LUN as it was (only a canceled creation created nothing). */
function outcomeTitle(op: Operation): string {
  if (op.state === 'canceled')
    return op.kind === 'createLun' ? 'monitor.canceledTitle' : 'lunActions.progress.canceled';
  return op.state === 'interrupted' ? 'monitor.interruptedTitle' : 'monitor.failed';
}

const useStyles = makeStyles({
  row: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  top: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  title: { flexGrow: 1, fontWeight: tokens.fontWeightSemibold, whiteSpace: 'normal' },
  facts: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalL,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
});

const BADGE: Record<
  Operation['state'],
  'informative' | 'brand' | 'success' | 'danger' | 'warning' | 'subtle'
> = {
  queued: 'informative',
  running: 'brand',
  succeeded: 'success',
  failed: 'danger',
  canceled: 'warning',
  interrupted: 'warning',
};

export function OperationRow(props: {
  operation: Operation;
  subsystemName: string;
  now: number;
  cancelError?: ApiErrorShape;
  onCancel: (id: string) => void;
}) {
  const { operation: op, now } = props;
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const labels = useEnumLabels();
  const titles = useOperationTitle();
  const elapsed = elapsedSeconds(op, now);
  const active = isActive(op);
  const cancelable = isCancelable(op);
  // Canceled (or cut off) while still queued: it never ran, so it has no progress to show.
  const neverStarted = op.startedAt === null && !active;
  const progressive = isAsyncKind(op.kind) && !neverStarted;
  const percent = op.state === 'succeeded' ? 100 : op.percent;
  const title = titles.title(op, props.subsystemName);
  const resized = (op.kind === 'extendLun' || op.kind === 'shrinkLun') && op.state === 'succeeded';

  return (
    <li
      className={styles.row}
      data-testid="operation-row"
      data-operation-id={op.id}
      data-batch-id={op.batchId}
      data-state={op.state}
      data-kind={op.kind}
    >
      <div className={styles.top}>
        <Badge appearance="outline" color="informative" data-testid="operation-kind">
          {titles.kindLabel(op)}
        </Badge>
        <span className={styles.title} data-testid="operation-title">
          {title}
        </span>
        <Badge appearance="tint" color={BADGE[op.state]} data-testid="operation-state">
          {labels.opState(op.state)}
        </Badge>
        {cancelable && (
          <Button
            size="small"
            onClick={() => props.onCancel(op.id)}
            aria-label={t('monitor.cancelNamed', { title })}
          >
            {t('monitor.cancel')}
          </Button>
        )}
      </div>
      {progressive && (active || op.state === 'succeeded') && (
        <ProgressBar
          value={percent === null ? undefined : percent / 100}
          max={1}
          aria-label={t('monitor.progressLabel', { title })}
          data-testid="operation-progress"
        />
      )}
      <div className={styles.facts}>
        {neverStarted ? (
          <span data-testid="operation-never-started">{t('monitorTools.neverStarted')}</span>
        ) : progressive ? (
          <span data-testid="operation-percent">
            {t('monitor.percent')}: {percent === null ? t('monitor.estimating') : `${Math.round(percent)} %`}
          </span>
        ) : (
          <span data-testid="operation-instant">{t('monitor.instant')}</span>
        )}
        {progressive && (
          <span>
            {t('monitor.elapsed')}: {elapsed === null ? '–' : formatDuration(elapsed)}
          </span>
        )}
        {progressive && active && (
          <span>
            {t('monitor.remaining')}:{' '}
            {op.etaSeconds === null ? t('monitor.unknown') : formatDuration(op.etaSeconds)}
          </span>
        )}
        {op.startedAt && (
          <span data-testid="operation-started">
            {t('monitor.startedAt')}: {new Date(op.startedAt).toLocaleString(i18n.language)}
          </span>
        )}
        {op.endedAt && (
          <span data-testid="operation-ended">
            {t('monitor.endedAt')}: {new Date(op.endedAt).toLocaleString(i18n.language)}
          </span>
        )}
        {op.result && op.kind === 'createLun' && (
          <span>{t('monitor.lunName', { name: op.result.name })}</span>
        )}
        {resized && op.result && op.target && (
          <span data-testid="operation-new-size">
            {t('monitor.newSize', {
              before: formatBytes(op.target.sizeBytes, i18n.language),
              after: formatBytes(op.result.sizeBytes, i18n.language),
            })}
          </span>
        )}
      </div>
      {op.error && (
        <ErrorDetails
          error={op.error}
          title={t(outcomeTitle(op))}
          intent={op.state === 'canceled' ? 'info' : op.state === 'interrupted' ? 'warning' : 'error'}
        />
      )}
      {props.cancelError && <ErrorDetails error={props.cancelError} title={t('wizard.run.cancelFailed')} />}
    </li>
  );
}
