import { makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiErrorShape } from '../../../electron/contract/model';
import { toErrorShape } from '../../api/api-error';
import { ErrorDetails } from '../../components/ErrorDetails';
import { isActive, isFinal } from '../../store/operations-slice';
import { useApp } from '../../store/store-context';
import { AUTO_CLOSE_DELAY_MS, loadKeepOpen, saveKeepOpen } from './keep-open';
import { MonitorFilters } from './MonitorFilters';
import { MonitorToolbar } from './MonitorToolbar';
import { useMonitorLabels } from './monitor-labels';
import { orderForMonitor } from './monitor-order';
import { filterOperations, NO_FILTER, type OperationFilter } from './operation-filter';
import { OperationList } from './OperationList';
import { useEndAnnouncement } from './use-end-announcement';
import { useNow } from './use-now';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '72rem' },
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
  const operationsMap = useApp((s) => s.operations);
  const loaded = useApp((s) => s.operationsLoaded);
  // An export while only the first page is here would leave out the rest of the history.
  const partial = useApp((s) => s.operationsPartial);
  const error = useApp((s) => s.operationsError);
  const cancelErrors = useApp((s) => s.cancelErrors);
  const subsystems = useApp((s) => s.inventory?.subsystems);
  const loadOperations = useApp((s) => s.loadOperations);
  const cancelOperation = useApp((s) => s.cancelOperation);
  const clearFinishedOperations = useApp((s) => s.clearFinishedOperations);
  const [keepOpen, setKeepOpen] = useState(loadKeepOpen);
  const [filter, setFilter] = useState<OperationFilter>(NO_FILTER);
  const [clearError, setClearError] = useState<ApiErrorShape | null>(null);
  const labels = useMonitorLabels();
  const operations = useMemo(() => orderForMonitor(operationsMap), [operationsMap]);
  const anyActive = operations.some(isActive);
  const now = useNow(anyActive);
  const wasActive = useRef(false);

  const nameOf = useMemo(() => {
    const names = new Map((subsystems ?? []).map((s) => [s.id, s.name]));
    return (id: string) => names.get(id) ?? id;
  }, [subsystems]);
  const { announcement, say } = useEndAnnouncement(operations, nameOf);
  const shown = useMemo(
    () => (filter === NO_FILTER ? operations : filterOperations(operations, filter, nameOf)),
    [operations, filter, nameOf],
  );
  const finished = useMemo(() => operations.filter(isFinal).length, [operations]);
  const onCancel = useCallback((id: string) => void cancelOperation(id), [cancelOperation]);
  // The same choices (a new array only when a subsystem comes or goes), so progress re-renders no filter.
  const subsystemIds = useMemo(
    () =>
      [...new Set([...(subsystems ?? []).map((s) => s.id), ...operations.map((op) => op.subsystemId)])].join(
        '\n',
      ),
    [subsystems, operations],
  );
  const subsystemChoices = useMemo(
    () =>
      subsystemIds
        .split('\n')
        .filter((id) => id !== '')
        .map((id) => ({ id, name: nameOf(id) })),
    [subsystemIds, nameOf],
  );

  // Main reads the history at start and events keep it current: the view reads it only if nothing has yet
  // (a read under way is joined).
  const loadedAtMount = useRef(loaded);
  useEffect(() => {
    if (!loadedAtMount.current) void loadOperations();
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

  // Stable across progress, so the toolbar (Fluent buttons, tooltips, the clear dialog) does not re-render.
  const shownRef = useRef(shown);
  shownRef.current = shown;
  const exportList = useCallback(() => shownRef.current, []);
  const onRefresh = useCallback(() => void loadOperations(), [loadOperations]);
  const onKeepOpen = useCallback((value: boolean) => {
    saveKeepOpen(value);
    setKeepOpen(value);
  }, []);

  const clear = async () => {
    try {
      const removed = await clearFinishedOperations();
      setClearError(null);
      say(t('monitorTools.cleared', { count: removed }));
    } catch (failure) {
      setClearError(toErrorShape(failure));
    }
  };
  const clearRef = useRef(clear);
  clearRef.current = clear;
  const onClear = useCallback(() => void clearRef.current(), []);

  return (
    <div className={styles.root}>
      <MonitorToolbar
        monitorWindow={monitorWindow}
        keepOpen={keepOpen}
        onKeepOpen={onKeepOpen}
        onRefresh={onRefresh}
        exportCount={shown.length}
        exportDisabled={shown.length === 0 || partial}
        exportList={exportList}
        finished={finished}
        onClear={onClear}
      />
      <MonitorFilters
        filter={filter}
        onChange={setFilter}
        subsystems={subsystemChoices}
        shown={shown.length}
        total={operations.length}
      />
      <div role="status" aria-live="polite" className={styles.srOnly} data-testid="monitor-announcer">
        {announcement}
      </div>
      {error && <ErrorDetails error={error} title={t('monitor.loadFailed')} />}
      {clearError && <ErrorDetails error={clearError} title={t('monitorTools.clearFailed')} />}
      {loaded && operations.length === 0 && <p className={styles.empty}>{t('monitor.empty')}</p>}
      {operations.length > 0 && shown.length === 0 && (
        <p className={styles.empty} data-testid="no-match">
          {t('monitorTools.noMatch')}
        </p>
      )}
      {shown.length > 0 && (
        <OperationList
          operations={shown}
          nameOf={nameOf}
          now={now}
          cancelErrors={cancelErrors}
          onCancel={onCancel}
          labels={labels}
          label={t('monitor.listLabel')}
        />
      )}
    </div>
  );
}
