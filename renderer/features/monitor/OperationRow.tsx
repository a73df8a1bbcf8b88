import { Badge, Button, makeStyles, ProgressBar, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { ApiErrorShape, Operation, OperationState } from '../../../electron/contract/model';
import { ErrorDetails } from '../../components/ErrorDetails';
import { useEnumLabels } from '../../components/use-enum-label';
import { formatBytes, formatDuration } from '../../lib/format';
import { elapsedSeconds, isCancelable } from '../../store/operations-slice';

/** The heading over an ended operation's error: a cancel the user asked for is not a failure. */
const OUTCOME_TITLE: Partial<Record<OperationState, string>> = {
  canceled: 'monitor.canceledTitle',
  interrupted: 'monitor.interruptedTitle',
};

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
  const elapsed = elapsedSeconds(op, now);
  const active = isCancelable(op);
  const percent = op.state === 'succeeded' ? 100 : op.percent;
  const title = t('monitor.operationTitle', {
    type: labels.lunType(op.request.type),
    size: formatBytes(op.request.sizeBytes, i18n.language),
    subsystem: props.subsystemName,
  });

  return (
    <li
      className={styles.row}
      data-testid="operation-row"
      data-operation-id={op.id}
      data-batch-id={op.batchId}
      data-state={op.state}
    >
      <div className={styles.top}>
        <span className={styles.title}>{title}</span>
        <Badge appearance="tint" color={BADGE[op.state]} data-testid="operation-state">
          {labels.opState(op.state)}
        </Badge>
        {active && (
          <Button
            size="small"
            onClick={() => props.onCancel(op.id)}
            aria-label={t('monitor.cancelNamed', { title })}
          >
            {t('monitor.cancel')}
          </Button>
        )}
      </div>
      {(active || op.state === 'succeeded') && (
        <ProgressBar
          value={percent === null ? undefined : percent / 100}
          max={1}
          aria-label={t('monitor.progressLabel', { title })}
          data-testid="operation-progress"
        />
      )}
      <div className={styles.facts}>
        <span data-testid="operation-percent">
          {t('monitor.percent')}: {percent === null ? t('monitor.estimating') : `${Math.round(percent)} %`}
        </span>
        <span>
          {t('monitor.elapsed')}: {elapsed === null ? '–' : formatDuration(elapsed)}
        </span>
        {active && (
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
        {op.result && <span>{t('monitor.lunName', { name: op.result.name })}</span>}
      </div>
      {op.error && (
        <ErrorDetails
          error={op.error}
          title={t(OUTCOME_TITLE[op.state] ?? 'monitor.failed')}
          intent={op.state === 'canceled' ? 'info' : op.state === 'interrupted' ? 'warning' : 'error'}
        />
      )}
      {props.cancelError && <ErrorDetails error={props.cancelError} title={t('wizard.run.cancelFailed')} />}
    </li>
  );
}
