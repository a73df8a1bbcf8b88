import { Badge, Button, makeStyles, tokens } from '@fluentui/react-components';
import { memo, type Ref, useMemo } from 'react';
import type { ApiErrorShape, Operation } from '../../../electron/contract/model';
import { ErrorDetails } from '../../components/ErrorDetails';
import { elapsedSeconds, isActive, isAsyncKind, isCancelable } from '../../store/operations-slice';
import type { MonitorLabels } from './monitor-labels';
import { ProgressFacts, RowProgressBar } from './RowProgress';

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
    // What changes inside a row (its percent, its bar) never moves anything outside it.
    contain: 'layout',
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

/** The row's first line: what it is, what it works on, its state and Cancel. Progress does not change it. */
const RowHeader = memo(function RowHeader(props: {
  id: string;
  kindLabel: string;
  title: string;
  state: Operation['state'];
  cancelable: boolean;
  onCancel: (id: string) => void;
  labels: MonitorLabels;
}) {
  const { labels } = props;
  const styles = useStyles();
  return (
    <div className={styles.top}>
      <Badge appearance="outline" color="informative" data-testid="operation-kind">
        {props.kindLabel}
      </Badge>
      <span className={styles.title} data-testid="operation-title">
        {props.title}
      </span>
      <Badge appearance="tint" color={BADGE[props.state]} data-testid="operation-state">
        {labels.state[props.state]}
      </Badge>
      {props.cancelable && (
        <Button
          size="small"
          onClick={() => props.onCancel(props.id)}
          aria-label={labels.cancelNamed(props.title)}
        >
          {labels.cancel}
        </Button>
      )}
    </div>
  );
});

/** The facts that are set once: when it started and ended, what it made. */
const EndFacts = memo(function EndFacts(props: {
  startedAt: string | null;
  endedAt: string | null;
  lunName: string | null;
  newSize: string | null;
  labels: MonitorLabels;
}) {
  const { labels } = props;
  return (
    <>
      {props.startedAt && (
        <span data-testid="operation-started">
          {labels.startedAt}: {labels.dateTime(props.startedAt)}
        </span>
      )}
      {props.endedAt && (
        <span data-testid="operation-ended">
          {labels.endedAt}: {labels.dateTime(props.endedAt)}
        </span>
      )}
      {props.lunName !== null && <span>{labels.lunName(props.lunName)}</span>}
      {props.newSize !== null && <span data-testid="operation-new-size">{props.newSize}</span>}
    </>
  );
});

/** One operation. Memoised on its operation object (a new one per change), its subsystem's name, its clock,
 * its cancel error, its position and the language; inside, each part renders again only when what it shows
 * changed, so a progress report re-renders the percent, the bar and the times, nothing else. */
export const OperationRow = memo(function OperationRow(props: OperationRowProps) {
  const { operation: op, now, labels } = props;
  const styles = useStyles();
  const active = isActive(op);
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
  const newSize =
    resized && op.result && op.target ? labels.newSize(op.target.sizeBytes, op.result.sizeBytes) : null;

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
      <RowHeader
        id={op.id}
        kindLabel={labels.kind[op.kind]}
        title={title}
        state={op.state}
        cancelable={isCancelable(op)}
        onCancel={props.onCancel}
        labels={labels}
      />
      {progressive && (active || op.state === 'succeeded') && (
        <RowProgressBar percent={percent} title={title} labels={labels} />
      )}
      <div className={styles.facts}>
        <ProgressFacts
          mode={neverStarted ? 'neverStarted' : progressive ? 'progressive' : 'instant'}
          percent={percent}
          elapsed={progressive ? elapsedSeconds(op, now) : null}
          etaSeconds={progressive && active ? op.etaSeconds : undefined}
          labels={labels}
        />
        <EndFacts
          startedAt={op.startedAt}
          endedAt={op.endedAt}
          lunName={op.result && op.kind === 'createLun' ? op.result.name : null}
          newSize={newSize}
          labels={labels}
        />
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
