import { Button, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { ErrorDetails } from '../../components/ErrorDetails';
import { selectDrives, selectLuns, selectSubsystem } from '../../store/inventory-slice';
import { useApp } from '../../store/store-context';
import { useSubsystemDrives } from '../../store/use-subsystem-drives';
import { DrivesLoadState } from '../../components/DrivesLoadState';
import { DrivesTable } from './DrivesTable';
import { LunsTable } from './LunsTable';
import { SubsystemCards } from './SubsystemCards';
import { attentionCounts, type AttentionCounts } from '../../lib/attention';
import { useMemo } from 'react';
import { DriveActionFeedback } from '../maintenance/DriveActionFeedback';
import { LUNS_HEADING_ID } from '../lun-actions/focus-after-close';
// Code-split: each in a chunk of its own.
import { CapacityMap, LunActionDialogs, LunDetailsPanel, ReplaceDriveDialog } from '../../app/lazy-views';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  toolbar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  provider: { flexGrow: 1, whiteSpace: 'normal', wordBreak: 'break-all' },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

export function InventoryView() {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const inventory = useApp((s) => s.inventory);
  const loading = useApp((s) => s.inventoryLoading);
  const error = useApp((s) => s.inventoryError);
  const selectedId = useApp((s) => s.inventorySubsystemId);
  const subsystem = useApp((s) => selectSubsystem(s, s.inventorySubsystemId));
  const drivesEntry = useSubsystemDrives(selectedId);
  const drives = useApp((s) => selectDrives(s, s.inventorySubsystemId));
  const luns = useApp((s) => selectLuns(s, s.inventorySubsystemId));
  const loadInventory = useApp((s) => s.loadInventory);
  const showSubsystem = useApp((s) => s.showSubsystem);
  const selectedLun = useApp((s) =>
    s.selectedLun && s.selectedLun.subsystemId === s.inventorySubsystemId
      ? luns.find((l) => l.id === s.selectedLun!.lunId)
      : undefined,
  );

  const attention = useMemo(() => {
    const counts: Record<string, AttentionCounts> = {};
    for (const s of inventory?.subsystems ?? [])
      counts[s.id] = attentionCounts(
        inventory?.drivesNeedingAttention[s.id] ?? 0,
        inventory?.luns[s.id] ?? [],
      );
    return counts;
  }, [inventory]);

  return (
    <div className={styles.root}>
      <h2 className={styles.heading}>{t('inventory.title')}</h2>
      <div className={styles.toolbar}>
        <span className={styles.provider} data-testid="provider-info">
          {inventory
            ? inventory.provider.statePath
              ? t('inventory.providerWithState', {
                  provider: t(`provider.${inventory.provider.name}`),
                  path: inventory.provider.statePath,
                })
              : t('inventory.provider', { provider: t(`provider.${inventory.provider.name}`) })
            : t('inventory.loading')}
          {inventory &&
            ' · ' +
              t('inventory.refreshedAt', {
                time: new Date(inventory.refreshedAt).toLocaleTimeString(i18n.language),
              })}
        </span>
        {inventory?.provider.logDir && (
          <span className={styles.provider} data-testid="log-folder">
            {t('inventory.logFolder', { path: inventory.provider.logDir })}
          </span>
        )}
        {loading && <Spinner size="tiny" aria-label={t('inventory.loading')} />}
        <Button appearance="primary" onClick={() => void loadInventory(true)} disabled={loading}>
          {t('inventory.refresh')}
        </Button>
      </div>
      {error && <ErrorDetails error={error} title={t('inventory.loadFailed')} />}
      {inventory && (
        <section className={styles.section} aria-labelledby="subsystems-heading">
          <h3 id="subsystems-heading" className={styles.heading}>
            {t('inventory.subsystems.title')}
          </h3>
          {inventory.subsystems.length === 0 ? (
            <p>{t('inventory.subsystems.empty')}</p>
          ) : (
            <SubsystemCards
              subsystems={inventory.subsystems}
              selectedId={selectedId}
              onSelect={showSubsystem}
              attention={attention}
            />
          )}
        </section>
      )}
      {subsystem && (
        <>
          <section className={styles.section} aria-labelledby="capacity-map-heading">
            <h3 id="capacity-map-heading" className={styles.heading}>
              {t('capacityMap.heading', { subsystem: subsystem.name })}
            </h3>
            {/* the drives' state (loading, error and Retry) shows once, in the drives section */}
            {drivesEntry?.drives && <CapacityMap subsystemId={subsystem.id} />}
          </section>
          <section className={styles.section} aria-labelledby="drives-heading">
            <h3 id="drives-heading" className={styles.heading}>
              {t('inventory.drives.heading', { subsystem: subsystem.name })}
            </h3>
            <DriveActionFeedback subsystemId={subsystem.id} />
            {drivesEntry?.drives && <DrivesTable drives={drives} />}
            <DrivesLoadState subsystemId={subsystem.id} entry={drivesEntry} />
          </section>
          <section className={styles.section} aria-labelledby={LUNS_HEADING_ID}>
            {/* focusable by script only: where focus lands when a dialog closes on a LUN that is gone */}
            <h3 id={LUNS_HEADING_ID} className={styles.heading} tabIndex={-1}>
              {t('inventory.luns.heading', { subsystem: subsystem.name })}
            </h3>
            <LunsTable luns={luns} />
            {selectedLun && <LunDetailsPanel lun={selectedLun} />}
          </section>
        </>
      )}
      <LunActionDialogs />
      <ReplaceDriveDialog />
    </div>
  );
}
