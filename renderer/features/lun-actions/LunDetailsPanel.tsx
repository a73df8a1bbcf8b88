import { Button, makeStyles, Spinner, tokens, useRestoreFocusTarget } from '@fluentui/react-components';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lun } from '../../../electron/contract/model';
import { useEnumLabels } from '../../components/use-enum-label';
import { StateIcon } from '../../components/StateIcon';
import { ErrorDetails } from '../../components/ErrorDetails';
import { byId, drivesHurting, lunAttention } from '../../lib/attention';
import { formatBytes, formatInteger } from '../../lib/format';
import { useLunLabel } from '../../lib/lun-label';
import { selectDrives } from '../../store/inventory-slice';
import { LUN_ACTIONS } from '../../store/lun-actions-slice';
import { useApp } from '../../store/store-context';
import { useSubsystemDrives } from '../../store/use-subsystem-drives';
import { useUnmaskingLabel } from '../inventory/unmasking-label';
import { LunPlacement } from '../maintenance/LunPlacement';
import { LunIdentifiers } from '../maintenance/LunIdentifiers';
import { ActiveOperationBadge } from './ActiveOperationBadge';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  subheading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, whiteSpace: 'normal', wordBreak: 'break-word' },
  withIcon: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** The selected LUN: what it is, who may see it, its identifiers, where it lives (drives and extents) and
 * what hurts it, and its actions. */
export function LunDetailsPanel({ lun }: { lun: Lun }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const labels = useEnumLabels();
  const unmasking = useUnmaskingLabel();
  const drivesEntry = useSubsystemDrives(lun.subsystemId);
  const drives = useApp((s) => selectDrives(s, lun.subsystemId));
  const drivesKnown = drivesEntry?.drives != null;
  const open = useApp((s) => s.openLunAction);
  // When an action's dialog closes, focus comes back to the button that opened it.
  const restoreFocus = useRestoreFocusTarget();
  const select = useApp((s) => s.selectLun);
  const loadDetails = useApp((s) => s.loadLunDetails);
  const detailsState = useApp((s) => (s.lunDetails?.lunId === lun.id ? s.lunDetails : null));
  const name = lun.name || lun.id;
  const label = useLunLabel()(name);
  const drivesById = byId(drives);
  const driveNames = lun.driveIds.map((id) => drivesById.get(id)?.name ?? id);
  const attention = lunAttention(lun);
  const details = detailsState?.details ?? null;
  // The provider's word on what hurts it, else what the drive states say (once they are read: a drive not in
  // a list not read yet is not a failed one).
  const hurting = (details?.failedDriveIds ?? (drivesKnown ? drivesHurting(lun, drivesById) : [])).map(
    (id) => drivesById.get(id)?.name ?? id,
  );

  // Re-read whenever the inventory has a new version of this LUN (its health or size changed).
  useEffect(() => {
    void loadDetails({ subsystemId: lun.subsystemId, lunId: lun.id });
  }, [lun, loadDetails]);

  const facts: [string, React.ReactNode][] = [
    [t('lunDetails.type'), labels.lunType(lun.type)],
    [
      t('lunDetails.size'),
      `${formatBytes(lun.sizeBytes, i18n.language)} (${t('lunDetails.bytes', { bytes: formatInteger(lun.sizeBytes, i18n.language) })})`,
    ],
    [
      t('maintenance.details.stripeSize'),
      lun.stripeSizeBytes ? formatBytes(lun.stripeSizeBytes, i18n.language) : '–',
    ],
    [t('lunDetails.status'), labels.status(lun.status)],
    [
      t('lunDetails.health'),
      <span className={styles.withIcon} key="health">
        {attention && <StateIcon kind={attention} decorative />}
        {labels.health(lun.health)}
        {hurting.length > 0 &&
          ` · ${t('maintenance.attention.hurtBy', { count: hurting.length, drives: hurting.join(', ') })}`}
      </span>,
    ],
    [t('lunDetails.unmasking'), unmasking(lun.unmaskingList)],
    [t('lunDetails.drives'), driveNames.length > 0 ? driveNames.join(', ') : '–'],
    [t('lunDetails.identification'), lun.identification || '–'],
  ];
  const canRecover = attention === 'degraded' || attention === 'failed';

  return (
    <section className={styles.root} aria-labelledby="lun-details-heading" data-testid="lun-details">
      <h4 id="lun-details-heading" className={styles.heading}>
        {t('lunDetails.heading', { lun: label })}
      </h4>
      <ActiveOperationBadge lunId={lun.id} />
      <dl className={styles.facts}>
        {facts.map(([term, value]) => (
          <div key={term} style={{ display: 'contents' }}>
            <dt className={styles.term}>{term}</dt>
            <dd className={styles.value}>{value}</dd>
          </div>
        ))}
      </dl>
      {detailsState?.loading && !details && <Spinner size="tiny" label={t('maintenance.details.loading')} />}
      {detailsState?.error && (
        <ErrorDetails error={detailsState.error} title={t('maintenance.details.loadFailed')} />
      )}
      {details && (
        <>
          <h5 className={styles.subheading}>{t('maintenance.details.identifiers')}</h5>
          <LunIdentifiers data={details.identificationData} />
          <h5 className={styles.subheading}>{t('maintenance.details.placement')}</h5>
          <LunPlacement details={details} drives={drives} />
        </>
      )}
      <div className={styles.actions} role="group" aria-label={t('lunActions.menuNamed', { lun: label })}>
        {canRecover && (
          <Button
            appearance="primary"
            onClick={() => open('recover', lun)}
            data-testid="details-action-recover"
          >
            {t('maintenance.recover.action')}
          </Button>
        )}
        {LUN_ACTIONS.map((action) => (
          <Button
            key={action}
            {...restoreFocus}
            appearance={action === 'delete' ? 'secondary' : 'primary'}
            onClick={() => open(action, lun)}
            data-testid={`details-action-${action}`}
          >
            {t(`lunActions.${action}.action`)}
          </Button>
        ))}
        <Button appearance="subtle" onClick={() => select(null)}>
          {t('lunDetails.close')}
        </Button>
      </div>
    </section>
  );
}
