import { Button, Checkbox, makeStyles, tokens, Tooltip } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiErrorShape } from '../../../electron/contract/model';
import { toErrorShape } from '../../api/api-error';
import { ErrorDetails } from '../../components/ErrorDetails';
import { isActive, isFinal } from '../../store/operations-slice';
import { useApp } from '../../store/store-context';
import { ClearFinishedDialog } from './ClearFinishedDialog';
import { downloadText, exportFileName, toCsv, toNdjson } from './export-operations';
import { AUTO_CLOSE_DELAY_MS, loadKeepOpen, saveKeepOpen } from './keep-open';
import { MonitorFilters } from './MonitorFilters';
import { useMonitorLabels } from './monitor-labels';
import { orderForMonitor } from './monitor-order';
import { filterOperations, NO_FILTER, type OperationFilter } from './operation-filter';
import { OperationList } from './OperationList';
import { useEndAnnouncement } from './use-end-announcement';
import { useNow } from './use-now';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '72rem' },
  toolbar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    fontWeight: tokens.fontWeightSemibold,
    flexGrow: 1,
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
  const subsystemChoices = useMemo(() => {
    const ids = new Set([...(subsystems ?? []).map((s) => s.id), ...operations.map((op) => op.subsystemId)]);
    return [...ids].map((id) => ({ id, name: subsystems?.find((s) => s.id === id)?.name ?? id }));
  }, [subsystems, operations]);

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

  const clear = async () => {
    try {
      const removed = await clearFinishedOperations();
      setClearError(null);
      say(t('monitorTools.cleared', { count: removed }));
    } catch (failure) {
      setClearError(toErrorShape(failure));
    }
  };

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
        <Tooltip content={t('monitorTools.exportHint', { count: shown.length })} relationship="description">
          <Button
            data-testid="export-csv"
            disabled={shown.length === 0 || partial}
            onClick={() => downloadText(exportFileName('csv'), 'text/csv;charset=utf-8', toCsv(shown))}
          >
            {t('monitorTools.exportCsv')}
          </Button>
        </Tooltip>
        <Tooltip content={t('monitorTools.exportHint', { count: shown.length })} relationship="description">
          <Button
            data-testid="export-ndjson"
            disabled={shown.length === 0 || partial}
            onClick={() =>
              downloadText(exportFileName('ndjson'), 'application/x-ndjson;charset=utf-8', toNdjson(shown))
            }
          >
            {t('monitorTools.exportNdjson')}
          </Button>
        </Tooltip>
        <ClearFinishedDialog finished={finished} onConfirm={() => void clear()} />
      </div>
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
