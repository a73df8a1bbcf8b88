import { makeStyles, ProgressBar, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../lib/format';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  legend: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

export function CapacityBar({ capacityBytes, freeBytes }: { capacityBytes: number; freeBytes: number }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const used = Math.max(0, capacityBytes - freeBytes);
  const fraction = capacityBytes > 0 ? used / capacityBytes : 0;
  const label = t('inventory.capacity', {
    used: formatBytes(used, i18n.language),
    free: formatBytes(freeBytes, i18n.language),
    total: formatBytes(capacityBytes, i18n.language),
  });
  return (
    <div className={styles.root}>
      {/* the legend below says the same in words; the bar's 0–1 value must not become part of a card's name */}
      <ProgressBar value={fraction} max={1} thickness="large" aria-hidden="true" />
      <span className={styles.legend}>{label}</span>
    </div>
  );
}
