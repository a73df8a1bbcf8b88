import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Subsystem } from '../../../electron/contract/model';
import { CapacityBar } from '../../components/CapacityBar';
import { useEnumLabels } from '../../components/use-enum-label';
import { StateIcon } from '../../components/StateIcon';
import { type AttentionCounts, subsystemAttention } from '../../lib/attention';

const useStyles = makeStyles({
  list: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(20rem, 1fr))',
    gap: tokens.spacingHorizontalM,
    listStyle: 'none',
    margin: 0,
    padding: 0,
  },
  card: {
    appearance: 'none',
    color: 'inherit',
    font: 'inherit',
    textAlign: 'left',
    boxSizing: 'border-box',
    width: '100%',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    cursor: 'pointer',
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  selected: { border: `2px solid ${tokens.colorBrandStroke1}` },
  name: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400 },
  meta: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, whiteSpace: 'normal' },
  attention: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    whiteSpace: 'normal',
  },
  nameLine: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
});

export function SubsystemCards(props: {
  subsystems: readonly Subsystem[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  /** Drives and LUNs that need attention, by subsystem id. */
  attention: Record<string, AttentionCounts>;
}) {
  const { t } = useTranslation();
  const labels = useEnumLabels();
  const styles = useStyles();
  return (
    <ul className={styles.list} aria-label={t('inventory.subsystems.title')}>
      {props.subsystems.map((s) => (
        <li key={s.id}>
          <button
            type="button"
            className={mergeClasses(styles.card, s.id === props.selectedId && styles.selected)}
            aria-pressed={s.id === props.selectedId}
            onClick={() => props.onSelect(s.id)}
            data-testid="subsystem-card"
          >
            <span className={styles.nameLine}>
              {subsystemAttention(s) && <StateIcon kind={subsystemAttention(s)!} />}
              <span className={styles.name}>{s.name}</span>
            </span>
            <span className={styles.meta}>
              {t('inventory.subsystems.statusLine', {
                status: labels.status(s.status),
                health: labels.health(s.health),
                drives: t('inventory.subsystems.driveCount', { count: s.driveCount }),
                luns: t('inventory.subsystems.lunCount', { count: s.lunCount }),
              })}
            </span>
            <span className={styles.meta}>
              {t('inventory.subsystems.types', { types: s.supportedTypes.map(labels.lunType).join(', ') })}
            </span>
            <AttentionLine counts={props.attention[s.id]} />
            <CapacityBar capacityBytes={s.capacityBytes} freeBytes={s.freeBytes} />
          </button>
        </li>
      ))}
    </ul>
  );
}

function AttentionLine({ counts }: { counts: AttentionCounts | undefined }) {
  const { t } = useTranslation();
  const styles = useStyles();
  if (!counts) return null;
  if (counts.drives === 0 && counts.luns === 0)
    return (
      <span className={styles.meta} data-testid="subsystem-attention">
        {t('maintenance.attention.none')}
      </span>
    );
  return (
    <span className={styles.attention} data-testid="subsystem-attention">
      <StateIcon kind="degraded" decorative />
      {t('maintenance.attention.counts', {
        drives: t('maintenance.attention.drives', { count: counts.drives }),
        luns: t('maintenance.attention.luns', { count: counts.luns }),
      })}
    </span>
  );
}
