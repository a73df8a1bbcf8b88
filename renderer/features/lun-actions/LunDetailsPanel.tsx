import { Button, makeStyles, tokens, useRestoreFocusTarget } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Lun } from '../../../electron/contract/model';
import { useEnumLabels } from '../../components/use-enum-label';
import { formatBytes, formatInteger } from '../../lib/format';
import { useLunLabel } from '../../lib/lun-label';
import { selectDrives } from '../../store/inventory-slice';
import { LUN_ACTIONS } from '../../store/lun-actions-slice';
import { useApp } from '../../store/store-context';
import { useUnmaskingLabel } from '../inventory/unmasking-label';
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
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, whiteSpace: 'normal', wordBreak: 'break-word' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** The selected LUN: what it is, who may see it, its drives, and its actions. */
export function LunDetailsPanel({ lun }: { lun: Lun }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const labels = useEnumLabels();
  const unmasking = useUnmaskingLabel();
  const drives = useApp((s) => selectDrives(s, lun.subsystemId));
  const open = useApp((s) => s.openLunAction);
  // When an action's dialog closes, focus comes back to the button that opened it.
  const restoreFocus = useRestoreFocusTarget();
  const select = useApp((s) => s.selectLun);
  const label = useLunLabel()(lun.name || lun.id);
  const driveNames = lun.driveIds.map((id) => drives.find((d) => d.id === id)?.name ?? id);

  const facts: [string, React.ReactNode][] = [
    [t('lunDetails.type'), labels.lunType(lun.type)],
    [
      t('lunDetails.size'),
      `${formatBytes(lun.sizeBytes, i18n.language)} (${t('lunDetails.bytes', { bytes: formatInteger(lun.sizeBytes, i18n.language) })})`,
    ],
    [t('lunDetails.status'), labels.status(lun.status)],
    [t('lunDetails.health'), labels.health(lun.health)],
    [t('lunDetails.unmasking'), unmasking(lun.unmaskingList)],
    [t('lunDetails.drives'), driveNames.length > 0 ? driveNames.join(', ') : '–'],
    [t('lunDetails.identification'), lun.identification || '–'],
  ];

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
      <div className={styles.actions} role="group" aria-label={t('lunActions.menuNamed', { lun: label })}>
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
