import { Button, Checkbox, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorDetails } from '../../components/ErrorDetails';
import { useEnumLabels } from '../../components/use-enum-label';
import type { OperationState } from '../../../electron/contract/model';
import { isActive, isFinal, selectOperationsForMonitor } from '../../store/operations-slice';
import { useApp } from '../../store/store-context';
import { AUTO_CLOSE_DELAY_MS, loadKeepOpen, saveKeepOpen } from './keep-open';
import { OperationRow } from './OperationRow';
import { useNow } from './use-now';
import { useOperationTitle } from '../operations/use-operation-title';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '72rem' },
  toolbar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    fontWeight: tokens.fontWeightSemibold,
    flexGrow: 1,
  },
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  empty: { color: tokens.colorNeutralForeground2 },
  srOnly: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
  },
});

export function MonitorView({ monitorWindow }: { monitorWindow: boolean }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const labels = useEnumLabels();
  const titles = useOperationTitle();
  const seenStates = useRef<Record<string, OperationState> | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const operationsMap = useApp((s) => s.operations);
  const loaded = useApp((s) => s.operationsLoaded);
  const error = useApp((s) => s.operationsError);
  const cancelErrors = useApp((s) => s.cancelErrors);
  const subsystems = useApp((s) => s.inventory?.subsystems);
  const loadOperations = useApp((s) => s.loadOperations);
  const cancelOperation = useApp((s) => s.cancelOperation);
  const [keepOpen, setKeepOpen] = useState(loadKeepOpen);
  const operations = useMemo(
    () => selectOperationsForMonitor({ operations: operationsMap } as never),
    [operationsMap],
  );
  const anyActive = operations.some(isActive);
  const now = useNow(anyActive);
  const wasActive = useRef(false);

  useEffect(() => {
    void loadOperations();
  }, [loadOperations]);

  // The desktop monitor window closes itself a little after the last operation finished, unless kept open.
  useEffect(() => {
    if (anyActive) {
      wasActive.current = true;
      return;
    }
    if (!monitorWindow || keepOpen || !wasActive.current) return;
    const timer = setTimeout(() => window.close(), AUTO_CLOSE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [anyActive, keepOpen, monitorWindow]);

  const nameOf = (id: string) => subsystems?.find((s) => s.id === id)?.name ?? id;

  // Screen readers hear when an operation ends (the list itself stays quiet: it changes every second).
  useEffect(() => {
    const previous = seenStates.current;
    const current: Record<string, OperationState> = {};
    for (const op of operations) current[op.id] = op.state;
    seenStates.current = current;
    if (!previous) return;
    const ended = operations.filter(
      (op) => isFinal(op) && previous[op.id] !== undefined && previous[op.id] !== op.state,
    );
    if (ended.length === 0) return;
    setAnnouncement(
      ended
        .map((op) =>
          t('monitor.announce', {
            state: labels.opState(op.state),
            title: titles.title(op, nameOf(op.subsystemId)),
          }),
        )
        .join(' '),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [operations]);

  return (
    <div className={styles.root}>
      <div className={styles.toolbar}>
        <h2 className={styles.heading}>{t('monitor.title')}</h2>
        {monitorWindow && (
          <Checkbox
            checked={keepOpen}
            onChange={(_, data) => {
              const value = data.checked === true;
              saveKeepOpen(value);
              setKeepOpen(value);
            }}
            label={t('monitor.keepOpen')}
          />
        )}
        <Button onClick={() => void loadOperations()}>{t('monitor.refresh')}</Button>
      </div>
      <div role="status" aria-live="polite" className={styles.srOnly} data-testid="monitor-announcer">
        {announcement}
      </div>
      {error && <ErrorDetails error={error} title={t('monitor.loadFailed')} />}
      {loaded && operations.length === 0 && <p className={styles.empty}>{t('monitor.empty')}</p>}
      <ul className={styles.list} aria-label={t('monitor.listLabel')} aria-live="off">
        {operations.map((op) => (
          <OperationRow
            key={op.id}
            operation={op}
            subsystemName={nameOf(op.subsystemId)}
            now={now}
            cancelError={cancelErrors[op.id]}
            onCancel={(id) => void cancelOperation(id)}
          />
        ))}
      </ul>
    </div>
  );
}
