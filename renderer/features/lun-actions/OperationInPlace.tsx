import { Button, makeStyles, ProgressBar, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { ErrorDetails } from '../../components/ErrorDetails';
import { useEnumLabels } from '../../components/use-enum-label';
import { formatBytes, formatDuration } from '../../lib/format';
import { useLunLabel } from '../../lib/lun-label';
import { isAsyncKind, isCancelable, isFinal } from '../../store/operations-slice';
import { useApp } from '../../store/store-context';
import { CancelOutcomeNote } from '../monitor/CancelOutcomeNote';
import { targetName, useOperationTitle } from '../operations/use-operation-title';
import { useMaintenanceResult } from '../maintenance/use-maintenance-result';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  line: { whiteSpace: 'normal' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** The operation a LUN dialog queued, live: state, percent and time left (async kinds), then the result
 * or the error. */
export function OperationInPlace({
  operationId,
  subsystemName,
}: {
  operationId: string;
  subsystemName: string;
}) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const labels = useEnumLabels();
  const titles = useOperationTitle();
  const maintenanceResult = useMaintenanceResult();
  const lunLabel = useLunLabel();
  const op = useApp((s) => s.operations[operationId]);
  const cancelOutcome = useApp((s) => s.cancelOutcomes[operationId]);
  const cancelError = useApp((s) => s.cancelErrors[operationId]);
  const cancelOperation = useApp((s) => s.cancelOperation);
  if (!op) return null;
  const title = titles.title(op, subsystemName);
  const progressive = isAsyncKind(op.kind);
  const percent = op.state === 'succeeded' ? 100 : op.percent;
  const size = (bytes: number) => formatBytes(bytes, i18n.language);
  const maintenanceText = maintenanceResult(op);

  return (
    <section
      className={styles.root}
      aria-label={t('lunActions.progress.label', { title })}
      data-testid="action-operation"
      data-state={op.state}
      data-operation-id={op.id}
    >
      <span className={styles.line} data-testid="action-operation-line">
        {labels.opState(op.state)}
        {progressive && op.state === 'running' && (
          <>
            {' · '}
            {op.percent === null ? t('monitor.estimating') : `${Math.round(op.percent)} %`}
            {` · ${t('monitor.remaining')}: ${
              op.etaSeconds === null ? t('monitor.unknown') : formatDuration(op.etaSeconds)
            }`}
          </>
        )}
      </span>
      {progressive && !['failed', 'canceled', 'interrupted'].includes(op.state) && (
        <ProgressBar
          value={percent === null ? undefined : percent / 100}
          max={1}
          aria-label={t('monitor.progressLabel', { title })}
          data-testid="action-progress"
        />
      )}
      {op.state === 'succeeded' && (
        <span className={styles.line} role="status" data-testid="action-result">
          {maintenanceText !== null
            ? maintenanceText
            : op.kind === 'deleteLun'
              ? t('lunActions.progress.deleted', { lun: lunLabel(targetName(op)) })
              : op.kind === 'setLunMask'
                ? t('lunActions.progress.accessSet')
                : op.result
                  ? t('lunActions.progress.resized', {
                      lun: lunLabel(op.result.name || op.result.id),
                      size: size(op.result.sizeBytes),
                    })
                  : t('opState.succeeded')}
        </span>
      )}
      {op.error && (
        <ErrorDetails
          error={op.error}
          title={t(op.state === 'canceled' ? 'lunActions.progress.canceled' : 'lunActions.progress.failed')}
          intent={op.state === 'canceled' ? 'info' : op.state === 'interrupted' ? 'warning' : 'error'}
        />
      )}
      <CancelOutcomeNote operation={op} outcome={cancelOutcome} />
      {cancelError && <ErrorDetails error={cancelError} title={t('wizard.run.cancelFailed')} />}
      {isCancelable(op) && !isFinal(op) && (
        <div className={styles.actions}>
          <Button
            onClick={() => void cancelOperation(op.id)}
            disabled={cancelOutcome !== undefined}
            aria-label={t('monitor.cancelNamed', { title })}
            data-testid="action-cancel"
          >
            {t('monitor.cancel')}
          </Button>
        </div>
      )}
    </section>
  );
}
