import { Badge, Button, makeStyles, ProgressBar, tokens } from '@fluentui/react-components';
import { memo, type Ref, useMemo } from 'react';
import type { ApiErrorShape, Operation } from '../../../electron/contract/model';
import { ErrorDetails } from '../../components/ErrorDetails';
import { formatDuration } from '../../lib/format';
import { elapsedSeconds, isActive, isAsyncKind, isCancelable } from '../../store/operations-slice';
import type { MonitorLabels } from './monitor-labels';

/** The heading over an ended operation's error: a cancel the user asked for is not a failure, and a canceled
 * extend or shrink left its LUN as it was (only a canceled creation created nothing). */
function outcomeTitle(op: Operation, labels: MonitorLabels): string {
  if (op.state === 'canceled')
    return op.kind === 'createLun' ? labels.outcome.createCanceled : labels.outcome.resizeCanceled;
  return op.state === 'interrupted' ? labels.outcome.interrupted : labels.outcome.failed;
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

export interface OperationRowProps {
  operation: Operation;
  subsystemName: string;
  /** The clock for an active operation's elapsed time; finished ones ignore it (pass 0 to keep them still). */
  now: number;
  cancelError?: ApiErrorShape;
  onCancel: (id: string) => void;
  labels: MonitorLabels;
  /** Position in the whole (filtered) list, 0-based, and its length: the list is virtualised. */
  index: number;
  setSize: number;
  ref?: Ref<HTMLLIElement>;
}

/** One operation. Memoised: a row renders again only when its operation (a new object per change), its
 * subsystem's name, its clock, its cancel error, its position or the language changed. */
export const OperationRow = memo(function OperationRow(props: OperationRowProps) {
  const { operation: op, now, labels } = props;
  const styles = useStyles();
  const elapsed = elapsedSeconds(op, now);
  const active = isActive(op);
  const cancelable = isCancelable(op);
  // Canceled (or cut off) while still queued: it never ran, so it has no progress to show.
  const neverStarted = op.startedAt === null && !active;
  const progressive = isAsyncKind(op.kind) && !neverStarted;
  const percent = op.state === 'succeeded' ? 100 : op.percent;
  // Progress changes the operation, not what its title says: translate the title only when its words change.
  const title = useMemo(
    () => labels.title(op, props.subsystemName),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [
      labels,
      props.subsystemName,
      op.id,
      op.target?.name,
      op.target?.lunId,
      op.result?.name,
      op.driveTarget?.name,
      op.driveTarget?.replacementName,
    ],
  );
  const resized = (op.kind === 'extendLun' || op.kind === 'shrinkLun') && op.state === 'succeeded';

  return (
    <li
      ref={props.ref}
      className={styles.row}
      data-index={props.index}
      aria-posinset={props.index + 1}
      aria-setsize={props.setSize}
      data-testid="operation-row"
      data-operation-id={op.id}
      data-batch-id={op.batchId}
      data-state={op.state}
      data-kind={op.kind}
    >
      <div className={styles.top}>
        <Badge appearance="outline" color="informative" data-testid="operation-kind">
          {labels.kind[op.kind]}
        </Badge>
        <span className={styles.title} data-testid="operation-title">
          {title}
        </span>
        <Badge appearance="tint" color={BADGE[op.state]} data-testid="operation-state">
          {labels.state[op.state]}
        </Badge>
        {cancelable && (
          <Button size="small" onClick={() => props.onCancel(op.id)} aria-label={labels.cancelNamed(title)}>
            {labels.cancel}
          </Button>
        )}
      </div>
      {progressive && (active || op.state === 'succeeded') && (
        <ProgressBar
          value={percent === null ? undefined : percent / 100}
          max={1}
          aria-label={labels.progressLabel(title)}
          data-testid="operation-progress"
        />
      )}
      <div className={styles.facts}>
        {neverStarted ? (
          <span data-testid="operation-never-started">{labels.neverStarted}</span>
        ) : progressive ? (
          <span data-testid="operation-percent">
            {labels.percent}: {percent === null ? labels.estimating : `${Math.round(percent)} %`}
          </span>
        ) : (
          <span data-testid="operation-instant">{labels.instant}</span>
        )}
        {progressive && (
          <span>
            {labels.elapsed}: {elapsed === null ? '–' : formatDuration(elapsed)}
          </span>
        )}
        {progressive && active && (
          <span>
            {labels.remaining}: {op.etaSeconds === null ? labels.unknown : formatDuration(op.etaSeconds)}
          </span>
        )}
        {op.startedAt && (
          <span data-testid="operation-started">
            {labels.startedAt}: {labels.dateTime(op.startedAt)}
          </span>
        )}
        {op.endedAt && (
          <span data-testid="operation-ended">
            {labels.endedAt}: {labels.dateTime(op.endedAt)}
          </span>
        )}
        {op.result && op.kind === 'createLun' && <span>{labels.lunName(op.result.name)}</span>}
        {resized && op.result && op.target && (
          <span data-testid="operation-new-size">
            {labels.newSize(op.target.sizeBytes, op.result.sizeBytes)}
          </span>
        )}
      </div>
      {op.error && (
        <ErrorDetails
          error={op.error}
          title={outcomeTitle(op, labels)}
          intent={op.state === 'canceled' ? 'info' : op.state === 'interrupted' ? 'warning' : 'error'}
        />
      )}
      {props.cancelError && <ErrorDetails error={props.cancelError} title={labels.cancelFailed} />}
    </li>
  );
});
