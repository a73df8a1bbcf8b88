import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { ErrorDetails } from '../../components/ErrorDetails';
import { isFinal } from '../../store/operations-slice';
import { useApp } from '../../store/store-context';
import { useMaintenanceResult } from './use-maintenance-result';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

/** The answer to the last identify or hot-spare change of this subsystem: done, or refused with the reason. */
export function DriveActionFeedback({ subsystemId }: { subsystemId: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const feedback = useApp((s) => s.driveFeedback);
  const op = useApp((s) =>
    s.driveFeedback?.operationId ? s.operations[s.driveFeedback.operationId] : undefined,
  );
  const dismiss = useApp((s) => s.dismissDriveFeedback);
  const result = useMaintenanceResult();
  if (!feedback || feedback.subsystemId !== subsystemId) return null;
  const refusal = feedback.error ?? (op && isFinal(op) && op.state !== 'succeeded' ? op.error : undefined);
  const title = t(
    feedback.kind === 'identifyDrive' ? 'maintenance.refused.identify' : 'maintenance.refused.hotSpare',
    { drive: feedback.driveName },
  );
  return (
    <div className={styles.root} data-testid="drive-feedback" role="status">
      {refusal && <ErrorDetails error={refusal} title={title} />}
      {op?.state === 'succeeded' && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody data-testid="drive-feedback-done">{result(op)}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={dismiss}>
              {t('maintenance.dismiss')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {refusal && (
        <div>
          <Button size="small" onClick={dismiss}>
            {t('maintenance.dismiss')}
          </Button>
        </div>
      )}
    </div>
  );
}
