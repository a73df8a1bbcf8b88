import { makeStyles, Spinner, tokens, ToggleButton } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorDetails } from '../../components/ErrorDetails';
import { selectDrives, selectLuns } from '../../store/inventory-slice';
import { useApp } from '../../store/store-context';
import { ExtentGrid } from './ExtentGrid';
import { ExtentTable } from './ExtentTable';
import { buildMapModel } from './map-model';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  toolbar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  hint: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, flexGrow: 1 },
});

/** The subsystem's drives as bars of their extents (or the same as a table), re-read whenever the inventory
 * changes. */
export function CapacityMap({ subsystemId }: { subsystemId: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const inventory = useApp((s) => s.inventory);
  const state = useApp((s) => s.subsystemExtents);
  const loadExtents = useApp((s) => s.loadExtents);
  const drives = useApp((s) => selectDrives(s, subsystemId));
  const luns = useApp((s) => selectLuns(s, subsystemId));
  const [asTable, setAsTable] = useState(false);

  useEffect(() => {
    void loadExtents(subsystemId);
  }, [subsystemId, inventory, loadExtents]);

  const extents = state?.subsystemId === subsystemId ? state.extents : null;
  const model = useMemo(
    () => (extents ? buildMapModel(drives, luns, extents) : null),
    [drives, luns, extents],
  );

  return (
    <div className={styles.root} data-testid="capacity-map">
      <div className={styles.toolbar}>
        <span className={styles.hint}>{t('capacityMap.hint')}</span>
        {state?.loading && <Spinner size="tiny" aria-label={t('capacityMap.loading')} />}
        <ToggleButton
          size="small"
          checked={asTable}
          onClick={() => setAsTable((v) => !v)}
          data-testid="capacity-map-as-table"
        >
          {t('capacityMap.asTable')}
        </ToggleButton>
      </div>
      {state?.subsystemId === subsystemId && state.error && (
        <ErrorDetails error={state.error} title={t('capacityMap.loadFailed')} />
      )}
      {model &&
        (asTable ? <ExtentTable model={model} /> : <ExtentGrid model={model} subsystemId={subsystemId} />)}
    </div>
  );
}
