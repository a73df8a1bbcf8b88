import { Button, makeStyles, ProgressBar, Spinner, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Operation } from '../../../electron/contract/model';
import { ErrorDetails } from '../../components/ErrorDetails';
import { useEnumLabels } from '../../components/use-enum-label';
import { formatBytes } from '../../lib/format';
import { isCancelable } from '../../store/operations-slice';
import { useApp } from '../../store/store-context';
import { useUnmaskingLabel } from '../inventory/LunsTable';

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
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** Progress in place while the LUNs are created, then the result or the error. */
export function RunPanel({ onShowMonitor }: { onShowMonitor: () => void }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const labels = useEnumLabels();
  const unmasking = useUnmaskingLabel();
  const run = useApp((s) => s.run);
  const operations = useApp((s) => s.operations);
  const cancelErrors = useApp((s) => s.cancelErrors);
  const cancelRun = useApp((s) => s.cancelRun);
  const createAnother = useApp((s) => s.createAnother);
  if (run.phase === 'idle') return null;

  const ops = run.operationIds.map((id) => operations[id]).filter((o): o is Operation => o !== undefined);
  const anyCancelable = ops.some(isCancelable);
  const size = (bytes: number) => formatBytes(bytes, i18n.language);

  return (
    <section className={styles.root} aria-labelledby="run-heading" data-testid="run-panel">
      <h3 id="run-heading" className={styles.heading}>
        {run.phase === 'finished' ? t('wizard.run.finishedTitle') : t('wizard.run.runningTitle')}
      </h3>
      {run.phase === 'submitting' && <Spinner size="small" label={t('wizard.run.submitting')} />}
      {run.submitError && <ErrorDetails error={run.submitError} title={t('wizard.run.submitFailed')} />}
      {ops.map((op, i) => {
        const lun = run.resultLuns[op.id] ?? op.result;
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
              {op.percent !== null && ` · ${Math.round(op.percent)} %`}
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
                  access: unmasking(lun.unmaskingList),
                })}
              </span>
            )}
            {op.error && <ErrorDetails error={op.error} title={t('wizard.run.operationFailed')} />}
            {cancelErrors[op.id] && (
              <ErrorDetails error={cancelErrors[op.id]!} title={t('wizard.run.cancelFailed')} />
            )}
          </div>
        );
      })}
      <div className={styles.actions}>
        {run.phase === 'running' && (
          <Button onClick={() => void cancelRun()} disabled={!anyCancelable} data-testid="run-cancel">
            {t('wizard.run.cancel')}
          </Button>
        )}
        <Button appearance="subtle" onClick={onShowMonitor}>
          {t('wizard.run.showMonitor')}
        </Button>
        {run.phase === 'finished' && (
          <Button appearance="primary" onClick={createAnother} data-testid="create-another">
            {t('wizard.run.createAnother')}
          </Button>
        )}
      </div>
    </section>
  );
}
