import { Button, makeStyles, ProgressBar, Spinner, tokens } from '@fluentui/react-components';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Operation } from '../../../electron/contract/model';
import { ErrorDetails } from '../../components/ErrorDetails';
import { useEnumLabels } from '../../components/use-enum-label';
import { formatBytes, formatDuration } from '../../lib/format';
import { elapsedSeconds, isCancelable } from '../../store/operations-slice';
import { useApp } from '../../store/store-context';
import { useUnmaskingLabel } from '../inventory/unmasking-label';
import { CancelOutcomeNote } from '../monitor/CancelOutcomeNote';
import { useNow } from '../monitor/use-now';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  op: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  line: { whiteSpace: 'normal' },
  neutral: { whiteSpace: 'normal', color: tokens.colorNeutralForeground2 },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
    outline: 'none',
  },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** The heading of a finished run says how it ended. */
function finishedTitleKey(ops: readonly Operation[]): string {
  if (ops.some((o) => o.state === 'failed' || o.state === 'interrupted'))
    return 'wizard.run.finishedFailedTitle';
  if (ops.length > 0 && ops.every((o) => o.state === 'canceled')) return 'wizard.run.canceledTitle';
  return 'wizard.run.finishedTitle';
}

/** Progress in place while the LUNs are created, then the result or the error. */
export function RunPanel({ onShowMonitor }: { onShowMonitor: () => void }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const labels = useEnumLabels();
  const unmasking = useUnmaskingLabel();
  const run = useApp((s) => s.run);
  const operations = useApp((s) => s.operations);
  const cancelErrors = useApp((s) => s.cancelErrors);
  const cancelOutcomes = useApp((s) => s.cancelOutcomes);
  const cancelRun = useApp((s) => s.cancelRun);
  const createAnother = useApp((s) => s.createAnother);
  const retryFailed = useApp((s) => s.retryFailed);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const ops = run.operationIds.map((id) => operations[id]).filter((o): o is Operation => o !== undefined);
  const anyCancelable = ops.some((o) => isCancelable(o) && !cancelOutcomes[o.id]);
  const now = useNow(ops.some(isCancelable));
  if (run.phase === 'idle') return null;

  const size = (bytes: number) => formatBytes(bytes, i18n.language);
  const retryable = ops.filter((o) => ['failed', 'canceled', 'interrupted'].includes(o.state)).length;

  const cancel = () => {
    // The button goes away: keyboard and screen-reader users stay in the run view, on its heading.
    headingRef.current?.focus();
    void cancelRun();
  };

  return (
    <section className={styles.root} aria-labelledby="run-heading" data-testid="run-panel">
      <h3
        id="run-heading"
        ref={headingRef}
        tabIndex={-1}
        className={styles.heading}
        data-testid="run-heading"
      >
        {run.phase === 'finished' ? t(finishedTitleKey(ops)) : t('wizard.run.runningTitle')}
      </h3>
      {run.phase === 'submitting' && <Spinner size="small" label={t('wizard.run.submitting')} />}
      {run.submitError && <ErrorDetails error={run.submitError} title={t('wizard.run.submitFailed')} />}
      {ops.map((op, i) => {
        const lun = run.resultLuns[op.id] ?? op.result;
        const elapsed = elapsedSeconds(op, now);
        return (
          <div
            key={op.id}
            className={styles.op}
            data-testid="run-operation"
            data-operation-id={op.id}
            data-state={op.state}
          >
            <span className={styles.line}>
              {t('wizard.run.operationLine', {
                index: i + 1,
                total: ops.length,
                state: labels.opState(op.state),
              })}
              {op.percent !== null && op.state === 'running' && ` · ${Math.round(op.percent)} %`}
              {op.state === 'running' && elapsed !== null && (
                <>
                  {` · ${t('monitor.elapsed')}: ${formatDuration(elapsed)}`}
                  {` · ${t('monitor.remaining')}: ${op.etaSeconds === null ? t('monitor.unknown') : formatDuration(op.etaSeconds)}`}
                </>
              )}
            </span>
            {!['failed', 'canceled', 'interrupted'].includes(op.state) && (
              <ProgressBar
                value={op.state === 'succeeded' ? 1 : op.percent === null ? undefined : op.percent / 100}
                max={1}
                aria-label={t('wizard.run.progressLabel', { index: i + 1 })}
              />
            )}
            {op.state === 'succeeded' && lun && (
              <span className={styles.line} data-testid="run-result" data-lun-name={lun.name}>
                {t('wizard.run.result', {
                  name: lun.name,
                  type: labels.lunType(lun.type),
                  size: size(lun.sizeBytes),
                  status: labels.status(lun.status),
                  health: labels.health(lun.health),
                  access:
                    lun.unmaskingList === '*'
                      ? t('wizard.run.accessAll')
                      : lun.unmaskingList === ''
                        ? t('wizard.run.accessNone')
                        : t('wizard.run.accessList', { list: unmasking(lun.unmaskingList) }),
                })}
              </span>
            )}
            {op.state === 'canceled' && (
              <span className={styles.neutral} data-testid="run-canceled">
                {t('monitor.canceledTitle')}
              </span>
            )}
            {op.error && op.state !== 'canceled' && (
              <ErrorDetails
                error={op.error}
                title={t(
                  op.state === 'interrupted' ? 'monitor.interruptedTitle' : 'wizard.run.operationFailed',
                )}
                intent={op.state === 'interrupted' ? 'warning' : 'error'}
              />
            )}
            <CancelOutcomeNote operation={op} outcome={cancelOutcomes[op.id]} />
            {cancelErrors[op.id] && (
              <ErrorDetails error={cancelErrors[op.id]!} title={t('wizard.run.cancelFailed')} />
            )}
          </div>
        );
      })}
      <div className={styles.actions}>
        {run.phase === 'running' && (
          <Button onClick={cancel} disabled={!anyCancelable} data-testid="run-cancel">
            {t('wizard.run.cancel')}
          </Button>
        )}
        <Button appearance="subtle" onClick={onShowMonitor}>
          {t('wizard.run.showMonitor')}
        </Button>
        {run.phase === 'finished' && retryable > 0 && (
          <Button onClick={() => void retryFailed()} data-testid="run-retry">
            {t('wizard.run.retry', { count: retryable })}
          </Button>
        )}
        {run.phase !== 'submitting' && (
          <Button
            appearance={run.phase === 'finished' ? 'primary' : 'secondary'}
            onClick={createAnother}
            data-testid="create-another"
          >
            {t('wizard.run.createAnother')}
          </Button>
        )}
      </div>
    </section>
  );
}
